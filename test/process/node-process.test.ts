/**
 * The real server, as `npm start` runs it: its bundle under plain `node`
 * (built into dist-test/ by test/process/global-setup.ts) in a child
 * process, on a libSQL file in a temporary directory, spoken to over real
 * HTTP on 127.0.0.1. Covers what only a process shows: the generated
 * operator token and server secret, what reaches stdout and stderr, signals
 * and clean shutdown, and start-up failures.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { capabilityHash } from '../../src/crypto.ts';
import { fromB64, toB64 } from '../../web/src/protocol/index.ts';
import {
  type ApiResponse,
  createInvite,
  joinSupporter,
  newDoctor,
  overHttp,
  type RequestOptions,
  recording,
  type Transport,
} from '../support/actors.ts';
import {
  filesContaining,
  freePort,
  getOnNewConnection,
  leakedSecrets,
  middleSlice,
  postHeldInFlight,
  type RelayProcess,
  readDatabaseFiles,
  spawnRelay,
  startRelay,
  stopStartedRelays,
  within,
} from '../support/process-helpers.ts';

const OPERATOR_LINE = /^Operator token \(shown once[^\n]*: ([A-Za-z0-9_-]+)$/m;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'peer-relay-process-'));
});
afterEach(async () => {
  await stopStartedRelays();
  rmSync(dir, { recursive: true, force: true });
});

function dbPathIn(directory: string): string {
  return join(directory, 'relay.db');
}

async function relayEnv(dbPath = dbPathIn(dir)): Promise<Record<string, string>> {
  return {
    DATABASE_URL: `file:${dbPath}`,
    PORT: String(await freePort()),
    HOST: '127.0.0.1',
    POW_DIFFICULTY: '0',
  };
}

function walSize(dbPath: string): number {
  return statSync(`${dbPath}-wal`, { throwIfNoEntry: false })?.size ?? 0;
}

/** The relay process over HTTP, as the actors reach it; every request answered within 10 s. */
function httpOf(relay: RelayProcess, operator = ''): Transport {
  return overHttp(relay.baseUrl, operator, { timeoutMs: 10_000 });
}

function call(
  relay: RelayProcess,
  method: string,
  path: string,
  options: RequestOptions = {},
): Promise<ApiResponse> {
  return httpOf(relay).request(method, path, options);
}

/** The token of the `Operator token …` line, printed right after the `listening` line. */
async function operatorToken(relay: RelayProcess): Promise<string> {
  const match = await relay.waitForStdout(OPERATOR_LINE, 10_000);
  if (!match[1]) throw new Error(`no operator token on stdout:\n${relay.stdout()}`);
  return match[1];
}

async function stop(relay: RelayProcess, signal: NodeJS.Signals = 'SIGTERM') {
  relay.signal(signal);
  return relay.waitForExit(10_000);
}

async function readSettings(dbPath: string): Promise<Record<string, string>> {
  const client = createClient({ url: `file:${dbPath}` });
  try {
    const result = await client.execute('select key, value from settings');
    return Object.fromEntries(result.rows.map((row) => [String(row.key), String(row.value)]));
  } finally {
    client.close();
  }
}

