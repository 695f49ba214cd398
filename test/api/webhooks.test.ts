/**
 * Issue 15 item 5: webhooks reach only public addresses. At save time every
 * spelling of a loopback, private, link-local, shared, unique-local,
 * multicast or unspecified address (IPv4 in decimal, octal, hex and short
 * forms, IPv6, IPv4-mapped IPv6) is `400 webhook_not_public`; at connect time
 * the name is resolved, every address checked, and the socket connects to
 * the checked one, so a resolver that answers a private address (DNS
 * rebinding) reaches nothing. The operator's alert webhook likewise, unless
 * `OPERATOR_ALERT_WEBHOOK_ALLOW_PRIVATE=true`.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { runScheduledWork } from '../../src/domain/scheduler.ts';
import { createGuardedFetch, type Resolve } from '../../src/notify/guarded-fetch.ts';
import { isPublicAddress, isPublicHost } from '../../src/notify/public-address.ts';
import { createNodeNotifier } from '../../src/notify/smtp.ts';
import { createWebhookTransport } from '../../src/notify/webhook.ts';
import { joinSupporter, newDoctor } from '../support/actors.ts';
import { query } from '../support/database.ts';
import { expectError } from '../support/expect-error.ts';
import { createHarness, type Harness } from '../support/harness.ts';
import { deliveryLog, type HttpReceiver, startHttpReceiver } from '../support/notify-helpers.ts';

let harness: Harness | undefined;
const receivers: HttpReceiver[] = [];
afterEach(async () => {
  harness?.dispose();
  harness = undefined;
  for (const receiver of receivers.splice(0)) await receiver.close();
});

async function receiver(): Promise<HttpReceiver> {
  const started = await startHttpReceiver();
  receivers.push(started);
  return started;
}

/** Hosts that must never be posted to, as a supporter might spell them in a URL. */
const NOT_PUBLIC = [
  '127.0.0.1',
  '2130706433',
  '0177.0.0.1',
  '0x7f.0.0.1',
  '0x7f000001',
  '127.1',
  '017700000001',
  '0',
  '0.0.0.0',
  '10.0.0.1',
  '012.1',
  '172.16.0.1',
  '192.168.1.1',
  '169.254.169.254',
  '0xa9fea9fe',
  '100.64.0.1',
  '224.0.0.1',
  '255.255.255.255',
  '[::1]',
  '[::]',
  '[0:0:0:0:0:0:0:1]',
  '[fe80::1]',
  '[fc00::1]',
  '[fd12:3456::1]',
  '[ff02::1]',
  '[::ffff:127.0.0.1]',
  '[::ffff:7f00:1]',
  '[::ffff:10.0.0.1]',
  '[::ffff:169.254.169.254]',
  '[64:ff9b::a00:1]',
  '[2002:a00:1::]',
  'localhost',
  'LOCALHOST.',
  'hooks.localhost',
];
const PUBLIC = ['93.184.216.34', '[2606:4700:4700::1111]', '[::ffff:93.184.216.34]', 'ntfy.sh'];

const hostOf = (host: string) => new URL(`https://${host}/hook`).hostname;

describe('which hosts are public', () => {
  it('refuses every spelling of a non-public address once the URL is parsed, and takes public ones', () => {
    for (const host of NOT_PUBLIC) expect(isPublicHost(hostOf(host)), host).toBe(false);
    for (const host of PUBLIC) expect(isPublicHost(hostOf(host)), host).toBe(true);
    expect(isPublicAddress('8.8.8.8')).toBe(true);
    expect(isPublicAddress('not an address')).toBe(false);
  });
});

describe('saving a webhook', () => {
  it('answers 400 webhook_not_public for each such host and keeps no URL', async () => {
    harness = await createHarness();
    const kari = await joinSupporter(harness);
    for (const host of NOT_PUBLIC) {
      const response = await kari.update({ notify: { webhookUrl: `https://${host}/hook` } });
      expect(response.body.error?.code, host).toBe('webhook_not_public');
      expectError(response, 400, 'webhook_not_public');
    }
    expect(await query(harness, 'select notify_webhook_url as url from supporters')).toEqual([
      { url: null },
    ]);
    const saved = await kari.update({ notify: { webhookUrl: 'https://93.184.216.34/hook' } });
    expect(saved.status, saved.text).toBe(200);
  });
});

