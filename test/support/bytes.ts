/**
 * @module
 * Byte-level tools for building malformed and forged inputs: random bytes,
 * base64 spellings a relay must refuse (PROTOCOL.md: only base64url without
 * padding), and nonces searched for a chosen proof-of-work outcome.
 */
import { loadSyncHash } from '../../web/src/crypto/libsodium.ts';
import { leadingZeroBits, toB64 } from '../../web/src/protocol/index.ts';

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
