/**
 * PROTOCOL.md §13, the relay's side: `PUT /admin/supporters/{id}/signature`
 * stores the operator's signature for the entry's key and name as they are;
 * the directory publishes `version` and `signature` only while both are
 * unchanged (a name changed with `PATCH /me`, a key written straight into the
 * database drops them; other edits keep them), the last version stays
 * remembered, and a re-signed key change shows `keyChangedAt` for 30 days.
 * The operator's list tells the signing tool what was signed before.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type SignKeyPair, signKeyPair } from '../../web/src/crypto/libsodium';
import { type DirectoryEntry, toB64, verifyEntry } from '../../web/src/protocol/index';
import { admin, joinSupporter, type Supporter, signDirectoryEntry } from '../support/actors.ts';
import { query } from '../support/database.ts';
import { expectError } from '../support/expect-error.ts';
import { createHarness, type Harness } from '../support/harness.ts';

let harness: Harness;
let operator: SignKeyPair;
beforeAll(async () => {
  operator = await signKeyPair();
});
afterEach(() => harness?.dispose());

const signaturePath = (id: string) => `/api/v1/admin/supporters/${id}/signature`;

/** The operator's list entry of one supporter. */
async function adminEntry(id: string) {
  const response = await admin(harness, 'GET', '/api/v1/admin/supporters');
  expect(response.status).toBe(200);
  return response.body.supporters.find((s: { id: string }) => s.id === id);
}

/** The public entry, single and in the list; both must agree. */
async function directoryEntry(id: string): Promise<DirectoryEntry & Record<string, unknown>> {
  const single = await harness.request('GET', `/api/v1/supporters/${id}`);
  expect(single.status).toBe(200);
  const list = await harness.request('GET', '/api/v1/supporters');
  expect(list.body.supporters.find((s: { id: string }) => s.id === id)).toEqual(single.body);
  return single.body;
}

/** Signs the entry as the operator's list shows it now, and uploads it. */
const sign = (id: string, version: number) =>
  signDirectoryEntry(harness, operator.secretKey, id, version);

async function signedSupporter(): Promise<Supporter> {
  harness = await createHarness(); // 2026-11-27T14:25Z
  const kari = await joinSupporter(harness, { login: 'kari' });
  expect((await sign(kari.id, 1)).body).toEqual({ version: 1 });
  return kari;
}

/** Writes another key into the supporters table, behind the relay's back. */
async function tamperKey(id: string): Promise<string> {
  const forged = toB64((await signKeyPair()).publicKey);
  await query(harness, 'update supporters set box_public_key = ? where id = ?', [forged, id]);
  return forged;
}

describe('PUT /admin/supporters/{id}/signature', () => {
  it('publishes a signature that verifies under the operator key, in the list and the single entry', async () => {
    harness = await createHarness();
    const kari = await joinSupporter(harness, { login: 'kari' });
    const before = await directoryEntry(kari.id);
    expect(before).not.toHaveProperty('version');
    expect(before).not.toHaveProperty('signature');
    const listed = await adminEntry(kari.id);
    expect(listed).toMatchObject({ name: 'Kari Nordmann', boxPublicKey: toB64(kari.publicKey) });
    expect(listed.fingerprint).toBe(before.fingerprint);
    expect(listed).not.toHaveProperty('lastSigned');

    const answer = await sign(kari.id, 1);
    expect({ status: answer.status, body: answer.body }).toEqual({
      status: 200,
      body: { version: 1 },
    });
    const entry = await directoryEntry(kari.id);
    expect(entry.version).toBe(1);
    expect(await verifyEntry(entry, operator.publicKey)).toBe(true);
    expect(await verifyEntry(entry, (await signKeyPair()).publicKey)).toBe(false);
    expect(entry).not.toHaveProperty('keyChangedAt');
    expect((await adminEntry(kari.id)).lastSigned).toEqual({
      version: 1,
      signature: entry.signature,
      boxPublicKey: toB64(kari.publicKey),
      name: 'Kari Nordmann',
    });
  });

  it('refuses a version not above the last one signed with 409 stale_version, keeping what was signed', async () => {
    const kari = await signedSupporter();
    const published = await directoryEntry(kari.id);
    expectError(await sign(kari.id, 1), 409, 'stale_version');
    expect(await directoryEntry(kari.id)).toEqual(published);
    expect((await sign(kari.id, 5)).body).toEqual({ version: 5 });
    expectError(await sign(kari.id, 4), 409, 'stale_version');
    expect((await directoryEntry(kari.id)).version).toBe(5);
  });

  it('answers 404 for an unknown supporter and one who left, 401 without the operator token', async () => {
    const kari = await signedSupporter();
    const body = { version: 2, signature: toB64(new Uint8Array(64)) };
    expectError(
      await admin(harness, 'PUT', signaturePath('nobody'), body),
      404,
      'supporter_not_found',
    );
    const anonymous = await harness.request('PUT', signaturePath(kari.id), { body });
    expectError(anonymous, 401, 'unauthorized');
    const asSupporter = await harness.request('PUT', signaturePath(kari.id), {
      token: kari.token,
      body,
    });
    expectError(asSupporter, 401, 'unauthorized');
    expect((await harness.request('DELETE', '/api/v1/me', { token: kari.token })).status).toBe(200);
    expectError(
      await admin(harness, 'PUT', signaturePath(kari.id), body),
      404,
      'supporter_not_found',
    );
  });

  it('refuses a malformed body with 400, storing nothing', async () => {
    harness = await createHarness();
    const kari = await joinSupporter(harness, { login: 'kari' });
    const signature = toB64(new Uint8Array(64).fill(7));
    const put = (body: unknown) => admin(harness, 'PUT', signaturePath(kari.id), body);
    for (const body of [
      {},
      { version: 1 },
      { signature },
      { version: 0, signature },
      { version: -1, signature },
      { version: 1.5, signature },
      { version: '1', signature },
      { version: 2 ** 32, signature },
      { version: 1, signature: toB64(new Uint8Array(63)) },
      { version: 1, signature: toB64(new Uint8Array(65)) },
      [1, signature],
    ]) {
      expectError(await put(body), 400, 'invalid_request');
    }
    expectError(
      await put({ version: 1, signature: `${signature.slice(0, 84)}==` }),
      400,
      'bad_encoding',
    );
    expectError(
      await put({ version: 1, signature: signature.replace(/B/g, '+') }),
      400,
      'bad_encoding',
    );
    expect(await adminEntry(kari.id)).not.toHaveProperty('lastSigned');
    expect(await directoryEntry(kari.id)).not.toHaveProperty('signature');
  });
});

