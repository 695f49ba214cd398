/**
 * Supporter notifications (src/domain/notifications.ts) against a real SMTP
 * server and a local HTTP receiver, both on 127.0.0.1: the fixed notice and
 * nothing from the message, batching, the random delay with an injected
 * random source, retries without loss or duplicates, failures in the
 * operator's health, and the preferences in PATCH /me. The clock is fake;
 * the scheduler is called directly, as Node's timer and the Cron Trigger do.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';
import { retryHour, sendProbability } from '../../src/domain/notifications.ts';
import { runScheduledWork, type ScheduleOptions } from '../../src/domain/scheduler.ts';
import { NotificationError, supporterNotice } from '../../src/notify/notifier.ts';
import { createNodeNotifier } from '../../src/notify/smtp.ts';
import { createWebhookTransport, parseWebhookUrl } from '../../src/notify/webhook.ts';
import { formatReplyCode, toB64 } from '../../web/src/protocol/index.ts';
import { health, joinSupporter, newDoctor, type Supporter } from '../support/actors.ts';
import { randomB64 } from '../support/bytes.ts';
import { query } from '../support/database.ts';
import { expectError } from '../support/expect-error.ts';
import { createHarness, type Harness } from '../support/harness.ts';
import {
  deliveryLog,
  type HttpReceiver,
  sequenceRandom,
  startHttpReceiver,
  startSmtpReceiver,
} from '../support/notify-helpers.ts';
import { within } from '../support/process-helpers.ts';

let harness: Harness | undefined;
const receivers: { close(): Promise<void> }[] = [];
afterEach(async () => {
  harness?.dispose();
  harness = undefined;
  await Promise.all(receivers.splice(0).map((r) => r.close()));
});

const MAIL_FROM = 'peer-relay <noreply@relay.test>';

async function smtpReceiver(options?: Parameters<typeof startSmtpReceiver>[0]) {
  const receiver = await startSmtpReceiver(options);
  receivers.push(receiver);
  return receiver;
}

async function httpReceiver(options?: Parameters<typeof startHttpReceiver>[0]) {
  const receiver = await startHttpReceiver(options);
  receivers.push(receiver);
  return receiver;
}

async function relayWith(env: Record<string, string>): Promise<Harness> {
  // The receivers run on 127.0.0.1: allowed only by the explicit setting (webhooks.test.ts refuses them without it).
  harness = await createHarness({
    env: { NOTIFY_DELAY_MINUTES: '0', WEBHOOK_ALLOW_PRIVATE: 'true', ...env },
  });
  return harness;
}

/** One scheduler run with the Node notifier; the log lines are collected in `logs`. */
async function runOnce(h: Harness, logs: string[] = [], options: ScheduleOptions = {}) {
  const notifier = createNodeNotifier(h.relay.config);
  return runScheduledWork(h.relay, notifier, {
    random: () => 0,
    log: deliveryLog(logs),
    ...options,
  });
}

async function subscribe(supporter: Supporter, notify: Record<string, unknown>) {
  const response = await supporter.update({ email: 'kari@example.org', notify });
  expect(response.status, response.text).toBe(200);
  return response;
}

async function sendMessage(h: Harness, supporter: Supporter, text = 'Hello') {
  return (await (await newDoctor(h)).writeTo(supporter, text)).sealed;
}

function webhookBodies(receiver: HttpReceiver) {
  return receiver.accepted().map((r) => JSON.parse(r.body));
}

