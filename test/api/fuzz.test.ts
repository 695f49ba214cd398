/**
 * Property-based tests of every HTTP endpoint (src/routes/*.ts, src/app.ts):
 * random and adversarial bodies, headers, queries, paths and methods. For
 * every request: never a 5xx (and nothing logged as unexpected), only the
 * statuses the endpoint can answer, the PROTOCOL.md §6 error shape for every
 * refusal, and a refusal leaves every table as it was (up to the refusal
 * counters documented in `allowedRefusalWrite`). Valid random conversations
 * round-trip through the real protocol library.
 *
 * Each property has its own fixed seed (derived from its name), so a failure
 * is reproducible and the properties do not all draw the same inputs.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { hasInvisibleCharacters } from '../../src/wire/profile-text.ts';
import {
  COUNTIES,
  LANGUAGES,
  resolveTerm,
  SPECIALTIES,
  type Term,
  VOCABULARY,
} from '../../src/wire/vocabulary.ts';
import {
  type DoctorMessage,
  fromB64,
  openDoctorMessage,
  openReply,
  type SealedDoctorMessage,
  type SealedReply,
  toB64,
} from '../../web/src/protocol/index.ts';
import {
  createInvite,
  type Doctor,
  joinSupporter,
  logIn,
  loginProof,
  newDoctor,
  type Profile,
  placeholderVault,
  register,
  registrationFor,
  type Supporter,
  sampleProfile,
  solvedProof,
  submit,
} from '../support/actors.ts';
import { randomB64 } from '../support/bytes.ts';
import {
  type BodyCase,
  bodyCase,
  contentTypeCase,
  expectErrorShape,
  expectRefusalWroteNothing,
  isJsonContentType,
  MAX_BODY_BYTES,
  nastyString,
  nonCanonicalB64,
  type Path,
  parseLikeFetch,
  queryCase,
  type RawRequest,
  renderBody,
  send,
  snapshotTables,
  utf8Bytes,
  wellFormedNastyString,
} from '../support/fuzz-helpers.ts';
import { createHarness, type Harness, OPERATOR_TOKEN } from '../support/harness.ts';
import type { ApiResponse } from '../support/transport.ts';

/**
 * Generous limits, so the properties reach past the throttles; the throttles
 * themselves have properties of their own below. A login that has failed five
 * times needs a proof of work (`400 bad_pow` without one); that has a
 * property below too.
 */
const FUZZ_ENV = {
  POW_SURGE_PER_MINUTE: '1000000',
  SUBMISSIONS_PER_HOUR: '10000000',
  SUBMISSIONS_PER_SUPPORTER_PER_HOUR: '1000000',
};

let harness: Harness | undefined;
afterEach(() => {
  harness?.dispose();
  harness = undefined;
});

async function start(env: Record<string, string> = {}): Promise<Harness> {
  harness = await createHarness({ env: { ...FUZZ_ENV, ...env } });
  return harness;
}

/** A fixed seed per property, derived from its name (FNV-1a), so each draws its own inputs. */
function seedOf(name: string): number {
  let hash = 0x811c9dc5;
  for (const char of name) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash | 0;
}

async function check<Ts>(name: string, property: fc.IAsyncProperty<Ts>, numRuns: number) {
  await fc.assert(property, { numRuns, seed: seedOf(name) });
}

// ---------------------------------------------------------------------------
// The world every endpoint is fuzzed in

interface World {
  harness: Harness;
  /** Available; the supporter most calls act as. */
  supporter: Supporter;
  /** Marked away. */
  away: Supporter;
  /** Deactivated by the operator. */
  inactive: Supporter;
  /** Has written to `supporter`, and has a reply waiting. */
  doctor: Doctor;
  /** Has written to no one. */
  stranger: Doctor;
  /** Wrote to `supporter`, then deleted the mailbox (PROTOCOL.md §10.2). */
  deleted: Doctor;
  /** An item in `supporter`'s archive (§10.3). */
  archivedId: string;
  /** A well-formed doctor's copy (§10.1) of a message not sent. */
  copy: string;
  message: { id: string; ciphertext: string; opened: DoctorMessage };
  replyId: string;
  /** Sealed from `doctor` to `supporter`, not sent yet. */
  pendingMessages: SealedDoctorMessage[];
  /** Sealed from `supporter` to `doctor`, not sent yet. */
  pendingReplies: SealedReply[];
  usedInvite: string;
  /** Every active supporter with the fields the directory filters on. */
  directory: {
    id: string;
    county: string;
    specialties: string[];
    languages: string[];
    modalities: string[];
  }[];
  spentProof: { challenge: string; nonce: string };
  counter: number;
}

const AWAY_PROFILE = {
  name: 'Ola Nordmann',
  county: 'oslo',
  town: 'Oslo',
  specialties: ['general-practice'],
  languages: ['en'],
  modalities: ['video'],
} satisfies Profile;

function expectStatus(response: ApiResponse, status: number): ApiResponse {
  expect(response.status, response.text).toBe(status);
  return response;
}

async function buildWorld(h: Harness): Promise<World> {
  const supporter = await joinSupporter(h);
  const away = await joinSupporter(h, { profile: AWAY_PROFILE });
  await expectStatus(
    await h.request('PATCH', '/api/v1/me', { token: away.token, body: { status: 'away' } }),
    200,
  );
  const inactive = await joinSupporter(h, { profile: { county: 'troms', town: 'Tromsø' } });
  await expectStatus(
    await h.request('PATCH', `/api/v1/admin/supporters/${inactive.id}`, {
      token: OPERATOR_TOKEN,
      body: { active: false },
    }),
    200,
  );

  const doctor = await newDoctor(h);
  const stranger = await newDoctor(h);
  const { sealed: first, body } = await doctor.sealFor(supporter, 'I need someone to talk to.');
  const spentProof = await solvedProof(h);
  await expectStatus(await submit(h, { ...body, pow: spentProof }), 202);
  const { reply, response: replied } = await supporter.tryReply(first.message, 'I am here.');
  await expectStatus(replied, 202);

  const deleted = await newDoctor(h);
  await expectStatus(await submit(h, (await deleted.sealFor(supporter, 'Then gone.')).body), 202);
  await expectStatus(await deleted.deleteMailbox(), 200);
  const archivedId = randomB64(16);
  await expectStatus(
    await supporter.storeArchiveItem({ id: archivedId, ciphertext: randomB64(24 + 1024 + 16) }),
    200,
  );
  const copy = (await doctor.sealFor(supporter, 'kept', { keepCopy: true })).body.copy as string;

  const pendingMessages = await Promise.all(
    ['one', 'two', 'three'].map((text) => doctor.seal(supporter.publicKey, text)),
  );
  const pendingReplies = await Promise.all(
    ['uno', 'dos', 'tres'].map((text) => supporter.sealReply(first.message, text)),
  );
  // An invite already spent, by a fourth (active, listed) supporter.
  const usedInvite = (await createInvite(h)).token;
  const spending = await registrationFor(h, { invite: usedInvite, login: 'spent-invite' });
  const spender = await expectStatus(await register(h, spending.body), 201);
  expect(h.errors).toEqual([]);
  return {
    harness: h,
    supporter,
    away,
    inactive,
    doctor,
    stranger,
    deleted,
    archivedId,
    copy,
    message: { id: first.id, ciphertext: toB64(first.ciphertext), opened: first.message },
    replyId: reply.id,
    pendingMessages,
    pendingReplies,
    usedInvite,
    directory: [
      { id: supporter.id, ...sampleProfile },
      { id: away.id, ...AWAY_PROFILE },
      { id: spender.body.id, ...sampleProfile },
    ],
    spentProof,
    counter: 0,
  };
}

