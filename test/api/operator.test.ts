import { afterEach, describe, expect, it } from 'vitest';
import { fingerprint, fromB64, toB64 } from '../../web/src/protocol/index.ts';
import {
  admin,
  type Doctor,
  joinSupporter,
  logIn,
  newDoctor,
  register,
  registrationFor,
} from '../support/actors.ts';
import { randomB64 } from '../support/bytes.ts';
import { tableRows } from '../support/database.ts';
import { expectError } from '../support/expect-error.ts';
import { createHarness, type Harness, OPERATOR_TOKEN } from '../support/harness.ts';

let harness: Harness;
afterEach(() => harness?.dispose());

const ids = (list: { id: string }[]) => list.map((item) => item.id);

/** `name{labels} value` samples of a Prometheus text exposition, keyed by `name{labels}`. */
function samples(text: string): Map<string, number> {
  const map = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*(?:\{[^}]*\})?) (-?\d+(?:\.\d+)?(?:e[+-]?\d+)?)$/.exec(
      line,
    );
    expect(match, `not a Prometheus sample line: ${line}`).not.toBeNull();
    if (match?.[1] !== undefined && match[2] !== undefined) map.set(match[1], Number(match[2]));
  }
  return map;
}

/** Every sample's metric has `# HELP` and `# TYPE` lines before its first sample. */
function expectHelpAndType(text: string): void {
  const described = new Set<string>();
  const typed = new Set<string>();
  for (const line of text.split('\n')) {
    const help = /^# HELP ([a-zA-Z_:][a-zA-Z0-9_:]*) \S/.exec(line);
    const type =
      /^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|histogram|summary|untyped)$/.exec(line);
    if (help?.[1]) described.add(help[1]);
    else if (type?.[1]) typed.add(type[1]);
    else if (line !== '') {
      const name = /^[a-zA-Z_:][a-zA-Z0-9_:]*/.exec(line)?.[0] ?? line;
      expect({ name, help: described.has(name), type: typed.has(name) }).toEqual({
        name,
        help: true,
        type: true,
      });
    }
  }
}