describe('the notice', () => {
  it('is the same fixed text by e-mail and webhook, and carries nothing of the message, the doctor or the mailbox', async () => {
    const smtp = await smtpReceiver({ auth: { user: 'relay', pass: 'smtp-password-0123' } });
    const hook = await httpReceiver();
    const h = await relayWith({ SMTP_URL: smtp.url, MAIL_FROM });
    const kari = await joinSupporter(h);
    const subscribed = await subscribe(kari, { email: true, webhookUrl: hook.url });
    expect(subscribed.body.notify).toEqual({ email: true, webhookUrl: hook.url });

    const doctor = await newDoctor(h);
    const sentinel = `SENTINEL-${randomB64(12)}`;
    const { sealed, response: submitted } = await doctor.tryWriteTo(
      kari,
      `${sentinel} I am a registrar in Tromsø and I need to talk.`,
      {
        prefs: { modalities: ['phone'], when: `evenings ${sentinel}`, contact: `+47 ${sentinel}` },
      },
    );
    expect(submitted.status).toBe(202);

    const logs: string[] = [];
    const result = await runOnce(h, logs);
    expect(result.notifications).toEqual({ sent: 2, failed: 0, delayed: 0 });
    expect(logs).toEqual([]);

    const notice = supporterNotice('http://127.0.0.1:8787');
    expect(smtp.mails).toHaveLength(1);
    const [mail] = smtp.mails;
    expect(mail?.from).toBe('noreply@relay.test');
    expect(mail?.to).toEqual(['kari@example.org']);
    expect(mail?.data).toMatch(/^Subject: peer-relay: ny melding \/ new message\r?$/m);
    expect(mail?.data).toContain(
      'You have a new message waiting in peer-relay. Log in to read it.',
    );
    expect(mail?.data).toContain('http://127.0.0.1:8787/supporter');

    expect(hook.requests).toHaveLength(1);
    expect(hook.requests[0]?.headers['content-type']).toBe('application/json');
    expect(webhookBodies(hook)).toEqual([
      { title: notice.subject, text: notice.text, message: notice.text },
    ]);

    const ciphertext = toB64(sealed.ciphertext);
    const forbidden = {
      sentinel,
      messageId: sealed.id,
      thread: sealed.message.thread,
      mailboxId: doctor.key.id,
      readToken: doctor.key.readToken,
      replyCode: formatReplyCode(doctor.replyCode),
      replyCodeB64: toB64(doctor.replyCode),
      replyPublicKey: doctor.mailbox.replyPublicKey,
      ciphertext: ciphertext.slice(200, 260),
      receivedHour: '14:00',
      supporterName: kari.name,
      smtpPassword: 'smtp-password-0123',
    };
    const carried = [mail?.data ?? '', hook.requests[0]?.body ?? '', hook.requests[0]?.path ?? ''];
    for (const [what, value] of Object.entries(forbidden)) {
      for (const text of carried) expect(text, what).not.toContain(value);
    }
    // A second message does not change a word, and no count is ever given.
    expect(notice.text).not.toMatch(/\d+ (messages|meldinger)/);
  });

  it('keeps only whole hours and counts in notification_state, nothing about a message', async () => {
    const hook = await httpReceiver();
    const h = await relayWith({});
    const kari = await joinSupporter(h);
    await subscribe(kari, { webhookUrl: hook.url });
    await sendMessage(h, kari);
    await runOnce(h);
    const columns = await query(h, `select name from pragma_table_info('notification_state')`);
    expect(columns.map((c) => c.name)).toEqual([
      'supporter_id',
      'channel',
      'covered_received',
      'next_hour',
      'failures',
    ]);
    expect(await query(h, 'select * from notification_state')).toEqual([
      {
        supporter_id: kari.id,
        channel: 'webhook',
        covered_received: 1,
        // Sent at 14:25 with a 60-minute window: not before 16:00.
        next_hour: Date.parse('2026-11-27T16:00:00Z') / 1000,
        failures: 0,
      },
    ]);
  });
});

