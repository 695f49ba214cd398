/**
 * @module
 * The message envelopes (PROTOCOL.md §3, §4).
 *
 * A doctor's message is a sealed box to the supporter's key: anonymous by
 * construction, the server and the supporter learn nothing about the sender
 * beyond what the doctor writes. A supporter's reply is `crypto_box` from the
 * supporter's key to the doctor's reply key, so the doctor can tell that it
 * really comes from the supporter they wrote to. Both plaintexts are JSON,
 * padded to 1 KiB blocks so lengths reveal little.
 *
 * Opening validates the JSON shape strictly (unknown fields are dropped, as
 * the protocol allows additions), because the plaintext comes from a stranger.
 */
import { MAX_TEXT_CHARS, type Modality } from '../../../src/wire/api.ts';
import {
  decryptBox,
  encryptBox,
  hash,
  MAC_BYTES,
  NONCE_BYTES,
  openSealedBox,
  randomBytes,
  SEALED_BOX_OVERHEAD,
  sealBox,
} from '../crypto/libsodium';
import { fromB64, fromUtf8, toB64, toUtf8 } from './encoding';
import {
  assertTextFits,
  doctorMessageSchema,
  MESSAGE_ID_BYTES,
  replySchema,
  THREAD_BYTES,
  validate,
} from './envelope-schema';
import type { MailboxKeys } from './mailbox';
import { paddedBlocks, padMessage, unpadMessage } from './padding';
import { ProtocolError } from './protocol-error';

export { MAX_TEXT_CHARS, type Modality };

/** What a doctor may say about how and when they would like to talk. */
export interface ContactPrefs {
  modalities?: Modality[];
  /** Free text, e.g. "evenings after 17". */
  when?: string;
  /** Free text the doctor chooses to reveal, e.g. a phone number. */
  contact?: string;
}

/** Where replies go: the doctor's mailbox and reply public key, both `b64`. */
export interface ReplyTo {
  mailboxId: string;
  publicKey: string;
}

interface DoctorMessageFields {
  v: 1;
  /** `b64` of 16 random bytes, the same for a whole conversation. */
  thread: string;
  /** 1 to 8000 characters (Unicode code points). */
  text: string;
  prefs?: ContactPrefs;
  replyTo: ReplyTo;
  /** The sender's clock at minute precision, e.g. `2026-11-27T14:05Z`. */
  sentAt: string;
  /**
   * `b64` of the supporter key the message was sealed to: an optional
   * addition (PROTOCOL.md, top), written only when the doctor keeps a copy
   * (§10.1), so their mailbox can tell when a reply comes from another key.
   */
  sealedTo?: string;
}

/** A doctor's first message to a supporter. */
export interface FirstContact extends DoctorMessageFields {
  kind: 'first-contact';
}

/** A doctor's further message in an existing conversation. */
export interface FollowUp extends DoctorMessageFields {
  kind: 'follow-up';
}

/** The plaintext of a sealed message from a doctor (§3). */
export type DoctorMessage = FirstContact | FollowUp;

/** The plaintext of a supporter's reply (§4). */
export interface Reply {
  v: 1;
  kind: 'reply';
  thread: string;
  text: string;
  from: { id: string; name: string };
  sentAt: string;
}

/** A sealed doctor message, ready to post, with its plaintext and server id. */
export interface SealedDoctorMessage<M extends DoctorMessage = DoctorMessage> {
  message: M;
  ciphertext: Uint8Array;
  /** The id the server will give it: {@link messageId} of the ciphertext. */
  id: string;
}

/** A sealed reply, ready to post to `mailboxId`, with its plaintext and server id. */
export interface SealedReply {
  reply: Reply;
  mailboxId: string;
  ciphertext: Uint8Array;
  id: string;
}

/** What a doctor writes; the rest of the envelope is filled in. */
export interface DoctorDraft {
  text: string;
  prefs?: ContactPrefs;
  mailbox: Pick<MailboxKeys, 'mailboxId' | 'replyPublicKey'>;
  /** Defaults to now. */
  sentAt?: Date;
  /** Write `sealedTo` into the message (and so into the doctor's copy of it). */
  recordSealedTo?: boolean;
}

/** What a supporter writes in reply; the rest of the envelope is filled in. */
export interface ReplyDraft {
  text: string;
  from: { id: string; name: string };
  /** Defaults to now. */
  sentAt?: Date;
}

