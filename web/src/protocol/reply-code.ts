/**
 * @module
 * The doctor's reply code (PROTOCOL.md §2): 120 random bits, the only secret a
 * doctor keeps. It is shown once as Crockford base32 in groups of four, and
 * typed back later, possibly from handwriting, so parsing forgives case,
 * separators and the letters people confuse with digits.
 */
import { base32crockford } from '@scure/base';
import { randomBytes } from '../crypto/libsodium';

/** Length of a reply code in bytes (120 bits). */
export const REPLY_CODE_BYTES = 15;

// 15 bytes are exactly 24 base32 characters, so there are no padding bits.
const REPLY_CODE_CHARS = 24;
const GROUP_CHARS = 4;

/** Draw a fresh random reply code `R` (`randombytes_buf(15)`). */
export async function newReplyCode(): Promise<Uint8Array> {
  return randomBytes(REPLY_CODE_BYTES);
}

/**
 * Show a reply code as six groups of four Crockford base32 characters.
 *
 * @example
 * formatReplyCode(Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15));
 * // '0410-6105-0R3G-G28A-1C60-T3GF'
 */
export function formatReplyCode(code: Uint8Array): string {
  if (code.length !== REPLY_CODE_BYTES) {
    throw new RangeError(`A reply code is ${REPLY_CODE_BYTES} bytes, got ${code.length}.`);
  }
  const text = base32crockford.encode(code);
  const groups: string[] = [];
  for (let i = 0; i < text.length; i += GROUP_CHARS) groups.push(text.slice(i, i + GROUP_CHARS));
  return groups.join('-');
}

/**
 * Read a reply code typed by a doctor, or `null` if it is not one.
 * Case-insensitive; `-` and spaces are ignored; `O` reads as `0` and `I`/`L`
 * as `1`; any other character, or a length other than 24, is invalid.
 *
 * @example
 * parseReplyCode('0410 6105 oR3G g28a lC60 t3gf'); // the 15 bytes 01..0f
 */
export function parseReplyCode(text: string): Uint8Array | null {
  const compact = text.replace(/[- ]/g, '');
  // Checked here, before the library's own folding, so that no non-ASCII
  // letter can reach `toUpperCase()` and turn into a valid one.
  if (compact.length !== REPLY_CODE_CHARS || !/^[0-9A-Za-z]+$/.test(compact)) return null;
  try {
    // base32crockford folds case and maps O→0, I/L→1; it rejects U and symbols.
    const code = base32crockford.decode(compact);
    return code.length === REPLY_CODE_BYTES ? code : null;
  } catch {
    return null;
  }
}
