import { describe, expect, it } from 'vitest';
import { checkDirectoryKey, DirectoryKeyError } from '../../scripts/directory-public-key.ts';

// PROTOCOL.md §13's test vector: the public key of seed bytes 00 01 … 1f.
const VECTOR_KEY = 'A6EHv_POEL4dcN0Y50vAmWfk1jCbpQ1fHdyGZBJVMbg';

const b64OfLength = (length: number) => Buffer.alloc(length, 7).toString('base64url');

describe('the build-time directory key', () => {
  it('takes b64 of 32 bytes as it is', () => {
    expect(checkDirectoryKey(VECTOR_KEY)).toBe(VECTOR_KEY);
  });

  it('takes it without the whitespace around it (a pasted line)', () => {
    expect(checkDirectoryKey(` ${VECTOR_KEY}\n`)).toBe(VECTOR_KEY);
  });

  it('means no key when unset, empty or blank', () => {
    expect(checkDirectoryKey(undefined)).toBeNull();
    expect(checkDirectoryKey(null)).toBeNull();
    expect(checkDirectoryKey('')).toBeNull();
    expect(checkDirectoryKey(' \n')).toBeNull();
  });

  it.each([
    ['padding', `${VECTOR_KEY}=`, /not base64url without padding/],
    ['the standard alphabet', VECTOR_KEY.replace('_', '/'), /not base64url without padding/],
    ['non-zero trailing bits', `${VECTOR_KEY.slice(0, -1)}h`, /not base64url without padding/],
    ['a key of 31 bytes', b64OfLength(31), /not the 32 bytes of an Ed25519 public key/],
    ['a 64-byte secret key', b64OfLength(64), /not the 32 bytes of an Ed25519 public key/],
  ])('stops the build with a sentence for %s', (_, value, sentence) => {
    expect(() => checkDirectoryKey(value)).toThrow(DirectoryKeyError);
    expect(() => checkDirectoryKey(value)).toThrow(sentence);
  });
});