function next<T>(world: World, items: T[]): T {
  world.counter += 1;
  const item = items[world.counter % items.length];
  if (item === undefined) throw new Error('empty pool');
  return item;
}

/** Every other call a ciphertext sealed now (reaching the checks behind resubmission), else a pooled one. */
async function freshOrPooled<T>(world: World, pool: T[], seal: (world: World) => Promise<T>) {
  world.counter += 1;
  return world.counter % 2 === 0 ? seal(world) : next(world, pool);
}

function sealMessage(world: World): Promise<SealedDoctorMessage> {
  return world.doctor.seal(world.supporter.publicKey, `fresh ${world.counter}`);
}

function sealReply(world: World): Promise<SealedReply> {
  return world.supporter.sealReply(world.message.opened, `fresh ${world.counter}`);
}

// ---------------------------------------------------------------------------
// The endpoint catalogue (src/routes/*.ts and src/app.ts)

// biome-ignore lint/suspicious/noExplicitAny: request bodies are arbitrary JSON.
type Json = any;

type Auth = 'public' | 'supporter' | 'operator';

interface Endpoint {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** As PROTOCOL.md writes it; `url` gives the concrete path when it has a parameter. */
  path: string;
  url?: (world: World) => string;
  auth: Auth;
  /** A valid JSON body, fresh for each run; absent when the route reads no body. */
  body?: (world: World) => Promise<Json> | Json;
  /** A DELETE route that reads no body: random bodies are sent anyway. */
  ignoresBody?: true;
  /**
   * Statuses (and their error codes) the route may answer once a request has
   * passed the checks every route shares: size, credentials, media type, JSON
   * syntax and being an object.
   */
  outcomes: Record<number, readonly string[]>;
  /** Other valid-looking values for some fields (`a.b` paths), to reach deeper refusals. */
  related?: (world: World) => Record<string, unknown[]>;
  /** Keeps the world usable after a request that succeeded (e.g. logged out). */
  afterSuccess?: (world: World, sent: Json) => Promise<void>;
  runs: number;
}

const VALIDATION = ['invalid_request', 'bad_encoding', 'bad_padding', 'weak_kdf'];
/** Routes that take profile fields may also refuse a value outside the vocabulary or an invisible character. */
const PROFILE_VALIDATION = [...VALIDATION, 'unknown_value', 'invisible_characters'];

