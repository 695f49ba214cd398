/**
 * PROTOCOL.md §11 "Logins never lock a supporter out" (issue 15 item 3):
 * after five failures in the hour a login needs a proof of work, bound to
 * that login, checked before the key and growing with the failures; unknown
 * logins behave identically; the right key with a valid proof always logs
 * in; a refused proof is not counted; nothing is ever `429`.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { concat, fromB64, hash, leadingZeroBits } from '../../src/crypto.ts';
import { loginDifficulty } from '../../src/domain/login-proof.ts';
import { toB64 } from '../../web/src/protocol/index.ts';
import {
  joinSupporter,
  type LoginProof,
  logIn,
  loginProof,
  newDoctor,
  placeholderVault,
  solvedProof,
} from '../support/actors.ts';
import { randomB64 } from '../support/bytes.ts';
import { query, tableRows } from '../support/database.ts';
import { expectError } from '../support/expect-error.ts';
import { createHarness, type Harness } from '../support/harness.ts';

let harness: Harness;
afterEach(() => harness?.dispose());

/** Small bits so that fifty solved proofs take no time; the growth rule is the same. */
const SMALL = { LOGIN_POW_DIFFICULTY: '4', LOGIN_POW_MAX_DIFFICULTY: '8' };

async function params(login: string) {
  const response = await harness.request('POST', '/api/v1/session/params', { body: { login } });
  expect(response.status, response.text).toBe(200);
  return response.body as {
    salt: string;
    opslimit: number;
    memlimit: number;
    pow?: { challenge: string; difficulty: number };
  };
}

/** One wrong key, with the proof the login needs: `401 invalid_credentials`. */
async function fail(login: string): Promise<void> {
  const pow = await loginProof(harness, login);
  expectError(await logIn(harness, login, randomB64(32), pow), 401, 'invalid_credentials');
}

/** The first nonce whose hash with this challenge has a number of leading zero bits that `fits`. */
function nonceWith(challenge: string, fits: (bits: number) => boolean): string {
  for (let counter = 0; ; counter++) {
    const nonce = new Uint8Array(8);
    new DataView(nonce.buffer).setUint32(0, counter, true);
    if (fits(leadingZeroBits(hash(32, concat(fromB64(challenge)!, nonce))))) return toB64(nonce);
  }
}

async function failureCount(): Promise<number[]> {
  const rows = await query(harness, 'select count from login_failures order by count');
  return rows.map((row) => Number(row.count));
}

