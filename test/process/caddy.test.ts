/**
 * The relay as a deployer runs it (docs/deploy-node.md): its bundle in a
 * child process on 127.0.0.1, behind Debian's Caddy running the shipped
 * deploy/Caddyfile (test/support/caddy.ts), reached over HTTPS that trusts
 * only Caddy's internal CA. A real Chromium walks the doctor → supporter →
 * reply flow through it; the headers, the adapted configuration and every
 * file and log either process writes are checked for what must (not) be
 * there.
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../browser/chromium.ts';
import { checkPage, expectNoneCarry, poll, sendFromCompose } from '../browser/doctor-helpers.ts';
import { openPage } from '../browser/support.ts';
import {
  ARGON2_TIMEOUT,
  eventually,
  logInThroughPage,
  seedSupporter,
} from '../browser/supporter-helpers.ts';
import { type ApiResponse, newDoctor, overHttp, recording } from '../support/actors.ts';
import {
  CADDY,
  type CaddyProcess,
  requireCaddy,
  SHIPPED_CADDYFILE,
  startCaddy,
  stopStartedCaddies,
} from '../support/caddy.ts';
import { CONTENT_SECURITY_POLICY } from '../support/headers.ts';
import {
  type DatabaseFile,
  freePort,
  leakedSecrets,
  type RelayProcess,
  startRelay,
  stopStartedRelays,
} from '../support/process-helpers.ts';

const OPERATOR_TOKEN = 'caddy-test-operator-token-0123456789abcdef';
const HSTS = 'max-age=31536000; includeSubDomains';

// Unique for this run: finding one anywhere can only mean this run leaked it.
const tag = randomUUID().replaceAll('-', '');
/** Four hex digits of the tag as an IPv6 group is written canonically (no leading zeros). */
const group = (at: number) => Number.parseInt(tag.slice(at, at + 4), 16).toString(16);
const sentinel = {
  forwardedFor: `2001:db8:${group(0)}:${group(4)}::17`,
  forwarded: `sentinel-forwarded-${tag}`,
  realIp: `2001:db8:${group(8)}:${group(12)}::42`,
  userAgent: `SentinelAgent/7.7-${tag}`,
};
const SENTINEL_HEADERS = {
  'X-Forwarded-For': `${sentinel.forwardedFor}, 203.0.113.9`,
  Forwarded: `for="[${sentinel.forwardedFor}]";by=${sentinel.forwarded}`,
  'X-Real-IP': sentinel.realIp,
  'User-Agent': sentinel.userAgent,
};

let dir: string;
let relay: RelayProcess;
let caddy: CaddyProcess;
let browser: Browser;