describe('batching', () => {
  it('sends one notice for everything that arrives within a window, and the next only after it', async () => {
    const hook = await httpReceiver();
    const h = await relayWith({ NOTIFY_WINDOW_MINUTES: '60' });
    const kari = await joinSupporter(h);
    await subscribe(kari, { webhookUrl: hook.url });
    const at = (time: string) => h.clock.set(`2026-11-27T${time}:00Z`);

    at('14:25');
    await sendMessage(h, kari);
    expect((await runOnce(h)).notifications.sent).toBe(1);
    at('14:40');
    await sendMessage(h, kari);
    expect((await runOnce(h)).notifications.sent).toBe(0);
    at('15:59');
    expect((await runOnce(h)).notifications.sent).toBe(0);
    // 95 minutes after the first notice: never closer than the window.
    at('16:00');
    expect((await runOnce(h)).notifications.sent).toBe(1);
    at('16:10');
    expect((await runOnce(h)).notifications.sent).toBe(0);
    at('19:00');
    // Messages still wait, but nothing new arrived: no reminder.
    expect((await runOnce(h)).notifications.sent).toBe(0);

    at('19:05');
    await sendMessage(h, kari);
    await sendMessage(h, kari);
    expect((await runOnce(h)).notifications.sent).toBe(1);
    expect((await runOnce(h)).notifications.sent).toBe(0);
    expect(hook.requests).toHaveLength(3);
  });

  it('sends nothing when the supporter read everything first, and still notices what comes later', async () => {
    const hook = await httpReceiver();
    const h = await relayWith({});
    const kari = await joinSupporter(h);
    await subscribe(kari, { webhookUrl: hook.url });
    const first = await sendMessage(h, kari);
    expect((await kari.ack([first.id])).body).toEqual({ deleted: 1 });
    expect((await runOnce(h)).notifications).toEqual({ sent: 0, failed: 0, delayed: 0 });
    expect(hook.requests).toHaveLength(0);

    h.clock.advanceHours(3);
    await sendMessage(h, kari);
    expect((await runOnce(h)).notifications.sent).toBe(1);
    expect(hook.requests).toHaveLength(1);
  });

  it('notifies each supporter about their own messages only', async () => {
    const hookA = await httpReceiver();
    const hookB = await httpReceiver();
    const h = await relayWith({});
    const a = await joinSupporter(h);
    const b = await joinSupporter(h);
    const quiet = await joinSupporter(h);
    await subscribe(a, { webhookUrl: hookA.url });
    await subscribe(b, { webhookUrl: hookB.url });
    await sendMessage(h, a);
    await sendMessage(h, quiet);
    expect((await runOnce(h)).notifications.sent).toBe(1);
    expect([hookA.requests.length, hookB.requests.length]).toEqual([1, 0]);
  });
});

describe('the random delay', () => {
  it('is a send probability of interval / NOTIFY_DELAY_MINUTES per run, capped at 1', () => {
    expect(sendProbability(10, 1)).toBe(0.1);
    expect(sendProbability(10, 5)).toBe(0.5);
    expect(sendProbability(3, 5)).toBe(1);
    expect(sendProbability(0, 1)).toBe(1);
  });

  it('holds a due notice while random() ≥ p and sends it at the first draw below p', async () => {
    const hook = await httpReceiver();
    const h = await relayWith({ NOTIFY_DELAY_MINUTES: '10' });
    const kari = await joinSupporter(h);
    await subscribe(kari, { webhookUrl: hook.url });
    await sendMessage(h, kari);
    const random = sequenceRandom([0.5, 0.1, 0.999, 0.0999]);
    const runs = [];
    for (let minute = 0; minute < 6; minute++) {
      h.clock.set(new Date(Date.parse('2026-11-27T14:25:00Z') + minute * 60_000));
      runs.push((await runOnce(h, [], { random, intervalMinutes: 1 })).notifications);
    }
    expect(runs).toEqual([
      { sent: 0, failed: 0, delayed: 1 },
      { sent: 0, failed: 0, delayed: 1 }, // exactly p is not below p
      { sent: 0, failed: 0, delayed: 1 },
      { sent: 1, failed: 0, delayed: 0 },
      { sent: 0, failed: 0, delayed: 0 },
      { sent: 0, failed: 0, delayed: 0 },
    ]);
    expect(hook.requests).toHaveLength(1);
  });

  it('scales with the interval between runs (a Worker on a 5-minute Cron Trigger)', async () => {
    const hook = await httpReceiver();
    const h = await relayWith({ NOTIFY_DELAY_MINUTES: '10' });
    const kari = await joinSupporter(h);
    await subscribe(kari, { webhookUrl: hook.url });
    await sendMessage(h, kari);
    const held = await runOnce(h, [], { random: () => 0.5, intervalMinutes: 5 });
    expect(held.notifications.delayed).toBe(1);
    const sent = await runOnce(h, [], { random: () => 0.49, intervalMinutes: 5 });
    expect(sent.notifications.sent).toBe(1);
  });

  it('never sends while every draw is at or above p, and consumes no draw when nothing is due', async () => {
    const hook = await httpReceiver();
    const h = await relayWith({ NOTIFY_DELAY_MINUTES: '10' });
    const kari = await joinSupporter(h);
    await subscribe(kari, { webhookUrl: hook.url });
    let draws = 0;
    const random = () => {
      draws++;
      return 0.1;
    };
    expect((await runOnce(h, [], { random })).notifications.delayed).toBe(0);
    expect(draws).toBe(0);
    await sendMessage(h, kari);
    for (let i = 0; i < 50; i++) await runOnce(h, [], { random });
    expect(draws).toBe(50);
    expect(hook.requests).toHaveLength(0);
  });
});