describe('logins after failures', () => {
  it('need no proof for the first five failures, then a proof that session/params names, known and unknown logins alike', async () => {
    harness = await createHarness();
    const kari = await joinSupporter(harness, { login: 'kari' });
    const seen: Record<string, unknown[]> = { kari: [], ghost: [] };
    for (const login of ['kari', 'ghost']) {
      for (let attempt = 0; attempt < 6; attempt++) {
        const before = await params(login);
        const guess = await logIn(harness, login, randomB64(32));
        seen[login]!.push([
          Object.keys(before).sort(),
          before.pow?.difficulty,
          guess.status,
          guess.body.error,
        ]);
      }
    }
    expect(seen.kari).toEqual(seen.ghost);
    expect(seen.kari?.at(4)).toEqual([
      ['memlimit', 'opslimit', 'salt'],
      undefined,
      401,
      { code: 'invalid_credentials', message: 'The login or passphrase is not correct.' },
    ]);
    // After five failures: the default 16 bits, and the key is not even looked at.
    expect(seen.kari?.at(5)).toEqual([
      ['memlimit', 'opslimit', 'pow', 'salt'],
      16,
      400,
      { code: 'bad_pow', message: expect.stringContaining('session/params') },
    ]);
    expectError(await logIn(harness, 'kari', kari.authKey), 400, 'bad_pow');
    // Each login counted five (a refused proof is no failure); no login is stored.
    expect(await failureCount()).toEqual([5, 5]);
    expect(JSON.stringify(await tableRows(harness, 'login_failures'))).not.toMatch(/kari|ghost/);
  });

  it('grow one bit per further five failures, from LOGIN_POW_DIFFICULTY up to LOGIN_POW_MAX_DIFFICULTY', async () => {
    harness = await createHarness();
    const bits = [0, 4, 5, 9, 10, 14, 15, 39, 40, 1000].map((failures) =>
      loginDifficulty(harness.relay, failures),
    );
    expect(bits).toEqual([0, 0, 16, 16, 17, 17, 18, 22, 22, 22]);

    harness.dispose();
    harness = await createHarness({ env: SMALL });
    const named: (number | undefined)[] = [];
    for (let failures = 0; failures <= 30; failures++) {
      named.push((await params('ghost')).pow?.difficulty);
      await fail('ghost');
    }
    expect(named.slice(0, 5)).toEqual([undefined, undefined, undefined, undefined, undefined]);
    expect(named.slice(5, 10)).toEqual([4, 4, 4, 4, 4]);
    expect(named.slice(10, 15)).toEqual([5, 5, 5, 5, 5]);
    expect(named.slice(25, 31)).toEqual([8, 8, 8, 8, 8, 8]);
  });

  it('let the right key with a valid proof log in after fifty failures, never answering 429', async () => {
    harness = await createHarness({ env: SMALL });
    const kari = await joinSupporter(harness, { login: 'kari' });
    for (let i = 0; i < 50; i++) await fail(i % 2 === 0 ? 'kari' : ' KARI ');
    expect(await failureCount()).toEqual([50]);
    const pow = await loginProof(harness, 'kari');
    const session = await logIn(harness, 'kari', kari.authKey, pow);
    expect(session.status, session.text).toBe(200);
    expect(session.body.supporter.id).toBe(kari.id);
    // A success does not hand the difficulty back to a guesser.
    expect((await params('kari')).pow?.difficulty).toBe(8);
  });

  it('refuse a missing, forged, reused, foreign, expired or insufficient proof with 400 bad_pow, and do not count it', async () => {
    harness = await createHarness({ env: SMALL });
    const kari = await joinSupporter(harness, { login: 'kari' });
    await joinSupporter(harness, { login: 'ola' });
    for (let i = 0; i < 5; i++) await fail('kari');
    for (let i = 0; i < 5; i++) await fail('ola');
    const olas = (await loginProof(harness, 'ola'))!;
    const used = (await loginProof(harness, 'kari'))!;
    expectError(await logIn(harness, 'kari', randomB64(32), used), 401, 'invalid_credentials');
    const fresh = (await params('kari')).pow!;
    const message = await solvedProof(harness);
    const forged = fromB64(fresh.challenge)!;
    forged[25] = (forged[25] ?? 0) ^ 1;
    const refused: [string, LoginProof | undefined][] = [
      ['missing', undefined],
      ['forged', { challenge: toB64(forged), nonce: used.nonce }],
      ['reused', used],
      ["another login's", olas],
      ['a message challenge', message],
      [
        'insufficient',
        { challenge: fresh.challenge, nonce: nonceWith(fresh.challenge, (bits) => bits < 4) },
      ],
      ['a 7-byte nonce', { challenge: fresh.challenge, nonce: toB64(new Uint8Array(7)) }],
    ];
    for (const [what, pow] of refused) {
      const response = await logIn(harness, 'kari', kari.authKey, pow);
      expect(response.body.error?.code, what).toBe('bad_pow');
      expectError(response, 400, 'bad_pow');
    }
    // Ola's proof still works for Ola: refusing it elsewhere did not spend it.
    const ola = await logIn(harness, 'ola', randomB64(32), olas);
    expectError(ola, 401, 'invalid_credentials');
    // A login proof is no message proof either (a proof that is sent is checked in full).
    const doctor = await newDoctor(harness);
    const sent = await doctor.tryWriteTo(kari, 'Hello', {
      pow: (await loginProof(harness, 'kari'))!,
    });
    expectError(sent.response, 400, 'bad_pow');
    const late = (await loginProof(harness, 'kari'))!;
    harness.clock.advanceHours(0.1);
    expectError(await logIn(harness, 'kari', kari.authKey, late), 400, 'bad_pow');
    expect(await failureCount()).toEqual([6, 6]);
  });

  it('refuse a challenge fetched early once the difficulty has risen by more than one bit', async () => {
    harness = await createHarness({ env: SMALL });
    for (let i = 0; i < 5; i++) await fail('ghost');
    const early = (await params('ghost')).pow!;
    expect(early.difficulty).toBe(4);
    for (let i = 0; i < 10; i++) await fail('ghost');
    expect((await params('ghost')).pow?.difficulty).toBe(6);
    // Solved at exactly 4 bits (and not 5): below the 6 − 1 now required.
    const nonce = nonceWith(early.challenge, (bits) => bits === 4);
    const response = await logIn(harness, 'ghost', randomB64(32), {
      challenge: early.challenge,
      nonce,
    });
    expectError(response, 400, 'bad_pow');
  });

  it('start counting again each hour', async () => {
    harness = await createHarness({ env: SMALL });
    const kari = await joinSupporter(harness, { login: 'kari' });
    for (let i = 0; i < 7; i++) await fail('kari');
    expect((await params('kari')).pow).toBeDefined();
    harness.clock.advanceHours(1);
    expect((await params('kari')).pow).toBeUndefined();
    expect((await logIn(harness, 'kari', kari.authKey)).status).toBe(200);
  });
});

describe('changing the passphrase after failures', () => {
  it('PUT /me/vault needs the login proof too once the current key has failed five times', async () => {
    harness = await createHarness({ env: SMALL });
    const kari = await joinSupporter(harness, { login: 'kari' });
    const change = (authKey: string, pow?: LoginProof) =>
      harness.request('PUT', '/api/v1/me/vault', {
        token: kari.token,
        body: { authKey, newAuthKey: randomB64(32), vault: placeholderVault(), pow },
      });
    for (let i = 0; i < 5; i++) {
      expectError(await change(randomB64(32)), 401, 'invalid_credentials');
    }
    expectError(await change(kari.authKey), 400, 'bad_pow');
    // The login page's failures and these are one count.
    expectError(await logIn(harness, 'kari', kari.authKey), 400, 'bad_pow');
    const response = await change(kari.authKey, await loginProof(harness, 'kari'));
    expect(response.status, response.text).toBe(200);
  });
});
