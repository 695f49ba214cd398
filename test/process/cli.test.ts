import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { register, registrationFor } from '../support/actors.ts';
import { createHarness, type Harness } from '../support/harness.ts';

const root = new URL('../..', import.meta.url);
let dir: string;
let harness: Harness | undefined;
afterEach(() => {
  harness?.dispose();
  harness = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function run(script: string, args: string[], env: Record<string, string>) {
  return execFileSync('node', ['--import', 'tsx', script, ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

describe('npm run invite', () => {
  it('prints a single-use invite link that a supporter can join with', async () => {
    dir = mkdtempSync(join(tmpdir(), 'peer-relay-cli-'));
    const env = {
      DATABASE_URL: `file:${join(dir, 'relay.db')}`,
      PUBLIC_URL: 'https://relay.example.org',
    };
    const output = run('src/cli/invite.ts', ['--note', 'Dr Hansen, Bergen', '--days', '3'], env);
    const url = /https:\/\/relay\.example\.org\/supporter\/join#invite=([A-Za-z0-9_-]{43})\b/.exec(
      output,
    );
    expect(url).not.toBeNull();

    harness = await createHarness({ dir });
    const registerWithLink = async () =>
      register(harness!, (await registrationFor(harness!, { invite: url![1]! })).body);
    expect((await registerWithLink()).status).toBe(201);
    expect((await registerWithLink()).body.error.code).toBe('invite_used');
  });

  it('refuses a bad --days with a clear message and a non-zero exit', () => {
    dir = mkdtempSync(join(tmpdir(), 'peer-relay-cli-'));
    expect(() =>
      run('src/cli/invite.ts', ['--days', 'soon'], {
        DATABASE_URL: `file:${join(dir, 'relay.db')}`,
      }),
    ).toThrow(/--days must be a whole number from 1 to 365/);
  });
});

describe('npm run operator-token', () => {
  it('replaces the generated operator token: the new one works, the old hash is gone', async () => {
    dir = mkdtempSync(join(tmpdir(), 'peer-relay-cli-'));
    const env = { DATABASE_URL: `file:${join(dir, 'relay.db')}`, OPERATOR_TOKEN: '' };
    const output = run('src/cli/operator-token.ts', [], env);
    const token = /New operator token[^:]*: ([A-Za-z0-9_-]{43})/.exec(output)?.[1];
    expect(token).toBeDefined();
    harness = await createHarness({ dir, env: { OPERATOR_TOKEN: '' } });
    const health = await harness.request('GET', '/api/v1/admin/health', { token: token! });
    expect(health.status).toBe(200);
    const other = await harness.request('GET', '/api/v1/admin/health', { token: 'x'.repeat(43) });
    expect(other.status).toBe(401);
  });
});