describe('failures', () => {
  it('retries a failing webhook with backoff, then delivers exactly once; the message is untouched', async () => {
    const hook = await httpReceiver({ failFirst: 2 });
    const h = await relayWith({});
    const kari = await joinSupporter(h);
    await subscribe(kari, { webhookUrl: hook.url });
    const sealed = await sendMessage(h, kari, 'Please keep me safe.');
    const logs: string[] = [];
    const at = (time: string) => h.clock.set(`2026-11-27T${time}:00Z`);

    at('14:25');
    expect((await runOnce(h, logs)).notifications).toEqual({ sent: 0, failed: 1, delayed: 0 });
    expect((await health(h)).body.notificationFailures).toEqual({
      last30Days: 1,
      retrying: [
        {
          supporterId: kari.id,
          channel: 'webhook',
          failures: 1,
          nextAttemptAt: '2026-11-27T15:00:00Z',
        },
      ],
    });
    at('14:26');
    expect((await runOnce(h, logs)).notifications.failed).toBe(0);
    at('15:00');
    expect((await runOnce(h, logs)).notifications.failed).toBe(1);
    at('16:59');
    expect((await runOnce(h, logs)).notifications.failed).toBe(0);
    expect(hook.requests).toHaveLength(2);
    at('17:00');
    expect((await runOnce(h, logs)).notifications).toEqual({ sent: 1, failed: 0, delayed: 0 });
    for (const time of ['17:01', '18:30', '23:59']) {
      at(time);
      await runOnce(h, logs);
    }
    h.clock.set('2026-11-29T09:00:00Z');
    await runOnce(h, logs);

    expect(hook.requests.map((r) => r.status)).toEqual([500, 500, 200]);
    expect(logs).toEqual([
      'notification_failed webhook http_500',
      'notification_failed webhook http_500',
    ]);
    const figures = (await health(h)).body;
    expect(figures.last30Days.notify_failed).toBe(2);
    expect(figures.notificationFailures).toEqual({ last30Days: 2, retrying: [] });
    // The message waits as it was: failures never touch it.
    const inbox = await (await kari.logIn()).inbox();
    expect(inbox.body.messages).toEqual([
      { id: sealed.id, ciphertext: toB64(sealed.ciphertext), receivedAt: '2026-11-27T14:00:00Z' },
    ]);
  });

  it('backs off 1, 2, 4, 8, 16, then 24 hours at most', () => {
    const hour = Date.parse('2026-11-27T14:00:00Z') / 1000;
    expect([1, 2, 3, 4, 5, 6, 7, 20].map((n) => (retryHour(hour, n) - hour) / 3600)).toEqual([
      1, 2, 4, 8, 16, 24, 24, 24,
    ]);
  });

  it('retries e-mail refused by the SMTP server (451) and delivers it once', async () => {
    const smtp = await smtpReceiver({ refuseFirst: 1 });
    const h = await relayWith({ SMTP_URL: smtp.url, MAIL_FROM });
    const kari = await joinSupporter(h);
    await subscribe(kari, { email: true });
    await sendMessage(h, kari);
    const logs: string[] = [];
    expect((await runOnce(h, logs)).notifications.failed).toBe(1);
    h.clock.advanceHours(1);
    expect((await runOnce(h, logs)).notifications.sent).toBe(1);
    h.clock.advanceHours(5);
    await runOnce(h, logs);
    expect(smtp.attempts()).toBe(2);
    expect(smtp.mails).toHaveLength(1);
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatch(/^notification_failed smtp [A-Za-z0-9_]+$/);
  });

  it('counts a wrong SMTP password as a failure, logging no address and no credential', async () => {
    const smtp = await smtpReceiver({ auth: { user: 'relay', pass: 'right-password' } });
    const wrong = smtp.url.replace('right-password', 'wrong-password-4711');
    const h = await relayWith({ SMTP_URL: wrong, MAIL_FROM });
    const kari = await joinSupporter(h);
    await subscribe(kari, { email: true });
    await sendMessage(h, kari);
    const logs: string[] = [];
    expect((await runOnce(h, logs)).notifications.failed).toBe(1);
    expect(logs).toEqual(['notification_failed smtp EAUTH']);
    const figures = (await health(h)).body;
    expect(figures.notificationFailures.retrying).toEqual([
      {
        supporterId: kari.id,
        channel: 'email',
        failures: 1,
        nextAttemptAt: '2026-11-27T15:00:00Z',
      },
    ]);
    const text = JSON.stringify(figures) + logs.join('\n');
    for (const secret of ['wrong-password-4711', 'kari@example.org', String(smtp.port)]) {
      expect(text).not.toContain(secret);
    }
    expect(smtp.mails).toHaveLength(0);
  });

  it('sends one notice when two runs race for it', async () => {
    const hook = await httpReceiver();
    const h = await relayWith({});
    const kari = await joinSupporter(h);
    await subscribe(kari, { webhookUrl: hook.url });
    await sendMessage(h, kari);
    const [one, two] = await Promise.all([runOnce(h), runOnce(h)]);
    expect(one.notifications.sent + two.notifications.sent).toBe(1);
    expect(hook.requests).toHaveLength(1);
  });

  it('counts e-mail as failed where no SMTP transport exists (a Worker), without blocking webhooks', async () => {
    const smtp = await smtpReceiver();
    const hook = await httpReceiver();
    const h = await relayWith({ SMTP_URL: smtp.url, MAIL_FROM });
    const kari = await joinSupporter(h);
    await subscribe(kari, { email: true, webhookUrl: hook.url });
    await sendMessage(h, kari);
    const logs: string[] = [];
    // The default notifier: webhooks only, as on Workers.
    const result = await runScheduledWork(h.relay, undefined, {
      random: () => 0,
      log: deliveryLog(logs),
    });
    expect(result.notifications).toEqual({ sent: 1, failed: 1, delayed: 0 });
    expect(logs).toEqual(['notification_failed smtp unavailable']);
    expect(hook.requests).toHaveLength(1);
  });
});