beforeAll(async () => {
  requireCaddy();
  dir = mkdtempSync(join(tmpdir(), 'peer-relay-caddy-'));
  const [relayPort, httpsPort] = [await freePort(), await freePort()];
  relay = await startRelay({
    HOST: '127.0.0.1',
    PORT: String(relayPort),
    DATABASE_URL: `file:${join(dir, 'relay/relay.db')}`,
    OPERATOR_TOKEN,
    // As a deployer sets it behind Caddy: invite links and HSTS follow it.
    PUBLIC_URL: `https://127.0.0.1:${httpsPort}`,
    // The doctor's Web Worker still has to search, without taking long.
    POW_DIFFICULTY: '8',
  });
  caddy = await startCaddy(join(dir, 'caddy'), `127.0.0.1:${relayPort}`, httpsPort);
  browser = await launchBrowser([
    `--ignore-certificate-errors-spki-list=${caddy.caSpkiHash}`,
    // Every page request carries the sentinel User-Agent too.
    `--user-agent=${sentinel.userAgent}`,
  ]);
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await stopStartedCaddies();
  await stopStartedRelays();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The relay through Caddy, for the test actors, each request with the sentinel headers. */
function throughCaddy(answers: ApiResponse[] = []) {
  const https = overHttp(caddy.origin, OPERATOR_TOKEN, {
    timeoutMs: 15_000,
    dispatcher: caddy.dispatcher,
  });
  return recording(https, SENTINEL_HEADERS, answers);
}

describe('the doctor → supporter → reply flow through Caddy over HTTPS', () => {
  it(
    'a doctor writes on the page, the supporter reads and replies, the doctor reads the reply with the code',
    async () => {
      const passphrase = 'harbour lantern quiet meadow violet';
      const supporter = await seedSupporter(throughCaddy(), 'ingrid-caddy', passphrase);
      const text = `Behind the proxy, a hard week. doctor-${tag}`;
      const origin = caddy.origin;

      const doctor = await openPage(browser);
      const code = await sendFromCompose(doctor.page, origin, supporter, text);
      await checkPage(doctor, 'caddy-doctor-sent');
      expectNoneCarry(doctor.requests, [text, code]);
      await doctor.context.close();

      const inbox = await openPage(browser);
      await logInThroughPage(inbox.page, { url: origin }, { login: supporter.login, passphrase });
      const thread = inbox.page.locator('#conversations article.conversation');
      await eventually(() => thread.count()).toBe(1);
      expect(await thread.textContent()).toContain(text);
      await thread.getByRole('button', { name: 'Reply' }).click();
      const replyText = `Thursday at 18:30 suits me. reply-${tag}`;
      await thread.locator('textarea').fill(replyText);
      await thread.getByRole('button', { name: 'Send reply' }).click();
      await eventually(() => thread.locator('.entry-sent').count()).toBe(1);
      await checkPage(inbox, 'caddy-supporter-replied');
      await inbox.context.close();

      const reader = await openPage(browser);
      await reader.page.goto(`${origin}/mailbox`);
      await reader.page.getByRole('textbox', { name: 'Reply code' }).fill(code);
      await reader.page.getByRole('button', { name: 'Open my replies' }).click();
      const reply = reader.page.locator('#mailbox-replies > li');
      await poll(() => reply.count()).toBe(1);
      expect(await reply.locator('.doctor-reply-text').textContent()).toBe(replyText);
      await checkPage(reader, 'caddy-doctor-read-reply');

      // Every request of every page went to Caddy over HTTPS, none around it.
      for (const watched of [doctor, inbox, reader]) {
        expect(watched.requests.length).toBeGreaterThan(0);
        expect(watched.requests.filter((r) => !r.url.startsWith(`${origin}/`))).toEqual([]);
      }
      await reader.context.close();
    },
    4 * ARGON2_TIMEOUT,
  );
});

/** Headers a hop sets for itself, which no proxy passes on as they were. */
const HOP_BY_HOP = ['connection', 'keep-alive', 'transfer-encoding', 'date'];

function endToEndHeaders(headers: Headers): Record<string, string> {
  return Object.fromEntries([...headers].filter(([name]) => !HOP_BY_HOP.includes(name)));
}

describe('what Caddy passes on', () => {
  it('passes the relay’s headers (HSTS, CSP, caching, encoding) on a page, an asset and an API answer, adding only Alt-Svc and no Server', async () => {
    const direct = overHttp(relay.baseUrl, OPERATOR_TOKEN, { timeoutMs: 15_000 });
    const proxied = throughCaddy();
    const manifest = await direct.request('GET', '/.well-known/peer-relay-assets.json');
    const script = (manifest.body.assets as { path: string }[]).find((a) => a.path.endsWith('.js'));
    expect(script).toBeDefined();
    // The browser's own request headers, so the relay picks its precompressed file.
    const headers = { 'Accept-Encoding': 'br, gzip' };
    for (const path of ['/', script?.path ?? '', '/api/v1/supporters']) {
      const [plain, viaCaddy] = [
        await direct.request('GET', path, { headers }),
        await proxied.request('GET', path, { headers }),
      ];
      expect([path, plain.status, viaCaddy.status]).toEqual([path, 200, 200]);
      expect(viaCaddy.headers.get('strict-transport-security')).toBe(HSTS);
      expect(viaCaddy.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(viaCaddy.headers.get('server')).toBeNull();
      expect(viaCaddy.headers.get('alt-svc')).toMatch(/^h3=":\d+"; ma=\d+$/);
      const added = endToEndHeaders(viaCaddy.headers);
      delete added['alt-svc'];
      expect(added, path).toEqual(endToEndHeaders(plain.headers));
      expect(viaCaddy.text, path).toBe(plain.text);
    }
  });

  it('redirects plain HTTP to HTTPS, keeping the path and query', async () => {
    const response = await fetch(`${caddy.httpOrigin}/mailbox?lang=en`, { redirect: 'manual' });
    expect(response.status).toBe(308);
    const location = new URL(response.headers.get('location') ?? '');
    expect([location.protocol, location.hostname, location.pathname, location.search]).toEqual([
      'https:',
      '127.0.0.1',
      '/mailbox',
      '?lang=en',
    ]);
  });
});

describe('what reaches the relay', () => {
  it('carries neither the client’s address nor its User-Agent, whatever the client sent', async () => {
    // A stand-in relay that records the headers of every request it gets.
    const received: IncomingHttpHeaders[] = [];
    const upstream = createServer((request, response) => {
      received.push(request.headers);
      response.end('ok');
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    const { port } = upstream.address() as AddressInfo;
    const proxy = await startCaddy(
      join(dir, 'caddy-upstream'),
      `127.0.0.1:${port}`,
      await freePort(),
    );
    try {
      received.length = 0;
      const client = overHttp(proxy.origin, '', { dispatcher: proxy.dispatcher });
      const response = await client.request('GET', '/api/v1/supporters', {
        headers: SENTINEL_HEADERS,
      });
      expect(response.text).toBe('ok');
      expect(received).toHaveLength(1);
      const headers = received[0] ?? {};
      expect(headers['x-forwarded-proto']).toBe('https');
      for (const name of ['x-forwarded-for', 'forwarded', 'x-real-ip']) {
        expect(headers[name], name).toBeUndefined();
      }
      expect(headers['user-agent']).not.toContain('Sentinel');
      expect(JSON.stringify(headers)).not.toMatch(new RegExp(`${tag}|2001:db8|203\\.0\\.113`));
    } finally {
      await proxy.stop();
      upstream.closeAllConnections();
      upstream.close();
    }
  });
});

interface AdaptedServer {
  logs?: unknown;
  routes?: unknown;
}

describe('the shipped Caddyfile', () => {
  it('keeps no access log and drops the request-carrying loggers, the client’s address and its User-Agent', () => {
    const adapted = JSON.parse(
      execFileSync(CADDY, ['adapt', '--config', SHIPPED_CADDYFILE, '--adapter', 'caddyfile'], {
        encoding: 'utf8',
        env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: dir },
      }),
    );
    const servers = Object.entries(adapted.apps.http.servers as Record<string, AdaptedServer>);
    expect(servers.map(([name]) => name)).toEqual(['srv0']);
    for (const [, server] of servers) expect(server.logs).toBeUndefined();
    expect(adapted.logging.logs.default.exclude.sort()).toEqual([
      'http.handlers.reverse_proxy',
      'http.log.error',
    ]);
    const routes = JSON.stringify(servers[0]?.[1].routes);
    expect(routes).toContain(
      '"request":{"delete":["X-Forwarded-For","Forwarded","X-Real-IP","User-Agent"]}',
    );
    expect(routes).not.toContain('"handler":"encode"');
    expect(adapted.apps.pki.certificate_authorities.local.install_trust).toBe(false);
  });
});

/** Every file under `root`, as raw bytes, named by its path under it. */
function filesUnder(root: string): DatabaseFile[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const path = join(entry.parentPath, entry.name);
      return { name: relative(root, path), bytes: readFileSync(path) };
    });
}

// Last, as it stops the relay and Caddy to read everything they wrote.
describe('nothing about the client reaches a file', () => {
  it('keeps the sentinel address and User-Agent out of the relay’s database and logs and out of Caddy’s output and data', async () => {
    // The API flow with the sentinel headers on every request: join, write, read, reply.
    const answers: ApiResponse[] = [];
    const https = throughCaddy(answers);
    const supporter = await seedSupporter(
      https,
      'sentinel-caddy',
      'amber kettle lumen orbit fjord',
    );
    const doctor = await newDoctor(https);
    await doctor.writeTo(supporter, `sentinel flow ${tag}`, { pow: true });
    const [received] = await supporter.readInbox();
    if (received === undefined) throw new Error('the supporter received nothing');
    expect((await supporter.tryReply(received.message, 'Reply.')).response.status).toBe(202);
    expect((await doctor.readReplies(supporter)).map((reply) => reply.text)).toEqual(['Reply.']);
    expect((await https.request('GET', `/api/v1/supporters/${tag}`)).status).toBe(404);
    expect(answers.every((answer) => answer.headers.get('server') === null)).toBe(true);

    // With the relay gone, Caddy's failed request must not be logged with its client either.
    relay.signal('SIGTERM');
    // A hang guard, not a timing: the full suite shares two cores with two Chromiums.
    expect((await relay.waitForExit(30_000)).code).toBe(0);
    expect((await https.request('GET', '/api/v1/supporters')).status).toBe(502);
    await stopStartedCaddies();

    const files = [
      ...filesUnder(dir),
      { name: 'relay stdout', bytes: Buffer.from(relay.stdout()) },
      { name: 'relay stderr', bytes: Buffer.from(relay.stderr()) },
      { name: 'caddy output', bytes: Buffer.from(caddy.output()) },
    ];
    // The scan has something to find: the relay's database and Caddy's own files.
    expect(files.map((file) => file.name)).toEqual(
      expect.arrayContaining(['relay/relay.db', 'caddy/config/caddy/autosave.json']),
    );
    expect(caddy.output()).toContain('serving initial configuration');
    expect(leakedSecrets(files, sentinel)).toEqual([]);
  }, 60_000);
});
