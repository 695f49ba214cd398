/**
 * The operator's tools from their command lines (PROTOCOL.md §13), against
 * a live relay on Node (the built bundle, as `npm start` runs it) and on
 * Cloudflare Workers (workerd, local D1): `npm run directory-key` makes the
 * key file, `npm run sign-directory` signs the directory through the admin
 * API, and the public entry then verifies under the printed public key.
 * Then someone writes another key into the database behind the relay's
 * back: the entry no longer verifies, the tool flags the change, and a
 * confirmed re-signing is published with the key-change notice.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createClient } from '@libsql/client';
import { afterEach, describe, expect, it } from 'vitest';
import { readDirectoryKey } from '../../src/cli/directory-key-file.ts';
import { signDirectory } from '../../src/cli/directory-signer.ts';
import { signKeyPair } from '../../web/src/crypto/libsodium';
import { toB64, verifyEntry } from '../../web/src/protocol/index';
import { joinSupporter } from '../support/actors.ts';
import { freePort, startRelay, stopStartedRelays } from '../support/process-helpers.ts';
import { overHttp, type Transport } from '../support/transport.ts';
import { startWorkerdRelay, type WorkerdRelay } from '../support/workerd-relay.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const OPERATOR_TOKEN = 'operator-token-for-directory-signing-0123456789';
const PASSPHRASE = 'harbour lantern quietly folds maps';
/** Each scenario starts a relay and runs Argon2id four times: well above the project's 30 s. */
const SCENARIO_MS = 240_000;

let dir: string | undefined;
let workerd: WorkerdRelay | undefined;
afterEach(async () => {
  await stopStartedRelays();
  await workerd?.stop();
  workerd = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

/** Runs one of the CLIs as `npm run` does (tsx), bounded in time; rejects on a non-zero exit. */
async function cli(script: string, args: string[]): Promise<string> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', `src/cli/${script}.ts`, ...args],
    {
      cwd: root,
      env: { ...process.env, OPERATOR_TOKEN, DIRECTORY_KEY_PASSPHRASE: PASSPHRASE },
      timeout: 120_000,
    },
  );
  return stdout;
}

interface LiveRelay {
  transport: Transport;
  origin: string;
  /** Runs SQL on the relay's database, not through the relay. */
  tamper(sql: string): Promise<void>;
}

async function entryOf(relay: LiveRelay, id: string) {
  const list = await relay.transport.request('GET', '/api/v1/supporters');
  expect(list.status).toBe(200);
  return list.body.supporters.find((s: { id: string }) => s.id === id);
}

async function signingScenario(relay: LiveRelay, keyFile: string): Promise<void> {
  const made = await cli('directory-key', [keyFile]);
  const publicKey = /Public key: ([A-Za-z0-9_-]{43})\n/.exec(made)?.[1];
  expect(publicKey).toBeDefined();
  expect(made).toContain(`DIRECTORY_PUBLIC_KEY=${publicKey}`);
  expect(statSync(keyFile).mode & 0o777).toBe(0o600);
  await expect(cli('directory-key', [keyFile])).rejects.toThrow(/already exists/);

  const kari = await joinSupporter(relay.transport, { login: 'kari' });
  expect(await entryOf(relay, kari.id)).not.toHaveProperty('signature');
  const args = ['--key', keyFile, '--relay', relay.origin, '--yes'];
  const first = await cli('sign-directory', args);
  expect(first).toContain(`Not yet signed: Kari Nordmann (id ${kari.id})`);
  expect(first).toContain('1 signed, 0 not signed, 0 already current, 0 failed.');
  const signed = await entryOf(relay, kari.id);
  expect(signed.version).toBe(1);
  expect(await verifyEntry(signed, publicKey!)).toBe(true);

  // Someone with access to the database puts their own key next to Kari's name.
  const forged = toB64((await signKeyPair()).publicKey);
  await relay.tamper(`update supporters set box_public_key = '${forged}' where id = '${kari.id}'`);
  const tampered = await entryOf(relay, kari.id);
  expect(tampered.boxPublicKey).toBe(forged);
  expect(await verifyEntry(tampered, publicKey!)).toBe(false);

  // The operator is shown the change loudly and says no: nothing is signed.
  const lines: string[] = [];
  const declined = await signDirectory({
    keys: await readDirectoryKey(keyFile, PASSPHRASE),
    relay: relay.origin,
    operatorToken: OPERATOR_TOKEN,
    print: (line) => lines.push(line),
    confirm: async () => false,
  });
  expect(declined).toMatchObject({ flagged: [kari.id], declined: [kari.id], signed: [] });
  expect(lines.join('\n')).toContain(`!!! KEY CHANGE: Kari Nordmann (id ${kari.id})`);
  expect(await verifyEntry(await entryOf(relay, kari.id), publicKey!)).toBe(false);

  // Confirmed (say the supporter did change devices and read the fingerprint out).
  const again = await cli('sign-directory', args);
  expect(again).toContain('!!! KEY CHANGE');
  expect(again).toContain('1 signed');
  const resigned = await entryOf(relay, kari.id);
  expect(resigned).toMatchObject({ boxPublicKey: forged, version: 2 });
  expect(resigned.keyChangedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:00:00Z$/);
  expect(await verifyEntry(resigned, publicKey!)).toBe(true);
}

describe('npm run directory-key and npm run sign-directory', () => {
  it(
    'sign a Node relay’s directory, and flag a key written into its database',
    async () => {
      dir = mkdtempSync(join(tmpdir(), 'peer-relay-signing-'));
      const dbPath = join(dir, 'relay.db');
      const relay = await startRelay({
        DATABASE_URL: `file:${dbPath}`,
        PORT: String(await freePort()),
        HOST: '127.0.0.1',
        POW_DIFFICULTY: '0',
        OPERATOR_TOKEN,
      });
      await signingScenario(
        {
          transport: overHttp(relay.baseUrl, OPERATOR_TOKEN, { timeoutMs: 10_000 }),
          origin: relay.baseUrl,
          async tamper(sql) {
            const client = createClient({ url: `file:${dbPath}` });
            try {
              await client.execute(sql);
            } finally {
              client.close();
            }
          },
        },
        join(dir, 'directory-key.json'),
      );
    },
    SCENARIO_MS,
  );

  it(
    'sign a Workers relay’s directory (workerd, local D1), and flag a key written into D1',
    async () => {
      dir = mkdtempSync(join(tmpdir(), 'peer-relay-signing-'));
      workerd = await startWorkerdRelay({
        OPERATOR_TOKEN,
        POW_DIFFICULTY: '0',
        PUBLIC_URL: 'http://127.0.0.1:8787',
      });
      const running = workerd;
      await signingScenario(
        {
          transport: overHttp(running.url.origin, OPERATOR_TOKEN, { timeoutMs: 10_000 }),
          origin: running.url.origin,
          tamper: (sql) => running.execute(sql),
        },
        join(dir, 'directory-key.json'),
      );
    },
    SCENARIO_MS,
  );
});
