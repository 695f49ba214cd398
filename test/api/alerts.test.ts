/**
 * Operator alerts (src/domain/alerts.ts) on a seeded database with a fake
 * clock, delivered to a local HTTP receiver and a real SMTP server on
 * 127.0.0.1: exact counts and supporter ids, nothing else; once per
 * condition per ALERT_REPEAT_HOURS; retried the next hour after a failure.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { runScheduledWork, type ScheduledResult } from '../../src/domain/scheduler.ts';
import { createNodeNotifier } from '../../src/notify/smtp.ts';
import { health, joinSupporter, newDoctor, type Supporter, setActive } from '../support/actors.ts';
import { query } from '../support/database.ts';
import { createHarness, type Harness } from '../support/harness.ts';
import {
  deliveryLog,
  type HttpReceiver,
  startHttpReceiver,
  startSmtpReceiver,
} from '../support/notify-helpers.ts';

let harness: Harness | undefined;
const receivers: { close(): Promise<void> }[] = [];
afterEach(async () => {
  harness?.dispose();
  harness = undefined;
  await Promise.all(receivers.splice(0).map((r) => r.close()));
});

const RELAY = 'http://127.0.0.1:8787';

async function hook(options?: Parameters<typeof startHttpReceiver>[0]): Promise<HttpReceiver> {
  const receiver = await startHttpReceiver(options);
  receivers.push(receiver);
  return receiver;
}

async function relayWith(env: Record<string, string>): Promise<Harness> {
  // The receivers run on 127.0.0.1: allowed only by the explicit setting (webhooks.test.ts refuses them without it).
  harness = await createHarness({ env: { OPERATOR_ALERT_WEBHOOK_ALLOW_PRIVATE: 'true', ...env } });
  return harness;
}

async function run(h: Harness, logs: string[] = []): Promise<ScheduledResult> {
  return runScheduledWork(h.relay, createNodeNotifier(h.relay.config), {
    random: () => 0,
    log: deliveryLog(logs),
  });
}

async function send(h: Harness, supporter: Supporter, text = 'Hello') {
  return (await (await newDoctor(h)).writeTo(supporter, text)).sealed;
}

const at = (h: Harness, iso: string) => h.clock.set(iso);

function alerts(receiver: HttpReceiver) {
  return receiver.accepted().map((r) => JSON.parse(r.body));
}

describe('messages waiting too long', () => {
  it('alerts with the count and the supporter ids once the oldest has waited ALERT_WAITING_HOURS, then once per ALERT_REPEAT_HOURS', async () => {
    const receiver = await hook();
    const h = await relayWith({ OPERATOR_ALERT_WEBHOOK: receiver.url, ALERT_UNSEEN_DAYS: '30' });
    const a = await joinSupporter(h);
    const b = await joinSupporter(h);
    const c = await joinSupporter(h);
    await send(h, a);
    await send(h, a);
    await send(h, b);
    at(h, '2026-11-28T10:10:00Z');
    await send(h, c);
    const [first, second] = [a.id, b.id].sort();

    at(h, '2026-11-28T13:59:00Z');
    expect((await run(h)).alerts).toEqual({ sent: [], failed: 0 });
    at(h, '2026-11-28T14:00:00Z');
    expect((await run(h)).alerts).toEqual({ sent: ['waiting'], failed: 0 });
    expect(alerts(receiver)).toEqual([
      {
        alert: 'waiting',
        count: 3,
        supporterIds: [first, second],
        relay: RELAY,
        title: 'peer-relay alert: messages waiting 24 hours or longer',
        text: `3 messages have waited 24 hours or longer, for supporters: ${first}, ${second}.\n\n${RELAY}`,
        message: `3 messages have waited 24 hours or longer, for supporters: ${first}, ${second}.\n\n${RELAY}`,
      },
    ]);

    for (const time of ['2026-11-28T14:01:00Z', '2026-11-28T20:00:00Z', '2026-11-29T13:59:00Z']) {
      at(h, time);
      expect((await run(h)).alerts.sent).toEqual([]);
    }
    at(h, '2026-11-29T14:00:00Z');
    expect((await run(h)).alerts.sent).toEqual(['waiting']);
    // By now c's message has waited 27 hours too.
    expect(alerts(receiver)[1]).toMatchObject({
      count: 4,
      supporterIds: [a.id, b.id, c.id].sort(),
    });
    expect(receiver.requests).toHaveLength(2);
  });

  it('alerts again at once when the condition clears and comes back', async () => {
    const receiver = await hook();
    const h = await relayWith({ OPERATOR_ALERT_WEBHOOK: receiver.url, ALERT_WAITING_HOURS: '2' });
    const kari = await joinSupporter(h);
    const old = await send(h, kari);
    at(h, '2026-11-27T16:00:00Z');
    expect((await run(h)).alerts.sent).toEqual(['waiting']);
    const fresh = await kari.logIn();
    expect((await fresh.ack([old.id])).body).toEqual({ deleted: 1 });
    at(h, '2026-11-27T16:05:00Z');
    expect((await run(h)).alerts.sent).toEqual([]);
    expect(await query(h, "select key from settings where key = 'alert:waiting'")).toEqual([]);
    await send(h, fresh);
    at(h, '2026-11-27T18:00:00Z');
    expect((await run(h)).alerts.sent).toEqual(['waiting']);
    expect(alerts(receiver).map((a) => a.count)).toEqual([1, 1]);
  });
});

describe('messages expired undelivered', () => {
  it('reports how many expired since the last alert', async () => {
    const receiver = await hook();
    const h = await relayWith({
      OPERATOR_ALERT_WEBHOOK: receiver.url,
      MESSAGE_TTL_HOURS: '48',
      ALERT_WAITING_HOURS: '1000',
      ALERT_UNSEEN_DAYS: '30',
    });
    const kari = await joinSupporter(h);
    await send(h, kari);
    await send(h, kari);

    at(h, '2026-11-29T13:59:00Z');
    expect((await run(h)).alerts.sent).toEqual([]);
    at(h, '2026-11-29T14:00:00Z');
    const result = await run(h);
    expect(result.sweep.expiredMessages).toBe(2);
    expect(result.alerts.sent).toEqual(['expired']);
    expect((await run(h)).alerts.sent).toEqual([]);

    at(h, '2026-11-29T15:10:00Z');
    await send(h, await kari.logIn());
    at(h, '2026-12-01T15:00:00Z');
    expect((await run(h)).alerts.sent).toEqual(['expired']);
    at(h, '2026-12-05T15:00:00Z');
    expect((await run(h)).alerts.sent).toEqual([]);

    expect(
      alerts(receiver).map(({ alert, count, supporterIds, text }) => ({
        alert,
        count,
        supporterIds,
        text,
      })),
    ).toEqual([
      {
        alert: 'expired',
        count: 2,
        supporterIds: [],
        text: `2 messages expired undelivered since the last alert.\n\n${RELAY}`,
      },
      {
        alert: 'expired',
        count: 1,
        supporterIds: [],
        text: `1 message expired undelivered since the last alert.\n\n${RELAY}`,
      },
    ]);
    expect((await health(h)).body.totals.expired).toBe(3);
  });
});

describe('supporters not seen while messages wait', () => {
  it('names the active supporters with waiting messages not seen for ALERT_UNSEEN_DAYS', async () => {
    const receiver = await hook();
    const h = await relayWith({
      OPERATOR_ALERT_WEBHOOK: receiver.url,
      ALERT_WAITING_HOURS: '1000',
    });
    const absent = await joinSupporter(h);
    const present = await joinSupporter(h);
    await joinSupporter(h); // not seen either, but nothing waits for them
    const inactive = await joinSupporter(h);
    await send(h, absent);
    await send(h, present);
    await send(h, inactive);
    expect((await setActive(h, inactive.id, false)).status).toBe(200);
    at(h, '2026-11-29T09:30:00Z');
    await present.logIn();

    at(h, '2026-11-30T13:59:00Z');
    expect((await run(h)).alerts.sent).toEqual([]);
    at(h, '2026-11-30T14:00:00Z');
    expect((await run(h)).alerts.sent).toEqual(['unseen']);
    expect(alerts(receiver)).toEqual([
      expect.objectContaining({
        alert: 'unseen',
        count: 1,
        supporterIds: [absent.id],
        title: 'peer-relay alert: supporters not seen for 3 days',
        text: `1 supporter with waiting messages not seen for 3 days or longer: ${absent.id}.\n\n${RELAY}`,
      }),
    ]);
  });
});

describe('delivery', () => {
  it('e-mails each OPERATOR_ALERT_EMAIL address, with counts and ids and nothing else', async () => {
    const smtp = await startSmtpReceiver();
    receivers.push(smtp);
    const h = await relayWith({
      SMTP_URL: smtp.url,
      MAIL_FROM: 'peer-relay <noreply@relay.test>',
      OPERATOR_ALERT_EMAIL: 'ops@example.org, oncall@example.org',
      ALERT_WAITING_HOURS: '1',
    });
    const kari = await joinSupporter(h);
    const doctor = await newDoctor(h);
    const sentinel = 'SENTINEL-alert-7f3a';
    const { sealed } = await doctor.writeTo(kari, sentinel);
    at(h, '2026-11-27T15:00:00Z');
    expect((await run(h)).alerts.sent).toEqual(['waiting']);
    expect(smtp.mails.map((m) => m.to)).toEqual([['ops@example.org'], ['oncall@example.org']]);
    for (const mail of smtp.mails) {
      expect(mail.data).toMatch(
        /^Subject: peer-relay alert: messages waiting 1 hour or longer\r?$/m,
      );
      expect(mail.data).toContain(kari.id);
      for (const secret of [
        sentinel,
        sealed.id,
        doctor.key.id,
        doctor.key.readToken,
        kari.name,
        kari.login,
      ]) {
        expect(mail.data).not.toContain(secret);
      }
    }
  });

  it('counts a failed alert, retries it the next hour rather than every minute, and sends it once', async () => {
    const receiver = await hook({ failFirst: 1 });
    const h = await relayWith({ OPERATOR_ALERT_WEBHOOK: receiver.url, ALERT_WAITING_HOURS: '1' });
    const kari = await joinSupporter(h);
    await send(h, kari);
    const logs: string[] = [];
    at(h, '2026-11-27T15:00:00Z');
    expect((await run(h, logs)).alerts).toEqual({ sent: [], failed: 1 });
    expect(logs).toEqual(['alert_failed webhook http_500']);
    at(h, '2026-11-27T15:01:00Z');
    expect((await run(h, logs)).alerts).toEqual({ sent: [], failed: 0 });
    at(h, '2026-11-27T16:00:00Z');
    const [one, two] = await Promise.all([run(h, logs), run(h, logs)]);
    expect([...one.alerts.sent, ...two.alerts.sent]).toEqual(['waiting']);
    expect(receiver.requests.map((r) => r.status)).toEqual([500, 200]);
    expect((await health(h)).body.notificationFailures.last30Days).toBe(1);
  });

  it('does nothing and keeps no state when no alert destination is configured', async () => {
    const h = await relayWith({ ALERT_WAITING_HOURS: '1' });
    const kari = await joinSupporter(h);
    await send(h, kari);
    at(h, '2026-11-28T15:00:00Z');
    expect((await run(h)).alerts).toEqual({ sent: [], failed: 0 });
    expect(await query(h, "select key from settings where key like 'alert:%'")).toEqual([]);
  });
});
