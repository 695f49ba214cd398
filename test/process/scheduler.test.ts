/**
 * The one scheduler (src/domain/scheduler.ts): sweep, alerts and
 * notifications in one idempotent call, each step isolated from the others,
 * and Node's timer running it (a real `src/node.ts` process, checked from a
 * local HTTP receiver). The Workers entry calls the same function from its
 * Cron Trigger; the Workers test pool covers that path.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runScheduledWork, ScheduledWorkError } from '../../src/domain/scheduler.ts';
import { supporterNotice } from '../../src/notify/notifier.ts';
import { joinSupporter, newDoctor, type Supporter } from '../support/actors.ts';
import { query, snapshot } from '../support/database.ts';
import { createHarness, FakeClock, type Harness, OPERATOR_TOKEN } from '../support/harness.ts';
import { type HttpReceiver, startHttpReceiver } from '../support/notify-helpers.ts';
import { freePort, spawnRelay, startRelay, stopStartedRelays } from '../support/process-helpers.ts';

let harness: Harness | undefined;
let dir: string | undefined;
const receivers: HttpReceiver[] = [];
afterEach(async () => {
  await stopStartedRelays();
  harness?.dispose();
  harness = undefined;
  await Promise.all(receivers.splice(0).map((r) => r.close()));
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

async function receiver(): Promise<HttpReceiver> {
  const started = await startHttpReceiver();
  receivers.push(started);
  return started;
}

async function send(h: Harness, supporter: Supporter) {
  await (await newDoctor(h)).writeTo(supporter);
}

/** Everything the scheduled work writes. */
async function state(h: Harness) {
  return {
    tables: await snapshot(h),
    notifications: await query(h, 'select * from notification_state order by supporter_id'),
    settings: await query(h, "select * from settings where key like 'alert:%' order by key"),
    counts: await query(h, 'select * from daily_counts order by day, event'),
  };
}

describe('runScheduledWork', () => {
  it('expires, alerts and notifies in one call; a second call at once sends and changes nothing', async () => {
    const alertHook = await receiver();
    const supporterHook = await receiver();
    harness = await createHarness({
      env: {
        OPERATOR_ALERT_WEBHOOK: alertHook.url,
        // The receivers run on 127.0.0.1 (test/api/webhooks.test.ts refuses them without these).
        OPERATOR_ALERT_WEBHOOK_ALLOW_PRIVATE: 'true',
        WEBHOOK_ALLOW_PRIVATE: 'true',
        MESSAGE_TTL_HOURS: '48',
        ALERT_WAITING_HOURS: '1000',
        ALERT_UNSEEN_DAYS: '30',
        NOTIFY_DELAY_MINUTES: '0',
      },
    });
    const h = harness;
    const kari = await joinSupporter(h);
    const patched = await kari.update({ notify: { webhookUrl: supporterHook.url } });
    expect(patched.status).toBe(200);
    await send(h, kari);
    h.clock.set('2026-11-29T13:30:00Z');
    await send(h, kari);

    h.clock.set('2026-11-29T14:10:00Z');
    const first = await runScheduledWork(h.relay, undefined, { random: () => 0 });
    expect(first).toEqual({
      sweep: { expiredMessages: 1, expiredReplies: 0, expiredMailboxes: 0, expiredArchiveItems: 0 },
      alerts: { sent: ['expired'], failed: 0 },
      notifications: { sent: 1, failed: 0, delayed: 0 },
    });
    const before = await state(h);
    const second = await runScheduledWork(h.relay, undefined, { random: () => 0 });
    expect(second).toEqual({
      sweep: { expiredMessages: 0, expiredReplies: 0, expiredMailboxes: 0, expiredArchiveItems: 0 },
      alerts: { sent: [], failed: 0 },
      notifications: { sent: 0, failed: 0, delayed: 0 },
    });
    expect(await state(h)).toEqual(before);
    expect([alertHook.requests.length, supporterHook.requests.length]).toEqual([1, 1]);
  });

  it('runs every step even when one throws, then reports which one failed', async () => {
    const alertHook = await receiver();
    const supporterHook = await receiver();
    harness = await createHarness({
      env: {
        OPERATOR_ALERT_WEBHOOK: alertHook.url,
        // The receivers run on 127.0.0.1 (test/api/webhooks.test.ts refuses them without these).
        OPERATOR_ALERT_WEBHOOK_ALLOW_PRIVATE: 'true',
        WEBHOOK_ALLOW_PRIVATE: 'true',
        MESSAGE_TTL_HOURS: '1',
        NOTIFY_DELAY_MINUTES: '0',
      },
    });
    const h = harness;
    const kari = await joinSupporter(h);
    await kari.update({ notify: { webhookUrl: supporterHook.url } });
    await send(h, kari);
    // Break the notifications' table, and only that.
    await h.node.store.client.execute('drop table notification_state');
    h.clock.advanceHours(1);

    const errors: unknown[] = [];
    const failure = await runScheduledWork(h.relay, undefined, {
      random: () => 0,
      logError: (error) => errors.push(error),
    }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ScheduledWorkError);
    expect((failure as ScheduledWorkError).steps).toEqual(['notifications']);
    expect((failure as ScheduledWorkError).message).toBe('scheduled work failed: notifications');
    expect(errors).toHaveLength(1);
    // The sweep and the alert happened all the same.
    expect(await query(h, 'select status from messages')).toEqual([{ status: 'expired' }]);
    expect(alertHook.requests.map((r) => JSON.parse(r.body).alert)).toEqual(['expired']);
    expect(supporterHook.requests).toHaveLength(0);
  });
});

