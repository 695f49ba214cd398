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
import { logError } from '../../src/log.ts';
import { type NodeRelay, openNodeRelay } from '../../src/node-relay.ts';
import type { Clock } from '../../src/time.ts';
import { sendVia, type Transport } from './transport.ts';

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
    // Kept for the test, and logged as the relay logs it.
    logError: (error) => {
      errors.push(error);
      logError(error);
    },
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