const ENDPOINTS: Endpoint[] = [
  // Directory and doctor (public)
  {
    method: 'GET',
    path: '/api/v1/supporters/{id}',
    url: (w) => `/api/v1/supporters/${w.supporter.id}`,
    auth: 'public',
    outcomes: { 200: [] },
    runs: 40,
  },
  { method: 'GET', path: '/api/v1/pow', auth: 'public', outcomes: { 200: [] }, runs: 30 },
  { method: 'GET', path: '/api/v1/site', auth: 'public', outcomes: { 200: [] }, runs: 30 },
  { method: 'GET', path: '/api/v1/vocabulary', auth: 'public', outcomes: { 200: [] }, runs: 30 },
  {
    method: 'POST',
    path: '/api/v1/messages',
    auth: 'public',
    body: async (w) => ({
      supporterId: w.supporter.id,
      ciphertext: toB64((await freshOrPooled(w, w.pendingMessages, sealMessage)).ciphertext),
      mailbox: { ...w.doctor.key },
      pow: await solvedProof(w.harness),
    }),
    outcomes: {
      200: [],
      202: [],
      400: [...VALIDATION, 'bad_pow'],
      403: ['mailbox_forbidden'],
      404: ['supporter_not_found'],
      409: ['supporter_away', 'duplicate_ciphertext'],
      410: ['mailbox_deleted'],
      429: ['inbox_full', 'relay_busy'],
    },
    related: (w) => ({
      supporterId: [w.away.id, w.inactive.id, w.supporter.id.toLowerCase(), 'nobody'],
      ciphertext: [w.message.ciphertext, ...w.pendingReplies.map((r) => toB64(r.ciphertext))],
      copy: [w.copy, w.message.ciphertext, randomB64(1024 + 40), null],
      mailbox: [
        w.stranger.key,
        w.deleted.key,
        { id: w.doctor.key.id, readToken: w.stranger.key.readToken },
      ],
      'mailbox.readToken': [w.stranger.key.readToken, w.doctor.key.id],
      'mailbox.id': [w.stranger.key.id],
      pow: [w.spentProof, undefined],
      'pow.nonce': [randomB64(7), randomB64(9), ''],
      'pow.challenge': [w.spentProof.challenge, randomB64(38)],
    }),
    runs: 70,
  },
  {
    method: 'POST',
    path: '/api/v1/mailbox/open',
    auth: 'public',
    body: (w) => ({ ...w.doctor.key }),
    outcomes: { 200: [], 400: VALIDATION, 404: ['mailbox_not_found'] },
    related: (w) => ({
      id: [w.stranger.key.id, w.doctor.key.readToken],
      readToken: [w.stranger.key.readToken, w.doctor.key.id],
    }),
    runs: 70,
  },
  {
    method: 'POST',
    path: '/api/v1/mailbox/ack',
    auth: 'public',
    body: (w) => ({ ...w.doctor.key, replyIds: [randomB64(16)] }),
    outcomes: { 200: [], 400: VALIDATION, 404: ['mailbox_not_found'] },
    related: (w) => ({
      replyIds: [[w.replyId], [w.replyId, w.replyId], Array(1001).fill('x'), []],
      readToken: [w.stranger.key.readToken],
    }),
    runs: 70,
  },
  {
    method: 'POST',
    path: '/api/v1/mailbox/delete',
    auth: 'public',
    body: (w) => ({ ...w.doctor.key }),
    outcomes: { 200: [], 400: VALIDATION, 404: ['mailbox_not_found'] },
    related: (w) => ({
      id: [w.stranger.key.id, w.deleted.key.id, w.doctor.key.readToken],
      readToken: [w.stranger.key.readToken, w.deleted.key.readToken],
    }),
    runs: 55,
  },
  // Supporter accounts
  {
    method: 'POST',
    path: '/api/v1/supporters',
    auth: 'public',
    body: async (w) => ({
      invite: (await createInvite(w.harness)).token,
      login: `fuzz-${w.counter++}`,
      email: 'fuzz@example.org',
      profile: { ...sampleProfile },
      boxPublicKey: randomB64(32),
      vault: placeholderVault(),
      authKey: randomB64(32),
    }),
    outcomes: {
      201: [],
      400: PROFILE_VALIDATION,
      404: ['invite_not_found'],
      409: ['login_taken'],
      410: ['invite_used', 'invite_expired'],
    },
    related: (w) => ({
      invite: [w.usedInvite, randomB64(32)],
      login: [w.supporter.login, w.supporter.login.toUpperCase(), ` ${w.supporter.login} `],
      'vault.opslimit': [2, 1, 0, 33],
      'vault.memlimit': [67_108_863, 1024],
      'profile.modalities': [['phone', 'phone', 'phone', 'phone'], ['fax']],
      'profile.county': ['MØRE OG ROMSDAL', 'Narnia', 'other: Narnia'],
      'profile.specialties': [['Psykiatri', 'psychiatry'], ['Klingon medicine']],
      'profile.languages': [[], ['Norsk', 'ENGLISH'], ['Klingon']],
    }),
    runs: 65,
  },
  {
    method: 'POST',
    path: '/api/v1/invites/check',
    auth: 'public',
    body: async (w) => ({ invite: (await createInvite(w.harness)).token }),
    outcomes: {
      200: [],
      400: VALIDATION,
      404: ['invite_not_found'],
      410: ['invite_used', 'invite_expired'],
    },
    related: (w) => ({ invite: [w.usedInvite, randomB64(32), ''] }),
    runs: 40,
  },
  {
    method: 'POST',
    path: '/api/v1/session/params',
    auth: 'public',
    body: (w) => ({ login: w.supporter.login }),
    outcomes: { 200: [], 400: VALIDATION },
    related: (w) => ({ login: [w.supporter.login.toUpperCase(), 'nobody', 'x'.repeat(257)] }),
    runs: 55,
  },
  {
    method: 'POST',
    path: '/api/v1/session',
    auth: 'public',
    body: (w) => ({ login: w.supporter.login, authKey: w.supporter.authKey }),
    outcomes: {
      200: [],
      400: [...VALIDATION, 'bad_pow'],
      401: ['invalid_credentials'],
      403: ['supporter_inactive'],
    },
    related: (w) => ({
      login: [w.inactive.login, w.away.login, w.supporter.login.toUpperCase()],
      authKey: [w.inactive.authKey, randomB64(32)],
    }),
    runs: 70,
  },
  {
    method: 'DELETE',
    path: '/api/v1/session',
    auth: 'supporter',
    ignoresBody: true,
    outcomes: { 200: [] },
    afterSuccess: async (w) => {
      w.supporter = await w.supporter.logIn();
    },
    runs: 40,
  },
  { method: 'GET', path: '/api/v1/inbox', auth: 'supporter', outcomes: { 200: [] }, runs: 40 },
  {
    method: 'POST',
    path: '/api/v1/inbox/ack',
    auth: 'supporter',
    body: () => ({ ids: [randomB64(16)] }),
    outcomes: { 200: [], 400: VALIDATION },
    related: (w) => ({ ids: [[w.message.id], [w.message.id, w.message.id], []] }),
    runs: 70,
  },
  {
    method: 'POST',
    path: '/api/v1/replies',
    auth: 'supporter',
    body: async (w) => ({
      mailboxId: w.doctor.key.id,
      ciphertext: toB64((await freshOrPooled(w, w.pendingReplies, sealReply)).ciphertext),
    }),
    outcomes: {
      200: [],
      202: [],
      400: VALIDATION,
      404: ['mailbox_not_found'],
      409: ['duplicate_ciphertext'],
    },
    related: (w) => ({
      mailboxId: [w.stranger.key.id, w.doctor.key.readToken],
      ciphertext: [w.message.ciphertext],
    }),
    runs: 70,
  },
  // The supporter's archive (PROTOCOL.md §10.3)
  {
    method: 'POST',
    path: '/api/v1/archive',
    auth: 'supporter',
    body: () => ({ id: randomB64(16), ciphertext: randomB64(24 + 1024 + 16), expiresInDays: 30 }),
    outcomes: { 200: [], 400: VALIDATION, 429: ['archive_full'] },
    related: (w) => ({
      id: [w.archivedId, randomB64(32), randomB64(15)],
      ciphertext: [randomB64(1024 + 48), randomB64(24 + 17 * 1024 + 16), w.message.ciphertext],
      expiresInDays: [1, 90, 0, 91, 1.5, '30', null],
    }),
    runs: 60,
  },
  {
    method: 'GET',
    path: '/api/v1/archive',
    auth: 'supporter',
    outcomes: { 200: [], 400: ['invalid_request', 'bad_cursor'] },
    runs: 40,
  },
  {
    method: 'POST',
    path: '/api/v1/archive/delete',
    auth: 'supporter',
    body: () => ({ ids: [randomB64(16)] }),
    outcomes: { 200: [], 400: VALIDATION },
    related: (w) => ({
      ids: [[w.archivedId], [w.archivedId, w.archivedId], [], Array(1001).fill('x')],
    }),
    runs: 55,
  },
  { method: 'GET', path: '/api/v1/me', auth: 'supporter', outcomes: { 200: [] }, runs: 40 },
  {
    method: 'PATCH',
    path: '/api/v1/me',
    auth: 'supporter',
    body: () => ({ name: 'Kari Nordmann', status: 'available', profile: { town: 'Bergen' } }),
    outcomes: { 200: [], 400: PROFILE_VALIDATION },
    related: () => ({
      status: ['away', 'gone'],
      'profile.town': ['', '   '],
      'profile.county': ['vestland', 'Trøndelag', 'Narnia', 'other: Narnia'],
      awayUntil: ['2026-12-01T00:00Z', '2026-12-01T00:00', '2026-13-01T00:00Z', null],
      email: ['', null, 'not-an-email'],
    }),
    runs: 70,
  },
  {
    method: 'PUT',
    path: '/api/v1/me/vault',
    auth: 'supporter',
    body: (w) => ({
      authKey: w.supporter.authKey,
      newAuthKey: randomB64(32),
      vault: placeholderVault(),
    }),
    outcomes: {
      200: [],
      400: [...VALIDATION, 'bad_pow'],
      401: ['invalid_credentials'],
    },
    related: (w) => ({
      authKey: [randomB64(32), w.away.authKey],
      'vault.opslimit': [2],
      'vault.memlimit': [1024],
    }),
    afterSuccess: async (w, sent) => {
      w.supporter.authKey = sent.newAuthKey;
    },
    runs: 70,
  },
  {
    method: 'DELETE',
    path: '/api/v1/me',
    auth: 'supporter',
    ignoresBody: true,
    outcomes: { 200: [] },
    afterSuccess: async (w) => {
      w.supporter = await joinSupporter(w.harness);
    },
    runs: 35,
  },
  // Operator
  {
    method: 'POST',
    path: '/api/v1/admin/invites',
    auth: 'operator',
    body: () => ({ note: 'fuzz', expiresInDays: 7 }),
    outcomes: { 201: [], 400: VALIDATION },
    related: () => ({ expiresInDays: [0, 366, 1.5, -1, '7'], note: ['x'.repeat(201)] }),
    runs: 55,
  },
  {
    method: 'GET',
    path: '/api/v1/admin/supporters',
    auth: 'operator',
    outcomes: { 200: [] },
    runs: 35,
  },
  {
    method: 'PATCH',
    path: '/api/v1/admin/supporters/{id}',
    url: (w) => `/api/v1/admin/supporters/${w.supporter.id}`,
    auth: 'operator',
    body: () => ({ active: true }),
    outcomes: { 200: [], 400: VALIDATION },
    related: () => ({ active: [false, 'true', 1, null] }),
    runs: 55,
  },
  {
    method: 'GET',
    path: '/api/v1/admin/health',
    auth: 'operator',
    outcomes: { 200: [] },
    runs: 35,
  },
  // Outside /api
  { method: 'GET', path: '/healthz', auth: 'public', outcomes: { 200: [] }, runs: 30 },
  { method: 'GET', path: '/readyz', auth: 'public', outcomes: { 200: [] }, runs: 30 },
  { method: 'GET', path: '/metrics', auth: 'operator', outcomes: { 200: [] }, runs: 30 },
];

