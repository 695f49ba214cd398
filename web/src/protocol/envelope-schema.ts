/**
 * @module
 * The envelopes' JSON shapes (PROTOCOL.md §3, §4) as valibot schemas, and
 * the one check every opened plaintext goes through: a stranger's plaintext
 * is validated strictly before a page sees it.
 */
import * as v from 'valibot';
import { MAX_TEXT_CHARS, MODALITIES } from '../../../src/wire/api.ts';
import { fromB64 } from './encoding';
import type { DoctorMessage, Reply } from './envelope';
import { ProtocolError } from './protocol-error';

export const THREAD_BYTES = 16;
export const MESSAGE_ID_BYTES = 16;

// Code points rather than UTF-16 units, so every client language counts alike.
export function textLength(text: string): number {
  let length = 0;
  for (const _ of text) length++;
  return length;
}

function isB64OfLength(value: string, length: number): boolean {
  try {
    return fromB64(value).length === length;
  } catch {
    return false;
  }
}

const b64Bytes = (length: number) =>
  v.pipe(
    v.string(),
    v.check((value) => isB64OfLength(value, length), `Expected b64 of ${length} bytes.`),
  );

const textSchema = v.pipe(
  v.string(),
  v.check((text) => {
    const length = textLength(text);
    return length >= 1 && length <= MAX_TEXT_CHARS;
  }, `Expected 1 to ${MAX_TEXT_CHARS} characters.`),
);

const sentAtSchema = v.pipe(
  v.string(),
  v.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}Z$/, 'Expected a UTC time such as 2026-11-27T14:05Z.'),
  v.check((sentAt) => !Number.isNaN(Date.parse(sentAt)), 'Expected a real date.'),
);

const prefsSchema = v.object({
  modalities: v.exactOptional(
    v.pipe(
      v.array(v.picklist(MODALITIES)),
      // A subset: a repeated entry is refused rather than silently folded, so
      // validation never changes what was sent, it only drops unknown fields.
      v.check((modalities) => new Set(modalities).size === modalities.length, 'No repeats.'),
    ),
  ),
  when: v.exactOptional(v.string()),
  contact: v.exactOptional(v.string()),
});

const doctorMessageFields = {
  v: v.literal(1),
  thread: b64Bytes(THREAD_BYTES),
  text: textSchema,
  prefs: v.exactOptional(prefsSchema),
  replyTo: v.object({ mailboxId: b64Bytes(32), publicKey: b64Bytes(32) }),
  sentAt: sentAtSchema,
  sealedTo: v.exactOptional(b64Bytes(32)),
};

// Typed with the declared interfaces, so the compiler checks that the schemas
// produce exactly the contract.
export const doctorMessageSchema: v.GenericSchema<unknown, DoctorMessage> = v.variant('kind', [
  v.object({ kind: v.literal('first-contact'), ...doctorMessageFields }),
  v.object({ kind: v.literal('follow-up'), ...doctorMessageFields }),
]);

export const replySchema: v.GenericSchema<unknown, Reply> = v.object({
  v: v.literal(1),
  kind: v.literal('reply'),
  thread: b64Bytes(THREAD_BYTES),
  text: textSchema,
  from: v.object({
    id: v.pipe(v.string(), v.nonEmpty()),
    name: v.pipe(v.string(), v.nonEmpty()),
  }),
  sentAt: sentAtSchema,
});

export function validate<T>(schema: v.GenericSchema<unknown, T>, value: unknown, what: string): T {
  const result = v.safeParse(schema, value);
  if (result.success) return result.output;
  // Name the field and what it expects, never the value received: plaintext
  // must not end up in logs. Our own action messages are value-free.
  const [issue] = result.issues;
  const path = v.getDotPath(issue) ?? 'top level';
  const expected =
    issue.kind === 'validation' ? issue.message : `Expected ${issue.expected ?? 'something else'}.`;
  throw new ProtocolError('invalid_message', `Invalid ${what} at ${path}: ${expected}`);
}

export function assertTextFits(text: string): void {
  if (typeof text === 'string' && textLength(text) > MAX_TEXT_CHARS) {
    throw new ProtocolError('message_too_long', `The text is over ${MAX_TEXT_CHARS} characters.`);
  }
}
