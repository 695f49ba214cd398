/**
 * @module
 * Request-body schemas (valibot) and the validator that maps their failures
 * to PROTOCOL.md errors. Issue messages that are error codes
 * (`bad_encoding`, `bad_padding`, `weak_kdf`) become that code; every other
 * failure is `400 invalid_request`. No message ever echoes the input. The
 * same schemas describe the requests in the OpenAPI document (openapi.ts).
 */
import type { MiddlewareHandler } from 'hono';
import { every } from 'hono/combine';
import { validator as openApiValidator, uniqueSymbol } from 'hono-openapi';
import * as v from 'valibot';
import { fromB64 } from '../crypto.ts';
import { DEFAULT_MEMLIMIT, DEFAULT_OPSLIMIT } from '../domain/accounts.ts';
import { ApiError, badRequest } from '../errors.ts';
import {
  ARCHIVE_DEFAULT_DAYS,
  ARCHIVE_ID_BYTES,
  ARCHIVE_MAX_DAYS,
  ARCHIVE_MIN_DAYS,
} from '../wire/archive.ts';
import { hasInvisibleCharacters } from '../wire/profile-text.ts';

const SPECIAL_CODES = new Set(['bad_encoding', 'bad_padding', 'weak_kdf', 'invisible_characters']);

/** Largest sealed message: 16 padded blocks of 1 KiB (PROTOCOL.md §3). */
const MAX_BLOCKS = 16;

/**
 * The bytes of a base64url value (no padding) that satisfy `check`, or the
 * issue to report: `bad_encoding` if it does not decode, `code` if the
 * bytes are wrong.
 */
function decodeOrIssue(
  text: string,
  check: (bytes: Uint8Array) => boolean,
  code: string,
): Uint8Array | string {
  const bytes = fromB64(text);
  if (bytes === null) return 'bad_encoding';
  return check(bytes) ? bytes : code;
}

/** A base64url string (no padding) decoding to bytes that satisfy `check`; stays a string. */
function b64(
  check: (bytes: Uint8Array) => boolean = () => true,
  code = 'invalid_request',
  description = 'base64url without padding',
) {
  return v.pipe(
    v.string(),
    v.description(description),
    v.rawCheck<string>(({ dataset, addIssue }) => {
      if (!dataset.typed) return;
      const result = decodeOrIssue(dataset.value, check, code);
      if (typeof result === 'string') addIssue({ message: result });
    }),
  );
}

const bytesLong = (length: number) =>
  b64(
    (bytes) => bytes.length === length,
    'invalid_request',
    `base64url without padding, ${length} bytes`,
  );

/** Ciphertext whose length is `overhead + 1024·n` with 1 ≤ n ≤ 16, as bytes. */
function paddedCiphertext(overhead: number) {
  return v.pipe(
    v.string(),
    v.description(`base64url without padding, ${overhead} + 1024·n bytes (1 ≤ n ≤ 16)`),
    // Decoded once, into the bytes the handler gets.
    v.rawTransform<string, Uint8Array>(({ dataset, addIssue, NEVER }) => {
      const result = decodeOrIssue(dataset.value, hasPaddedLength, 'bad_padding');
      if (typeof result !== 'string') return result;
      addIssue({ message: result });
      return NEVER;
    }),
  );
  function hasPaddedLength(bytes: Uint8Array): boolean {
    const body = bytes.length - overhead;
    return body >= 1024 && body <= MAX_BLOCKS * 1024 && body % 1024 === 0;
  }
}

// Control characters have no place in names or notes, and NUL would not survive
// a round trip through the database driver; line breaks are allowed in `about`.
const noControls = v.regex(/^\P{Cc}*$/u);
const noControlsButLines = v.regex(/^(?:\P{Cc}|\n)*$/u);
// Text that looks other than it is (a right-to-left override in a name) is refused by name.
const visible = v.check<string, string>(
  (text) => !hasInvisibleCharacters(text),
  'invisible_characters',
);
const shortText = (max: number) =>
  v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(max), noControls, visible);
const textList = (min: number, max: number) =>
  v.pipe(v.array(shortText(80)), v.minLength(min), v.maxLength(max));
const modality = v.picklist(['in-person', 'phone', 'video']);
const isoDate = v.pipe(
  v.string(),
  v.maxLength(40),
  // A zone is required: a bare local time would be read in the server's zone.
  v.check(
    (text) =>
      /^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:\d{2})$/.test(text) &&
      !Number.isNaN(Date.parse(text)),
  ),
);
const email = v.pipe(v.string(), v.trim(), v.maxLength(254), v.email());
const id = v.pipe(v.string(), v.minLength(1), v.maxLength(64));
const idList = v.pipe(v.array(id), v.maxLength(1000));
const login = v.pipe(
  v.string(),
  v.trim(),
  v.minLength(3),
  v.maxLength(64),
  v.regex(/^[\p{L}\p{N}._@+-]+$/u),
);

