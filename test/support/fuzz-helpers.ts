/**
 * Helpers for the property-based tests of the HTTP API (test/api/fuzz.test.ts):
 * requests with full control over the bytes and headers sent, a snapshot of
 * every table, the PROTOCOL.md error-shape check with the few writes a
 * refused request may make, and fast-check arbitraries for adversarial input
 * (wrong types, duplicate keys, non-canonical base64, lone surrogates,
 * bodies at and past the 64 KiB limit).
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { MAX_BODY_BYTES } from '../../src/app.ts';
import { toB64 } from '../../web/src/protocol/index.ts';
import type { Harness } from './harness.ts';
import { type ApiResponse, readResponse } from './transport.ts';

export { MAX_BODY_BYTES };

// ---------------------------------------------------------------------------
// Requests

export interface RawRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  /** Sent as these exact bytes, so no implicit Content-Type is added. */
  body?: Uint8Array;
}

const encoder = new TextEncoder();

/** UTF-8 bytes, lone surrogates becoming U+FFFD exactly as `fetch` would encode them. */
export function utf8Bytes(text: string): Uint8Array {
  return encoder.encode(text);
}

/** Sends `request` to the harness's app exactly as given. */
export async function send(harness: Harness, request: RawRequest): Promise<ApiResponse> {
  const init: RequestInit = { method: request.method, headers: request.headers };
  if (request.body !== undefined) init.body = new Uint8Array(request.body);
  return readResponse(await harness.app.request(request.path, init));
}

// ---------------------------------------------------------------------------
// Database snapshots

/** Every table's rows, each as canonical JSON, sorted: equal snapshots mean equal tables. */
export type Snapshot = Map<string, string[]>;

function cell(value: unknown): unknown {
  if (value instanceof ArrayBuffer) return `blob:${Buffer.from(value).toString('hex')}`;
  if (ArrayBuffer.isView(value)) {
    return `blob:${Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('hex')}`;
  }
  if (typeof value === 'bigint') return `bigint:${value}`;
  return value;
}

/** `SELECT *` of every table in `sqlite_master`, nothing ignored, read in one batch. */
export async function snapshotTables(harness: Harness): Promise<Snapshot> {
  const { client } = harness.node.store;
  const names = (
    await client.execute("select name from sqlite_master where type = 'table' order by name")
  ).rows.map((row) => String(row.name));
  const results = await client.batch(
    names.map((name) => `select * from "${name.replaceAll('"', '""')}"`),
    'read',
  );
  const snapshot: Snapshot = new Map();
  names.forEach((name, index) => {
    const result = results[index];
    if (result === undefined) throw new Error(`no result for table ${name}`);
    const rows = result.rows.map((row) =>
      JSON.stringify(result.columns.map((column, i) => [column, cell(row[i])])),
    );
    snapshot.set(name, rows.sort());
  });
  return snapshot;
}

export interface TableChange {
  table: string;
  removed: Record<string, unknown>[];
  added: Record<string, unknown>[];
}

function rowObject(json: string): Record<string, unknown> {
  return Object.fromEntries(JSON.parse(json) as [string, unknown][]);
}

/** Rows that left and rows that appeared, per table (a changed row is one of each). */
export function changesBetween(before: Snapshot, after: Snapshot): TableChange[] {
  const changes: TableChange[] = [];
  for (const table of new Set([...before.keys(), ...after.keys()])) {
    const remaining = new Map<string, number>();
    for (const row of before.get(table) ?? []) remaining.set(row, (remaining.get(row) ?? 0) + 1);
    const added: string[] = [];
    for (const row of after.get(table) ?? []) {
      const left = remaining.get(row) ?? 0;
      if (left > 0) remaining.set(row, left - 1);
      else added.push(row);
    }
    const removed = [...remaining].flatMap(([row, n]) => Array<string>(n).fill(row));
    if (removed.length > 0 || added.length > 0 || !before.has(table) || !after.has(table)) {
      changes.push({ table, removed: removed.map(rowObject), added: added.map(rowObject) });
    }
  }
  return changes;
}

