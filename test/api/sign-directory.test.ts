/**
 * The operator's signing tool (src/cli/directory-signer.ts) against the
 * in-process relay: it lists what is unsigned or changed, signs what the
 * operator confirms and nothing else, flags a changed key loudly, and
 * refuses to take the relay's word for what was signed before when that old
 * signature does not verify. The same tool against a live Node relay and
 * workerd, through its command line, is in test/process/sign-directory.test.ts.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  type Candidate,
  relayOrigin,
  type SigningReport,
  signDirectory,
} from '../../src/cli/directory-signer.ts';
import { type SignKeyPair, signKeyPair } from '../../web/src/crypto/libsodium';
import { fingerprint, toB64, verifyEntry } from '../../web/src/protocol/index';
import { joinSupporter, type Supporter } from '../support/actors.ts';
import { query } from '../support/database.ts';
import { createHarness, type Harness, OPERATOR_TOKEN } from '../support/harness.ts';

let harness: Harness;
let operator: SignKeyPair;
beforeAll(async () => {
  operator = await signKeyPair();
});
afterEach(() => harness?.dispose());

/** One run of the tool; `answer` decides per candidate, every candidate and line is kept. */
async function run(answer: (candidate: Candidate) => boolean, keys = operator) {
  const asked: Candidate[] = [];
  const lines: string[] = [];
  const report: SigningReport = await signDirectory({
    keys,
    relay: 'http://127.0.0.1:8787',
    operatorToken: OPERATOR_TOKEN,
    fetch: async (input, init) => harness.app.request(String(input), init),
    print: (line) => lines.push(line),
    confirm: async (candidate) => {
      asked.push(candidate);
      return answer(candidate);
    },
  });
  return { report, asked, output: lines.join('\n') };
}

async function entryOf(supporter: Supporter) {
  return (await harness.request('GET', `/api/v1/supporters/${supporter.id}`)).body;
}

