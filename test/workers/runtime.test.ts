/**
 * Inside workerd: the server's hashing (pure-TypeScript BLAKE2b from
 * @noble/hashes) reproduces PROTOCOL.md §9, and Web Crypto is there, in the
 * same runtime that refuses to compile WebAssembly at run time, which is why
 * no server module may import libsodium.
 */
import { describe, expect, it } from 'vitest';
import {
  capabilityHash,
  ciphertextId,
  fingerprint,
  hash,
  newToken,
  randomBytes,
  toB64,
  utf8,
} from '../../src/crypto.ts';

const R = Uint8Array.from({ length: 15 }, (_, i) => i + 1);

describe('the server crypto inside workerd', () => {
  it('is running in workerd, not Node', () => {
    expect(navigator.userAgent).toBe('Cloudflare-Workers');
  });

  it('derives the §9 mailbox id and read token of the vector reply code', () => {
    const k = hash(32, R);
    expect(toB64(hash(32, utf8('peer-relay/v1/mailbox'), k))).toBe(
      'rsNPKlN91iTXSDFKKlR0aO8qlDuGGYGM7H29xRwHBM4',
    );
    expect(toB64(hash(32, utf8('peer-relay/v1/read'), k))).toBe(
      'cCI14r-R_-g3U1iBxdeOrw1UGS-GPPz1kN8I2_9Ck3c',
    );
  });

  it('computes the §9 fingerprint and the id of ciphertext "abc"', () => {
    expect(fingerprint(Uint8Array.from({ length: 32 }, (_, i) => i))).toBe(
      '87299 73579 52098 19480 11273',
    );
    expect(ciphertextId(utf8('abc'))).toBe('z0q3kcYrjSshCckCdSh4Fg');
  });

  it('draws tokens from Web Crypto (crypto.getRandomValues)', () => {
    const a = randomBytes(32);
    const b = crypto.getRandomValues(new Uint8Array(32));
    expect(a).toHaveLength(32);
    expect(toB64(a)).not.toBe(toB64(b));
    const token = newToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(capabilityHash(token)).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(capabilityHash(token)).not.toBe(token);
  });

  it('hashes with Web Crypto too (crypto.subtle, SHA-256 of "abc")', async () => {
    const digest = new Uint8Array(
      await crypto.subtle.digest('SHA-256', new TextEncoder().encode('abc')),
    );
    expect(toB64(digest)).toBe('ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0');
  });

  it('refuses to compile WebAssembly at run time, so libsodium.js could not run here', async () => {
    const emptyModule = Uint8Array.of(0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00);
    await expect(WebAssembly.compile(emptyModule)).rejects.toThrow(/disallowed/i);
  });
});