describe('what the directory publishes as the entry changes', () => {
  it('drops the signature when the supporter changes their name, remembers the version, and takes a higher one', async () => {
    const kari = await signedSupporter();
    const renamed = await harness.request('PATCH', '/api/v1/me', {
      token: kari.token,
      body: { profile: { name: 'Kari Nordmann-Berg' } },
    });
    expect(renamed.status).toBe(200);
    const entry = await directoryEntry(kari.id);
    expect(entry.name).toBe('Kari Nordmann-Berg');
    expect(entry).not.toHaveProperty('version');
    expect(entry).not.toHaveProperty('signature');
    expect((await adminEntry(kari.id)).lastSigned).toMatchObject({
      version: 1,
      name: 'Kari Nordmann',
    });

    expectError(await sign(kari.id, 1), 409, 'stale_version');
    expect((await sign(kari.id, 2)).status).toBe(200);
    const resigned = await directoryEntry(kari.id);
    expect(resigned.version).toBe(2);
    expect(await verifyEntry(resigned, operator.publicKey)).toBe(true);
    // A new name is not a new key.
    expect(resigned).not.toHaveProperty('keyChangedAt');
  });

  it('keeps the signature through every other profile edit', async () => {
    const kari = await signedSupporter();
    const signed = await directoryEntry(kari.id);
    const edited = await harness.request('PATCH', '/api/v1/me', {
      token: kari.token,
      body: {
        town: 'Voss',
        about: 'Now in Voss.',
        languages: ['nb'],
        status: 'away',
        awayUntil: '2026-12-20T08:00:00Z',
      },
    });
    expect(edited.status).toBe(200);
    const entry = await directoryEntry(kari.id);
    expect(entry).toMatchObject({ town: 'Voss', status: 'away', version: 1 });
    expect(entry.signature).toBe(signed.signature);
    expect(await verifyEntry(entry, operator.publicKey)).toBe(true);
  });

  it('drops the signature of a key written into the database behind the relay, and shows the re-signed change for 30 days', async () => {
    const kari = await signedSupporter();
    const forged = await tamperKey(kari.id);
    const tampered = await directoryEntry(kari.id);
    expect(tampered.boxPublicKey).toBe(forged);
    expect(tampered).not.toHaveProperty('signature');
    // Even a database writer who copies the old signature over cannot make it verify.
    const copied = {
      ...tampered,
      version: 1,
      signature: (await adminEntry(kari.id)).lastSigned.signature,
    };
    expect(await verifyEntry(copied, operator.publicKey)).toBe(false);
    const listed = await adminEntry(kari.id);
    expect(listed.boxPublicKey).toBe(forged);
    expect(listed.lastSigned.boxPublicKey).toBe(toB64(kari.publicKey));

    harness.clock.set('2026-12-01T09:40:00Z');
    expect((await sign(kari.id, 2)).status).toBe(200);
    const resigned = await directoryEntry(kari.id);
    expect(resigned).toMatchObject({ version: 2, keyChangedAt: '2026-12-01T09:00:00Z' });
    expect(await verifyEntry(resigned, operator.publicKey)).toBe(true);

    // A later signature for the same key (a new name) keeps the date of the key change.
    harness.clock.set('2026-12-10T12:00:00Z');
    await harness.request('PATCH', '/api/v1/me', { token: kari.token, body: { name: 'Kari N.' } });
    expect((await sign(kari.id, 3)).status).toBe(200);
    expect((await directoryEntry(kari.id)).keyChangedAt).toBe('2026-12-01T09:00:00Z');

    harness.clock.set('2026-12-31T08:59:00Z'); // 30 days less a minute after the accepted hour
    expect((await directoryEntry(kari.id)).keyChangedAt).toBe('2026-12-01T09:00:00Z');
    harness.clock.set('2026-12-31T09:00:00Z');
    const later = await directoryEntry(kari.id);
    expect(later).not.toHaveProperty('keyChangedAt');
    expect(later.version).toBe(3);
  });

  it('shows no key change for a first signature, nor for a tampered key that was never re-signed', async () => {
    const kari = await signedSupporter();
    expect(await directoryEntry(kari.id)).not.toHaveProperty('keyChangedAt');
    await tamperKey(kari.id);
    expect(await directoryEntry(kari.id)).not.toHaveProperty('keyChangedAt');
  });
});