export const mailboxKey = v.object({ id: bytesLong(32), readToken: bytesLong(32) });

/** `POST /pow`: a challenge priced for this recipient (docs/protocol.md). */
export const powRequest = v.object({ supporterId: id });

/** A proof of work (PROTOCOL.md §7): a challenge and an 8-byte nonce, both checked by the domain. */
const proof = v.object({ challenge: b64(), nonce: b64() });

export const submission = v.object({
  supporterId: id,
  ciphertext: paddedCiphertext(48),
  mailbox: mailboxKey,
  pow: v.optional(proof),
  // The doctor's own copy (PROTOCOL.md §10.1): a sealed box like the message.
  copy: v.optional(paddedCiphertext(48)),
});

export const mailboxAck = v.object({ ...mailboxKey.entries, replyIds: idList });

const profileEntries = {
  name: shortText(100),
  county: shortText(80),
  town: shortText(80),
  specialties: textList(0, 12),
  languages: textList(1, 12),
  modalities: v.pipe(v.array(modality), v.minLength(1), v.maxLength(3)),
  about: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(2000), noControlsButLines, visible)),
};

export const profile = v.object(profileEntries);

export const vault = v.object({
  salt: bytesLong(16),
  opslimit: v.pipe(
    v.number(),
    v.integer(),
    v.minValue(DEFAULT_OPSLIMIT, 'weak_kdf'),
    v.maxValue(32),
  ),
  memlimit: v.pipe(
    v.number(),
    v.integer(),
    v.minValue(DEFAULT_MEMLIMIT, 'weak_kdf'),
    v.maxValue(1024 * 1024 * 1024),
  ),
  // nonce (24) + MAC (16) + a small JSON holding the secret key
  ciphertext: b64(
    (bytes) => bytes.length >= 72 && bytes.length <= 1024,
    'invalid_request',
    'base64url without padding, 72 to 1024 bytes',
  ),
});

export const registration = v.object({
  invite: b64(),
  login,
  email: v.optional(email),
  profile,
  boxPublicKey: bytesLong(32),
  vault,
  authKey: bytesLong(32),
});

/** `POST /invites/check`: the invite token, as registration takes it. */
export const inviteCheck = v.object({ invite: registration.entries.invite });

export const loginOnly = v.object({ login: v.pipe(v.string(), v.maxLength(256)) });
export const credentials = v.object({
  login: v.pipe(v.string(), v.maxLength(256)),
  authKey: b64(),
  pow: v.optional(proof),
});
export const idsBody = v.object({ ids: idList });
export const reply = v.object({ mailboxId: bytesLong(32), ciphertext: paddedCiphertext(24 + 16) });

/** `POST /archive` (PROTOCOL.md §10.3): secretbox items, `24 + 1024·n + 16` bytes. */
export const archiveStore = v.object({
  id: bytesLong(ARCHIVE_ID_BYTES),
  ciphertext: paddedCiphertext(24 + 16),
  expiresInDays: v.optional(
    v.pipe(v.number(), v.integer(), v.minValue(ARCHIVE_MIN_DAYS), v.maxValue(ARCHIVE_MAX_DAYS)),
    ARCHIVE_DEFAULT_DAYS,
  ),
});

/** `GET /archive?cursor=`: an opaque cursor from a previous page. */
export const archiveQuery = v.object({
  cursor: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(200))),
});

const optionalProfile = v.partial(v.object(profileEntries));
const meEntries = {
  ...optionalProfile.entries,
  email: v.optional(v.nullable(v.union([email, v.literal('')]))),
  status: v.optional(v.picklist(['available', 'away'])),
  awayUntil: v.optional(v.nullable(isoDate)),
  // The URL's rules (https, no credentials) are checked in the domain, which knows PUBLIC_URL.
  notify: v.optional(
    v.object({
      email: v.optional(v.boolean()),
      webhookUrl: v.optional(v.nullable(v.pipe(v.string(), v.trim(), v.maxLength(1000)))),
    }),
  ),
};
/** `PATCH /me`: profile fields at the top level or under `profile`. */
export const meChanges = v.object({ ...meEntries, profile: v.optional(optionalProfile) });

export const vaultChange = v.object({
  authKey: b64(),
  newAuthKey: bytesLong(32),
  vault,
  pow: v.optional(proof),
});