/** One counter row went up by exactly one (or appeared with 1); `key` picks the row's identity. */
function isSingleIncrement(
  change: TableChange,
  sameRow: (row: Record<string, unknown>) => boolean,
): boolean {
  const [added] = change.added;
  if (change.added.length !== 1 || added === undefined || !sameRow(added)) return false;
  if (change.removed.length === 0) return added.count === 1;
  const [removed] = change.removed;
  if (change.removed.length !== 1 || removed === undefined || !sameRow(removed)) return false;
  const { count: before, ...restBefore } = removed;
  const { count: after, ...restAfter } = added;
  return (
    typeof before === 'number' &&
    after === before + 1 &&
    JSON.stringify(restBefore) === JSON.stringify(restAfter)
  );
}

/** Refusals of `POST /messages` that come after its proof of work is spent. */
const REFUSED_AFTER_PROOF = new Set([
  'supporter_not_found',
  'mailbox_deleted',
  'supporter_away',
  'mailbox_forbidden',
  'inbox_full',
  'relay_busy',
]);

function isSpentProof(code: string, change: TableChange): boolean {
  return (
    REFUSED_AFTER_PROOF.has(code) &&
    change.table === 'spent_challenges' &&
    change.removed.length === 0 &&
    change.added.length === 1
  );
}

/**
 * The only writes a refused request may make, by error code. Each is a
 * counter that exists to count refusals:
 *
 * - `invalid_credentials` (401, `POST /session`, `PUT /me/vault`): the failed
 *   attempt is counted in `login_failures` (one row, +1), which is what makes
 *   a login ask for a proof of work after five (PROTOCOL.md §11).
 * - `inbox_full`, `relay_busy` (429, `POST /messages`): the refusal is counted
 *   as the day's `rate_limited` event in `daily_counts` (one row, +1) for the
 *   operator's figures.
 * - every refusal of `POST /messages` after its proof of work was checked
 *   (issue 15: the proof comes first): the proof is spent on that submission
 *   (one `spent_challenges` row added), so a probe costs work.
 *
 * Every other refusal must leave every table exactly as it was.
 */
export function allowedRefusalWrite(code: string, changes: TableChange[]): boolean {
  const others = changes.filter((change) => !isSpentProof(code, change));
  if (others.length === 0) return true;
  const [change] = others;
  if (others.length !== 1 || change === undefined) return false;
  if (code === 'invalid_credentials' && change.table === 'login_failures') {
    const first = change.added[0];
    return isSingleIncrement(
      change,
      (row) => row.login_key === first?.login_key && row.hour === first?.hour,
    );
  }
  if ((code === 'inbox_full' || code === 'relay_busy') && change.table === 'daily_counts') {
    const first = change.added[0];
    return isSingleIncrement(
      change,
      (row) => row.event === 'rate_limited' && row.day === first?.day,
    );
  }
  return false;
}

/** Fails unless `after` equals `before`, up to the narrow counter writes of {@link allowedRefusalWrite}. */
export function expectRefusalWroteNothing(code: string, before: Snapshot, after: Snapshot): void {
  const changes = changesBetween(before, after);
  if (changes.length === 0 || allowedRefusalWrite(code, changes)) return;
  expect.fail(`a refused request (${code}) changed the database: ${JSON.stringify(changes)}`);
}

// ---------------------------------------------------------------------------
// Response shape

const SNAKE_CASE = /^[a-z]+(?:_[a-z]+)*$/;

/** PROTOCOL.md §6: exactly `{"error": {"code": "<snake_case>", "message": "<sentence>"}}`. */
export function expectErrorShape(response: ApiResponse): void {
  expect(response.headers.get('content-type') ?? '', response.text).toMatch(/^application\/json\b/);
  expect(response.body, response.text).toBeTypeOf('object');
  expect(response.body, response.text).not.toBeNull();
  expect(Object.keys(response.body), response.text).toEqual(['error']);
  const { error } = response.body;
  expect(typeof error === 'object' && error !== null, response.text).toBe(true);
  expect(Object.keys(error).sort(), response.text).toEqual(['code', 'message']);
  expect(error.code, response.text).toBeTypeOf('string');
  expect(error.code, response.text).toMatch(SNAKE_CASE);
  expect(error.message, response.text).toBeTypeOf('string');
  expect(error.message.length, response.text).toBeGreaterThan(0);
}

