/**
 * A real relay for tests: the Node assembly (libSQL file in a temporary
 * directory, migrations, secrets) with a fake clock, driven through
 * `app.request()`. A harness is a {@link Transport}, so the test actors
 * (./actors.ts) play doctors and supporters on it with the real protocol.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { createApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import type { Relay } from '../../src/domain/relay.ts';
import { type NodeRelay, openNodeRelay } from '../../src/node-relay.ts';
import type { Clock } from '../../src/time.ts';
import {
  deriveMailbox,
  type MailboxKeys,
  newReplyCode,
  newSupporterKeys,
  sealFirstContact,
  toB64,
} from '../../web/src/protocol/index.ts';
import { sendVia, type Transport } from './transport.ts';

// Until every caller has moved onto ./actors.ts, the old helpers below stay.
export type { ApiResponse, RequestOptions } from './transport.ts';

export const OPERATOR_TOKEN = 'operator-token-for-tests-0123456789abcdef';

export class FakeClock implements Clock {
  constructor(private current = new Date('2026-11-27T14:25:00Z')) {}
  now(): Date {
    return new Date(this.current);
  }
  set(date: Date | string): void {
    this.current = new Date(date);
  }
  advanceHours(hours: number): void {
    this.current = new Date(this.current.getTime() + hours * 3_600_000);
  }
}

export interface Harness extends Transport {
  app: Hono;
  relay: Relay;
  node: NodeRelay;
  clock: FakeClock;
  dir: string;
  dbPath: string;
  errors: unknown[];
  /** Closes the database (the directory stays until `dispose`). */
  close(): void;
  dispose(): void;
}

export async function createHarness(
  options: { env?: Record<string, string>; dir?: string; clock?: FakeClock } = {},
): Promise<Harness> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'peer-relay-test-'));
  const dbPath = join(dir, 'relay.db');
  const config = loadConfig({
    DATABASE_URL: `file:${dbPath}`,
    OPERATOR_TOKEN,
    POW_DIFFICULTY: '0',
    ...options.env,
  });
  const clock = options.clock ?? new FakeClock();
  const node = await openNodeRelay(config, clock);
  const errors: unknown[] = [];
  const app = createApp({
    relay: node.relay,
    version: 'test',
    startedAt: clock.now(),
    logError: (error) => errors.push(error),
  });
  let closed = false;
  const close = () => {
    if (!closed) node.store.close();
    closed = true;
  };
  return {
    app,
    relay: node.relay,
    node,
    clock,
    dir,
    dbPath,
    errors,
    request: sendVia(async (path, init) => app.request(path, init)),
    operatorToken: OPERATOR_TOKEN,
    close,
    dispose() {
      close();
      if (options.dir === undefined) rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface TestSupporter {
  id: string;
  login: string;
  token: string;
  authKey: string;
  publicKey: Uint8Array;
  secretKey: Uint8Array;
  name: string;
}

export const sampleProfile = {
  name: 'Kari Nordmann',
  county: 'Vestland',
  town: 'Bergen',
  specialties: ['psychiatry'],
  languages: ['nb', 'en'],
  modalities: ['in-person', 'phone', 'video'],
  about: 'Psychiatrist, peer supporter since 2019.',
};

/**
 * A vault-shaped record for tests that do not exercise the vault itself
 * (the relay stores it without reading it); the full-flow test uses a real one.
 */
export function placeholderVault() {
  return {
    salt: toB64(crypto.getRandomValues(new Uint8Array(16))),
    opslimit: 3,
    memlimit: 67_108_864,
    ciphertext: toB64(crypto.getRandomValues(new Uint8Array(120))),
  };
}

export async function createInvite(harness: Harness): Promise<string> {
  const response = await harness.request('POST', '/api/v1/admin/invites', {
    token: OPERATOR_TOKEN,
    body: {},
  });
  if (response.status !== 201) throw new Error(`invite failed: ${response.text}`);
  return response.body.token;
}

/** Invites, registers and logs in a supporter with real keys. */
export async function joinSupporter(
  harness: Harness,
  overrides: {
    login?: string;
    profile?: Partial<typeof sampleProfile>;
    /** Use `profile` as the whole profile instead of overriding the sample's fields. */
    wholeProfile?: boolean;
  } = {},
): Promise<TestSupporter> {
  const invite = await createInvite(harness);
  const keys = await newSupporterKeys();
  const authKey = toB64(crypto.getRandomValues(new Uint8Array(32)));
  const login = overrides.login ?? `supporter-${Math.random().toString(36).slice(2, 10)}`;
  const profile = overrides.wholeProfile
    ? (overrides.profile as typeof sampleProfile)
    : { ...sampleProfile, ...overrides.profile };
  const registered = await harness.request('POST', '/api/v1/supporters', {
    body: {
      invite,
      login,
      profile,
      boxPublicKey: toB64(keys.publicKey),
      vault: placeholderVault(),
      authKey,
    },
  });
  if (registered.status !== 201) throw new Error(`register failed: ${registered.text}`);
  const session = await harness.request('POST', '/api/v1/session', { body: { login, authKey } });
  if (session.status !== 200) throw new Error(`login failed: ${session.text}`);
  return {
    id: registered.body.id,
    login,
    token: session.body.token,
    authKey,
    publicKey: keys.publicKey,
    secretKey: keys.secretKey,
    name: profile.name,
  };
}

export interface TestDoctor {
  replyCode: Uint8Array;
  mailbox: MailboxKeys;
  key: { id: string; readToken: string };
}

export async function newDoctor(): Promise<TestDoctor> {
  const replyCode = await newReplyCode();
  const mailbox = await deriveMailbox(replyCode);
  return { replyCode, mailbox, key: { id: mailbox.mailboxId, readToken: mailbox.readToken } };
}

/** Seals a first contact to `supporter` and returns the submission body. */
export async function firstContactBody(
  doctor: TestDoctor,
  supporter: TestSupporter,
  text = 'Hello',
) {
  const sealed = await sealFirstContact({ text, mailbox: doctor.mailbox }, supporter.publicKey);
  return {
    sealed,
    body: {
      supporterId: supporter.id,
      ciphertext: toB64(sealed.ciphertext),
      mailbox: doctor.key,
    },
  };
}
