/**
 * @module
 * Supporter key fingerprints (PROTOCOL.md §1): 25 digits a doctor and a
 * supporter can read to each other over the phone to make sure the directory
 * served the supporter's real key.
 */
import { hash } from '../crypto/libsodium';
import { toUtf8 } from './encoding';

const GROUPS = 5;
const GROUP_BYTES = 5;

/**
 * The fingerprint of a supporter's box public key: five groups of five digits.
 *
 * @example
 * await fingerprint(boxPublicKey); // '87299 73579 52098 19480 11273'
 */
export async function fingerprint(boxPublicKey: Uint8Array): Promise<string> {
  const prefix = toUtf8('peer-relay/v1/fingerprint');
  const input = new Uint8Array(prefix.length + boxPublicKey.length);
  input.set(prefix, 0);
  input.set(boxPublicKey, prefix.length);
  const digest = await hash(32, input);
  const groups: string[] = [];
  for (let i = 0; i < GROUPS; i++) {
    // A 40-bit big-endian integer is below 2^53, so plain numbers stay exact.
    let value = 0;
    for (const byte of digest.subarray(GROUP_BYTES * i, GROUP_BYTES * (i + 1))) {
      value = value * 256 + byte;
    }
    groups.push(String(value % 100_000).padStart(5, '0'));
  }
  return groups.join(' ');
}