describe("Node's timer", () => {
  it('runs the scheduled work from a real src/node.ts: the alert and the notice reach their receivers', async () => {
    const alertHook = await receiver();
    const supporterHook = await receiver();
    dir = mkdtempSync(join(tmpdir(), 'peer-relay-scheduler-'));
    // Seeded 30 real hours ago, so that the child's own clock sees a long wait.
    const clock = new FakeClock(new Date(Date.now() - 30 * 3_600_000));
    harness = await createHarness({ dir, clock, env: { WEBHOOK_ALLOW_PRIVATE: 'true' } });
    const kari = await joinSupporter(harness);
    expect((await kari.update({ notify: { webhookUrl: supporterHook.url } })).status).toBe(200);
    await send(harness, kari);
    harness.close();

    const port = await freePort();
    const relay = await startRelay({
      DATABASE_URL: `file:${join(dir, 'relay.db')}`,
      PORT: String(port),
      OPERATOR_TOKEN,
      OPERATOR_ALERT_WEBHOOK: alertHook.url,
      // The receivers run on 127.0.0.1 (test/api/webhooks.test.ts refuses them without these).
      OPERATOR_ALERT_WEBHOOK_ALLOW_PRIVATE: 'true',
      WEBHOOK_ALLOW_PRIVATE: 'true',
      NOTIFY_DELAY_MINUTES: '0',
    });
    await alertHook.waitFor(1);
    await supporterHook.waitFor(1);
    expect(JSON.parse(alertHook.requests[0]?.body ?? '{}')).toMatchObject({
      alert: 'waiting',
      count: 1,
      supporterIds: [kari.id],
    });
    const notice = supporterNotice(`http://127.0.0.1:${port}`);
    expect(JSON.parse(supporterHook.requests[0]?.body ?? '{}')).toEqual({
      title: notice.subject,
      text: notice.text,
      message: notice.text,
    });
    expect(relay.stderr()).toBe('');
  });

  it('refuses to start with a bad SMTP_URL, naming the variable and not its value', async () => {
    dir = mkdtempSync(join(tmpdir(), 'peer-relay-scheduler-'));
    const relay = spawnRelay({
      DATABASE_URL: `file:${join(dir, 'relay.db')}`,
      PORT: String(await freePort()),
      SMTP_URL: 'https://relay:hunter2-secret@mail.example.org',
      MAIL_FROM: 'noreply@example.org',
    });
    const exit = await relay.waitForExit(20_000);
    expect(exit.code).toBe(1);
    expect(relay.stderr()).toContain('SMTP_URL must be an smtp:// or smtps:// URL');
    expect(relay.stderr() + relay.stdout()).not.toContain('hunter2-secret');
  });
});