describe('connecting to a webhook', () => {
  const to =
    (address: string): Resolve =>
    async () => [{ address, family: address.includes(':') ? 6 : 4 }];

  it('connects to the address it checked: a name resolved to the receiver reaches it where private ones are allowed', async () => {
    const hook = await receiver();
    const port = new URL(hook.url).port;
    const fetch = createGuardedFetch({ allowPrivate: () => true, resolve: to('127.0.0.1') });
    await createWebhookTransport({ fetch }).deliver(`http://hooks.example.test:${port}/hook`, {
      subject: 's',
      text: 't',
    });
    expect(hook.requests).toHaveLength(1);
  });

  it('refuses a name that resolves to a private address (rebinding), or to a public and a private one, and sends nothing', async () => {
    const hook = await receiver();
    const port = new URL(hook.url).port;
    const url = `http://hooks.example.test:${port}/hook`;
    const answers: Resolve[] = [
      to('127.0.0.1'),
      to('::ffff:127.0.0.1'),
      async () => [
        { address: '93.184.216.34', family: 4 },
        { address: '127.0.0.1', family: 4 },
      ],
    ];
    for (const resolve of answers) {
      const fetch = createGuardedFetch({ allowPrivate: () => false, resolve });
      await expect(
        createWebhookTransport({ fetch }).deliver(url, { subject: 's', text: 't' }),
      ).rejects.toThrow('webhook not_public');
    }
    // An address literal is checked without a lookup.
    const literal = createGuardedFetch({ allowPrivate: () => false, resolve: to('93.184.216.34') });
    await expect(
      createWebhookTransport({ fetch: literal }).deliver(hook.url, { subject: 's', text: 't' }),
    ).rejects.toThrow('webhook not_public');
    expect(hook.requests).toHaveLength(0);
  });

  it("a supporter's saved webhook whose name turns private is not posted to, and the failure says why", async () => {
    const hook = await receiver();
    harness = await createHarness({ env: { NOTIFY_DELAY_MINUTES: '0' } });
    const kari = await joinSupporter(harness);
    const saved = await kari.update({ notify: { webhookUrl: 'https://hooks.example.test/x' } });
    expect(saved.status, saved.text).toBe(200);
    await (await newDoctor(harness)).writeTo(kari, 'Hello');
    const logs: string[] = [];
    const notifier = createNodeNotifier(harness.relay.config, to('127.0.0.1'));
    const run = await runScheduledWork(harness.relay, notifier, {
      random: () => 0,
      log: deliveryLog(logs),
    });
    expect(run.notifications.failed).toBe(1);
    expect(logs.join('\n')).toContain('webhook not_public');
    expect(hook.requests).toHaveLength(0);
  });

  it('posts operator alerts to a private address only with OPERATOR_ALERT_WEBHOOK_ALLOW_PRIVATE=true', async () => {
    for (const allow of ['false', 'true']) {
      const hook = await receiver();
      harness?.dispose();
      harness = await createHarness({
        env: {
          OPERATOR_ALERT_WEBHOOK: hook.url,
          OPERATOR_ALERT_WEBHOOK_ALLOW_PRIVATE: allow,
          ALERT_WAITING_HOURS: '2',
        },
      });
      const kari = await joinSupporter(harness);
      await (await newDoctor(harness)).writeTo(kari, 'Hello');
      harness.clock.set('2026-11-27T16:30:00Z');
      await runScheduledWork(harness.relay, createNodeNotifier(harness.relay.config), {
        random: () => 0,
        log: () => {},
      });
      expect(hook.requests.length, `allow private: ${allow}`).toBe(allow === 'true' ? 1 : 0);
    }
  });
});