// ---------------------------------------------------------------------------
// Values

/** Characters that break naive parsers, encoders and databases. */
const SPECIAL_TEXT = [
  '\u0000',
  '\u0001',
  '\u0008',
  '\u001f',
  '\u007f',
  '\u0085',
  '\u00a0',
  '\u200b',
  '\u200e',
  '\u202e',
  '\u2028',
  '\u2029',
  '\ufeff',
  '\ufffd',
  '\uffff',
  '"',
  '\\',
  '/',
  "'",
  '<script>',
  '%00',
  '%',
  '%2F',
  '\r\n',
  ' ',
  '\t',
  'e\u0301',
  'é',
  '\u{1f642}',
  '\u{10ffff}',
  '𝕏',
  'Ａ',
  '٣',
  'null',
  '__proto__',
  'constructor',
  '1e999',
  '-0',
  'NaN',
  'DROP TABLE messages;--',
];

const LONE_SURROGATES = fc
  .integer({ min: 0xd800, max: 0xdfff })
  .map((unit) => String.fromCharCode(unit));

/** One "character" of well-formed Unicode, biased towards the nasty ones. */
export const wellFormedNastyChar: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...SPECIAL_TEXT) },
  { weight: 3, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
  { weight: 4, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }) },
);

/** Any UTF-16 unit sequence, lone surrogates included. */
export const nastyChar: fc.Arbitrary<string> = fc.oneof(
  { weight: 8, arbitrary: wellFormedNastyChar },
  { weight: 2, arbitrary: LONE_SURROGATES },
);

export const nastyString = (maxLength = 24): fc.Arbitrary<string> =>
  fc.string({ unit: nastyChar, maxLength });

export const wellFormedNastyString = (minLength: number, maxLength: number) =>
  fc.string({ unit: wellFormedNastyChar, minLength, maxLength });

export interface B64Spelling {
  kind: string;
  text: string;
}

const STANDARD_ONLY = /[+/]/;

function canonicalOf(bytes: Uint8Array): string {
  return toB64(bytes);
}

/** `bytes` with a length ≢ 0 (mod 3), so a canonical spelling has unused trailing bits. */
const bytesNotMultipleOf3 = fc
  .uint8Array({ minLength: 1, maxLength: 64 })
  .map((bytes) => (bytes.length % 3 === 0 ? bytes.subarray(1) : bytes));

/**
 * Spellings PROTOCOL.md refuses with `400 bad_encoding`: padding, the standard
 * alphabet, whitespace, an impossible length (≡ 1 mod 4), non-zero trailing
 * bits, very long impossible strings, and characters outside the alphabet.
 */