/** Bytes a sealed doctor message adds to its padded plaintext. */
export const DOCTOR_MESSAGE_OVERHEAD = SEALED_BOX_OVERHEAD;
/** Bytes a reply adds to its padded plaintext: nonce and MAC. */
export const REPLY_OVERHEAD = NONCE_BYTES + MAC_BYTES;

async function encodePlaintext(json: unknown): Promise<Uint8Array> {
  return padMessage(toUtf8(JSON.stringify(json)));
}

async function decodePlaintext(padded: Uint8Array, what: string): Promise<unknown> {
  const bytes = await unpadMessage(padded);
  try {
    return JSON.parse(fromUtf8(bytes));
  } catch (cause) {
    throw new ProtocolError('invalid_message', `The ${what} is not UTF-8 JSON.`, { cause });
  }
}

/** A new random conversation id: `b64` of 16 random bytes. */
export async function newThreadId(): Promise<string> {
  return toB64(await randomBytes(THREAD_BYTES));
}

/**
 * A UTC time at minute precision, as messages carry it; finer times would
 * help link a message to other traces of its sender.
 *
 * @example
 * minuteTimestamp(new Date('2026-11-27T14:05:59.999Z')); // '2026-11-27T14:05Z'
 */
export function minuteTimestamp(date: Date = new Date()): string {
  return `${date.toISOString().slice(0, 16)}Z`;
}

/**
 * The server's id for a message or reply: `b64(H(16, ciphertext))`. Knowing it
 * in advance lets a client match server status rows to what it sent.
 */
export async function messageId(ciphertext: Uint8Array): Promise<string> {
  return toB64(await hash(MESSAGE_ID_BYTES, ciphertext));
}

/** Whether `length` is a possible length of a sealed doctor message (1024·n + 48, n ≤ 16). */
export function isDoctorMessageLength(length: number): boolean {
  return paddedBlocks(length, DOCTOR_MESSAGE_OVERHEAD) !== null;
}

/** Whether `length` is a possible length of a reply (24 + 1024·n + 16, n ≤ 16). */
export function isReplyLength(length: number): boolean {
  return paddedBlocks(length, REPLY_OVERHEAD) !== null;
}

/**
 * Seal a doctor's message to a supporter's box public key:
 * `crypto_box_seal(pad(utf8(json)), supporterBoxPublicKey)`.
 *
 * The message is validated first, and only known fields are sent. Throws
 * {@link ProtocolError} `message_too_long` if it does not fit 16 blocks, or
 * `invalid_message` if it is malformed.
 */
export async function sealDoctorMessage(
  message: DoctorMessage,
  supporterBoxPublicKey: Uint8Array,
): Promise<Uint8Array> {
  assertTextFits(message.text);
  const checked = validate(doctorMessageSchema, message, 'message');
  return sealBox(await encodePlaintext(checked), supporterBoxPublicKey);
}

// Copies only the known fields, so the returned message is exactly what is sealed.
function copyPrefs({ modalities, when, contact }: ContactPrefs): ContactPrefs {
  return {
    ...(modalities === undefined ? {} : { modalities: [...modalities] }),
    ...(when === undefined ? {} : { when }),
    ...(contact === undefined ? {} : { contact }),
  };
}

function doctorMessage<K extends DoctorMessage['kind']>(
  kind: K,
  thread: string,
  draft: DoctorDraft,
  supporterBoxPublicKey: Uint8Array,
): DoctorMessageFields & { kind: K } {
  return {
    v: 1,
    kind,
    thread,
    text: draft.text,
    ...(draft.prefs === undefined ? {} : { prefs: copyPrefs(draft.prefs) }),
    replyTo: {
      mailboxId: draft.mailbox.mailboxId,
      publicKey: toB64(draft.mailbox.replyPublicKey),
    },
    sentAt: minuteTimestamp(draft.sentAt),
    ...(draft.recordSealedTo ? { sealedTo: toB64(supporterBoxPublicKey) } : {}),
  };
}

/**
 * Start a conversation: build a first-contact message in a new thread and seal
 * it to the supporter.
 *
 * @example
 * const replyCode = await newReplyCode();
 * const mailbox = await deriveMailbox(replyCode);
 * const { message, ciphertext } = await sealFirstContact({ text, mailbox }, supporter.boxPublicKey);
 * // keep message.thread for follow-ups; show formatReplyCode(replyCode) once
 */