describe('first start', () => {
  it('prints the generated operator token exactly once, and that token opens /api/v1/admin/health', async () => {
    const relay = await startRelay(await relayEnv());
    const token = await operatorToken(relay);
    expect(relay.stdout().match(/Operator token/g)).toHaveLength(1);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const health = await call(relay, 'GET', '/api/v1/admin/health', { token });
    expect(health.status).toBe(200);
    expect(health.body.database).toEqual({ reachable: true });
    const wrong = await call(relay, 'GET', '/api/v1/admin/health', {
      token: `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`,
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('unauthorized');
    expect((await call(relay, 'GET', '/api/v1/admin/health')).status).toBe(401);
    expect(relay.stderr()).toBe('');
  });

  it('keeps only the hash of the operator token, and a generated SERVER_SECRET, in the settings table', async () => {
    const dbPath = dbPathIn(dir);
    const relay = await startRelay(await relayEnv(dbPath));
    const token = await operatorToken(relay);
    expect((await stop(relay)).code).toBe(0);

    const settings = await readSettings(dbPath);
    expect(Object.keys(settings).sort()).toEqual(['operator_token_hash', 'server_secret']);
    expect(settings.server_secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(settings.operator_token_hash).toBe(capabilityHash(token));
    expect(leakedSecrets(readDatabaseFiles(dbPath), { operatorToken: token })).toEqual([]);
  });

  it('creates the data directory when DATABASE_URL points into a missing nested directory', async () => {
    const dbPath = join(dir, 'not', 'yet', 'there', 'relay.db');
    const relay = await startRelay(await relayEnv(dbPath));
    expect(statSync(dbPath).isFile()).toBe(true);
    expect((await call(relay, 'GET', '/readyz')).body).toEqual({ status: 'ready' });
    expect((await stop(relay)).code).toBe(0);
  });

  it('starts from the production bundle as npm start runs it, serves pages and stops cleanly', async () => {
    const relay = await startRelay(await relayEnv(), 'bundle');
    expect((await call(relay, 'GET', '/readyz')).body).toEqual({ status: 'ready' });
    const page = await fetch(`${relay.baseUrl}/write`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('/assets/write.js');
    // Compressed as built, over a real connection; fetch decodes it again.
    const script = await fetch(`${relay.baseUrl}/assets/write.js`, {
      headers: { 'Accept-Encoding': 'br' },
    });
    expect(script.headers.get('Content-Encoding')).toBe('br');
    expect(await script.text()).toBe(readFileSync('web/dist/assets/write.js', 'utf8'));
    expect(await stop(relay)).toEqual({ code: 0, signal: null });
  });

  it('also starts through node_modules/.bin/tsx and stops cleanly on SIGTERM', async () => {
    const relay = await startRelay(await relayEnv(), 'tsx-bin');
    const live = await call(relay, 'GET', '/healthz');
    expect(live.status).toBe(200);
    expect(live.body).toEqual({ status: 'ok' });
    expect(await stop(relay)).toEqual({ code: 0, signal: null });
  });
});

describe('restart', () => {
  it('keeps SERVER_SECRET and the operator token: no new token is printed and the first one still works', async () => {
    const dbPath = dbPathIn(dir);
    const env = await relayEnv(dbPath);
    const first = await startRelay(env);
    const token = await operatorToken(first);
    // Fake login parameters are derived from the server secret: same secret, same answer.
    const fakeBefore = await call(first, 'POST', '/api/v1/session/params', {
      body: { login: 'nobody-by-this-name' },
    });
    expect(fakeBefore.status).toBe(200);
    expect((await stop(first)).code).toBe(0);
    const secretBefore = (await readSettings(dbPath)).server_secret;
    expect(secretBefore).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const second = await startRelay({ ...env, PORT: String(await freePort()) });
    expect(second.stdout()).not.toMatch(/Operator token/);
    expect((await call(second, 'GET', '/api/v1/admin/health', { token })).status).toBe(200);
    const fakeAfter = await call(second, 'POST', '/api/v1/session/params', {
      body: { login: 'nobody-by-this-name' },
    });
    expect(fakeAfter.body).toEqual(fakeBefore.body);
    expect((await stop(second)).code).toBe(0);
    expect(second.stdout()).not.toMatch(/Operator token/);

    const settings = await readSettings(dbPath);
    expect(settings.server_secret).toBe(secretBefore);
    expect(settings.operator_token_hash).toBe(capabilityHash(token));
  });
});

describe('over real HTTP, nothing about the requester is kept', () => {
  it('keeps IP, user-agent and referrer sentinels out of stdout, stderr, the database files, /metrics and error bodies', async () => {
    const dbPath = dbPathIn(dir);
    const relay = await startRelay(await relayEnv(dbPath));
    const operator = await operatorToken(relay);
    const tag = crypto.randomUUID().replaceAll('-', '');
    const sentinels = {
      'X-Forwarded-For': '203.0.113.77',
      'CF-Connecting-IP': '198.51.100.99',
      'User-Agent': `SentinelAgent/9.9-${tag}`,
      Referer: `https://sentinel-referer.example/${tag}`,
    };
    const needles = [
      '203.0.113.77',
      '198.51.100.99',
      'SentinelAgent',
      'sentinel-referer.example',
      tag,
    ];
    const responses: ApiResponse[] = [];
    // Every request the actors send carries the sentinel headers; every answer is kept.
    const http = recording(httpOf(relay, operator), sentinels, responses);
    const send = http.request;

    // The full flow, every request with the sentinel headers.
    const { token: inviteToken } = await createInvite(http);
    const supporter = await joinSupporter(http, { invite: inviteToken });
    const directory = await send('GET', '/api/v1/supporters');
    expect(directory.body.supporters.map((s: { id: string }) => s.id)).toEqual([supporter.id]);
    expect((await send('GET', '/api/v1/pow')).status).toBe(200);
    const doctor = await newDoctor(http);
    const messageText = `ProcessPlaintext-${tag}`;
    const { sealed, response: submitted } = await doctor.tryWriteTo(
      { id: supporter.id, publicKey: fromB64(directory.body.supporters[0].boxPublicKey) },
      messageText,
    );
    expect(submitted.status).toBe(202);
    const inbox = await supporter.readInbox();
    expect(inbox.map((received) => received.message.text)).toEqual([messageText]);
    const opened = inbox[0]!.message;
    expect((await supporter.ack([sealed.id])).body).toEqual({ deleted: 1 });
    const replyText = `ProcessReply-${tag}`;
    const { reply, response: replied } = await supporter.tryReply(opened, replyText);
    expect(replied.status).toBe(202);
    const [readReply] = await doctor.readReplies(supporter);
    expect(readReply?.text).toBe(replyText);
    expect((await doctor.ackReplies([reply.id])).body).toEqual({ deleted: 1 });

    // Failing requests that carry the sentinels in their content as well.
    const failures: [ApiResponse, number, string][] = [
      [await send('GET', `/api/v1/nothing-${tag}`), 404, 'not_found'],
      [await send('GET', `/api/v1/supporters/${tag}`), 404, 'supporter_not_found'],
      [await send('GET', '/api/v1/inbox', { token: tag }), 401, 'unauthorized'],
      [
        await send('POST', '/api/v1/session', {
          body: { login: `SentinelAgent${tag}`, authKey: toB64(new Uint8Array(32)) },
        }),
        401,
        'invalid_credentials',
      ],
      [await send('POST', '/api/v1/session', { body: `{"login":"${tag}"` }), 400, 'invalid_json'],
      [
        await send('POST', '/api/v1/session', {
          body: `{"login":"${tag}"}`,
          headers: { 'Content-Type': 'text/plain' },
        }),
        415,
        'unsupported_media_type',
      ],
      [
        await send('POST', '/api/v1/messages', {
          body: { supporterId: tag, ciphertext: `${tag}+=`, mailbox: { id: tag, readToken: tag } },
        }),
        400,
        'bad_encoding',
      ],
      [
        await send('POST', '/api/v1/mailbox/open', {
          body: { id: doctor.key.id, readToken: toB64(new Uint8Array(32)) },
        }),
        404,
        'mailbox_not_found',
      ],
      [await send('PUT', '/api/v1/pow', { body: { tag } }), 405, 'method_not_allowed'],
      [
        await send('POST', '/api/v1/session', { body: `{"x":"${tag}${' '.repeat(70_000)}"}` }),
        413,
        'payload_too_large',
      ],
      [await send('GET', '/metrics', { token: tag }), 401, 'unauthorized'],
    ];
    for (const [response, status, code] of failures) {
      expect({ status: response.status, body: response.body }).toEqual({
        status,
        body: { error: { code, message: expect.any(String) } },
      });
    }

    const metrics = await send('GET', '/metrics', { token: operator });
    expect(metrics.status).toBe(200);
    expect(metrics.text).toMatch(/^# (HELP|TYPE) /m);

    const filesWhileRunning = readDatabaseFiles(dbPath);
    expect((await stop(relay)).code).toBe(0);
    const filesAfterStop = readDatabaseFiles(dbPath);
    expect(walSize(dbPath)).toBe(0);

    const places: [string, string][] = [
      ['stdout', relay.stdout()],
      ['stderr', relay.stderr()],
      ['/metrics', metrics.text],
      ...responses.map((r, i): [string, string] => [`response ${i} (${r.status})`, r.text]),
    ];
    for (const needle of needles) {
      for (const [where, text] of places) {
        expect(text.toLowerCase().includes(needle.toLowerCase()), `${needle} in ${where}`).toBe(
          false,
        );
      }
    }
    const asSecrets = Object.fromEntries(needles.map((needle) => [needle, needle]));
    expect(leakedSecrets(filesWhileRunning, asSecrets)).toEqual([]);
    expect(leakedSecrets(filesAfterStop, asSecrets)).toEqual([]);

    // Capabilities and content never reach the logs or the files either.
    const secrets = {
      messageText,
      replyText,
      readToken: doctor.key.readToken,
      sessionToken: supporter.token,
      inviteToken,
      authKey: supporter.authKey,
    };
    for (const [label, secret] of Object.entries(secrets)) {
      expect(relay.stdout(), label).not.toContain(secret);
      expect(relay.stderr(), label).not.toContain(secret);
    }

    // What it logged is JSON, a line each, with the fixed keys: listening, stopping.
    // The one other line is the operator token shown once at a first start.
    const lines = `${relay.stdout()}${relay.stderr()}`.split('\n').filter((line) => line !== '');
    const logLines = lines.filter((line) => !OPERATOR_LINE.test(line));
    expect(logLines.length).toBe(lines.length - 1);
    const entries = logLines.map((line) => JSON.parse(line) as Record<string, unknown>);
    for (const entry of entries) {
      expect(Object.keys(entry).slice(0, 3)).toEqual(['level', 'event', 'hour']);
      expect(entry.hour).toMatch(/^\d{4}-\d\d-\d\dT\d\d:00:00Z$/);
    }
    expect(entries.map((entry) => entry.event)).toEqual(['listening', 'stopping']);
    expect(leakedSecrets(filesAfterStop, secrets)).toEqual([]);
    expect(relay.stderr()).toBe('');
  });
});

describe('shutdown', () => {
  it('answers a request in flight at SIGTERM, exits 0, leaves an empty WAL and keeps the message', async () => {
    const dbPath = dbPathIn(dir);
    const env = await relayEnv(dbPath);
    const relay = await startRelay(env);
    const supporter = await joinSupporter(httpOf(relay, await operatorToken(relay)));
    const { sealed, body } = await (await newDoctor()).sealFor(
      supporter,
      'Sent while the relay stops.',
    );

    // Headers are in, the body is not: SIGTERM arrives with the request in flight.
    const answer = await postHeldInFlight(
      `${relay.baseUrl}/api/v1/messages`,
      { 'Content-Type': 'application/json' },
      JSON.stringify(body),
      async () => {
        relay.signal('SIGTERM');
        await relay.waitForStdout(/"event":"stopping".*"signal":"SIGTERM"/, 10_000);
      },
    );
    expect(answer.status).toBe(202);
    expect(JSON.parse(answer.text)).toMatchObject({ id: sealed.id, status: 'queued' });
    expect(await relay.waitForExit(10_000)).toEqual({ code: 0, signal: null });
    expect(walSize(dbPath)).toBe(0);
    expect(relay.stderr()).toBe('');

    const again = await startRelay({ ...env, PORT: String(await freePort()) });
    const inbox = await call(again, 'GET', '/api/v1/inbox', { token: supporter.token });
    expect(inbox.body.messages.map((m: { id: string }) => m.id)).toEqual([sealed.id]);
    expect((await stop(again)).code).toBe(0);
  });

  it('cuts off a request still in flight after the stop grace, and exits 0', async () => {
    const relay = await startRelay(await relayEnv());
    // Headers are in and the body never comes: the stop must not wait for
    // REQUEST_TIMEOUT_SECONDS, let alone for ever.
    const held = postHeldInFlight(
      `${relay.baseUrl}/api/v1/session/params`,
      { 'Content-Type': 'application/json' },
      JSON.stringify({ login: 'nobody-at-all' }),
      async () => {
        relay.signal('SIGTERM');
        await relay.waitForExit(20_000);
      },
    ).catch((error: unknown) => error);
    expect(await relay.waitForExit(20_000)).toEqual({ code: 0, signal: null });
    expect(relay.stderr()).toMatch(/"level":"warn","event":"stop_forced".*"afterSeconds":5/);
    expect(await held).toBeInstanceOf(Error);
  });

  it('refuses new connections once SIGTERM has arrived', async () => {
    const relay = await startRelay(await relayEnv());
    const supporter = await joinSupporter(httpOf(relay, await operatorToken(relay)));
    let refused: number | string | undefined;
    const held = await postHeldInFlight(
      `${relay.baseUrl}/api/v1/session/params`,
      { 'Content-Type': 'application/json' },
      JSON.stringify({ login: supporter.login }),
      async () => {
        relay.signal('SIGTERM');
        await relay.waitForStdout(/SIGTERM/, 10_000);
        refused = await getOnNewConnection(`${relay.baseUrl}/healthz`);
      },
    );
    expect(held.status).toBe(200);
    // Refused, or reset if it raced into the backlog as the listener closed: never served.
    expect(['ECONNREFUSED', 'ECONNRESET']).toContain(refused);
    expect((await relay.waitForExit(10_000)).code).toBe(0);
  });

  it('checkpoints soon after an ack while running, so the ciphertext leaves the files, and exits 0 on SIGTERM', async () => {
    const dbPath = dbPathIn(dir);
    const relay = await startRelay(await relayEnv(dbPath));
    const supporter = await joinSupporter(httpOf(relay, await operatorToken(relay)));
    const { sealed, response: submitted } = await (await newDoctor(supporter.relay)).tryWriteTo(
      supporter,
      'x',
    );
    expect(submitted.status).toBe(202);
    const slice = middleSlice(sealed.ciphertext);
    expect(filesContaining(readDatabaseFiles(dbPath), slice)).not.toEqual([]);

    const acked = await supporter.ack([sealed.id]);
    expect(acked.body).toEqual({ deleted: 1 });
    // No shutdown needed: the relay checkpoints on its own shortly after a deletion.
    await within(
      (async () => {
        while (
          walSize(dbPath) > 0 ||
          filesContaining(readDatabaseFiles(dbPath), slice).length > 0
        ) {
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      })(),
      10_000,
      'the WAL to be checkpointed after the ack',
    );
    expect(await stop(relay, 'SIGTERM')).toEqual({ code: 0, signal: null });
    expect(walSize(dbPath)).toBe(0);
    expect(filesContaining(readDatabaseFiles(dbPath), slice)).toEqual([]);
  });

  it('exits 0 on SIGINT, with the WAL emptied', async () => {
    const dbPath = dbPathIn(dir);
    const relay = await startRelay(await relayEnv(dbPath));
    await joinSupporter(httpOf(relay, await operatorToken(relay)));
    expect(walSize(dbPath)).toBeGreaterThan(0);
    expect(await stop(relay, 'SIGINT')).toEqual({ code: 0, signal: null });
    expect(relay.stdout()).toMatch(/SIGINT/);
    expect(walSize(dbPath)).toBe(0);
    expect(relay.stderr()).toBe('');
  });
});

describe('start-up failures', () => {
  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['PORT', '0'],
    ['POW_DIFFICULTY', 'lots'],
    ['PUBLIC_URL', 'relay.example.org'],
    ['OPERATOR_TOKEN', 'too-short'],
  ])(
    'exits 1 with one clear line naming %s when it is %s, and creates no database',
    async (name, value) => {
      const dbPath = join(dir, 'data', 'relay.db');
      const relay = spawnRelay({ ...(await relayEnv(dbPath)), [name]: value });
      const exit = await relay.waitForExit(20_000);
      expect(exit).toEqual({ code: 1, signal: null });
      const lines = relay.stderr().trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(JSON.parse(lines[0] ?? '')).toEqual({
        level: 'error',
        event: 'config_invalid',
        hour: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:00:00Z$/),
        message: expect.stringContaining(name),
      });
      expect(relay.stdout()).not.toMatch(/"event":"listening"/);
      expect(statSync(join(dir, 'data'), { throwIfNoEntry: false })).toBeUndefined();
    },
  );
});
