/**
 * @module
 * What a person keeps on the relay, encrypted to keys only they hold
 * (PROTOCOL.md §10): the doctor's own copy of a sent message, sealed to
 * their reply key, and the supporter's archive items, sealed with a key
 * derived from their box secret key.
 */
import {
  decryptSecretBox,
  encryptSecretBox,
  hash,
  MAC_BYTES,
  NONCE_BYTES,
} from '../crypto/libsodium';
import { fromUtf8, toB64, toUtf8 } from './encoding';
import type { DoctorMessage, Reply } from './envelope';
import { openDoctorMessage, sealDoctorMessage } from './envelope';
import type { MailboxKeys } from './mailbox';
import { paddedBlocks, padMessage, unpadMessage } from './padding';
import { ProtocolError } from './protocol-error';

/** Bytes an archive item adds to its padded plaintext: nonce and MAC. */
export const ARCHIVE_ITEM_OVERHEAD = NONCE_BYTES + MAC_BYTES;

/** A supporter's archive entry, before sealing (PROTOCOL.md §10.3). */
export type ArchiveEntry =
  | { v: 1; kind: 'received'; message: DoctorMessage; receivedAt: string }
  | { v: 1; kind: 'sent'; mailboxId: string; reply: Reply };

/**
 * The doctor's own copy of `message`: `crypto_box_seal(pad(utf8(json)), replyPublicKey)`,
 * sent as `copy` beside the message (§10.1).
 */
export function sealOwnCopy(
  message: DoctorMessage,
  mailbox: Pick<MailboxKeys, 'replyPublicKey'>,
): Promise<Uint8Array> {
  return sealDoctorMessage(message, mailbox.replyPublicKey);
}

/** Opens a `sent[].copy` with the reply key pair; throws {@link ProtocolError} as `openDoctorMessage`. */
export function openOwnCopy(
  copy: Uint8Array,
  mailbox: Pick<MailboxKeys, 'replyPublicKey' | 'replySecretKey'>,
): Promise<DoctorMessage> {
  return openDoctorMessage(copy, mailbox.replyPublicKey, mailbox.replySecretKey);
}

/** `archiveKey = H(32, utf8("peer-relay/v1/archive"), key = boxSecretKey)`. */
export function deriveArchiveKey(boxSecretKey: Uint8Array): Promise<Uint8Array> {
  return hash(32, toUtf8('peer-relay/v1/archive'), boxSecretKey);
}

/**
 * `b64(H(16, utf8(source), key = archiveKey))` with source `"m:" + message id`
 * or `"r:" + reply id`: the same source always gives the same item id.
 */
export async function archiveItemId(
  archiveKey: Uint8Array,
  source: { message: string } | { reply: string },
): Promise<string> {
  const text = 'message' in source ? `m:${source.message}` : `r:${source.reply}`;
  return toB64(await hash(16, toUtf8(text), archiveKey));
}

/** `nonce || crypto_secretbox_easy(pad(utf8(json)), nonce, archiveKey)`. */
export async function sealArchiveItem(
  entry: ArchiveEntry,
  archiveKey: Uint8Array,
): Promise<Uint8Array> {
  return encryptSecretBox(await padMessage(toUtf8(JSON.stringify(entry))), archiveKey);
}

/**
 * Opens an archive item. Throws {@link ProtocolError} `bad_padding`,
 * `decryption_failed` or `invalid_message` (not a §10.3 entry).
 */
export async function openArchiveItem(
  item: Uint8Array,
  archiveKey: Uint8Array,
): Promise<ArchiveEntry> {
  if (paddedBlocks(item.length, ARCHIVE_ITEM_OVERHEAD) === null) {
    throw new ProtocolError('bad_padding', `An archive item cannot be ${item.length} bytes.`);
  }
  const padded = await decryptSecretBox(item, archiveKey);
  if (padded === null) {
    throw new ProtocolError('decryption_failed', 'The archive item could not be decrypted.');
  }
  let entry: unknown;
  try {
    entry = JSON.parse(fromUtf8(await unpadMessage(padded)));
  } catch (cause) {
    if (cause instanceof ProtocolError) throw cause;
    throw new ProtocolError('invalid_message', 'The archive item is not UTF-8 JSON.', { cause });
  }
  const kind = (entry as { kind?: unknown } | null)?.kind;
  if ((entry as { v?: unknown } | null)?.v !== 1 || (kind !== 'received' && kind !== 'sent')) {
    throw new ProtocolError('invalid_message', 'The archive item is not a v1 entry.');
  }
  return entry as ArchiveEntry;
}
