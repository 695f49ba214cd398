import { describe, expect, it } from 'vitest';
import {
  capabilityHash,
  ciphertextId,
  fingerprint,
  fromB64,
  hash,
  leadingZeroBits,
  toB64,
  utf8,
} from '../src/crypto.ts';
import { hash as sodiumHash } from '../web/src/crypto/libsodium.ts';

const R = Uint8Array.from({ length: 15 }, (_, i) => i + 1);

describe('server BLAKE2b reproduces PROTOCOL.md §9 without libsodium', () => {
  const k = hash(32, R);

  it('derives the mailbox id and read token of the vector reply code', () => {
    expect(toB64(hash(32, utf8('peer-relay/v1/mailbox'), k))).toBe(
      'rsNPKlN91iTXSDFKKlR0aO8qlDuGGYGM7H29xRwHBM4',
    );
    expect(toB64(hash(32, utf8('peer-relay/v1/read'), k))).toBe(
      'cCI14r-R_-g3U1iBxdeOrw1UGS-GPPz1kN8I2_9Ck3c',
    );
  });

  it('computes the fingerprint vector', () => {
    expect(fingerprint(Uint8Array.from({ length: 32 }, (_, i) => i))).toBe(
      '87299 73579 52098 19480 11273',
    );
  });

  it('computes the id of ciphertext "abc"', () => {
    expect(ciphertextId(utf8('abc'))).toBe('z0q3kcYrjSshCckCdSh4Fg');
  });

  it('agrees with libsodium crypto_generichash on random inputs, keyed and unkeyed', async () => {
    for (const length of [16, 32, 64]) {
      const message = crypto.getRandomValues(new Uint8Array(length * 7 + 3));
      const key = crypto.getRandomValues(new Uint8Array(32));
      expect(toB64(hash(length, message))).toBe(toB64(await sodiumHash(length, message)));
      expect(toB64(hash(length, message, key))).toBe(toB64(await sodiumHash(length, message, key)));
    }
  });

  it('hashes a base64url capability as its bytes: H(32, readToken)', () => {
    const token = toB64(crypto.getRandomValues(new Uint8Array(32)));
    expect(capabilityHash(token)).toBe(toB64(hash(32, fromB64(token) as Uint8Array)));
  });
});

describe('strict base64url', () => {
  it('round-trips every length', () => {
    for (let n = 0; n < 40; n++) {
      const bytes = crypto.getRandomValues(new Uint8Array(n));
      expect(fromB64(toB64(bytes))).toEqual(bytes);
    }
  });

  it.each([
    ['padding', 'YWJj=', 'YWI='],
    ['standard alphabet', 'ab+/'],
    ['whitespace', 'YW Jj'],
    ['impossible length', 'YWJjZ'],
    ['non-zero trailing bits', 'YWJjZB'],
  ])('refuses %s', (_, ...inputs) => {
    for (const input of inputs) expect(fromB64(input)).toBeNull();
  });
});

describe('leading zero bits', () => {
  it('counts from the most significant bit of the first byte', () => {
    expect(leadingZeroBits(Uint8Array.of(0x80))).toBe(0);
    expect(leadingZeroBits(Uint8Array.of(0x01))).toBe(7);
    expect(leadingZeroBits(Uint8Array.of(0x00, 0x20))).toBe(10);
    expect(leadingZeroBits(Uint8Array.of(0, 0))).toBe(16);
  });
});