export const nonCanonicalB64: fc.Arbitrary<B64Spelling> = fc.oneof(
  bytesNotMultipleOf3.map((bytes) => ({
    kind: 'padded',
    text: Buffer.from(bytes)
      .toString('base64url')
      .padEnd(Math.ceil((bytes.length * 4) / 3 / 4) * 4, '='),
  })),
  fc.uint8Array({ minLength: 0, maxLength: 48 }).map((bytes) => ({
    kind: 'padded-extra',
    text: `${canonicalOf(bytes)}=`,
  })),
  fc
    .tuple(fc.uint8Array({ minLength: 3, maxLength: 48 }), fc.constantFrom(0xfb, 0xff))
    .map(([bytes, first]) => {
      const copy = Uint8Array.from(bytes);
      copy[0] = first;
      return { kind: 'standard-alphabet', text: Buffer.from(copy).toString('base64') };
    })
    .filter((spelling) => STANDARD_ONLY.test(spelling.text))
    .map((spelling) => ({ ...spelling, text: spelling.text.replace(/=+$/, '') })),
  fc
    .tuple(
      fc.uint8Array({ minLength: 1, maxLength: 48 }),
      fc.nat(),
      fc.constantFrom(' ', '\n', '\t', '\r\n', '\u00a0', '\u3000'),
    )
    .map(([bytes, at, space]) => {
      const text = canonicalOf(bytes);
      const position = at % (text.length + 1);
      return { kind: 'whitespace', text: text.slice(0, position) + space + text.slice(position) };
    }),
  fc.uint8Array({ minLength: 0, maxLength: 63 }).map((bytes) => {
    const whole = bytes.subarray(0, bytes.length - (bytes.length % 3));
    return { kind: 'length-1-mod-4', text: `${canonicalOf(whole)}A` };
  }),
  bytesNotMultipleOf3.map((bytes) => {
    const canonical = canonicalOf(bytes);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const last = alphabet.indexOf(canonical.at(-1) ?? 'A');
    return { kind: 'trailing-bits', text: canonical.slice(0, -1) + alphabet[last | 1] };
  }),
  fc.integer({ min: 1_000, max: 12_000 }).map((quads) => ({
    kind: 'very-long-impossible-length',
    text: `${'A'.repeat(quads * 4)}A`,
  })),
  fc
    .tuple(
      fc.uint8Array({ minLength: 1, maxLength: 48 }),
      fc.nat(),
      fc.constantFrom('%2D', '.', '~', '*', 'Ａ', 'é', '\u0000', '"', '\ud800', '٣'),
    )
    .map(([bytes, at, bad]) => {
      const text = canonicalOf(bytes);
      const position = at % text.length;
      return {
        kind: 'outside-alphabet',
        text: text.slice(0, position) + bad + text.slice(position + 1),
      };
    }),
);

/** Canonical base64url of bytes of a random (usually wrong) length, some very long. */
export const canonicalB64OfAnyLength: fc.Arbitrary<string> = fc.oneof(
  fc.uint8Array({ minLength: 0, maxLength: 80 }).map(canonicalOf),
  fc
    .constantFrom(15, 16, 17, 31, 33, 64, 1023, 1024, 1071, 1072, 1073, 1087, 1088, 16_432)
    .map((length) => canonicalOf(new Uint8Array(length).fill(7))),
  fc.integer({ min: 10_000, max: 40_000 }).map((quads) => 'A'.repeat(quads)),
);

/** Wrong types and awkward values for any field. */
export const adversarialValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    null,
    true,
    false,
    0,
    -1,
    1.5,
    -0,
    1e308,
    2 ** 53 + 1,
    -(2 ** 31),
    '',
    ' ',
    '0',
    'true',
    'null',
    [],
    {},
    [[]],
    { '': '' },
    [null],
  ),
  nastyString(),
  fc.string({ maxLength: 300 }),
  nonCanonicalB64.map((spelling) => spelling.text),
  canonicalB64OfAnyLength,
  fc.array(nastyString(12), { maxLength: 4 }),
  fc.integer(),
  fc.double(),
  fc.jsonValue({ maxDepth: 3 }),
);

// ---------------------------------------------------------------------------
// Bodies

export type Path = (string | number)[];

/** Paths to every value inside `value` (objects and arrays included, the root excluded). */
export function pathsOf(value: unknown, prefix: Path = []): Path[] {
  if (Array.isArray(value)) {
    return value.flatMap((item, index) => [
      [...prefix, index],
      ...pathsOf(item, [...prefix, index]),
    ]);
  }
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, item]) => [
      [...prefix, key],
      ...pathsOf(item, [...prefix, key]),
    ]);
  }
  return [];
}

