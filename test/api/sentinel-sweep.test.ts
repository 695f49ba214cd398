/**
 * The sentinel sweep of privacy promises 2 and 5, over every endpoint and
 * every kind of answer: each request carries proxy and browser headers with
 * sentinel values (and failing requests carry sentinels in their query and
 * body too). Afterwards none of them may be found in the database files
 * (relay.db, -wal, -shm, -journal), in anything the relay logged (every
 * line it wrote to the console, each one JSON with its fixed keys), in
 * /metrics, in the operator's figures, or in any response body.
 */
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runScheduledWork } from '../../src/domain/scheduler.ts';
import { fromB64, openDoctorMessage, toB64 } from '../../web/src/protocol/index.ts';
import { joinSupporter, newDoctor, type Supporter } from '../support/actors.ts';
import { createHarness, type Harness, OPERATOR_TOKEN } from '../support/harness.ts';
import type { ApiResponse } from '../support/transport.ts';

const tag = toB64(crypto.getRandomValues(new Uint8Array(9)));
const SENTINELS = {
  ip: '203.0.113.201',
  cfIp: '198.51.100.202',
  realIp: '192.0.2.203',
  agent: `SweepAgent/${tag}`,
  referer: `https://sweep-referer.example/${tag}`,
  cookie: `sweepcookie${tag}`,
  query: `sweepquery${tag}`,
  body: `sweepbody${tag}`,
};
const headers = {
  'X-Forwarded-For': `${SENTINELS.ip}, 10.0.0.1`,
  'CF-Connecting-IP': SENTINELS.cfIp,
  'X-Real-IP': SENTINELS.realIp,
  Forwarded: `for=${SENTINELS.ip};proto=https`,
  'User-Agent': SENTINELS.agent,
  Referer: SENTINELS.referer,
  Cookie: `session=${SENTINELS.cookie}`,
};

let harness: Harness;
let supporter: Supporter;
const responses: ApiResponse[] = [];
/** Every line the relay wrote to the console during the sweep. */
const logged: string[] = [];

async function call(
  method: string,
  path: string,
  options: { body?: unknown; token?: string } = {},
) {
  const response = await harness.request(method, path, { ...options, headers });
  responses.push(response);
  return response;
}

const bad = SENTINELS.body;
const q = `?sweep=${SENTINELS.query}`;

