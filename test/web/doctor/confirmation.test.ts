/**
 * Directory entries as a page built with a directory key sees them
 * (PROTOCOL.md §13): only an entry signed by that key, exactly as it is, is
 * confirmed, and sealing to any other is refused before anything is sealed,
 * whatever the page showed before.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Supporter } from '../../../src/wire/api.ts';
import { boxKeyPair, signSeedKeyPair } from '../../../web/src/crypto/libsodium';
import {
  isConfirmed,
  UnconfirmedEntryError,
  VERIFIES_ENTRIES,
} from '../../../web/src/doctor/confirmation.ts';
import { FirstContact } from '../../../web/src/doctor/first-contact.ts';
import { signEntry, toB64 } from '../../../web/src/protocol/index';

// The build's define, set before any page module is imported (PROTOCOL.md §13's test vector key).
vi.hoisted(() => {
  (globalThis as { __DIRECTORY_PUBLIC_KEY__?: string }).__DIRECTORY_PUBLIC_KEY__ =
    'A6EHv_POEL4dcN0Y50vAmWfk1jCbpQ1fHdyGZBJVMbg';
});

let signed: Supporter;

beforeAll(async () => {
  const operator = await signSeedKeyPair(Uint8Array.from({ length: 32 }, (_, i) => i));
  const boxPublicKey = toB64((await boxKeyPair()).publicKey);
  const fields = { id: 's_anne', name: 'Anne Berg', boxPublicKey, version: 3 };
  signed = {
    ...fields,
    county: 'vestland',
    town: 'Bergen',
    specialties: [],
    languages: ['nb'],
    modalities: ['phone'],
    status: 'available',
    fingerprint: '',
    signature: await signEntry(fields, operator.secretKey),
  };
});

describe('entries under a build with a directory key', () => {
  it('confirms exactly the signed entry', async () => {
    expect(VERIFIES_ENTRIES).toBe(true);
    expect(await isConfirmed(signed)).toBe(true);
  });

  it.each([
    ['unsigned', () => ({ signature: undefined, version: undefined })],
    ['with another key', async () => ({ boxPublicKey: toB64((await boxKeyPair()).publicKey) })],
    ['with another name', () => ({ name: 'Anne B. Impostor' })],
    ['with another version', () => ({ version: 4 })],
    ['with a signature that is not b64', () => ({ signature: 'not a signature' })],
  ])('does not confirm an entry %s, and seals nothing to it', async (_, change) => {
    const entry = { ...signed, ...(await change()) } as Supporter;
    expect(await isConfirmed(entry)).toBe(false);
    const draft = { text: 'Only for Anne.' };
    await expect(new FirstContact().prepare(entry, draft)).rejects.toBeInstanceOf(
      UnconfirmedEntryError,
    );
  });

  it('seals to a confirmed entry', async () => {
    const pending = await new FirstContact().prepare(signed, { text: 'Only for Anne.' });
    expect(pending.submission.supporterId).toBe('s_anne');
    expect(pending.submission.ciphertext.length).toBeGreaterThan(0);
  });
});