export type BodyCase =
  | { kind: 'template' }
  | { kind: 'json'; value: unknown }
  | { kind: 'drop'; path: Path }
  | { kind: 'set'; path: Path; value: unknown }
  | { kind: 'extra'; fields: [string, unknown][] }
  | { kind: 'duplicate'; path: Path; value: unknown; first: boolean }
  | { kind: 'text'; text: string }
  | { kind: 'bytes'; bytes: Uint8Array }
  | { kind: 'huge'; path: Path; bytes: number; filler: string };

// biome-ignore lint/suspicious/noExplicitAny: templates are arbitrary JSON, walked by path.
type Json = any;

function clone<T>(value: T): T {
  return structuredClone(value);
}

function parentOf(root: Json, path: Path): Json {
  let node = root;
  for (const key of path.slice(0, -1)) node = node?.[key];
  return node;
}

function withSet(template: Json, path: Path, value: unknown): Json {
  const copy = clone(template);
  const parent = parentOf(copy, path);
  const key = path.at(-1);
  if (parent !== null && typeof parent === 'object' && key !== undefined) parent[key] = value;
  return copy;
}

function withDropped(template: Json, path: Path): Json {
  const copy = clone(template);
  const parent = parentOf(copy, path);
  const key = path.at(-1);
  if (Array.isArray(parent) && typeof key === 'number') parent.splice(key, 1);
  else if (parent !== null && typeof parent === 'object' && key !== undefined) delete parent[key];
  return copy;
}

/** JSON text of `node` in which the key at `path` appears twice, `value` first or last. */
export function stringifyWithDuplicate(
  node: Json,
  path: Path,
  value: unknown,
  first: boolean,
): string {
  const [head, ...rest] = path;
  if (Array.isArray(node)) {
    return `[${node
      .map((item, index) =>
        index === head && rest.length > 0
          ? stringifyWithDuplicate(item, rest, value, first)
          : JSON.stringify(item),
      )
      .join(',')}]`;
  }
  if (typeof node !== 'object' || node === null) return JSON.stringify(node);
  const members = Object.entries(node).map(([key, item]) => {
    const name = JSON.stringify(key);
    if (key !== head) return `${name}:${JSON.stringify(item)}`;
    if (rest.length > 0) return `${name}:${stringifyWithDuplicate(item, rest, value, first)}`;
    const original = `${name}:${JSON.stringify(item)}`;
    const duplicate = `${name}:${JSON.stringify(value)}`;
    return first ? `${duplicate},${original}` : `${original},${duplicate}`;
  });
  return `{${members.join(',')}}`;
}

/** A JSON text of exactly `bytes` bytes (or the shortest possible), grown at `path` with `filler`. */
function hugeBody(template: Json, path: Path, bytes: number, filler: string): string {
  const base = utf8Bytes(JSON.stringify(withSet(template, path, ''))).length;
  const unit = utf8Bytes(JSON.stringify(filler)).length - 2;
  const missing = Math.max(0, bytes - base);
  const text = filler.repeat(Math.floor(missing / unit)) + 'a'.repeat(missing % unit);
  return JSON.stringify(withSet(template, path, text));
}

/** The bytes of a body case applied to `template`. */
export function renderBody(template: Json, body: BodyCase): Uint8Array {
  switch (body.kind) {
    case 'template':
      return utf8Bytes(JSON.stringify(template));
    case 'json':
      return utf8Bytes(JSON.stringify(body.value) ?? '');
    case 'drop':
      return utf8Bytes(JSON.stringify(withDropped(template, body.path)));
    case 'set':
      return utf8Bytes(JSON.stringify(withSet(template, body.path, body.value)));
    case 'extra': {
      const copy = clone(template) ?? {};
      for (const [key, value] of body.fields) {
        Object.defineProperty(copy, key, { value, enumerable: true, writable: true });
      }
      return utf8Bytes(JSON.stringify(copy));
    }
    case 'duplicate':
      return utf8Bytes(stringifyWithDuplicate(template, body.path, body.value, body.first));
    case 'text':
      return utf8Bytes(body.text);
    case 'bytes':
      return body.bytes;
    case 'huge':
      return utf8Bytes(hugeBody(template, body.path, body.bytes, body.filler));
  }
}

