/**
 * Helpers for the doctor-side tests (directory, submissions, mailbox, proof
 * of work, expiry): thin wrappers over the HTTP API and a few byte-level
 * tools for building malformed inputs. Built on test/support/harness.ts.
 */
import { loadSyncHash } from '../../web/src/crypto/libsodium.ts';
import {
  type DoctorMessage,
  fromB64,
  leadingZeroBits,
  openDoctorMessage,
  sealFollowUp,
  sealReplyTo,
  solveProofOfWork,
  toB64,
} from '../../web/src/protocol/index.ts';
import {
  type ApiResponse,
  firstContactBody,
  type Harness,
  joinSupporter,
  OPERATOR_TOKEN,
  type sampleProfile,
  type TestDoctor,
  type TestSupporter,
} from './harness.ts';

/** The body `POST /api/v1/messages` takes. */
export interface SubmissionBody {
  supporterId: string;
  ciphertext: string;
  mailbox: { id: string; readToken: string };
  pow?: { challenge: string; nonce: string };
}

/** A directory profile as registration takes it; `about` may be left out. */
export interface ProfileInput {
  name: string;
  county: string;
  town: string;
  specialties: string[];
  languages: string[];
  modalities: ('in-person' | 'phone' | 'video')[];
  about?: string;
}

/**
 * Like `joinSupporter`, but with the whole profile given, so a test can
 * register a supporter without an `about` text.
 */
export function joinWithProfile(harness: Harness, profile: ProfileInput): Promise<TestSupporter> {
  return joinSupporter(harness, { profile: profile as typeof sampleProfile, wholeProfile: true });
}

export function submit(harness: Harness, body: unknown): Promise<ApiResponse> {
  return harness.request('POST', '/api/v1/messages', { body });
}

export function openMailbox(harness: Harness, key: TestDoctor['key']): Promise<ApiResponse> {
  return harness.request('POST', '/api/v1/mailbox/open', { body: key });
}

export function ackReplies(
  harness: Harness,
  key: TestDoctor['key'],
  replyIds: string[],
): Promise<ApiResponse> {
  return harness.request('POST', '/api/v1/mailbox/ack', { body: { ...key, replyIds } });
}

export function fetchInbox(harness: Harness, supporter: TestSupporter): Promise<ApiResponse> {
  return harness.request('GET', '/api/v1/inbox', { token: supporter.token });
}

/** Ids of the messages waiting in the supporter's inbox (fails the test on a non-200). */
export async function inboxIds(harness: Harness, supporter: TestSupporter): Promise<string[]> {
  const inbox = await fetchInbox(harness, supporter);
  if (inbox.status !== 200) throw new Error(`inbox failed: ${inbox.text}`);
  return inbox.body.messages.map((m: { id: string }) => m.id);
}

export async function ackInbox(
  harness: Harness,
  supporter: TestSupporter,
  ids: string[],
): Promise<ApiResponse> {
  return harness.request('POST', '/api/v1/inbox/ack', { token: supporter.token, body: { ids } });
}

export function patchMe(
  harness: Harness,
  supporter: TestSupporter,
  changes: Record<string, unknown>,
): Promise<ApiResponse> {
  return harness.request('PATCH', '/api/v1/me', { token: supporter.token, body: changes });
}

export function setActive(harness: Harness, id: string, active: boolean): Promise<ApiResponse> {
  return harness.request('PATCH', `/api/v1/admin/supporters/${id}`, {
    token: OPERATOR_TOKEN,
    body: { active },
  });
}

export function health(harness: Harness): Promise<ApiResponse> {
  return harness.request('GET', '/api/v1/admin/health', { token: OPERATOR_TOKEN });
}

/** Seals a first contact and submits it; returns the sealed message and the response. */
export async function sendFirstContact(
  harness: Harness,
  doctor: TestDoctor,
  supporter: TestSupporter,
  text = 'Hello',
) {
  const { sealed, body } = await firstContactBody(doctor, supporter, text);
  const response = await submit(harness, body);
  return { sealed, body: body as SubmissionBody, response };
}

/** A follow-up in `thread` from the same doctor, as a submission body. */
export async function followUpBody(
  doctor: TestDoctor,
  supporter: TestSupporter,
  thread: string,
  text: string,
): Promise<SubmissionBody> {
  const sealed = await sealFollowUp(thread, { text, mailbox: doctor.mailbox }, supporter.publicKey);
  return { supporterId: supporter.id, ciphertext: toB64(sealed.ciphertext), mailbox: doctor.key };
}

/**
 * The supporter fetches their inbox, opens the message `messageId` with their
 * secret key and replies to it. Returns the reply and the relay's response.
 */
export async function replyToMessage(
  harness: Harness,
  supporter: TestSupporter,
  messageId: string,
  text: string,
) {
  const inbox = await fetchInbox(harness, supporter);
  const entry = inbox.body.messages.find((m: { id: string }) => m.id === messageId);
  if (entry === undefined) throw new Error(`message ${messageId} is not in the inbox`);
  const opened: DoctorMessage = await openDoctorMessage(
    fromB64(entry.ciphertext),
    supporter.publicKey,
    supporter.secretKey,
  );
  const { reply, response } = await postReply(harness, supporter, opened, text);
  return { reply, opened, response };
}