// ---------------------------------------------------------------------------
// Credentials

/** `{t}` the right credential, `{T}` it upper-cased, `{o}` the other kind, `{r}` a random one. */
const ACCEPTED_AUTH = ['Bearer {t}', 'bearer {t}', 'BEARER {t}', 'Bearer    {t}', 'Bearer {t}   '];
const REFUSED_AUTH = [
  null,
  '',
  'Bearer',
  'Bearer ',
  'Basic dXNlcjpwYXNz',
  'Bearer {t}x',
  'Bearer x{t}',
  'Bearer {t} {t}',
  'Bearer\t{t}',
  'Token {t}',
  '{t}',
  'Bearer {t}=',
  'Bearer {T}',
  'Bearer {t},Bearer {t}',
  'Bearer {o}',
  'Bearer {r}',
];

interface AuthCase {
  accepted: boolean;
  header: string | null;
}

const LATIN1 = fc.oneof(fc.integer({ min: 0x21, max: 0x7e }), fc.integer({ min: 0xa1, max: 0xff }));

const authCase: fc.Arbitrary<AuthCase> = fc.oneof(
  {
    weight: 16,
    arbitrary: fc.constantFrom(...ACCEPTED_AUTH).map((header) => ({ accepted: true, header })),
  },
  {
    weight: 4,
    arbitrary: fc.constantFrom(...REFUSED_AUTH).map((header) => ({ accepted: false, header })),
  },
  {
    weight: 1,
    arbitrary: fc
      .string({
        unit: LATIN1.map((code) => String.fromCharCode(code)),
        minLength: 1,
        maxLength: 60,
      })
      .map((junk) => ({ accepted: false, header: `Bearer ${junk}` })),
  },
);

function credentialFor(world: World, auth: Auth): { right: string; other: string } {
  return auth === 'operator'
    ? { right: OPERATOR_TOKEN, other: world.supporter.token }
    : { right: world.supporter.token, other: OPERATOR_TOKEN };
}

function authHeader(world: World, auth: Auth, header: string | null): string | null {
  if (header === null) return null;
  const { right, other } = credentialFor(world, auth);
  return header
    .replaceAll('{t}', right)
    .replaceAll('{T}', right.toUpperCase())
    .replaceAll('{o}', other)
    .replaceAll('{r}', randomB64(32));
}

// ---------------------------------------------------------------------------
// The generic property

interface RequestCase {
  body: BodyCase;
  contentType: string | null;
  auth: AuthCase;
  query: string;
}

interface Expected {
  status: number;
  code: string;
}

/**
 * What every route must answer, in the order src/app.ts applies it: too
 * large (413) before credentials (401) before media type (415) before JSON
 * syntax (400 invalid_json) before shape (400 invalid_request). `null` when
 * only the route itself can decide.
 */
async function sharedVerdict(
  endpoint: Endpoint,
  request: RawRequest,
  auth: AuthCase,
  contentType: string | null,
): Promise<Expected | null> {
  if (request.body !== undefined && request.body.length > MAX_BODY_BYTES) {
    return { status: 413, code: 'payload_too_large' };
  }
  if (endpoint.auth !== 'public' && !auth.accepted) return { status: 401, code: 'unauthorized' };
  if (endpoint.body === undefined || request.body === undefined) return null;
  if (!isJsonContentType(contentType)) return { status: 415, code: 'unsupported_media_type' };
  const parsed = await parseLikeFetch(request.body);
  if (!parsed.ok) return { status: 400, code: 'invalid_json' };
  const { value } = parsed;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { status: 400, code: 'invalid_request' };
  }
  return null;
}

/** The assertions every response must satisfy; refusals are also checked against the snapshot. */
async function expectWellBehaved(
  world: World,
  endpoint: Endpoint,
  response: ApiResponse,
  verdict: Expected | null,
  before: Awaited<ReturnType<typeof snapshotTables>>,
): Promise<void> {
  const h = world.harness;
  expect(h.errors, 'an unexpected error was logged').toEqual([]);
  expect(response.status, response.text).toBeLessThan(500);
  if (verdict !== null) {
    expect({ status: response.status, code: response.body?.error?.code }, response.text).toEqual(
      verdict,
    );
  } else {
    expect(Object.keys(endpoint.outcomes).map(Number), response.text).toContain(response.status);
  }
  if (response.status < 300) {
    if (endpoint.path !== '/metrics') expect(response.body, response.text).not.toBeNull();
    return;
  }
  expectErrorShape(response);
  const code: string = response.body.error.code;
  if (verdict === null) expect(endpoint.outcomes[response.status], code).toContain(code);
  if (response.status === 429) expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
  expectRefusalWroteNothing(code, before, await snapshotTables(h));
}

function buildRequest(
  world: World,
  endpoint: Endpoint,
  template: Json,
  requestCase: RequestCase,
): RawRequest {
  const path = endpoint.url?.(world) ?? endpoint.path;
  const headers: Record<string, string> = {};
  const authorization = authHeader(world, endpoint.auth, requestCase.auth.header);
  if (authorization !== null) headers.Authorization = authorization;
  const request: RawRequest = {
    method: endpoint.method,
    path: requestCase.query === '' ? path : `${path}?${requestCase.query}`,
    headers,
  };
  if (endpoint.body !== undefined || endpoint.ignoresBody) {
    request.body = renderBody(template, requestCase.body);
    if (requestCase.contentType !== null) headers['Content-Type'] = requestCase.contentType;
  }
  return request;
}