const RAW_TEXTS = [
  '',
  ' ',
  'null',
  'true',
  '0',
  '"text"',
  '[]',
  '{',
  '}',
  '{}}',
  '{"a":}',
  '{"a":1,}',
  "{'a':1}",
  '{"a":1}{"b":2}',
  '{"a":1}\u0000',
  '\ufeff{}',
  '{"a":"\\ud800"}',
  '{"a":"\\udc00\\ud800"}',
  '{"a":"\ud800"}',
  '{"a":"\\u0000"}',
  '{"__proto__":{"polluted":true}}',
  '{"constructor":{"prototype":{"polluted":true}}}',
  `${'['.repeat(5000)}${']'.repeat(5000)}`,
  `${'{"a":'.repeat(3000)}1${'}'.repeat(3000)}`,
  '1'.repeat(400),
  '-',
  'NaN',
  'Infinity',
  '{"a":1e999999}',
  '{"a":123456789012345678901234567890}',
];

/** Bytes that are not valid UTF-8, or UTF-8 of something else. */
const RAW_BYTES = [
  [0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00],
  [0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d],
  [0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xed, 0xa0, 0x80, 0x22, 0x7d],
  [0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xf4, 0x90, 0x80, 0x80, 0x22, 0x7d],
  [0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc0, 0xaf, 0x22, 0x7d],
  [0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf, 0x7b, 0x7d],
  [0x00],
  [0x1f, 0x8b, 0x08, 0x00],
].map((bytes) => Uint8Array.from(bytes));

const HUGE_SIZES = fc.oneof(
  fc.constantFrom(
    MAX_BODY_BYTES - 1,
    MAX_BODY_BYTES,
    MAX_BODY_BYTES + 1,
    MAX_BODY_BYTES + 4,
    2 * MAX_BODY_BYTES,
  ),
  fc.integer({ min: MAX_BODY_BYTES - 4096, max: MAX_BODY_BYTES + 4096 }),
);

/** How a body deviates from a valid `template` (which may itself be sent unchanged). */
export function bodyCase(template: Json, related: Record<string, unknown[]> = {}) {
  const paths = pathsOf(template);
  const objectKeyPaths = paths.filter((path) => typeof path.at(-1) === 'string');
  const stringPaths = paths.filter(
    (path) => typeof path.reduce((node: Json, key) => node?.[key], template) === 'string',
  );
  const path = paths.length > 0 ? fc.constantFrom(...paths) : fc.constant<Path>([]);
  const relatedPaths = Object.keys(related);
  const setValue = (forPath: Path): fc.Arbitrary<unknown> => {
    const extra = related[forPath.join('.')];
    return extra !== undefined && extra.length > 0
      ? fc.oneof(adversarialValue, fc.constantFrom(...extra))
      : adversarialValue;
  };
  const cases: fc.Arbitrary<BodyCase>[] = [
    fc.constant({ kind: 'template' as const }),
    fc.jsonValue({ maxDepth: 3 }).map((value) => ({ kind: 'json' as const, value })),
    fc.record({ value: nastyString(40) }).map(({ value }) => ({ kind: 'json' as const, value })),
    fc.constantFrom(...RAW_TEXTS).map((text) => ({ kind: 'text' as const, text })),
    fc.string({ unit: nastyChar, maxLength: 80 }).map((text) => ({ kind: 'text' as const, text })),
    fc.constantFrom(...RAW_BYTES).map((bytes) => ({ kind: 'bytes' as const, bytes })),
    fc
      .record({
        fields: fc.array(
          fc.tuple(
            fc.oneof(
              fc.constantFrom('__proto__', 'constructor', 'prototype', 'id', 'admin', ''),
              nastyString(12),
            ),
            adversarialValue,
          ),
          { minLength: 1, maxLength: 4 },
        ),
      })
      .map(({ fields }) => ({ kind: 'extra' as const, fields })),
  ];
  if (paths.length > 0) {
    cases.push(
      path.map((p) => ({ kind: 'drop' as const, path: p })),
      path.chain((p) => setValue(p).map((value) => ({ kind: 'set' as const, path: p, value }))),
      path.chain((p) => setValue(p).map((value) => ({ kind: 'set' as const, path: p, value }))),
    );
  }
  if (relatedPaths.length > 0) {
    const relatedCase = fc.constantFrom(...relatedPaths).chain((key) =>
      fc.constantFrom(...(related[key] ?? [null])).map((value) => ({
        kind: 'set' as const,
        path: key.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part)),
        value,
      })),
    );
    cases.push(relatedCase, relatedCase);
  }
  if (objectKeyPaths.length > 0) {
    cases.push(
      fc
        .record({
          path: fc.constantFrom(...objectKeyPaths),
          value: adversarialValue,
          first: fc.boolean(),
        })
        .map((dup) => ({ kind: 'duplicate' as const, ...dup })),
    );
  }
  if (stringPaths.length > 0) {
    cases.push(
      fc
        .record({
          path: fc.constantFrom(...stringPaths),
          bytes: HUGE_SIZES,
          filler: fc.constantFrom('a', 'é', '€', '\u{1f642}', '\u0000', '"', '\ud800'),
        })
        .map((huge) => ({ kind: 'huge' as const, ...huge })),
    );
  }
  return fc.oneof(...cases);
}

