/**
 * The operator API's additions for the operator page: availability changes
 * at `PATCH /admin/supporters/{id}` (`status`, `awayUntil` besides `active`),
 * and `databaseSizeBytes` (libSQL pragmas here; D1 in test/workers/) and
 * `supportersNotSeen` at `GET /admin/health`.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { databaseSize } from '../../src/domain/operator.ts';
import { admin, joinSupporter, logIn, newDoctor } from '../support/actors.ts';
import { tableRows } from '../support/database.ts';
import { expectError } from '../support/expect-error.ts';
import { createHarness, type Harness } from '../support/harness.ts';

let harness: Harness;
afterEach(() => harness?.dispose());

const patch = (id: string, body: unknown) =>
  admin(harness, 'PATCH', `/api/v1/admin/supporters/${id}`, body);

describe('PATCH /admin/supporters/{id}: availability', () => {
  it('marks a supporter away until a time (shown in the directory, refusing new messages) and available again', async () => {
    harness = await createHarness(); // 2026-11-27T14:25Z
    const kari = await joinSupporter(harness, { login: 'kari' });

    const away = await patch(kari.id, { status: 'away', awayUntil: '2026-12-05T08:30:00+01:00' });
    expect(away.status).toBe(200);
    // Rounded up to the whole hour, in UTC.
    expect(away.body).toMatchObject({
      id: kari.id,
      active: true,
      status: 'away',
      awayUntil: '2026-12-05T08:00:00Z',
    });
    const entry = await harness.request('GET', `/api/v1/supporters/${kari.id}`);
    expect(entry.body).toMatchObject({ status: 'away', awayUntil: '2026-12-05T08:00:00Z' });
    const { body } = await (await newDoctor()).sealFor(kari);
    expectError(await harness.request('POST', '/api/v1/messages', { body }), 409, 'supporter_away');

    const back = await patch(kari.id, { status: 'available' });
    expect(back.status).toBe(200);
    expect(back.body).toMatchObject({ status: 'available', awayUntil: null });
    const again = await harness.request('GET', `/api/v1/supporters/${kari.id}`);
    expect(again.body.status).toBe('available');
    expect(again.body).not.toHaveProperty('awayUntil');
    expect((await harness.request('POST', '/api/v1/messages', { body })).status).toBe(202);
    // The supporter's own session is untouched.
    expect((await harness.request('GET', '/api/v1/me', { token: kari.token })).status).toBe(200);
  });

  it('marks away without a date as away until further notice, even over an earlier date that has passed', async () => {
    harness = await createHarness();
    const kari = await joinSupporter(harness, { login: 'kari' });
    const own = await harness.request('PATCH', '/api/v1/me', {
      token: kari.token,
      body: { status: 'away', awayUntil: '2026-11-28T10:00:00Z' },
    });
    expect(own.status).toBe(200);
    harness.clock.advanceHours(48); // that date has passed: available again
    expect((await harness.request('GET', `/api/v1/supporters/${kari.id}`)).body.status).toBe(
      'available',
    );

    const away = await patch(kari.id, { status: 'away' });
    expect(away.body).toMatchObject({ status: 'away', awayUntil: null });
    harness.clock.advanceHours(24 * 60);
    const listed = await admin(harness, 'GET', '/api/v1/admin/supporters');
    expect(listed.body.supporters[0]).toMatchObject({ status: 'away', awayUntil: null });
    const entry = await harness.request('GET', `/api/v1/supporters/${kari.id}`);
    expect(entry.body.status).toBe('away');
    expect(entry.body).not.toHaveProperty('awayUntil');

    // awayUntil alone moves the date of a supporter who is away.
    const dated = await patch(kari.id, { awayUntil: '2027-02-01T12:00:00Z' });
    expect(dated.body).toMatchObject({ status: 'away', awayUntil: '2027-02-01T12:00:00Z' });
    const cleared = await patch(kari.id, { awayUntil: null });
    expect(cleared.body).toMatchObject({ status: 'away', awayUntil: null });
  });

  it('takes active and status together, ending sessions on deactivation as before', async () => {
    harness = await createHarness();
    const kari = await joinSupporter(harness, { login: 'kari' });
    const both = await patch(kari.id, { active: false, status: 'away' });
    expect(both.status).toBe(200);
    expect(both.body).toMatchObject({ active: false, status: 'away' });
    expectError(
      await harness.request('GET', '/api/v1/inbox', { token: kari.token }),
      401,
      'unauthorized',
    );
    expectError(
      await harness.request('GET', `/api/v1/supporters/${kari.id}`),
      404,
      'supporter_not_found',
    );
    const on = await patch(kari.id, { active: true, status: 'available' });
    expect(on.body).toMatchObject({ active: true, status: 'available', awayUntil: null });
    expect((await harness.request('GET', `/api/v1/supporters/${kari.id}`)).status).toBe(200);
  });

  it('refuses an empty change, an unknown status and a time without a zone with 400 invalid_request, changing nothing', async () => {
    harness = await createHarness();
    const kari = await joinSupporter(harness, { login: 'kari' });
    const before = await tableRows(harness, 'supporters');
    const invalid: unknown[] = [
      {},
      { note: 'x' },
      { status: 'gone' },
      { status: null },
      { awayUntil: '2026-12-05T08:00:00' },
      { awayUntil: '5 December' },
      { awayUntil: 42 },
      { status: 'away', awayUntil: '2026-13-40T08:00:00Z' },
      { active: 'yes', status: 'away' },
    ];
    for (const body of invalid) {
      expectError(await patch(kari.id, body), 400, 'invalid_request');
    }
    expect(await tableRows(harness, 'supporters')).toEqual(before);
    expectError(await patch('no-such-supporter', { status: 'away' }), 404, 'supporter_not_found');
    const unauthenticated = await harness.request('PATCH', `/api/v1/admin/supporters/${kari.id}`, {
      body: { status: 'away' },
    });
    expectError(unauthenticated, 401, 'unauthorized');
  });
});

describe('GET /admin/health: database size and supporters not seen', () => {
  it('reports the database size as SQLite pages times page size', async () => {
    harness = await createHarness();
    await joinSupporter(harness);
    const health = await admin(harness, 'GET', '/api/v1/admin/health');
    expect(health.status).toBe(200);
    const client = harness.node.store.client;
    const pages = Number((await client.execute('PRAGMA page_count')).rows[0]?.[0]);
    const pageSize = Number((await client.execute('PRAGMA page_size')).rows[0]?.[0]);
    expect(pages).toBeGreaterThan(0);
    expect(health.body.databaseSizeBytes).toBe(pages * pageSize);
    // The fields other clients read are unchanged.
    expect(health.body.database).toEqual({ reachable: true });
    for (const field of [
      'pendingMessages',
      'oldestPendingHours',
      'last30Days',
      'daily',
      'deliveryHours',
      'replyRate',
      'supporters',
      'totals',
      'notificationFailures',
      'version',
      'uptimeSeconds',
    ]) {
      expect(health.body).toHaveProperty(field);
    }
  });

  it('answers null for the size when the database answers neither the pragmas nor a read', async () => {
    harness = await createHarness();
    harness.close();
    expect(await databaseSize(harness.relay)).toBeNull();
  });

  it('lists active supporters not seen for 7 days (or ?notSeenDays), longest first, with whole days', async () => {
    harness = await createHarness(); // 2026-11-27T14:25Z; joining counts as being seen
    const anna = await joinSupporter(harness, { login: 'anna' });
    const bjorn = await joinSupporter(harness, { login: 'bjorn' });
    const carl = await joinSupporter(harness, { login: 'carl' });
    const dina = await joinSupporter(harness, { login: 'dina' });
    expect((await patch(dina.id, { active: false })).status).toBe(200);

    const none = await admin(harness, 'GET', '/api/v1/admin/health');
    expect(none.body.supportersNotSeen).toEqual([]);

    harness.clock.advanceHours(3 * 24);
    // Bjørn logs in: seen now.
    expect((await logIn(harness, 'bjorn', bjorn.authKey)).status).toBe(200);
    harness.clock.advanceHours(4 * 24 + 5); // 7 days 5 hours after joining
    const week = await admin(harness, 'GET', '/api/v1/admin/health');
    const longest = (list: { id: string; days: number }[]) =>
      [...list].sort((a, b) => a.id.localeCompare(b.id));
    expect(longest(week.body.supportersNotSeen)).toEqual(
      longest([
        { id: anna.id, days: 7 },
        { id: carl.id, days: 7 },
      ]),
    );
    const four = await admin(harness, 'GET', '/api/v1/admin/health?notSeenDays=4');
    expect(four.body.supportersNotSeen).toHaveLength(3);
    expect(four.body.supportersNotSeen[2]).toEqual({ id: bjorn.id, days: 4 });
    const eight = await admin(harness, 'GET', '/api/v1/admin/health?notSeenDays=8');
    expect(eight.body.supportersNotSeen).toEqual([]);

    // Carl logs in; Anna, not seen longest, comes first.
    expect((await logIn(harness, 'carl', carl.authKey)).status).toBe(200);
    harness.clock.advanceHours(24);
    const later = await admin(harness, 'GET', '/api/v1/admin/health?notSeenDays=1');
    expect(later.body.supportersNotSeen).toEqual([
      { id: anna.id, days: 8 },
      { id: bjorn.id, days: 5 },
      { id: carl.id, days: 1 },
    ]);
  });

  it('refuses a notSeenDays that is not a whole number of days from 1 to 365 with 400 invalid_request', async () => {
    harness = await createHarness();
    for (const value of ['0', '366', '-1', '1.5', 'seven', '', '1000']) {
      expectError(
        await admin(harness, 'GET', `/api/v1/admin/health?notSeenDays=${value}`),
        400,
        'invalid_request',
      );
    }
    expect((await admin(harness, 'GET', '/api/v1/admin/health?notSeenDays=365')).status).toBe(200);
    expectError(
      await harness.request('GET', '/api/v1/admin/health?notSeenDays=3'),
      401,
      'unauthorized',
    );
  });
});
