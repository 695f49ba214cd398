/**
 * src/worker.ts inside workerd with a local D1 database: the Cron Trigger's
 * scheduled handler runs the expiry sweep, and a Worker that is not fully
 * configured answers 503 not_ready instead of serving half a relay.
 */
import {
  createExecutionContext,
  createScheduledController,
  waitOnExecutionContext,
} from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it, vi } from 'vitest';
import { HOUR_SECONDS, hourOf } from '../../src/time.ts';
import worker from '../../src/worker.ts';
import type { WorkerEnv } from '../../src/worker-env.ts';

const CIPHERTEXT_HEX = 'ab'.repeat(1024 + 48);

async function seedMessage(id: string, expiresHour: number): Promise<void> {
  const now = hourOf(new Date());
  // Its mailbox, so the sweep keeps the sent-status row (a row without one is left from a deletion).
  await env.DB.prepare(
    "insert or ignore into mailboxes (id, read_token_hash, expires_hour) values ('mailbox-1', 'hash', ?)",
  )
    .bind(now + 720 * HOUR_SECONDS)
    .run();
  await env.DB.prepare(
    `insert into messages (id, supporter_id, mailbox_id, ciphertext, status, received_hour, expires_hour)
     values (?, 'supporter-1', 'mailbox-1', X'${CIPHERTEXT_HEX}', 'queued', ?, ?)`,
  )
    .bind(id, now - 400 * HOUR_SECONDS, expiresHour)
    .run();
}

async function messageRow(id: string) {
  return env.DB.prepare('select status, ciphertext is null as deleted from messages where id = ?')
    .bind(id)
    .first<{ status: string; deleted: number }>();
}

/**
 * Runs the Cron Trigger's handler to the end (rejecting if the run failed)
 * and returns what it logged as errors.
 */
async function runCron(bindings: WorkerEnv = env, logged: string[] = []): Promise<string[]> {
  const spy = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    logged.push(args.join(' '));
  });
  try {
    const controller = createScheduledController({
      cron: '*/5 * * * *',
      scheduledTime: Date.now(),
    });
    const ctx = createExecutionContext();
    worker.scheduled(controller, bindings, ctx);
    await waitOnExecutionContext(ctx);
  } finally {
    spy.mockRestore();
  }
  return logged;
}

describe('the Cron Trigger', () => {
  it('expires a queued message past its deadline, deleting its ciphertext, and keeps a live one', async () => {
    const now = hourOf(new Date());
    await env.DB.prepare(
      "insert into mailboxes (id, read_token_hash, expires_hour) values ('mailbox-1', 'hash', ?)",
    )
      .bind(now + 720 * HOUR_SECONDS)
      .run();
    await seedMessage('overdue', now - HOUR_SECONDS);
    await seedMessage('waiting', now + 24 * HOUR_SECONDS);

    expect(await runCron()).toEqual([]);

    expect(await messageRow('overdue')).toEqual({ status: 'expired', deleted: 1 });
    expect(await messageRow('waiting')).toEqual({ status: 'queued', deleted: 0 });
    const counted = await env.DB.prepare(
      "select count from daily_counts where event = 'expired' and day = ?",
    )
      .bind(new Date().toISOString().slice(0, 10))
      .first<{ count: number }>();
    expect(counted).toEqual({ count: 1 });
  });

  it('is idempotent: a second run changes nothing more', async () => {
    const expiredCount = async () =>
      (
        await env.DB.prepare(
          "select coalesce(sum(count), 0) as n from daily_counts where event = 'expired'",
        ).first<{ n: number }>()
      )?.n;
    await seedMessage('overdue-twice', hourOf(new Date()) - HOUR_SECONDS);
    const before = await expiredCount();
    await runCron();
    expect(await messageRow('overdue-twice')).toEqual({ status: 'expired', deleted: 1 });
    expect(await expiredCount()).toBe((before ?? 0) + 1);
    await runCron();
    expect(await messageRow('overdue-twice')).toEqual({ status: 'expired', deleted: 1 });
    expect(await expiredCount()).toBe((before ?? 0) + 1);
  });
  it('fails its run without OPERATOR_TOKEN, logging the sentence that names it', async () => {
    const { OPERATOR_TOKEN: _unset, ...withoutToken } = env;
    const logged: string[] = [];
    await expect(runCron(withoutToken, logged)).rejects.toThrow(/OPERATOR_TOKEN is not set/);
    expect(logged.map((line) => JSON.parse(line))).toEqual([
      {
        level: 'error',
        event: 'config_invalid',
        hour: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:00:00Z$/),
        message: expect.stringMatching(/^OPERATOR_TOKEN is not set/),
      },
    ]);
  });
});

describe('a Worker that cannot serve', () => {
  async function fetchWith(bindings: WorkerEnv, path = '/api/v1/supporters') {
    const response = await worker.fetch(new Request(`http://relay.test${path}`), bindings);
    return { status: response.status, headers: response.headers, body: await response.json() };
  }

  it('answers 503 not_ready, naming the missing OPERATOR_TOKEN secret, when it is not set', async () => {
    const { OPERATOR_TOKEN: _unset, ...withoutToken } = env;
    const response = await fetchWith(withoutToken);
    expect(response.status).toBe(503);
    expect(response.body).toEqual({
      error: { code: 'not_ready', message: expect.stringContaining('OPERATOR_TOKEN') },
    });
    expect(response.body.error.message).toContain('wrangler secret put OPERATOR_TOKEN');
    expect(response.headers.get('Cache-Control')).toBe('no-store, no-transform');
    expect(response.headers.get('Retry-After')).toBe('30');
  });

  it('answers 503 not_ready for a DATABASE_URL a Worker cannot use', async () => {
    const response = await fetchWith({ ...env, DATABASE_URL: 'wss://relay.example.org' });
    expect(response.status).toBe(503);
    expect(response.body.error.message).toContain('DATABASE_URL');
  });

  it('answers 503 not_ready when the libSQL (Turso) database cannot be reached', async () => {
    const response = await fetchWith({ ...env, DATABASE_URL: 'http://127.0.0.1:9' });
    expect(response).toMatchObject({
      status: 503,
      body: { error: { code: 'not_ready', message: 'The relay cannot reach its database yet.' } },
    });
  });

  it('serves once configured, from the same bindings', async () => {
    const response = await fetchWith(env, '/readyz');
    expect(response).toMatchObject({ status: 200, body: { status: 'ready' } });
  });

  it('builds the OpenAPI document inside workerd from the same route schemas', async () => {
    const response = await fetchWith(env, '/api/v1/openapi.json');
    expect(response.status).toBe(200);
    expect(response.body.openapi).toBe('3.1.0');
    expect(response.body.paths['/api/v1/messages'].post.requestBody).toBeDefined();
  });
});
