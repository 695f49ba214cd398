/**
 * @module
 * The browser benchmark page, bundled by bench/sections/browser.ts into
 * bench/out/web/bench/ and served by the relay from the same origin as the
 * real pages. It times the protocol library the pages use, with
 * `performance.now()` inside the page, each against a baseline doing the
 * same cryptography directly through the libsodium wrapper. Libsodium
 * is loaded lazily exactly as on the real pages, so the first call in a
 * fresh page pays for loading it, as a visitor would.
 */

import { newDoctor } from '../../test/support/actors.ts';
import {
  argon2id,
  loadSodium,
  loadSyncHash,
  openSealedBox,
  sealBox,
} from '../../web/src/crypto/libsodium.ts';
import {
  deriveVaultKeys,
  fromB64,
  newSupporterKeys,
  openDoctorMessage,
  padMessage,
  solveProofOfWork,
  toB64,
  toUtf8,
  unlockVault,
  type VaultRecord,
} from '../../web/src/protocol/index.ts';

const TEXT =
  'I have not slept properly for weeks and I am scared of making a mistake at work. ' +
  'I would like to talk to another doctor who understands what this job is like, ' +
  'ideally by phone in the evening. Thank you for reading this.';

/** Everything the page exposes to the benchmark driver, as `window.bench`. */
export interface BenchPage {
  /** One send without proof of work: new reply code, mailbox, sealed first contact, b64. */
  seal(supporterKey: string): Promise<number>;
  /** The crypto floor of a send: `crypto_box_seal` of a padded 1 KiB block. */
  rawSeal(supporterKey: string): Promise<number>;
  /** `seal` plus `POST /api/v1/messages` (the relay runs at difficulty 0 for this). */
  sealAndPost(supporterId: string, supporterKey: string): Promise<number>;
  /** Times of `count` proof-of-work solves at `difficulty`, with the attempts each took. */
  proofOfWork(count: number, difficulty: number): Promise<{ ms: number; attempts: number }[]>;
  /** Milliseconds for `count` bare BLAKE2b hashes of a challenge-sized input. */
  rawHashes(count: number): Promise<number>;
  /** A supporter's unlock: Argon2id key derivation (with its self-test) and opening the vault. */
  unlock(passphrase: string, vault: VaultRecord): Promise<number>;
  /** One bare Argon2id at the vault's limits. */
  rawArgon2(passphrase: string, vault: VaultRecord): Promise<number>;
  /** Opening `count` sealed first contacts (validated), and the bare `crypto_box_seal_open` of the same. */
  openMessages(count: number, repeats: number): Promise<{ ms: number[]; rawMs: number[] }>;
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

const PREFS = { prefs: { modalities: ['phone' as const] } };

// A fresh doctor of the tests' actors (test/support/actors.ts), as a page
// sends: new reply code and mailbox, then the first contact sealed.
async function sealOne(supporterKey: Uint8Array) {
  return (await newDoctor()).seal(supporterKey, TEXT, PREFS);
}

function attemptsOf(nonce: string): number {
  const bytes = fromB64(nonce);
  let value = 0;
  for (let i = bytes.length - 1; i >= 0; i--) value = value * 256 + bytes[i]!;
  return value + 1;
}

const bench: BenchPage = {
  seal: (supporterKey) =>
    timed(async () => toB64((await sealOne(fromB64(supporterKey))).ciphertext)),

  async rawSeal(supporterKey) {
    const key = fromB64(supporterKey);
    const padded = await padMessage(toUtf8(TEXT));
    await loadSodium();
    return timed(() => sealBox(padded, key));
  },

  sealAndPost: (supporterId, supporterKey) =>
    timed(async () => {
      const to = { id: supporterId, publicKey: fromB64(supporterKey) };
      const { body } = await (await newDoctor()).sealFor(to, TEXT, PREFS);
      // The time ends with the answer's headers: its body is not read.
      const response = await fetch('/api/v1/messages', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (response.status !== 202) throw new Error(`submission refused: ${response.status}`);
    }),

  async proofOfWork(count, difficulty) {
    const results: { ms: number; attempts: number }[] = [];
    for (let i = 0; i < count; i++) {
      // A challenge-shaped random input: 38 bytes, as the relay issues them.
      const challenge = toB64(crypto.getRandomValues(new Uint8Array(38)));
      let nonce = '';
      const ms = await timed(async () => {
        nonce = await solveProofOfWork(challenge, difficulty);
      });
      results.push({ ms, attempts: attemptsOf(nonce) });
    }
    return results;
  },

  async rawHashes(count) {
    const hash = await loadSyncHash();
    const input = crypto.getRandomValues(new Uint8Array(46));
    return timed(async () => {
      for (let i = 0; i < count; i++) {
        input[38] = i & 0xff;
        input[39] = (i >>> 8) & 0xff;
        hash(32, input);
      }
    });
  },

  unlock: (passphrase, vault) =>
    timed(async () => {
      const { vaultKey } = await deriveVaultKeys(
        passphrase,
        fromB64(vault.salt),
        vault.opslimit,
        vault.memlimit,
      );
      await unlockVault(vault, vaultKey);
    }),

  rawArgon2: (passphrase, vault) =>
    timed(() =>
      argon2id(32, toUtf8(passphrase), fromB64(vault.salt), vault.opslimit, vault.memlimit),
    ),

  async openMessages(count, repeats) {
    const keys = await newSupporterKeys();
    const sealed: Uint8Array[] = [];
    for (let i = 0; i < count; i++) {
      sealed.push((await sealOne(keys.publicKey)).ciphertext);
    }
    const ms: number[] = [];
    const rawMs: number[] = [];
    for (let r = 0; r < repeats; r++) {
      ms.push(
        await timed(async () => {
          for (const ciphertext of sealed) {
            await openDoctorMessage(ciphertext, keys.publicKey, keys.secretKey);
          }
        }),
      );
      rawMs.push(
        await timed(async () => {
          for (const ciphertext of sealed) {
            await openSealedBox(ciphertext, keys.publicKey, keys.secretKey);
          }
        }),
      );
    }
    return { ms, rawMs };
  },
};

(window as unknown as { bench: BenchPage }).bench = bench;
document.body.dataset.ready = 'true';