async function fuzzEndpoint(endpoint: Endpoint, name: string): Promise<void> {
  const world = await buildWorld(await start());
  const initial = endpoint.body === undefined ? {} : await endpoint.body(world);
  const related = endpoint.related?.(world) ?? {};
  const requestCase: fc.Arbitrary<RequestCase> = fc.record({
    body: bodyCase(initial, related),
    contentType: contentTypeCase,
    auth: authCase,
    query: queryCase,
  });
  await check(
    name,
    fc.asyncProperty(requestCase, async (drawn) => {
      const template = endpoint.body === undefined ? {} : await endpoint.body(world);
      const request = buildRequest(world, endpoint, template, drawn);
      const verdict = await sharedVerdict(endpoint, request, drawn.auth, drawn.contentType);
      const before = await snapshotTables(world.harness);
      const response = await send(world.harness, request);
      await expectWellBehaved(world, endpoint, response, verdict, before);
      if (response.status < 300 && endpoint.afterSuccess !== undefined) {
        const sent = request.body === undefined ? {} : await parseLikeFetch(request.body);
        await endpoint.afterSuccess(world, 'value' in sent ? sent.value : {});
      }
    }),
    endpoint.runs,
  );
}

/** The refusals every route of this kind shares (see `sharedVerdict`). */
function sharedRefusals(endpoint: Endpoint): string {
  const statuses = [
    ...(endpoint.body !== undefined || endpoint.ignoresBody ? ['413'] : []),
    ...(endpoint.auth === 'public' ? [] : ['401']),
    ...(endpoint.body === undefined ? [] : ['415', '400']),
  ];
  return statuses.length === 0 ? '' : ` (or ${statuses.join('/')} before it looks)`;
}

describe('every endpoint under random and adversarial requests', () => {
  for (const endpoint of ENDPOINTS) {
    const outcomes = Object.keys(endpoint.outcomes).join('/');
    const name = `${endpoint.method} ${endpoint.path}: never a 5xx, only ${outcomes}${sharedRefusals(endpoint)} with the error shape, and a refusal changes no table`;
    it(name, () => fuzzEndpoint(endpoint, name), 60_000);
  }
});

// ---------------------------------------------------------------------------
// Targeted properties

/** Every binary field of every endpoint that takes one, with a template to put it in. */
const BINARY_FIELDS: { endpoint: string; path: Path }[] = [
  { endpoint: 'POST /api/v1/messages', path: ['ciphertext'] },
  { endpoint: 'POST /api/v1/messages', path: ['mailbox', 'id'] },
  { endpoint: 'POST /api/v1/messages', path: ['mailbox', 'readToken'] },
  { endpoint: 'POST /api/v1/messages', path: ['pow', 'challenge'] },
  { endpoint: 'POST /api/v1/messages', path: ['pow', 'nonce'] },
  { endpoint: 'POST /api/v1/messages', path: ['copy'] },
  { endpoint: 'POST /api/v1/mailbox/delete', path: ['id'] },
  { endpoint: 'POST /api/v1/mailbox/delete', path: ['readToken'] },
  { endpoint: 'POST /api/v1/archive', path: ['id'] },
  { endpoint: 'POST /api/v1/archive', path: ['ciphertext'] },
  { endpoint: 'POST /api/v1/mailbox/open', path: ['id'] },
  { endpoint: 'POST /api/v1/mailbox/open', path: ['readToken'] },
  { endpoint: 'POST /api/v1/mailbox/ack', path: ['id'] },
  { endpoint: 'POST /api/v1/mailbox/ack', path: ['readToken'] },
  { endpoint: 'POST /api/v1/supporters', path: ['invite'] },
  { endpoint: 'POST /api/v1/supporters', path: ['boxPublicKey'] },
  { endpoint: 'POST /api/v1/supporters', path: ['vault', 'salt'] },
  { endpoint: 'POST /api/v1/supporters', path: ['vault', 'ciphertext'] },
  { endpoint: 'POST /api/v1/supporters', path: ['authKey'] },
  { endpoint: 'POST /api/v1/session', path: ['authKey'] },
  { endpoint: 'POST /api/v1/replies', path: ['mailboxId'] },
  { endpoint: 'POST /api/v1/replies', path: ['ciphertext'] },
  { endpoint: 'PUT /api/v1/me/vault', path: ['authKey'] },
  { endpoint: 'PUT /api/v1/me/vault', path: ['newAuthKey'] },
  { endpoint: 'PUT /api/v1/me/vault', path: ['vault', 'salt'] },
  { endpoint: 'PUT /api/v1/me/vault', path: ['vault', 'ciphertext'] },
];

function endpointNamed(name: string): Endpoint {
  const found = ENDPOINTS.find((e) => `${e.method} ${e.path}` === name);
  if (found === undefined) throw new Error(`no endpoint ${name}`);
  return found;
}

function setAt(template: Json, path: Path, value: unknown): Json {
  const copy = structuredClone(template);
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key];
  node[path.at(-1) as string] = value;
  return copy;
}

function jsonRequest(world: World, endpoint: Endpoint, body: string | Uint8Array): RawRequest {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  const authorization = authHeader(world, endpoint.auth, 'Bearer {t}');
  if (endpoint.auth !== 'public' && authorization !== null) headers.Authorization = authorization;
  return {
    method: endpoint.method,
    path: endpoint.url?.(world) ?? endpoint.path,
    headers,
    body: typeof body === 'string' ? utf8Bytes(body) : body,
  };
}

