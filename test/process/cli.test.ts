import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { register, registrationFor } from '../support/actors.ts';
import { createHarness, type Harness } from '../support/harness.ts';
import { runTool } from '../support/process-helpers.ts';

let dir: string;
let harness: Harness | undefined;
afterEach(() => {
  harness?.dispose();
  harness = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('npm run invite', () => {
  it('prints a single-use invite link that a supporter can join with', async () => {
    dir = mkdtempSync(join(tmpdir(), 'peer-relay-cli-'));
    const env = {
      DATABASE_URL: `file:${join(dir, 'relay.db')}`,
      PUBLIC_URL: 'https://relay.example.org',
    };
    const { stdout: output } = await runTool(
      'invite',
      ['--note', 'Dr Hansen, Bergen', '--days', '3'],
      env,
    );
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

  it('refuses a bad --days with a clear message and a non-zero exit', async () => {
    dir = mkdtempSync(join(tmpdir(), 'peer-relay-cli-'));
    const refused = await runTool('invite', ['--days', 'soon'], {
      DATABASE_URL: `file:${join(dir, 'relay.db')}`,
    });
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(/--days must be a whole number from 1 to 365/);
  });
});

describe('npm run operator-token', () => {
  it('replaces the generated operator token: the new one works, the old hash is gone', async () => {
    dir = mkdtempSync(join(tmpdir(), 'peer-relay-cli-'));
    const env = { DATABASE_URL: `file:${join(dir, 'relay.db')}`, OPERATOR_TOKEN: '' };
    const { stdout: output } = await runTool('operator-token', [], env);
    const token = /New operator token[^:]*: ([A-Za-z0-9_-]{43})/.exec(output)?.[1];
    expect(token).toBeDefined();
    harness = await createHarness({ dir, env: { OPERATOR_TOKEN: '' } });
    const health = await harness.request('GET', '/api/v1/admin/health', { token: token! });
    expect(health.status).toBe(200);
    const other = await harness.request('GET', '/api/v1/admin/health', { token: 'x'.repeat(43) });
    expect(other.status).toBe(401);
  });
});