describe('the webhook transport', () => {
  async function hangingServer(): Promise<{ url: string; close(): Promise<void> }> {
    const server = http.createServer(() => {
      // Never answers.
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const close = () =>
      within(
        new Promise<void>((resolve) => {
          server.closeAllConnections();
          server.close(() => resolve());
        }),
        5_000,
        'the hanging server to close',
      );
    receivers.push({ close });
    return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, close };
  }

  it('gives up after its timeout, and names failures without the URL', async () => {
    const hanging = await hangingServer();
    const notice = supporterNotice('https://relay.example.org');
    const transport = createWebhookTransport({ timeoutMs: 200 });
    await expect(within(transport.deliver(hanging.url, notice), 5_000, 'timeout')).rejects.toEqual(
      new NotificationError('webhook', 'timeout'),
    );
    const redirecting = await httpReceiver({ failFirst: 1, failStatus: 302 });
    await expect(transport.deliver(redirecting.url, notice)).rejects.toThrow(/^webhook http_302$/);
    await redirecting.close();
    await expect(transport.deliver(redirecting.url, notice)).rejects.toThrow(/^webhook network$/);
  });
});

describe('notification preferences in PATCH /me', () => {
  it('accepts https webhooks and e-mail, shows them in GET /me, and omits notify when none is chosen', async () => {
    const h = await relayWith({ SMTP_URL: 'smtp://127.0.0.1:2525', MAIL_FROM });
    const kari = await joinSupporter(h);
    const me = () => h.request('GET', '/api/v1/me', { token: kari.token });
    expect((await me()).body).not.toHaveProperty('notify');

    const set = await kari.update({
      email: 'kari@example.org',
      notify: { email: true, webhookUrl: '  https://Hooks.Example.org/services/T0/B0/x?y=1  ' },
    });
    expect(set.status).toBe(200);
    expect(set.body.notify).toEqual({
      email: true,
      webhookUrl: 'https://hooks.example.org/services/T0/B0/x?y=1',
    });
    expect((await me()).body.notify).toEqual(set.body.notify);

    // Clearing the address turns e-mail notifications off; an empty URL turns the webhook off.
    const cleared = await kari.update({ email: '', notify: { webhookUrl: '' } });
    expect(cleared.status).toBe(200);
    expect(cleared.body).not.toHaveProperty('notify');
    expect(cleared.body).not.toHaveProperty('email');
  });

  it('refuses unsafe webhook URLs and e-mail it cannot send, changing nothing', async () => {
    const h = await relayWith({});
    const kari = await joinSupporter(h);
    const before = await h.request('GET', '/api/v1/me', { token: kari.token });
    const refused: [unknown, number, string][] = [
      [{ webhookUrl: 'http://hooks.example.org/x' }, 400, 'invalid_webhook_url'],
      [{ webhookUrl: 'https://user:secret@hooks.example.org/x' }, 400, 'invalid_webhook_url'],
      [{ webhookUrl: 'ftp://hooks.example.org/x' }, 400, 'invalid_webhook_url'],
      [{ webhookUrl: 'not a url' }, 400, 'invalid_webhook_url'],
      [{ webhookUrl: `https://hooks.example.org/${'a'.repeat(1000)}` }, 400, 'invalid_request'],
      [{ webhookUrl: 42 }, 400, 'invalid_request'],
      [{ email: 'yes' }, 400, 'invalid_request'],
      // This relay has no SMTP_URL.
      [{ email: true }, 400, 'email_unavailable'],
    ];
    for (const [notify, status, code] of refused) {
      const response = await kari.update({ town: 'Oslo', notify });
      expectError(response, status, code);
      expect(response.text).not.toContain('secret');
    }
    expect((await h.request('GET', '/api/v1/me', { token: kari.token })).body).toEqual(before.body);
  });

  it('needs an e-mail address for e-mail notifications', async () => {
    const h = await relayWith({ SMTP_URL: 'smtp://127.0.0.1:2525', MAIL_FROM });
    const kari = await joinSupporter(h);
    expectError(await kari.update({ notify: { email: true } }), 400, 'email_missing');
    const both = await kari.update({ email: 'kari@example.org', notify: { email: true } });
    expect(both.body.notify).toEqual({ email: true, webhookUrl: null });
  });

  it('takes http:// only to a non-public host, and only where private webhooks are allowed', () => {
    expect(parseWebhookUrl('http://127.0.0.1:9000/hook', true)).toBe('http://127.0.0.1:9000/hook');
    expect(parseWebhookUrl('http://localhost:9000/hook', true)).toBe('http://localhost:9000/hook');
    expect(parseWebhookUrl('http://10.0.0.1/hook', true)).toBe('http://10.0.0.1/hook');
    expect(parseWebhookUrl('http://hooks.example.org/hook', true)).toBeNull();
    expect(parseWebhookUrl('http://127.0.0.1:9000/hook', false)).toBeNull();
    expect(parseWebhookUrl('https://ntfy.sh/relay-x', false)).toBe('https://ntfy.sh/relay-x');
  });

  it('forgets the webhook and the notification state when the supporter leaves', async () => {
    const hook = await httpReceiver();
    const h = await relayWith({});
    const kari = await joinSupporter(h);
    await subscribe(kari, { webhookUrl: hook.url });
    await sendMessage(h, kari);
    await runOnce(h);
    expect(await query(h, 'select supporter_id from notification_state')).toHaveLength(1);
    expect((await h.request('DELETE', '/api/v1/me', { token: kari.token })).status).toBe(200);
    expect(await query(h, 'select notify_email, notify_webhook_url from supporters')).toEqual([
      { notify_email: 0, notify_webhook_url: null },
    ]);
    expect(await query(h, 'select * from notification_state')).toEqual([]);
  });

  it('gives a changed address a fresh start, without the old backoff', async () => {
    const broken = await httpReceiver({ failFirst: 100 });
    const working = await httpReceiver();
    const h = await relayWith({});
    const kari = await joinSupporter(h);
    await subscribe(kari, { webhookUrl: broken.url });
    await sendMessage(h, kari);
    expect((await runOnce(h)).notifications.failed).toBe(1);
    await subscribe(kari, { webhookUrl: working.url });
    expect((await runOnce(h)).notifications.sent).toBe(1);
    expect(working.requests).toHaveLength(1);
  });
});

describe('configuration', () => {
  it('has documented defaults', () => {
    const config = loadConfig({});
    expect(config.notifications).toEqual({
      smtp: undefined,
      windowMinutes: 60,
      meanDelayMinutes: 10,
      webhookAllowPrivate: false,
    });
    expect(config.alerts).toEqual({
      webhookUrl: undefined,
      webhookAllowPrivate: false,
      emails: [],
      waitingHours: 24,
      unseenDays: 3,
      repeatHours: 24,
    });
    expect(
      loadConfig({
        SMTP_URL: 'smtps://relay:pw@mail.example.org:465',
        MAIL_FROM: 'peer-relay <noreply@example.org>',
        OPERATOR_ALERT_EMAIL: 'ops@example.org, oncall@example.org',
        OPERATOR_ALERT_WEBHOOK: 'https://ntfy.sh/relay-alerts',
      }),
    ).toMatchObject({
      notifications: {
        smtp: {
          url: 'smtps://relay:pw@mail.example.org:465',
          from: 'peer-relay <noreply@example.org>',
        },
      },
      alerts: {
        emails: ['ops@example.org', 'oncall@example.org'],
        webhookUrl: 'https://ntfy.sh/relay-alerts',
      },
    });
  });

  it.each([
    [{ SMTP_URL: 'http://mail.example.org' }, /SMTP_URL must be an smtp:\/\/ or smtps:\/\/ URL/],
    [
      { SMTP_URL: 'smtp://relay:hunter2-secret@mail.example.org' },
      /MAIL_FROM must be set when SMTP_URL is/,
    ],
    [
      { SMTP_URL: 'smtp://mail.example.org', MAIL_FROM: 'nobody' },
      /MAIL_FROM must be an e-mail address/,
    ],
    [
      { NOTIFY_WINDOW_MINUTES: '0' },
      /NOTIFY_WINDOW_MINUTES must be a whole number from 1 to 10080/,
    ],
    [
      { NOTIFY_DELAY_MINUTES: 'soon' },
      /NOTIFY_DELAY_MINUTES must be a whole number from 0 to 1440/,
    ],
    [
      { OPERATOR_ALERT_WEBHOOK: 'ftp://example.org' },
      /OPERATOR_ALERT_WEBHOOK must be an absolute http\(s\) URL/,
    ],
    [{ OPERATOR_ALERT_WEBHOOK: 'https://u:hunter2-secret@example.org' }, /OPERATOR_ALERT_WEBHOOK/],
    [
      { OPERATOR_ALERT_EMAIL: 'ops@example.org, nope' },
      /OPERATOR_ALERT_EMAIL must be one e-mail address/,
    ],
    [{ OPERATOR_ALERT_EMAIL: 'ops@example.org' }, /OPERATOR_ALERT_EMAIL needs SMTP_URL/],
    [{ ALERT_WAITING_HOURS: '0' }, /ALERT_WAITING_HOURS must be a whole number from 1/],
    [{ ALERT_UNSEEN_DAYS: '400' }, /ALERT_UNSEEN_DAYS must be a whole number from 1 to 365/],
    [{ ALERT_REPEAT_HOURS: 'daily' }, /ALERT_REPEAT_HOURS must be a whole number/],
  ])('refuses %j with a clear sentence that quotes no secret', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
    try {
      loadConfig(env);
    } catch (error) {
      expect(String(error)).not.toContain('hunter2-secret');
    }
  });
});