describe('targeted properties', () => {
  it('a binary field spelled in any non-canonical way (padding, +/, whitespace, length ≡ 1 mod 4, trailing bits, very long, foreign characters) is 400 bad_encoding on every endpoint, and changes nothing', async () => {
    const name = 'non-canonical base64';
    const world = await buildWorld(await start());
    await check(
      name,
      fc.asyncProperty(
        fc.constantFrom(...BINARY_FIELDS),
        nonCanonicalB64,
        async ({ endpoint: endpointName, path }, spelling) => {
          const endpoint = endpointNamed(endpointName);
          const template = await endpoint.body?.(world);
          const request = jsonRequest(
            world,
            endpoint,
            JSON.stringify(setAt(template, path, spelling.text)),
          );
          const before = await snapshotTables(world.harness);
          const response = await send(world.harness, request);
          expect(world.harness.errors).toEqual([]);
          expect(
            { status: response.status, code: response.body?.error?.code },
            `${endpointName} ${path.join('.')} ${spelling.kind}: ${response.text}`,
          ).toEqual({ status: 400, code: 'bad_encoding' });
          expectErrorShape(response);
          expectRefusalWroteNothing('bad_encoding', before, await snapshotTables(world.harness));
        },
      ),
      140,
    );
  }, 60_000);

  it('every endpoint that takes a body answers 413 payload_too_large exactly when it is over 65 536 bytes, before looking at credentials or content, and changes nothing', async () => {
    const name = 'body size limit';
    const world = await buildWorld(await start());
    const bodied = ENDPOINTS.filter((e) => e.body !== undefined || e.ignoresBody);
    await check(
      name,
      fc.asyncProperty(
        fc.constantFrom(...bodied),
        fc.integer({ min: MAX_BODY_BYTES - 64, max: MAX_BODY_BYTES + 64 }),
        fc.constantFrom('a', 'é', '€', '\u{1f642}'),
        fc.boolean(),
        async (endpoint, size, filler, withCredentials) => {
          const template = (await endpoint.body?.(world)) ?? {};
          const base = utf8Bytes(JSON.stringify({ ...template, padding: '' })).length;
          const unit = utf8Bytes(filler).length;
          const missing = Math.max(0, size - base);
          const padding = filler.repeat(Math.floor(missing / unit)) + 'a'.repeat(missing % unit);
          const bytes = utf8Bytes(JSON.stringify({ ...template, padding }));
          expect(bytes.length).toBe(Math.max(size, base));
          const request = jsonRequest(world, endpoint, bytes);
          if (!withCredentials) delete request.headers.Authorization;
          const before = await snapshotTables(world.harness);
          const response = await send(world.harness, request);
          expect(world.harness.errors).toEqual([]);
          if (bytes.length > MAX_BODY_BYTES) {
            expect({ status: response.status, code: response.body?.error?.code }).toEqual({
              status: 413,
              code: 'payload_too_large',
            });
          } else {
            expect(response.status, response.text).not.toBe(413);
            expect(response.status, response.text).toBeLessThan(500);
          }
          if (response.status >= 400) {
            expectErrorShape(response);
            const after = await snapshotTables(world.harness);
            expectRefusalWroteNothing(response.body.error.code, before, after);
          } else if (endpoint.afterSuccess !== undefined) {
            await endpoint.afterSuccess(world, JSON.parse(new TextDecoder().decode(bytes)));
          }
        },
      ),
      70,
    );
  }, 60_000);

  it('GET /api/v1/supporters with random queries is 200 with exactly the active supporters matching every filter (by code or label, an unknown one matching no one), or 400 invalid_request for a repeated, over-long or unknown-modality filter', async () => {
    const name = 'directory queries';
    const world = await buildWorld(await start());
    const h = world.harness;
    const listed = world.directory;
    const filterValue = fc.oneof(
      fc.constantFrom(
        'Vestland',
        'Oslo',
        'Troms',
        'vestland',
        'psychiatry',
        'general practice',
        'GENERAL-PRACTICE',
        'Psykiatri',
        'Allmennmedisin',
        'Narnia',
        'nb',
        'en',
        'Norsk bokmål',
        'ENGELSK',
        'in-person',
        'phone',
        'video',
        'fax',
        '',
        ' Oslo',
        'x'.repeat(80),
        'x'.repeat(81),
        'é'.repeat(81),
      ),
      wellFormedNastyString(0, 30),
    );
    const key = fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom('county', 'specialty', 'language', 'modality') },
      { weight: 1, arbitrary: fc.constantFrom('name', 'Country', 'COUNTY', 'status', '') },
    );
    await check(
      name,
      fc.asyncProperty(fc.array(fc.tuple(key, filterValue), { maxLength: 4 }), async (pairs) => {
        const query = pairs
          .map(([k, value]) => `${encodeURIComponent(k)}=${encodeURIComponent(value)}`)
          .join('&');
        const before = await snapshotTables(h);
        const response = await send(h, {
          method: 'GET',
          path: `/api/v1/supporters${query === '' ? '' : `?${query}`}`,
          headers: {},
        });
        expect(h.errors).toEqual([]);
        const known = pairs.filter(([k]) =>
          ['county', 'specialty', 'language', 'modality'].includes(k),
        );
        const keys = known.map(([k]) => k);
        const refused =
          new Set(keys).size !== keys.length ||
          known.some(([k, value]) =>
            k === 'modality' ? !['in-person', 'phone', 'video'].includes(value) : value.length > 80,
          );
        if (refused) {
          expect({ status: response.status, code: response.body?.error?.code }).toEqual({
            status: 400,
            code: 'invalid_request',
          });
          expectErrorShape(response);
          expectRefusalWroteNothing('invalid_request', before, await snapshotTables(h));
          return;
        }
        expect(response.status, response.text).toBe(200);
        const filter = Object.fromEntries(known);
        // Vocabulary values as codes; one that is no term matches no one.
        const vocabulary = { county: COUNTIES, specialty: SPECIALTIES, language: LANGUAGES };
        for (const [k, terms] of Object.entries(vocabulary)) {
          if (filter[k] !== undefined) filter[k] = resolveTerm(terms, filter[k]) ?? '\u0000none';
        }
        const expected = listed
          .filter(
            (s) =>
              (filter.county === undefined || s.county === filter.county) &&
              (filter.specialty === undefined || s.specialties.includes(filter.specialty)) &&
              (filter.language === undefined || s.languages.includes(filter.language)) &&
              (filter.modality === undefined || s.modalities.includes(filter.modality)),
          )
          .map((s) => s.id)
          .sort();
        expect(response.body.supporters.map((s: { id: string }) => s.id).sort()).toEqual(expected);
      }),
      100,
    );
  }, 60_000);

  it('a random {id} path segment is 404 supporter_not_found on GET /api/v1/supporters/{id} and PATCH /api/v1/admin/supporters/{id}, and changes nothing', async () => {
    const name = 'random id segments';
    const world = await buildWorld(await start());
    const h = world.harness;
    const known = new Set([world.supporter.id, world.away.id, world.inactive.id]);
    const segment = fc.oneof(
      wellFormedNastyString(1, 40)
        .map((text) => encodeURIComponent(text))
        .filter((text) => !/^\.+$/.test(text)),
      fc.constantFrom(
        '%',
        '%zz',
        '%E0%A4%A',
        '%00',
        '%2F',
        '%2Fetc%2Fpasswd',
        '%C0%AF',
        'null',
        'undefined',
        '__proto__',
        'constructor',
        '*',
        encodeURIComponent("' or 1=1 --"),
        'x'.repeat(5000),
        `${encodeURIComponent(world.supporter.id)}%20`,
        encodeURIComponent(world.supporter.id.toUpperCase()),
        encodeURIComponent(world.supporter.id.slice(1)),
        `${encodeURIComponent(world.supporter.id)}%00`,
      ),
    );
    await check(
      name,
      fc.asyncProperty(segment, fc.boolean(), async (id, admin) => {
        fc.pre(!known.has(decodeURIComponentSafe(id)));
        const request: RawRequest = admin
          ? {
              method: 'PATCH',
              path: `/api/v1/admin/supporters/${id}`,
              headers: {
                Authorization: `Bearer ${OPERATOR_TOKEN}`,
                'Content-Type': 'application/json',
              },
              body: utf8Bytes(JSON.stringify({ active: false })),
            }
          : { method: 'GET', path: `/api/v1/supporters/${id}`, headers: {} };
        const before = await snapshotTables(h);
        const response = await send(h, request);
        expect(h.errors).toEqual([]);
        expect({ status: response.status, code: response.body?.error?.code }, id).toEqual({
          status: 404,
          code: 'supporter_not_found',
        });
        expectErrorShape(response);
        expectRefusalWroteNothing('supporter_not_found', before, await snapshotTables(h));
      }),
      80,
    );
  }, 60_000);

  it('a known API path asked with another method is 405 method_not_allowed, an unknown path 404 not_found, and neither changes anything', async () => {
    const name = 'methods and paths';
    const world = await buildWorld(await start());
    const h = world.harness;
    const apiRoutes = ENDPOINTS.filter((e) => e.path.startsWith('/api/'));
    const methods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'PURGE', 'LINK'];
    // Routes outside the catalogue, with properties of their own (the directory queries).
    const uncatalogued = new Set(['GET /api/v1/supporters']);
    const wrongMethod = fc
      .tuple(fc.constantFrom(...apiRoutes), fc.constantFrom(...methods))
      .filter(
        ([endpoint, method]) =>
          !uncatalogued.has(`${method} ${endpoint.url?.(world) ?? endpoint.path}`) &&
          !apiRoutes.some(
            (other) =>
              other.method === method &&
              (other.url?.(world) ?? other.path) === (endpoint.url?.(world) ?? endpoint.path),
          ),
      )
      .map(([endpoint, method]) => ({
        method,
        path: endpoint.url?.(world) ?? endpoint.path,
        expected: { status: 405, code: 'method_not_allowed' },
      }));
    const knownPaths = new Set(apiRoutes.map((e) => e.url?.(world) ?? e.path));
    const unknownPath = fc
      .tuple(
        fc.constantFrom('/api/v1/', '/api/v1/admin/', '/api/v2/', '/API/V1/', '/', '/api/'),
        fc.array(
          wellFormedNastyString(1, 12)
            .map((text) => encodeURIComponent(text))
            .filter((text) => !/^\.+$/.test(text)),
          { minLength: 1, maxLength: 3 },
        ),
        fc.constantFrom(...methods),
      )
      .map(([prefix, segments, method]) => ({
        method,
        path: prefix + segments.join('/'),
        expected: { status: 404, code: 'not_found' },
      }))
      .filter(
        ({ path }) =>
          ![...knownPaths, '/api/v1/supporters', '/api/v1/admin/supporters'].some(
            (known) => path === known || path.startsWith(`${known}/`),
          ) && !/^\/(healthz|readyz|metrics)$/.test(path),
      );
    await check(
      name,
      fc.asyncProperty(fc.oneof(wrongMethod, unknownPath), async ({ method, path, expected }) => {
        const token = path.startsWith('/api/v1/admin') ? OPERATOR_TOKEN : world.supporter.token;
        const request: RawRequest = {
          method,
          path,
          headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        };
        if (method !== 'GET') request.body = utf8Bytes('{}');
        const before = await snapshotTables(h);
        const response = await send(h, request);
        expect(h.errors).toEqual([]);
        expect(
          { status: response.status, code: response.body?.error?.code },
          `${method} ${path}`,
        ).toEqual(expected);
        expectErrorShape(response);
        expectRefusalWroteNothing(expected.code, before, await snapshotTables(h));
      }),
      100,
    );
  }, 60_000);
});

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