beforeAll(async () => {
  for (const method of ['log', 'info', 'warn', 'error'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      logged.push(args.map(String).join(' '));
    });
  }
  // A webhook that refuses the connection, so the scheduled work has a failure to log.
  harness = await createHarness({ env: { POW_DIFFICULTY: '0', WEBHOOK_ALLOW_PRIVATE: 'true' } });
  supporter = await joinSupporter(harness);
  const doctor = await newDoctor();
  const { body, sealed } = await doctor.sealFor(supporter, 'sweep');
  const unsent = (await doctor.sealFor(supporter, 'never stored')).body;

  // Every endpoint answering successfully.
  await call('GET', `/api/v1/supporters${q}`);
  await call('GET', `/api/v1/supporters/${supporter.id}${q}`);
  await call('GET', `/api/v1/pow${q}`);
  await call('GET', `/api/v1/site${q}`);
  expect((await call('POST', '/api/v1/messages', { body })).status).toBe(202);
  expect((await call('POST', '/api/v1/messages', { body })).status).toBe(200);
  await call('POST', '/api/v1/session/params', { body: { login: supporter.login } });
  const session = await call('POST', '/api/v1/session', {
    body: { login: supporter.login, authKey: supporter.authKey },
  });
  const token: string = session.body.token;
  const inbox = await call('GET', `/api/v1/inbox${q}`, { token });
  const opened = await openDoctorMessage(
    fromB64(inbox.body.messages[0].ciphertext),
    supporter.publicKey,
    supporter.secretKey,
  );
  await call('POST', '/api/v1/inbox/ack', { token, body: { ids: [sealed.id] } });
  const reply = await supporter.sealReply(opened, 'sweep reply');
  await call('POST', '/api/v1/replies', {
    token,
    body: { mailboxId: reply.mailboxId, ciphertext: toB64(reply.ciphertext) },
  });
  await call('POST', '/api/v1/mailbox/open', { body: doctor.key });
  await call('POST', '/api/v1/mailbox/ack', { body: { ...doctor.key, replyIds: [reply.id] } });
  // PROTOCOL.md §10: a kept copy, the supporter's archive, a deleted mailbox.
  const keeper = await newDoctor();
  const kept = await keeper.sealFor(supporter, 'sweep copy', { keepCopy: true });
  expect((await call('POST', '/api/v1/messages', { body: kept.body })).status).toBe(202);
  await call('POST', '/api/v1/mailbox/open', { body: keeper.key });
  const archived = {
    id: toB64(new Uint8Array(16).fill(7)),
    ciphertext: toB64(new Uint8Array(1064)),
  };
  expect((await call('POST', '/api/v1/archive', { token, body: archived })).status).toBe(200);
  await call('GET', `/api/v1/archive${q}`, { token });
  await call('POST', '/api/v1/archive/delete', { token, body: { ids: [archived.id] } });
  expect((await call('POST', '/api/v1/mailbox/delete', { body: keeper.key })).status).toBe(200);
  expect((await call('POST', '/api/v1/messages', { body: kept.body })).status).toBe(200);
  await call('GET', `/api/v1/me${q}`, { token });
  await call('PATCH', '/api/v1/me', { token, body: { status: 'available' } });
  const hook = { notify: { webhookUrl: 'http://127.0.0.1:9/peer-relay-hook' } };
  expect((await call('PATCH', '/api/v1/me', { token, body: hook })).status).toBe(200);
  await call('GET', `/api/v1/me/counts${q}`, { token });
  await call('GET', `/api/v1/me/counts.csv${q}`, { token });
  await call('POST', '/api/v1/admin/invites', { token: OPERATOR_TOKEN, body: {} });
  await call('GET', `/api/v1/admin/supporters${q}`, { token: OPERATOR_TOKEN });
  await call('PATCH', `/api/v1/admin/supporters/${supporter.id}`, {
    token: OPERATOR_TOKEN,
    body: { active: true },
  });
  await call('GET', `/api/v1/admin/health${q}`, { token: OPERATOR_TOKEN });
  await call('GET', `/healthz${q}`);
  await call('GET', `/readyz${q}`);
  await call('GET', `/metrics${q}`, { token: OPERATOR_TOKEN });

  // An unknown login is answered with fake parameters, and nothing is kept of it.
  await call('POST', '/api/v1/session/params', { body: { login: bad } });

  // Every kind of refusal, with sentinels in the query and the body.
  const refusals: [string, string, { body?: unknown; token?: string }][] = [
    ['GET', `/api/v1/supporters/${bad}${q}`, {}],
    [
      'POST',
      `/api/v1/messages${q}`,
      { body: { supporterId: bad, ciphertext: bad, mailbox: { id: bad, readToken: bad } } },
    ],
    ['POST', '/api/v1/messages', { body: { ...unsent, supporterId: bad } }],
    ['POST', '/api/v1/messages', { body: `{"supporterId": "${bad}"` }],
    [
      'POST',
      '/api/v1/mailbox/open',
      { body: { id: doctor.key.id, readToken: toB64(new Uint8Array(32)) } },
    ],
    ['POST', '/api/v1/mailbox/ack', { body: { id: bad, readToken: bad, replyIds: [bad] } }],
    ['POST', '/api/v1/supporters', { body: { invite: bad, login: bad } }],
    ['POST', '/api/v1/session', { body: { login: bad, authKey: toB64(new Uint8Array(32)) } }],
    ['DELETE', '/api/v1/session', { token: bad }],
    ['GET', `/api/v1/inbox${q}`, { token: bad }],
    ['POST', '/api/v1/inbox/ack', { token, body: { ids: bad } }],
    ['POST', '/api/v1/replies', { token, body: { mailboxId: bad, ciphertext: bad } }],
    ['PATCH', '/api/v1/me', { token, body: { awayUntil: bad } }],
    [
      'PUT',
      '/api/v1/me/vault',
      { token, body: { authKey: toB64(new Uint8Array(32)), newAuthKey: bad } },
    ],
    ['DELETE', '/api/v1/me', { token: bad }],
    ['POST', '/api/v1/archive', { token, body: { id: bad, ciphertext: bad, expiresInDays: bad } }],
    ['POST', '/api/v1/archive', { token: bad, body: { id: bad } }],
    ['GET', `/api/v1/archive?cursor=${bad}`, { token }],
    ['GET', `/api/v1/archive${q}`, { token: bad }],
    ['POST', '/api/v1/archive/delete', { token, body: { ids: bad } }],
    ['POST', '/api/v1/mailbox/delete', { body: { id: bad, readToken: bad } }],
    ['POST', '/api/v1/mailbox/delete', { body: keeper.key }],
    [
      'POST',
      '/api/v1/messages',
      { body: { ...(await keeper.sealFor(supporter, 'after deletion')).body, copy: bad } },
    ],
    ['POST', '/api/v1/messages', { body: (await keeper.sealFor(supporter, 'gone')).body }],
    ['POST', '/api/v1/admin/invites', { token: bad, body: { note: bad } }],
    ['PATCH', `/api/v1/admin/supporters/${bad}`, { token: OPERATOR_TOKEN, body: { active: true } }],
    ['GET', `/metrics${q}`, { token: bad }],
    ['PUT', `/api/v1/pow${q}`, {}],
    ['GET', `/api/v1/${bad}${q}`, {}],
    ['GET', `/${bad}${q}`, {}],
    ['POST', '/api/v1/messages', { body: 'x'.repeat(70_000) + bad }],
  ];
  for (const [method, path, options] of refusals) {
    const response = await call(method, path, options);
    expect(response.status, `${method} ${path}`).toBeGreaterThanOrEqual(400);
    expect(response.status, `${method} ${path}`).toBeLessThan(500);
  }

  // The scheduled work and a checkpoint, so the files are as they settle.
  const scheduled = await runScheduledWork(harness.relay, undefined, { random: () => 0 });
  expect(scheduled.notifications.failed).toBe(1);
  await harness.node.store.checkpoint();
});
afterAll(() => {
  vi.restoreAllMocks();
  harness?.dispose();
});