describe('operator authentication', () => {
  it('answers 401 unauthorized on every admin route and /metrics without the operator token or with a wrong one', async () => {
    harness = await createHarness();
    const kari = await joinSupporter(harness);
    const routes: [string, string, unknown][] = [
      ['POST', '/api/v1/admin/invites', { note: 'x' }],
      ['GET', '/api/v1/admin/supporters', undefined],
      ['PATCH', `/api/v1/admin/supporters/${kari.id}`, { active: false }],
      ['GET', '/api/v1/admin/health', undefined],
      ['GET', '/metrics', undefined],
    ];
    const headerVariants: (Record<string, string> | undefined)[] = [
      undefined,
      { Authorization: 'Bearer wrong-operator-token-0123456789abcdef' },
      { Authorization: `Bearer ${OPERATOR_TOKEN}x` },
      { Authorization: `Bearer ${OPERATOR_TOKEN.slice(0, -1)}` },
      { Authorization: `Basic ${OPERATOR_TOKEN}` },
      { Authorization: OPERATOR_TOKEN },
      // A supporter session is not an operator credential.
      { Authorization: `Bearer ${kari.token}` },
    ];
    for (const [method, path, body] of routes) {
      for (const headers of headerVariants) {
        const response = await harness.request(method, path, {
          ...(body === undefined ? {} : { body }),
          ...(headers === undefined ? {} : { headers }),
        });
        expectError(response, 401, 'unauthorized');
        expect(response.text).not.toContain(OPERATOR_TOKEN);
      }
    }
    // Nothing happened: no invite was made beyond the one kari joined with, kari is still listed.
    expect(await tableRows(harness, 'invites')).toHaveLength(1);
    const entry = await harness.request('GET', `/api/v1/supporters/${kari.id}`);
    expect(entry.status).toBe(200);
  });

  it('serves /healthz and /readyz without any token', async () => {
    harness = await createHarness();
    const live = await harness.request('GET', '/healthz');
    expect(live.status).toBe(200);
    expect(live.body).toEqual({ status: 'ok' });
    const ready = await harness.request('GET', '/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: 'ready' });
  });
});

describe('invites', () => {
  it('creates an invite whose token travels only in the URL fragment and lives 14 days by default', async () => {
    harness = await createHarness();
    const created = await admin(harness, 'POST', '/api/v1/admin/invites', {});
    expect(created.status).toBe(201);
    const { token } = created.body;
    expect(created.body).toEqual({
      token: expect.any(String),
      url: `http://127.0.0.1:8787/supporter/join#invite=${token}`,
      expiresAt: '2026-12-11T14:00:00Z',
    });
    expect(fromB64(token)).toHaveLength(32);
    const url = new URL(created.body.url);
    expect(url.hash).toBe(`#invite=${token}`);
    expect(url.pathname).toBe('/supporter/join');
    expect(url.search).toBe('');
    // The database keeps only a hash of the token.
    const rows = await tableRows(harness, 'invites');
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(rows[0]).toMatchObject({ note: null });
  });

  it('honours note and expiresInDays: a 2-day invite works 47 hours later and is 410 invite_expired once 48 hours from its hour have passed', async () => {
    harness = await createHarness();
    const first = await admin(harness, 'POST', '/api/v1/admin/invites', {
      note: 'Bergen training day',
      expiresInDays: 2,
    });
    expect(first.status).toBe(201);
    // Two days from the hour it was made in (14:00).
    expect(first.body.expiresAt).toBe('2026-11-29T14:00:00Z');
    const second = await admin(harness, 'POST', '/api/v1/admin/invites', { expiresInDays: 2 });
    const rows = (await tableRows(harness, 'invites')) as { note: string | null }[];
    expect(rows.map((row) => row.note).sort()).toEqual(['Bergen training day', null]);

    harness.clock.advanceHours(47);
    const onTime = await registrationFor(harness, { login: 'kari', invite: first.body.token });
    expect((await register(harness, onTime.body)).status).toBe(201);
    harness.clock.advanceHours(1);
    const late = await registrationFor(harness, { login: 'ola', invite: second.body.token });
    expectError(await register(harness, late.body), 410, 'invite_expired');
  });

  it('refuses an invalid expiresInDays or an overlong note with 400 invalid_request and creates nothing', async () => {
    harness = await createHarness();
    const invalid: unknown[] = [
      { expiresInDays: 0 },
      { expiresInDays: -1 },
      { expiresInDays: 1.5 },
      { expiresInDays: '2' },
      { expiresInDays: 366 },
      { note: 'x'.repeat(201) },
      { note: 42 },
    ];
    for (const body of invalid) {
      expectError(
        await admin(harness, 'POST', '/api/v1/admin/invites', body),
        400,
        'invalid_request',
      );
    }
    expect(await tableRows(harness, 'invites')).toEqual([]);
  });

  it('refuses a JSON body that is not an object (an array) at POST /admin/invites with 400 invalid_request', async () => {
    harness = await createHarness();
    expectError(await admin(harness, 'POST', '/api/v1/admin/invites', []), 400, 'invalid_request');
    expect(await tableRows(harness, 'invites')).toEqual([]);
  });
});

describe('supporter health for operators', () => {
  it('lists each supporter with exact pending count, oldest pending age, deliveries and last seen hour', async () => {
    harness = await createHarness();
    const a = await joinSupporter(harness, {
      login: 'anna',
      profile: { name: 'Anna Aasen', county: 'oslo', town: 'Oslo' },
    });
    const b = await joinSupporter(harness, {
      login: 'bjorn',
      profile: { name: 'Bjørn Berg', county: 'nordland', town: 'Bodø' },
    });
    const away = await harness.request('PATCH', '/api/v1/me', {
      token: b.token,
      body: { status: 'away', awayUntil: '2026-12-01T09:00:00Z' },
    });
    expect(away.status).toBe(200);

    const m1 = await (await newDoctor(harness)).writeTo(a, 'one'); // 14:00
    harness.clock.advanceHours(2);
    await (await newDoctor(harness)).writeTo(a, 'two'); // 16:00
    harness.clock.advanceHours(3);
    await (await newDoctor(harness)).writeTo(a, 'three'); // 19:00
    expect(
      (await harness.request('GET', '/api/v1/inbox', { token: a.token })).body.messages,
    ).toHaveLength(3);
    expect((await a.ack([m1.id])).body).toEqual({ deleted: 1 });
    harness.clock.advanceHours(1); // 20:25

    const listed = await admin(harness, 'GET', '/api/v1/admin/supporters');
    expect(listed.status).toBe(200);
    expect(listed.body.supporters).toHaveLength(2);
    const byId = new Map(listed.body.supporters.map((s: { id: string }) => [s.id, s]));
    expect(byId.get(a.id)).toEqual({
      id: a.id,
      name: 'Anna Aasen',
      county: 'oslo',
      town: 'Oslo',
      status: 'available',
      awayUntil: null,
      active: true,
      pendingCount: 2,
      oldestPendingHours: 4,
      deliveredLast30d: 1,
      lastSeen: '2026-11-27T19:00:00Z',
      joinedAt: '2026-11-27T14:00:00Z',
      boxPublicKey: toB64(a.publicKey),
      fingerprint: await fingerprint(a.publicKey),
    });
    expect(byId.get(b.id)).toEqual({
      id: b.id,
      name: 'Bjørn Berg',
      county: 'nordland',
      town: 'Bodø',
      status: 'away',
      awayUntil: '2026-12-01T09:00:00Z',
      active: true,
      pendingCount: 0,
      oldestPendingHours: null,
      deliveredLast30d: 0,
      lastSeen: '2026-11-27T14:00:00Z',
      joinedAt: '2026-11-27T14:00:00Z',
      boxPublicKey: toB64(b.publicKey),
      fingerprint: await fingerprint(b.publicKey),
    });

    // 29 days on the delivery still counts; messages past their 14 days are no longer pending.
    harness.clock.advanceHours(29 * 24);
    const later = await admin(harness, 'GET', '/api/v1/admin/supporters');
    const laterA = later.body.supporters.find((s: { id: string }) => s.id === a.id);
    expect(laterA).toMatchObject({
      pendingCount: 0,
      oldestPendingHours: null,
      deliveredLast30d: 1,
    });
    const laterB = later.body.supporters.find((s: { id: string }) => s.id === b.id);
    expect(laterB).toMatchObject({ status: 'available', awayUntil: null });
    harness.clock.advanceHours(24);
    const gone = await admin(harness, 'GET', '/api/v1/admin/supporters');
    expect(gone.body.supporters.find((s: { id: string }) => s.id === a.id)).toMatchObject({
      deliveredLast30d: 0,
    });
  });

  it('deactivating a supporter hides them, ends their sessions and refuses logins and messages until reactivated', async () => {
    harness = await createHarness();
    const kari = await joinSupporter(harness, { login: 'kari' });
    const second = (await kari.logIn()).token;
    const doctor = await newDoctor(harness);

    const off = await admin(harness, 'PATCH', `/api/v1/admin/supporters/${kari.id}`, {
      active: false,
    });
    expect(off.status).toBe(200);
    expect(off.body).toMatchObject({ id: kari.id, active: false });

    expect(ids((await harness.request('GET', '/api/v1/supporters')).body.supporters)).toEqual([]);
    expectError(
      await harness.request('GET', `/api/v1/supporters/${kari.id}`),
      404,
      'supporter_not_found',
    );
    for (const token of [kari.token, second]) {
      expectError(await harness.request('GET', '/api/v1/inbox', { token }), 401, 'unauthorized');
    }
    expectError(await logIn(harness, 'kari', kari.authKey), 403, 'supporter_inactive');
    expectError(await logIn(harness, 'kari', randomB64(32)), 401, 'invalid_credentials');
    const { body } = await doctor.sealFor(kari);
    expectError(
      await harness.request('POST', '/api/v1/messages', { body }),
      404,
      'supporter_not_found',
    );
    const listed = await admin(harness, 'GET', '/api/v1/admin/supporters');
    expect(listed.body.supporters).toEqual([
      expect.objectContaining({ id: kari.id, active: false }),
    ]);
    expect((await admin(harness, 'GET', '/api/v1/admin/health')).body.supporters).toEqual({
      active: 0,
      away: 0,
      inactive: 1,
    });

    const on = await admin(harness, 'PATCH', `/api/v1/admin/supporters/${kari.id}`, {
      active: true,
    });
    expect(on.status).toBe(200);
    expect(on.body).toMatchObject({ id: kari.id, active: true });
    expect(ids((await harness.request('GET', '/api/v1/supporters')).body.supporters)).toEqual([
      kari.id,
    ]);
    // Ended sessions stay ended.
    expectError(
      await harness.request('GET', '/api/v1/inbox', { token: kari.token }),
      401,
      'unauthorized',
    );
    const token = (await kari.logIn()).token;
    expect((await harness.request('POST', '/api/v1/messages', { body })).status).toBe(202);
    expect((await harness.request('GET', '/api/v1/inbox', { token })).body.messages).toHaveLength(
      1,
    );
  });

  it('answers 404 supporter_not_found for an unknown or departed supporter id and 400 for a non-boolean active', async () => {
    harness = await createHarness();
    const kari = await joinSupporter(harness, { login: 'kari' });
    const leaver = await joinSupporter(harness, { login: 'ola' });
    expect((await harness.request('DELETE', '/api/v1/me', { token: leaver.token })).status).toBe(
      200,
    );

    for (const id of ['no-such-supporter', leaver.id]) {
      expectError(
        await admin(harness, 'PATCH', `/api/v1/admin/supporters/${id}`, { active: true }),
        404,
        'supporter_not_found',
      );
    }
    expectError(await logIn(harness, 'ola', leaver.authKey), 401, 'invalid_credentials');
    for (const body of [{ active: 'no' }, { active: 0 }, {}]) {
      expectError(
        await admin(harness, 'PATCH', `/api/v1/admin/supporters/${kari.id}`, body),
        400,
        'invalid_request',
      );
    }
    expect((await harness.request('GET', `/api/v1/supporters/${kari.id}`)).status).toBe(200);
  });
});

describe('health figures and metrics', () => {
  /**
   * Builds a day and a half of traffic with known figures:
   * 13 messages submitted on 2026-11-27 (10 to A, 2 to B who then goes away,
   * 1 to D who then leaves), 10 delivered by A at delays of
   * 0, 1, 1, 2, 3, 3, 3, 5, 8 and 20 hours (the last on 2026-11-28), 4 replies
   * on 2026-11-28 of which 3 are read; C is deactivated.
   */
  async function seedTraffic() {
    const a = await joinSupporter(harness, { login: 'anna', profile: { name: 'Anna Aasen' } });
    const b = await joinSupporter(harness, { login: 'bjorn', profile: { name: 'Bjørn Berg' } });
    const c = await joinSupporter(harness, { login: 'carl', profile: { name: 'Carl Carlsen' } });
    const d = await joinSupporter(harness, { login: 'dina', profile: { name: 'Dina Dahl' } });
    const supporters = [a, b, c, d];

    const doctors: Doctor[] = [];
    const toA: Awaited<ReturnType<Doctor['writeTo']>>[] = [];
    for (let i = 0; i < 10; i++) {
      const doctor = await newDoctor(harness);
      doctors.push(doctor);
      toA.push(await doctor.writeTo(a, `message ${i}`));
    }
    const others = [await newDoctor(harness), await newDoctor(harness), await newDoctor(harness)];
    await others[0]!.writeTo(b, 'to b, one');
    await others[1]!.writeTo(b, 'to b, two');
    await others[2]!.writeTo(d, 'to d');
    expect((await harness.request('DELETE', '/api/v1/me', { token: d.token })).status).toBe(200);
    const away = await harness.request('PATCH', '/api/v1/me', {
      token: b.token,
      body: { status: 'away', awayUntil: '2026-12-05T00:00:00Z' },
    });
    expect(away.status).toBe(200);
    const off = await admin(harness, 'PATCH', `/api/v1/admin/supporters/${c.id}`, {
      active: false,
    });
    expect(off.status).toBe(200);

    const ackAfter = async (hours: number, indexes: number[]) => {
      harness.clock.advanceHours(hours);
      const session = await a.logIn();
      const ack = await session.ack(indexes.map((i) => toA[i]!.id));
      expect(ack.body).toEqual({ deleted: indexes.length });
    };
    await ackAfter(0, [0]); // 14:00, 0 h
    await ackAfter(1, [1, 2]); // 15:00, 1 h
    await ackAfter(1, [3]); // 16:00, 2 h
    await ackAfter(1, [4, 5, 6]); // 17:00, 3 h
    await ackAfter(2, [7]); // 19:00, 5 h
    await ackAfter(3, [8]); // 22:00, 8 h
    await ackAfter(12, [9]); // 2026-11-28 10:00, 20 h

    a.token = (await a.logIn()).token;
    for (let i = 0; i < 4; i++) {
      const reply = await a.tryReply(toA[i]!.message);
      expect(reply.response.status).toBe(202);
      if (i < 3) {
        const box = await doctors[i]!.openMailbox();
        const read = await harness.request('POST', '/api/v1/mailbox/ack', {
          body: { ...doctors[i]!.key, replyIds: [reply.id] },
        });
        expect({ listed: ids(box.body.replies), read: read.body }).toEqual({
          listed: [reply.id],
          read: { deleted: 1 },
        });
      }
    }
    return { supporters, doctors: [...doctors, ...others] };
  }

  const zeroDay = {
    submitted: 0,
    delivered: 0,
    expired: 0,
    replied: 0,
    reply_read: 0,
    reply_expired: 0,
    rate_limited: 0,
    purged: 0,
    notify_failed: 0,
  };

  it('reports exact aggregate figures at GET /admin/health', async () => {
    harness = await createHarness();
    await seedTraffic();
    const health = await admin(harness, 'GET', '/api/v1/admin/health');
    expect(health.status).toBe(200);
    const figures = health.body;
    expect(figures.pendingMessages).toBe(2);
    expect(figures.oldestPendingHours).toBe(20);
    expect(figures.last30Days).toEqual({
      ...zeroDay,
      submitted: 13,
      delivered: 10,
      expired: 1,
      replied: 4,
      reply_read: 3,
    });
    // Nearest rank over 0,1,1,2,3,3,3,5,8,20: the 5th and the 9th value.
    expect(figures.deliveryHours).toEqual({ median: 3, p90: 8 });
    expect(figures.replyRate).toBe(0.4);
    expect(figures.supporters).toEqual({ active: 2, away: 1, inactive: 1 });
    expect(figures.database).toEqual({ reachable: true });
    expect(figures.version).toBe('test');
    expect(figures.uptimeSeconds).toBe(20 * 3600);

    expect(figures.daily).toHaveLength(30);
    expect(figures.daily[0].day).toBe('2026-10-30');
    expect(figures.daily[28]).toEqual({
      day: '2026-11-27',
      ...zeroDay,
      submitted: 13,
      delivered: 9,
      expired: 1,
    });
    expect(figures.daily[29]).toEqual({
      day: '2026-11-28',
      ...zeroDay,
      delivered: 1,
      replied: 4,
      reply_read: 3,
    });
    for (const [i, entry] of figures.daily.slice(0, 28).entries()) {
      const day = new Date(Date.UTC(2026, 9, 30 + i)).toISOString().slice(0, 10);
      expect(entry).toEqual({ day, ...zeroDay });
    }
  });

  it('serves the same figures at /metrics in Prometheus text format, naming no supporter', async () => {
    harness = await createHarness();
    const { supporters, doctors } = await seedTraffic();
    const health = (await admin(harness, 'GET', '/api/v1/admin/health')).body;
    const metrics = await admin(harness, 'GET', '/metrics');
    expect(metrics.status).toBe(200);
    expect(metrics.headers.get('Content-Type')).toMatch(/^text\/plain(;|$)/);
    const text = metrics.text;
    expect(text).toContain('# HELP peer_relay_pending_messages ');
    expect(text).toContain('# TYPE peer_relay_pending_messages gauge');
    expect(text).toContain('# TYPE peer_relay_events_total counter');
    expectHelpAndType(text);

    const values = samples(text);
    expect(values.get('peer_relay_pending_messages')).toBe(2);
    expect(values.get('peer_relay_pending_messages')).toBe(health.pendingMessages);
    expect(values.get('peer_relay_oldest_pending_hours')).toBe(health.oldestPendingHours);
    for (const [event, count] of Object.entries(health.last30Days)) {
      expect({ event, value: values.get(`peer_relay_events_total{event="${event}"}`) }).toEqual({
        event,
        value: count,
      });
    }
    expect(values.get('peer_relay_events_total{event="submitted"}')).toBe(13);
    expect(values.get('peer_relay_delivery_hours{quantile="0.5"}')).toBe(3);
    expect(values.get('peer_relay_delivery_hours{quantile="0.9"}')).toBe(8);
    expect(values.get('peer_relay_delivery_hours{quantile="0.5"}')).toBe(
      health.deliveryHours.median,
    );
    expect(values.get('peer_relay_delivery_hours{quantile="0.9"}')).toBe(health.deliveryHours.p90);
    expect(values.get('peer_relay_reply_rate')).toBe(health.replyRate);
    expect(values.get('peer_relay_supporters{state="away"}')).toBe(1);
    expect(values.get('peer_relay_supporters{state="inactive"}')).toBe(1);
    expect(values.get('peer_relay_supporters{state="available"}')).toBe(1);

    for (const supporter of supporters) {
      for (const secret of [supporter.id, supporter.name, supporter.login, supporter.token]) {
        expect(text).not.toContain(secret);
      }
    }
    for (const doctor of doctors) {
      expect(text).not.toContain(doctor.key.id);
      expect(text).not.toContain(doctor.key.readToken);
    }
  });

  it('drops events older than 30 days from the health figures but keeps them in the metric totals', async () => {
    harness = await createHarness();
    const kari = await joinSupporter(harness);
    const sent = await (await newDoctor(harness)).writeTo(kari);
    harness.clock.advanceHours(3);
    expect((await kari.ack([sent.id])).body).toEqual({ deleted: 1 });

    harness.clock.advanceHours(29 * 24 - 3);
    const within = (await admin(harness, 'GET', '/api/v1/admin/health')).body;
    expect(within.last30Days).toMatchObject({ submitted: 1, delivered: 1 });
    expect(within.deliveryHours).toEqual({ median: 3, p90: 3 });
    expect(within.daily[0]).toEqual({ day: '2026-11-27', ...zeroDay, submitted: 1, delivered: 1 });

    harness.clock.advanceHours(24);
    const after = (await admin(harness, 'GET', '/api/v1/admin/health')).body;
    expect(after.last30Days).toEqual(zeroDay);
    expect(after.deliveryHours).toEqual({ median: null, p90: null });
    expect(after.replyRate).toBeNull();
    expect(after.daily).toHaveLength(30);
    expect(after.daily[0].day).toBe('2026-11-28');
    expect(after.daily[29].day).toBe('2026-12-27');

    const values = samples((await admin(harness, 'GET', '/metrics')).text);
    expect(values.get('peer_relay_events_total{event="submitted"}')).toBe(1);
    expect(values.get('peer_relay_events_total{event="delivered"}')).toBe(1);
    expect(values.get('peer_relay_pending_messages')).toBe(0);
  });
});