// ---------------------------------------------------------------------------
// Throttles: the narrow writes a refusal may make

describe('refusals that count themselves', () => {
  it('a failed login writes only its failure count (+1 in login_failures); past five failures a login without a proof is 400 bad_pow and writes nothing, and the right key with a proof still logs in', async () => {
    const name = 'login failures';
    const h = await start({ LOGIN_POW_DIFFICULTY: '4', LOGIN_POW_MAX_DIFFICULTY: '6' });
    const world = await buildWorld(h);
    const logins = [world.supporter.login, world.away.login, 'nobody-here', 'Nobody-Here'];
    await check(
      name,
      fc.asyncProperty(
        fc.constantFrom(...logins),
        fc.oneof(
          fc.uint8Array({ minLength: 32, maxLength: 32 }).map(toB64),
          nonCanonicalB64.map((s) => s.text),
          nastyString(50),
        ),
        async (login, authKey) => {
          const before = await snapshotTables(h);
          const response = await send(
            h,
            jsonRequest(
              world,
              endpointNamed('POST /api/v1/session'),
              JSON.stringify({ login, authKey }),
            ),
          );
          expect(h.errors).toEqual([]);
          expectErrorShape(response);
          const code = response.body.error.code;
          expect([
            [400, 'bad_encoding'],
            [400, 'invalid_request'],
            [400, 'bad_pow'],
            [401, 'invalid_credentials'],
          ]).toContainEqual([response.status, code]);
          expectRefusalWroteNothing(code, before, await snapshotTables(h));
        },
      ),
      40,
    );
    // Fail the real login past five; a proof of work then lets the right key in.
    for (let attempt = 0; attempt < 5; attempt++) {
      const pow = await loginProof(h, world.supporter.login);
      await logIn(h, world.supporter.login, randomB64(32), pow);
    }
    const guarded = await logIn(h, world.supporter.login, world.supporter.authKey);
    expect({ status: guarded.status, code: guarded.body.error.code }).toEqual({
      status: 400,
      code: 'bad_pow',
    });
    const pow = await loginProof(h, world.supporter.login);
    expect((await logIn(h, world.supporter.login, world.supporter.authKey, pow)).status).toBe(200);
  }, 60_000);

  it('a submission refused with 429 inbox_full writes only the day’s rate_limited count (+1 in daily_counts)', async () => {
    const name = 'inbox full';
    const h = await start({ INBOX_CAP: '2' });
    const supporter = await joinSupporter(h);
    const text = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 });
    let accepted = 0;
    await check(
      name,
      fc.asyncProperty(text, async (words) => {
        const { body } = await (await newDoctor()).sealFor(supporter, words);
        const before = await snapshotTables(h);
        const response = await h.request('POST', '/api/v1/messages', { body });
        expect(h.errors).toEqual([]);
        if (accepted < 2) {
          expect(response.status, response.text).toBe(202);
          accepted += 1;
          return;
        }
        expect({ status: response.status, code: response.body?.error?.code }).toEqual({
          status: 429,
          code: 'inbox_full',
        });
        expect(response.headers.get('retry-after')).toBe('3600');
        expectErrorShape(response);
        const after = await snapshotTables(h);
        expectRefusalWroteNothing('inbox_full', before, after);
        expect(after).not.toEqual(before);
      }),
      15,
    );
  }, 60_000);
});

// ---------------------------------------------------------------------------
// Valid random conversations round-trip

const MODALITIES = ['in-person', 'phone', 'video'] as const;

/** Message texts of 1 to 8000 code points that fit 16 padded blocks. */
const messageText = fc
  .oneof(
    fc.string({ unit: 'binary', minLength: 1, maxLength: 1200 }),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 200 }),
    wellFormedNastyString(1, 300),
    fc.constantFrom('x'.repeat(8000), ' ', '\u0000', 'e\u0301'.repeat(4000)),
  )
  .filter((text) => utf8Bytes(JSON.stringify(text)).length < 12_000);

const prefs = fc.option(
  fc.record(
    {
      modalities: fc.subarray([...MODALITIES]),
      when: wellFormedNastyString(0, 60),
      contact: wellFormedNastyString(0, 60),
    },
    { requiredKeys: [] },
  ),
  { nil: undefined },
);

