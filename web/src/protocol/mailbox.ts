/**
 * @module
 * The doctor's mailbox, derived from the reply code (PROTOCOL.md §2). The code
 * itself never leaves the browser: the server learns only the mailbox id and
 * the read token (and stores just a hash of the token), and the reply key pair
 * lets supporters encrypt replies that only the code holder can read.
 */
import { boxSeedKeyPair, hash } from '../crypto/libsodium';
import { toB64, toUtf8 } from './encoding';
import { REPLY_CODE_BYTES } from './reply-code';

/** Everything a doctor's browser derives from a reply code. */
export interface MailboxKeys {
  /** `b64` mailbox id, sent with every message and mailbox request. */
  mailboxId: string;
  /** `b64` capability to read and acknowledge replies; keep it out of URLs and logs. */
  readToken: string;
  /** Published to supporters in `replyTo.publicKey`. */
  replyPublicKey: Uint8Array;
  /** Opens replies; never leaves the browser. */
  replySecretKey: Uint8Array;
}

const KEY_BYTES = 32;

/**
 * Derive the mailbox id, read token and reply key pair from a reply code.
 *
 * @example
 * const code = parseReplyCode(typed);
 * if (code) {
 *   const { mailboxId, readToken } = await deriveMailbox(code);
 *   await api.openMailbox({ id: mailboxId, readToken });
 * }
 */
export async function deriveMailbox(replyCode: Uint8Array): Promise<MailboxKeys> {
  if (replyCode.length !== REPLY_CODE_BYTES) {
    throw new RangeError(`A reply code is ${REPLY_CODE_BYTES} bytes, got ${replyCode.length}.`);
  }
  // One root key, then domain-separated keyed hashes: knowing any one output
  // (e.g. the mailbox id the server sees) reveals nothing about the others.
  const root = await hash(KEY_BYTES, replyCode);
  const [mailboxId, readToken, replySeed] = await Promise.all([
    hash(KEY_BYTES, toUtf8('peer-relay/v1/mailbox'), root),
    hash(KEY_BYTES, toUtf8('peer-relay/v1/read'), root),
    hash(KEY_BYTES, toUtf8('peer-relay/v1/reply-key'), root),
  ]);
  const { publicKey, secretKey } = await boxSeedKeyPair(replySeed);
  root.fill(0);
  replySeed.fill(0);
  return {
    mailboxId: toB64(mailboxId),
    readToken: toB64(readToken),
    replyPublicKey: publicKey,
    replySecretKey: secretKey,
  };
}