export async function sealFirstContact(
  draft: DoctorDraft,
  supporterBoxPublicKey: Uint8Array,
): Promise<SealedDoctorMessage<FirstContact>> {
  const message = doctorMessage('first-contact', await newThreadId(), draft, supporterBoxPublicKey);
  const ciphertext = await sealDoctorMessage(message, supporterBoxPublicKey);
  return { message, ciphertext, id: await messageId(ciphertext) };
}

/** Continue the conversation `thread`: build a follow-up message and seal it. */
export async function sealFollowUp(
  thread: string,
  draft: DoctorDraft,
  supporterBoxPublicKey: Uint8Array,
): Promise<SealedDoctorMessage<FollowUp>> {
  const message = doctorMessage('follow-up', thread, draft, supporterBoxPublicKey);
  const ciphertext = await sealDoctorMessage(message, supporterBoxPublicKey);
  return { message, ciphertext, id: await messageId(ciphertext) };
}

/**
 * Open a sealed doctor message with the supporter's key pair and validate it.
 *
 * Throws {@link ProtocolError}: `bad_padding` (impossible length or invalid
 * padding), `decryption_failed` (not for this key, or tampered) or
 * `invalid_message` (not a valid §3 JSON object).
 */
export async function openDoctorMessage(
  ciphertext: Uint8Array,
  supporterPublicKey: Uint8Array,
  supporterSecretKey: Uint8Array,
): Promise<DoctorMessage> {
  if (!isDoctorMessageLength(ciphertext.length)) {
    throw new ProtocolError(
      'bad_padding',
      `A sealed message cannot be ${ciphertext.length} bytes.`,
    );
  }
  const padded = await openSealedBox(ciphertext, supporterPublicKey, supporterSecretKey);
  if (padded === null) {
    throw new ProtocolError('decryption_failed', 'The message could not be decrypted.');
  }
  return validate(doctorMessageSchema, await decodePlaintext(padded, 'message'), 'message');
}

/**
 * Encrypt a supporter's reply to a doctor's reply key:
 * `nonce || crypto_box_easy(pad(utf8(json)), nonce, replyPublicKey, supporterSecretKey)`.
 *
 * Validated like {@link sealDoctorMessage}, with the same errors.
 */
export async function sealReply(
  reply: Reply,
  replyPublicKey: Uint8Array,
  supporterSecretKey: Uint8Array,
): Promise<Uint8Array> {
  assertTextFits(reply.text);
  const checked = validate(replySchema, reply, 'reply');
  return encryptBox(await encodePlaintext(checked), replyPublicKey, supporterSecretKey);
}

/**
 * Answer a doctor's message: build the reply in its thread and encrypt it to
 * the reply key the message carries.
 *
 * @example
 * const { mailboxId, ciphertext } = await sealReplyTo(message, { text, from: me }, secretKey);
 * await api.postReply({ mailboxId, ciphertext: toB64(ciphertext) });
 */
export async function sealReplyTo(
  message: DoctorMessage,
  draft: ReplyDraft,
  supporterSecretKey: Uint8Array,
): Promise<SealedReply> {
  const reply: Reply = {
    v: 1,
    kind: 'reply',
    thread: message.thread,
    text: draft.text,
    from: { id: draft.from.id, name: draft.from.name },
    sentAt: minuteTimestamp(draft.sentAt),
  };
  const replyPublicKey = fromB64(message.replyTo.publicKey);
  const ciphertext = await sealReply(reply, replyPublicKey, supporterSecretKey);
  return {
    reply,
    mailboxId: message.replyTo.mailboxId,
    ciphertext,
    id: await messageId(ciphertext),
  };
}

/**
 * Open a reply with the doctor's reply secret key and validate it. Success
 * proves the reply was made with the secret key behind `supporterBoxPublicKey`.
 *
 * Throws {@link ProtocolError}: `bad_padding`, `decryption_failed` (another
 * sender, another mailbox, or tampered) or `invalid_message`.
 */
export async function openReply(
  ciphertext: Uint8Array,
  supporterBoxPublicKey: Uint8Array,
  replySecretKey: Uint8Array,
): Promise<Reply> {
  if (!isReplyLength(ciphertext.length)) {
    throw new ProtocolError('bad_padding', `A reply cannot be ${ciphertext.length} bytes.`);
  }
  const padded = await decryptBox(ciphertext, supporterBoxPublicKey, replySecretKey);
  if (padded === null) {
    throw new ProtocolError('decryption_failed', 'The reply could not be decrypted.');
  }
  return validate(replySchema, await decodePlaintext(padded, 'reply'), 'reply');
}