/** Logs the supporter in again (a session lasts 12 hours) and returns them with the new token. */
export async function logIn(harness: Harness, supporter: TestSupporter): Promise<TestSupporter> {
  const session = await harness.request('POST', '/api/v1/session', {
    body: { login: supporter.login, authKey: supporter.authKey },
  });
  if (session.status !== 200) throw new Error(`login failed: ${session.text}`);
  return { ...supporter, token: session.body.token };
}

/** Seals a reply to `message` and posts it as the supporter. */
export async function postReply(
  harness: Harness,
  supporter: TestSupporter,
  message: DoctorMessage,
  text: string,
) {
  const reply = await sealReplyTo(
    message,
    { text, from: { id: supporter.id, name: supporter.name }, sentAt: harness.clock.now() },
    supporter.secretKey,
  );
  const response = await harness.request('POST', '/api/v1/replies', {
    token: supporter.token,
    body: { mailboxId: reply.mailboxId, ciphertext: toB64(reply.ciphertext) },
  });
  return { reply, response };
}

/** A fresh challenge from the relay, solved at the difficulty it states. */
export async function solvedProof(harness: Harness): Promise<{ challenge: string; nonce: string }> {
  const pow = await harness.request('GET', '/api/v1/pow');
  if (pow.status !== 200) throw new Error(`pow failed: ${pow.text}`);
  return {
    challenge: pow.body.challenge,
    nonce: await solveProofOfWork(pow.body.challenge, pow.body.difficulty),
  };
}

/**
 * Searches little-endian counters of `nonceLength` bytes for one whose proof
 * hash `H(32, challenge || nonce)` satisfies `accept(leadingZeroBits, nonce)`.
 */
export async function findNonce(
  challenge: Uint8Array,
  nonceLength: number,
  accept: (zeroBits: number, nonce: Uint8Array) => boolean,
): Promise<Uint8Array> {
  const hashOf = await loadSyncHash();
  const input = new Uint8Array(challenge.length + nonceLength);
  input.set(challenge, 0);
  const nonce = input.subarray(challenge.length);
  for (let attempt = 0; attempt < 1 << 22; attempt++) {
    if (accept(leadingZeroBits(hashOf(32, input)), nonce)) return nonce.slice();
    for (let i = 0; i < nonce.length; i++) {
      nonce[i] = (nonce[i]! + 1) & 0xff;
      if (nonce[i] !== 0) break;
    }
  }
  throw new Error('no nonce found');
}

export function randomBytes(length: number): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(length));
}

/** `b64` of `length` random bytes. */
export function randomB64(length: number): string {
  return toB64(randomBytes(length));
}

/** Standard base64 (the `+` `/` alphabet), with or without `=` padding. */
export function standardBase64(bytes: Uint8Array, padded: boolean): string {
  const text = Buffer.from(bytes).toString('base64');
  return padded ? text : text.replace(/=+$/, '');
}

const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/**
 * The same bytes spelled with non-zero unused trailing bits: a second,
 * non-canonical spelling that decoders must refuse. Needs a length that is
 * not a multiple of 3.
 */
export function withTrailingBits(bytes: Uint8Array): string {
  if (bytes.length % 3 === 0) throw new RangeError('no trailing bits at this length');
  const canonical = toB64(bytes);
  const last = B64URL.indexOf(canonical.at(-1)!);
  return canonical.slice(0, -1) + B64URL[last | 1];
}

/** Rows of a raw SQL query on the relay's database file. */
export async function query(
  harness: Harness,
  sql: string,
  args: (string | number)[] = [],
): Promise<Record<string, unknown>[]> {
  const result = await harness.node.store.client.execute({ sql, args });
  return result.rows.map((row) => ({ ...row }));
}

/** A single number from a `select count(*) as n …` query. */
export async function count(
  harness: Harness,
  sql: string,
  args: (string | number)[] = [],
): Promise<number> {
  const [row] = await query(harness, sql, args);
  return Number(row?.n);
}

/** Every row of the tables the doctor flow touches, to show that something changed nothing. */
export async function snapshot(harness: Harness) {
  const tables = [
    'messages',
    'mailboxes',
    'replies',
    'daily_counts',
    'supporter_daily_counts',
    'spent_challenges',
    'sessions',
    'invites',
  ];
  const out: Record<string, unknown[]> = {};
  for (const table of tables) {
    out[table] = (await query(harness, `select * from ${table} order by rowid`)).map((row) =>
      Object.fromEntries(
        Object.entries(row).map(([key, value]) => [
          key,
          value instanceof ArrayBuffer ? toB64(new Uint8Array(value)) : value,
        ]),
      ),
    );
  }
  return out;
}

export const DAY_HOURS = 24;