export const inviteRequest = v.object({
  note: v.optional(v.pipe(v.string(), v.maxLength(200), noControls)),
  expiresInDays: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(365))),
});

/** `POST /admin/supporters/{id}/purge`: whole hours, up to a year. */
export const purgeRequest = v.object({
  olderThanHours: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(8760)),
});

/**
 * `PUT /admin/supporters/{id}/signature` (PROTOCOL.md §13): a version the
 * statement's `u32be` can hold, and a 64-byte Ed25519 signature.
 */
export const directorySignature = v.object({
  version: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(0xffff_ffff)),
  signature: bytesLong(64),
});

/**
 * `PATCH /admin/supporters/{id}`: activate or deactivate, and/or set the
 * supporter's availability as `PATCH /me` does (`awayUntil` null clears it).
 * At least one field.
 */
export const supporterChange = v.pipe(
  v.object({
    active: v.optional(v.boolean()),
    status: v.optional(v.picklist(['available', 'away'])),
    awayUntil: v.optional(v.nullable(isoDate)),
  }),
  v.check(
    (change) =>
      change.active !== undefined || change.status !== undefined || change.awayUntil !== undefined,
  ),
);

/** `GET /admin/health?notSeenDays=N`: whole days, 1 to 365. */
export const healthQuery = v.object({
  notSeenDays: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^\d{1,3}$/),
      v.transform(Number),
      v.integer(),
      v.minValue(1),
      v.maxValue(365),
    ),
  ),
});

export const directoryQuery = v.object({
  county: v.optional(v.pipe(v.string(), v.maxLength(80))),
  specialty: v.optional(v.pipe(v.string(), v.maxLength(80))),
  language: v.optional(v.pipe(v.string(), v.maxLength(80))),
  modality: v.optional(modality),
});

// valibot's object() lets arrays through; PROTOCOL.md bodies are always JSON objects.
function isJsonObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const requireJson: MiddlewareHandler = async function requireJson(c, next) {
  const type = c.req.header('Content-Type')?.split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') {
    throw new ApiError(415, 'unsupported_media_type', 'Send the request body as application/json.');
  }
  await next();
};

function describePath(path: readonly (PropertyKey | { key: PropertyKey })[] | undefined): string {
  if (path === undefined || path.length === 0) return 'the request body';
  return path.map((part) => String(typeof part === 'object' ? part.key : part)).join('.');
}

/** The OpenAPI document shows request schemas in JSON Schema 2020-12, the dialect of OpenAPI 3.1. */
const DOCUMENTED_AS = { options: { target: 'draft-2020-12' } } as const;

/**
 * Validates a request part against a schema, throwing PROTOCOL.md errors.
 * The middleware also carries the schema for the OpenAPI document.
 *
 * @example
 * app.post('/messages', validate('json', submission), (c) => c.req.valid('json'))
 */
export function validate<Target extends 'json' | 'query', Schema extends v.GenericSchema>(
  target: Target,
  schema: Schema,
) {
  // Declared as returning a Response so Hono keeps the route's types; it only ever throws.
  const validator = openApiValidator(
    target,
    v.pipe(v.custom<v.InferInput<Schema>>(isJsonObject), schema),
    (result): Response | undefined => {
      if (result.success) return undefined;
      const issues = result.error;
      const special = issues.find((issue) => SPECIAL_CODES.has(issue.message));
      if (special) {
        throw badRequest(
          special.message,
          `${describePath(special.path)}: ${sentences[special.message]}`,
        );
      }
      throw badRequest(
        'invalid_request',
        `Invalid or missing value at ${describePath(issues[0]?.path)}.`,
      );
    },
    DOCUMENTED_AS,
  );
  if (target !== 'json') return validator;
  // `every` keeps the validator's behaviour, and the schema goes with it to the
  // document; the cast keeps its type for `c.req.valid()`.
  const checked = every(requireJson, validator as unknown as MiddlewareHandler);
  return Object.assign(checked, {
    [uniqueSymbol]: (validator as unknown as Record<symbol, unknown>)[uniqueSymbol],
  }) as unknown as typeof validator;
}

const sentences: Record<string, string> = {
  bad_encoding: 'binary values must be base64url without padding.',
  bad_padding: 'ciphertext length must be a whole number of padded 1 KiB blocks (1 to 16).',
  weak_kdf: 'key-derivation limits are below opslimit 3, memlimit 64 MiB.',
  invisible_characters:
    'invisible or direction-changing characters (zero-width spaces and joiners, bidi overrides and the like) are not allowed.',
};