describe('valid random conversations', () => {
  it('a random first contact (text, prefs) sealed with the real library is 202, sits in the inbox exactly once, opens to the same message, and is delivered once acknowledged', async () => {
    const name = 'submission round trip';
    const h = await start();
    const supporter = await joinSupporter(h);
    await check(
      name,
      fc.asyncProperty(messageText, prefs, async (text, chosen) => {
        const doctor = await newDoctor(h);
        const { sealed, response: submitted } = await doctor.tryWriteTo(
          supporter,
          text,
          chosen === undefined ? {} : { prefs: chosen },
        );
        expect(submitted.status, submitted.text).toBe(202);
        expect(submitted.body).toEqual({
          id: sealed.id,
          status: 'queued',
          expiresAt: expect.any(String),
        });

        const inbox = await h.request('GET', '/api/v1/inbox', { token: supporter.token });
        const entries = inbox.body.messages.filter((m: { id: string }) => m.id === sealed.id);
        expect(entries).toHaveLength(1);
        const opened = await openDoctorMessage(
          fromB64(entries[0].ciphertext),
          supporter.publicKey,
          supporter.secretKey,
        );
        expect(opened).toEqual(sealed.message);
        expect(opened.text).toBe(text);
        expect(opened.prefs).toEqual(chosen);

        const ack = await h.request('POST', '/api/v1/inbox/ack', {
          token: supporter.token,
          body: { ids: [sealed.id] },
        });
        expect(ack.body).toEqual({ deleted: 1 });
        const mailbox = await h.request('POST', '/api/v1/mailbox/open', { body: doctor.key });
        expect(
          mailbox.body.sent.map((m: { id: string; status: string }) => [m.id, m.status]),
        ).toEqual([[sealed.id, 'delivered']]);
        expect(h.errors).toEqual([]);
      }),
      40,
    );
  }, 60_000);

  it('a random reply sealed with the real library is 202, waits in the doctor’s mailbox exactly once, opens with openReply to the same text, and is gone once acknowledged', async () => {
    const name = 'reply round trip';
    const h = await start();
    const supporter = await joinSupporter(h);
    const doctor = await newDoctor(h);
    const { sealed: first, response: submitted } = await doctor.tryWriteTo(supporter, 'Hello');
    expect(submitted.status).toBe(202);
    await check(
      name,
      fc.asyncProperty(messageText, async (text) => {
        const { reply: sealed, response: posted } = await supporter.tryReply(first.message, text);
        expect(posted.status, posted.text).toBe(202);
        expect(posted.body).toEqual({ id: sealed.id, expiresAt: expect.any(String) });

        const mailbox = await h.request('POST', '/api/v1/mailbox/open', { body: doctor.key });
        const waiting = mailbox.body.replies.filter((r: { id: string }) => r.id === sealed.id);
        expect(waiting).toHaveLength(1);
        const opened = await openReply(
          fromB64(waiting[0].ciphertext),
          supporter.publicKey,
          doctor.mailbox.replySecretKey,
        );
        expect(opened).toEqual(sealed.reply);
        expect(opened.text).toBe(text);

        const ack = await h.request('POST', '/api/v1/mailbox/ack', {
          body: { ...doctor.key, replyIds: [sealed.id] },
        });
        expect(ack.body).toEqual({ deleted: 1 });
        expect(h.errors).toEqual([]);
      }),
      40,
    );
  }, 60_000);

  it('profile text accepted by PATCH /api/v1/me reads back exactly as sent (trimmed, vocabulary fields as codes without duplicates) from /me and the directory, or is refused with 400 invalid_request, unknown_value or invisible_characters', async () => {
    const name = 'profile round trip';
    const h = await start();
    const supporter = await joinSupporter(h);
    const shortText = wellFormedNastyString(0, 30);
    /** A code or a label of a term, in any case, or any text. */
    const termValue = (terms: readonly Term[]) =>
      fc.oneof(
        { weight: 1, arbitrary: shortText },
        {
          weight: 3,
          arbitrary: fc
            .tuple(
              fc.constantFrom(...terms),
              fc.constantFrom('code', 'nb', 'en') as fc.Arbitrary<keyof Term>,
              fc.constantFrom('as is', 'upper', 'lower', 'padded'),
            )
            .map(([term, key, form]) => {
              const text = term[key];
              if (form === 'upper') return text.toUpperCase();
              if (form === 'lower') return text.toLowerCase();
              return form === 'padded' ? `  ${text} ` : text;
            }),
        },
      );
    const changes = fc.record(
      {
        name: shortText,
        county: termValue(COUNTIES),
        town: shortText,
        about: wellFormedNastyString(0, 120),
        specialties: fc.array(termValue(SPECIALTIES), { maxLength: 3 }),
        languages: fc.array(termValue(LANGUAGES), { minLength: 1, maxLength: 3 }),
      },
      { requiredKeys: [] },
    );
    /** The codes a vocabulary field reads back as, or undefined if a value is no term. */
    const codesOf = (field: string, value: string | string[]) => {
      if (field !== 'county' && field !== 'specialties' && field !== 'languages') return value;
      const codes = [value]
        .flat()
        .map((text) => resolveTerm(VOCABULARY[field], text) ?? '\u0000unknown');
      if (codes.includes('\u0000unknown')) return undefined;
      return field === 'county' ? codes[0] : [...new Set(codes)];
    };
    await check(
      name,
      fc.asyncProperty(changes, async (change) => {
        const before = await snapshotTables(h);
        const response = await h.request('PATCH', '/api/v1/me', {
          token: supporter.token,
          body: change,
        });
        expect(h.errors).toEqual([]);
        const allKnown = Object.entries(change).every(
          ([field, value]) => codesOf(field, value) !== undefined,
        );
        const invisible = Object.values(change)
          .flat()
          .some((text) => hasInvisibleCharacters(text.trim()));
        if (response.status !== 200) {
          const code = response.body?.error?.code;
          expect({ status: response.status, code }).toEqual({
            status: 400,
            code: expect.stringMatching(
              `^(invalid_request${allKnown ? '' : '|unknown_value'}${invisible ? '|invisible_characters' : ''})$`,
            ),
          });
          expectRefusalWroteNothing(code, before, await snapshotTables(h));
          return;
        }
        expect(allKnown, 'accepted a value that is no term').toBe(true);
        expect(invisible, 'accepted an invisible character').toBe(false);
        const me = await h.request('GET', '/api/v1/me', { token: supporter.token });
        const entry = await h.request('GET', `/api/v1/supporters/${supporter.id}`);
        for (const [field, value] of Object.entries(change)) {
          const trimmed = Array.isArray(value) ? value.map((v) => v.trim()) : value.trim();
          const sent = codesOf(field, trimmed);
          if (field === 'about' && sent === '') {
            expect(me.body.about).toBeUndefined();
            continue;
          }
          expect(me.body[field], `GET /me ${field}`).toEqual(sent);
          expect(entry.body[field], `directory ${field}`).toEqual(sent);
        }
      }),
      70,
    );
  }, 60_000);
});