describe('the signing tool', () => {
  it('shows unsigned entries with their fingerprint, signs those confirmed, and leaves the rest', async () => {
    harness = await createHarness();
    const kari = await joinSupporter(harness, { login: 'kari' });
    const ola = await joinSupporter(harness, { login: 'ola', profile: { name: 'Ola Olsen' } });
    const first = await run((candidate) => candidate.id === kari.id);
    expect(first.asked.map((c) => [c.id, c.change, c.version])).toEqual([
      [kari.id, 'unsigned', 1],
      [ola.id, 'unsigned', 1],
    ]);
    expect(first.output).toContain(`Not yet signed: Kari Nordmann (id ${kari.id})`);
    expect(first.output).toContain(`fingerprint ${await fingerprint(kari.publicKey)}`);
    expect(first.report).toMatchObject({ signed: [kari.id], declined: [ola.id], failed: [] });
    expect(await verifyEntry(await entryOf(kari), operator.publicKey)).toBe(true);
    expect(await entryOf(ola)).not.toHaveProperty('signature');

    // A second run asks only about what is still unsigned.
    const second = await run(() => true);
    expect(second.asked.map((c) => c.id)).toEqual([ola.id]);
    expect(second.report).toMatchObject({ current: [kari.id], signed: [ola.id], flagged: [] });
    const third = await run(() => true);
    expect(third.asked).toEqual([]);
    expect(third.output).toContain('0 signed, 0 not signed, 2 already current, 0 failed.');
  });

  it('signs a new name with the next version, without flagging it', async () => {
    harness = await createHarness();
    const kari = await joinSupporter(harness, { login: 'kari' });
    await run(() => true);
    await harness.request('PATCH', '/api/v1/me', { token: kari.token, body: { name: 'Kari N.' } });
    const { asked, report } = await run(() => true);
    expect(asked.map((c) => [c.change, c.version, c.previous?.name])).toEqual([
      ['name-changed', 2, 'Kari Nordmann'],
    ]);
    expect(report.flagged).toEqual([]);
    const entry = await entryOf(kari);
    expect(entry).toMatchObject({ name: 'Kari N.', version: 2 });
    expect(await verifyEntry(entry, operator.publicKey)).toBe(true);
  });

  it('flags a key written into the database loudly, with both fingerprints, and signs it only when confirmed', async () => {
    harness = await createHarness();
    const kari = await joinSupporter(harness, { login: 'kari' });
    await run(() => true);
    const forged = (await signKeyPair()).publicKey;
    await query(harness, 'update supporters set box_public_key = ? where id = ?', [
      toB64(forged),
      kari.id,
    ]);
    expect(await entryOf(kari)).not.toHaveProperty('signature');

    const declined = await run(() => false);
    expect(declined.asked.map((c) => c.change)).toEqual(['key-changed']);
    expect(declined.report).toMatchObject({ flagged: [kari.id], declined: [kari.id], signed: [] });
    expect(declined.output).toContain(`!!! KEY CHANGE: Kari Nordmann (id ${kari.id})`);
    expect(declined.output).toContain(
      `key signed in version 1: ${await fingerprint(kari.publicKey)}`,
    );
    expect(declined.output).toContain(`key the relay has now:      ${await fingerprint(forged)}`);
    expect(await entryOf(kari)).not.toHaveProperty('signature');

    const confirmed = await run(() => true);
    expect(confirmed.report).toMatchObject({ flagged: [kari.id], signed: [kari.id] });
    const entry = await entryOf(kari);
    expect(entry).toMatchObject({ version: 2, keyChangedAt: '2026-11-27T14:00:00Z' });
    expect(await verifyEntry(entry, operator.publicKey)).toBe(true);
  });

  it('does not take the relay at its word: a copied-over "signed" key that does not verify is flagged', async () => {
    harness = await createHarness();
    const kari = await joinSupporter(harness, { login: 'kari' });
    await run(() => true);
    // A database writer who knows the scheme makes the forged key look signed.
    const forged = toB64((await signKeyPair()).publicKey);
    await query(
      harness,
      'update supporters set box_public_key = ?, signed_box_public_key = ? where id = ?',
      [forged, forged, kari.id],
    );
    const served = await entryOf(kari);
    expect(served).toMatchObject({ boxPublicKey: forged, version: 1 });
    expect(await verifyEntry(served, operator.publicKey)).toBe(false);

    const { asked, report, output } = await run(() => false);
    expect(asked.map((c) => [c.change, c.version])).toEqual([['unverified', 2]]);
    expect(report.flagged).toEqual([kari.id]);
    expect(output).toContain(`!!! KEY NOT CONFIRMED: Kari Nordmann (id ${kari.id})`);
  });

  it('treats everything signed with another operator key as not confirmed', async () => {
    harness = await createHarness();
    await joinSupporter(harness, { login: 'kari' });
    await run(() => true, await signKeyPair());
    const { asked } = await run(() => false);
    expect(asked.map((c) => c.change)).toEqual(['unverified']);
  });

  it("stops with the relay's error when the operator token is wrong", async () => {
    harness = await createHarness();
    await expect(
      signDirectory({
        keys: operator,
        relay: 'http://127.0.0.1:8787',
        operatorToken: 'wrong-token-wrong-token-wrong-token-wrong',
        fetch: async (input, init) => harness.app.request(String(input), init),
        print: () => undefined,
        confirm: async () => true,
      }),
    ).rejects.toThrow(/^unauthorized: /);
  });
});

describe('relayOrigin', () => {
  it('takes https anywhere and plain http only to this machine', () => {
    expect(relayOrigin('https://relay.example.org/operator')).toBe('https://relay.example.org');
    expect(relayOrigin('http://127.0.0.1:8787/')).toBe('http://127.0.0.1:8787');
    expect(relayOrigin('http://localhost:8787')).toBe('http://localhost:8787');
    expect(() => relayOrigin('http://relay.example.org')).toThrow(/https/);
    expect(() => relayOrigin('relay.example.org')).toThrow(/not a URL/);
  });
});