function databaseBytes(): Buffer {
  return Buffer.concat(
    ['', '-wal', '-shm', '-journal']
      .map((suffix) => `${harness.dbPath}${suffix}`)
      .filter((path) => existsSync(path))
      .map((path) => readFileSync(path)),
  );
}

describe('sentinels sent with every request', () => {
  it.each(Object.entries(SENTINELS))('%s appears in no database file', (_, sentinel) => {
    expect(databaseBytes().includes(Buffer.from(sentinel))).toBe(false);
  });

  it.each(Object.entries(SENTINELS))('%s appears in no response body', (_, sentinel) => {
    const leaking = responses.filter((response) => response.text.includes(sentinel));
    expect(leaking.map((response) => response.text.slice(0, 120))).toEqual([]);
  });

  it('appear in nothing the relay logged, in /metrics or in the operator figures', async () => {
    const errors = harness.errors
      .map((error) => String(error instanceof Error ? error.stack : error))
      .join('\n');
    const metrics = (await harness.request('GET', '/metrics', { token: OPERATOR_TOKEN })).text;
    const health = (await harness.request('GET', '/api/v1/admin/health', { token: OPERATOR_TOKEN }))
      .text;
    const list = (
      await harness.request('GET', '/api/v1/admin/supporters', { token: OPERATOR_TOKEN })
    ).text;
    for (const sentinel of Object.values(SENTINELS)) {
      const log = logged.join('\n');
      for (const [where, text] of Object.entries({ log, errors, metrics, health, list })) {
        expect(text.includes(sentinel), `${sentinel} in ${where}`).toBe(false);
      }
    }
    expect(responses.length).toBeGreaterThan(45);
    expect(responses.some((response) => response.status >= 400)).toBe(true);
  });

  it('were logged as JSON lines of fixed keys only, one of them the failed webhook', () => {
    const entries = logged.map((line) => JSON.parse(line) as Record<string, unknown>);
    for (const entry of entries) {
      expect(Object.keys(entry).slice(0, 3)).toEqual(['level', 'event', 'hour']);
      expect(entry.hour).toMatch(/^\d{4}-\d\d-\d\dT\d\d:00:00Z$/);
      for (const value of Object.values(entry)) expect(typeof value).not.toBe('object');
    }
    expect(entries).toContainEqual(
      expect.objectContaining({
        level: 'warn',
        event: 'notification_failed',
        transport: 'webhook',
        reason: 'network',
      }),
    );
  });
});
