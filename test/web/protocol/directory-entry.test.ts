/**
 * PROTOCOL.md §13: the operator-signed directory entry. The test vector pins
 * the statement and signature byte for byte; the rest shows that any change
 * of a signed field, a foreign key or a malformed value is "not confirmed",
 * never a throw.
 */
import { describe, expect, it } from 'vitest';
import { signKeyPair, signSeedKeyPair } from '../../../web/src/crypto/libsodium';
import {
  type DirectoryEntry,
  directoryStatement,
  fromUtf8,
  ProtocolError,
  parseOperatorPublicKey,
  signEntry,
  toB64,
  verifyEntry,
} from '../../../web/src/protocol/index';

const seed = Uint8Array.from({ length: 32 }, (_, i) => i);
const vectorEntry = {
  id: 's_test',
  name: 'Dr. Test Testesen',
  boxPublicKey: toB64(Uint8Array.from({ length: 32 }, (_, i) => i)),
  version: 1,
};
const VECTOR_PUBLIC_KEY = 'A6EHv_POEL4dcN0Y50vAmWfk1jCbpQ1fHdyGZBJVMbg';
const VECTOR_SIGNATURE =
  'AfLGtbf1yxAPV7JrxlGikcJpKr-zfxJsXQs7al6tq-NzlcevYctHqKXv958jwI8pqWJ-bXbto5UctoH3de9rCA';

describe('§13 test vector', () => {
  it('derives the operator public key from the seed 00..1f', async () => {
    expect(toB64((await signSeedKeyPair(seed)).publicKey)).toBe(VECTOR_PUBLIC_KEY);
  });

  it('builds the 91-byte statement field by field', () => {
    const statement = directoryStatement(vectorEntry);
    expect(statement).toHaveLength(91);
    expect(fromUtf8(statement.subarray(0, 29))).toBe('peer-relay/v1/directory-entry');
    expect([...statement.subarray(29, 33)]).toEqual([0, 0, 0, 1]);
    expect(statement[33]).toBe(6);
    expect(fromUtf8(statement.subarray(34, 40))).toBe('s_test');
    expect(statement.subarray(40, 72)).toEqual(Uint8Array.from({ length: 32 }, (_, i) => i));
    expect([...statement.subarray(72, 74)]).toEqual([0, 17]);
    expect(fromUtf8(statement.subarray(74))).toBe('Dr. Test Testesen');
  });

  it('signs it to the vector signature, which verifies under the vector key', async () => {
    const { secretKey } = await signSeedKeyPair(seed);
    expect(await signEntry(vectorEntry, secretKey)).toBe(VECTOR_SIGNATURE);
    const signed = { ...vectorEntry, signature: VECTOR_SIGNATURE };
    expect(await verifyEntry(signed, VECTOR_PUBLIC_KEY)).toBe(true);
    expect(await verifyEntry(signed, parseOperatorPublicKey(VECTOR_PUBLIC_KEY))).toBe(true);
  });
});

describe('verifyEntry', () => {
  const signed: DirectoryEntry = { ...vectorEntry, signature: VECTOR_SIGNATURE };

  it('refuses an entry whose key, name, id or version differs from what was signed', async () => {
    const otherKey = toB64(Uint8Array.from({ length: 32 }, (_, i) => 255 - i));
    const changes: Partial<DirectoryEntry>[] = [
      { boxPublicKey: otherKey },
      { name: 'Dr. Test Testesen ' },
      { name: 'Dr. Eve' },
      { id: 's_tesu' },
      { version: 2 },
    ];
    for (const changed of changes) {
      const entry = { ...signed, ...changed };
      expect(await verifyEntry(entry, VECTOR_PUBLIC_KEY), JSON.stringify(changed)).toBe(false);
    }
  });

  it('refuses a signature by another operator key, and an unsigned entry', async () => {
    const other = await signKeyPair();
    expect(await verifyEntry(signed, other.publicKey)).toBe(false);
    const { signature: _, ...unsigned } = signed;
    expect(await verifyEntry(unsigned, VECTOR_PUBLIC_KEY)).toBe(false);
    expect(await verifyEntry({ ...signed, version: undefined }, VECTOR_PUBLIC_KEY)).toBe(false);
  });

  it('answers false, never throws, for malformed values a relay could send', async () => {
    const flipped = `${VECTOR_SIGNATURE.slice(0, -2)}CB`;
    for (const bad of [
      { signature: flipped },
      { signature: `${VECTOR_SIGNATURE}=` },
      { signature: VECTOR_SIGNATURE.slice(0, 43) },
      { signature: 'not base64!' },
      { boxPublicKey: 'AAAA' },
      { boxPublicKey: '+/+/' },
      { version: 0 },
      { version: 1.5 },
      { version: 2 ** 32 },
      { id: 'x'.repeat(256) },
      { name: 'n'.repeat(65_536) },
    ]) {
      expect(
        await verifyEntry({ ...signed, ...bad }, VECTOR_PUBLIC_KEY),
        JSON.stringify(bad).slice(0, 60),
      ).toBe(false);
    }
    expect(await verifyEntry(signed, 'AAAA')).toBe(false);
    expect(await verifyEntry(signed, 'bad key!')).toBe(false);
  });

  it('signs and verifies a name outside ASCII by its UTF-8 bytes', async () => {
    const keys = await signKeyPair();
    const entry = { ...vectorEntry, name: 'Dr. Øyvind Ærø', version: 7 };
    expect(directoryStatement(entry)).toHaveLength(29 + 4 + 1 + 6 + 32 + 2 + 17);
    const signature = await signEntry(entry, keys.secretKey);
    expect(await verifyEntry({ ...entry, signature }, keys.publicKey)).toBe(true);
    expect(
      await verifyEntry({ ...entry, name: 'Dr. Oyvind Aero', signature }, keys.publicKey),
    ).toBe(false);
  });
});

describe('directoryStatement and parseOperatorPublicKey', () => {
  it('refuse what the statement cannot hold, with a ProtocolError', () => {
    expect(() => directoryStatement({ ...vectorEntry, version: 0 })).toThrow(ProtocolError);
    expect(() => directoryStatement({ ...vectorEntry, boxPublicKey: 'AAAA' })).toThrow(
      /does not fit/,
    );
    expect(() => parseOperatorPublicKey('AAAA')).toThrow(/32 bytes/);
    expect(parseOperatorPublicKey(` ${VECTOR_PUBLIC_KEY}\n`)).toHaveLength(32);
  });
});