/** Content-Type header values: mostly JSON (in its accepted spellings), some not. */
export const contentTypeCase: fc.Arbitrary<string | null> = fc.oneof(
  { weight: 12, arbitrary: fc.constant('application/json') },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      'application/json; charset=utf-8',
      'Application/JSON',
      'application/json;charset=UTF-8',
      'APPLICATION/JSON ; q=1',
    ),
  },
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      null,
      '',
      'text/plain',
      'text/plain;charset=UTF-8',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=xyz',
      'application/jsonx',
      'application/json-patch+json',
      'application/ld+json',
      'application/vnd.api+json',
      'json',
      'application/json, text/plain',
      '*/*',
      'application/xml',
    ),
  },
);

/** Whether the relay must read a body sent with this Content-Type as JSON (PROTOCOL.md §6). */
export function isJsonContentType(value: string | null): boolean {
  return value?.split(';')[0]?.trim().toLowerCase() === 'application/json';
}

/**
 * Whether the platform's `Request.json()` (what Hono's validator calls) can
 * parse these bytes, and to what: only then may the relay look past
 * `400 invalid_json`.
 */
export async function parseLikeFetch(
  bytes: Uint8Array,
): Promise<{ ok: true; value: unknown } | { ok: false }> {
  try {
    const request = new Request('http://relay.test/', {
      method: 'POST',
      body: new Uint8Array(bytes),
    });
    return { ok: true, value: await request.json() };
  } catch {
    return { ok: false };
  }
}

/** Query strings: well-formed pairs, repeated keys, and malformed percent-encoding. */
export const queryCase: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constant('') },
  {
    weight: 4,
    arbitrary: fc
      .array(
        fc.tuple(
          fc.oneof(fc.constantFrom('id', 'token', 'ids', 'x', '', '__proto__'), nastyString(8)),
          nastyString(20),
        ),
        { minLength: 1, maxLength: 4 },
      )
      .map((pairs) =>
        pairs
          .map(
            ([key, value]) =>
              `${encodeURIComponent(key.replace(/[\ud800-\udfff]/g, '?'))}=${encodeURIComponent(value.replace(/[\ud800-\udfff]/g, '?'))}`,
          )
          .join('&'),
      ),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '%',
      '%%',
      '%E0%A4%A',
      '%ZZ=1',
      'a=%',
      'a=%C3%28',
      'a=%ED%A0%80',
      '&&&',
      '===',
      'a=1&a=2&a=3',
      'a[b]=1',
      'a[]=1&a[]=2',
      '+=+',
      '%00=%00',
      'a=b=c',
    ),
  },
);
