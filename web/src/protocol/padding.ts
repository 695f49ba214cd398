/**
 * @module
 * Length hiding for message plaintexts (PROTOCOL.md §3, §4): every plaintext
 * is padded to a whole number of 1 KiB blocks, at most 16, so a ciphertext's
 * length reveals only its bucket, never the length of what was written.
 */
import { pad, unpad } from '../crypto/libsodium';
import { ProtocolError } from './protocol-error';

/** Padding block size in bytes. */
export const PAD_BLOCK_BYTES = 1024;
/** Largest padded plaintext, in blocks. */
export const MAX_PAD_BLOCKS = 16;

/**
 * `pad(x)`: ISO/IEC 7816-4 padding to a multiple of 1024 bytes. Padding always
 * adds at least one byte, so at most 16·1024 − 1 bytes fit; longer input is
 * refused with {@link ProtocolError} `message_too_long`.
 *
 * @example
 * await padMessage(toUtf8('{"a":1}')); // 7b 22 61 22 3a 31 7d 80, then 1016 zero bytes
 */
export async function padMessage(plaintext: Uint8Array): Promise<Uint8Array> {
  if (plaintext.length >= MAX_PAD_BLOCKS * PAD_BLOCK_BYTES) {
    throw new ProtocolError(
      'message_too_long',
      `The message is ${plaintext.length} bytes; at most ${MAX_PAD_BLOCKS * PAD_BLOCK_BYTES - 1} fit.`,
    );
  }
  return pad(plaintext, PAD_BLOCK_BYTES);
}

/**
 * Remove {@link padMessage}'s padding. Throws {@link ProtocolError}
 * `bad_padding` if the length is not 1..16 whole blocks or the padding is invalid.
 */
export async function unpadMessage(padded: Uint8Array): Promise<Uint8Array> {
  const blocks = padded.length / PAD_BLOCK_BYTES;
  if (!Number.isInteger(blocks) || blocks < 1 || blocks > MAX_PAD_BLOCKS) {
    throw new ProtocolError('bad_padding', `${padded.length} bytes is not 1 to 16 padding blocks.`);
  }
  const plaintext = await unpad(padded, PAD_BLOCK_BYTES);
  if (plaintext === null) throw new ProtocolError('bad_padding', 'The padding is invalid.');
  return plaintext;
}

/**
 * The number of padding blocks inside a ciphertext of `length` bytes that adds
 * `overhead` bytes to its padded plaintext, or `null` if no valid ciphertext
 * has that length.
 */
export function paddedBlocks(length: number, overhead: number): number | null {
  const blocks = (length - overhead) / PAD_BLOCK_BYTES;
  return Number.isInteger(blocks) && blocks >= 1 && blocks <= MAX_PAD_BLOCKS ? blocks : null;
}
