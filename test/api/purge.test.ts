/**
 * The operator's purge (issue 15): `POST /api/v1/admin/supporters/{id}/purge`
 * deletes the ciphertext of a supporter's queued messages older than N
 * hours, counts them as `purged`, and touches no one else's.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { admin, health, joinSupporter, newDoctor } from '../support/actors.ts';
import { count } from '../support/database.ts';
import { createHarness, type Harness } from '../support/harness.ts';

let harness: Harness | undefined;
afterEach(() => {
  harness?.dispose();
  harness = undefined;
});

describe('POST /api/v1/admin/supporters/{id}/purge', () => {
  it("deletes that supporter's queued ciphertext older than N hours, counted, and shows it expired", async () => {
    harness = await createHarness();
    const h = harness;
    const flooded = await joinSupporter(h);
    const other = await joinSupporter(h);
    const oldDoctor = await newDoctor(h);
    const old = await oldDoctor.writeTo(flooded, 'old junk');
    const untouched = await (await newDoctor(h)).writeTo(other, 'another inbox');
    h.clock.advanceHours(3);
    const recent = await (await newDoctor(h)).writeTo(flooded, 'recent');

    const purge = await admin(h, 'POST', `/api/v1/admin/supporters/${flooded.id}/purge`, {
      olderThanHours: 2,
    });
    expect(purge.status).toBe(200);
    expect(purge.body).toStrictEqual({ purged: 1 });
    const again = await admin(h, 'POST', `/api/v1/admin/supporters/${flooded.id}/purge`, {
      olderThanHours: 2,
    });
    expect(again.body).toStrictEqual({ purged: 0 });

    expect(await (await flooded.logIn()).inboxIds()).toEqual([recent.id]);
    expect(await (await other.logIn()).inboxIds()).toEqual([untouched.id]);
    expect(
      await count(h, 'select count(*) as n from messages where id = ? and ciphertext is null', [
        old.id,
      ]),
    ).toBe(1);
    expect((await oldDoctor.openMailbox()).body.sent[0].status).toBe('expired');
    const figures = (await health(h)).body;
    expect(figures.last30Days.purged).toBe(1);
    expect(figures.pendingMessages).toBe(2);
  });

  it('answers 404 for an unknown supporter, 400 for a bad hour count, 401 without the token', async () => {
    harness = await createHarness();
    const h = harness;
    const supporter = await joinSupporter(h);
    const unknown = await admin(h, 'POST', '/api/v1/admin/supporters/nobody/purge', {
      olderThanHours: 1,
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('supporter_not_found');
    for (const olderThanHours of [-1, 1.5, '2', 100_000]) {
      const bad = await admin(h, 'POST', `/api/v1/admin/supporters/${supporter.id}/purge`, {
        olderThanHours,
      });
      expect(bad.status).toBe(400);
      expect(bad.body.error).toStrictEqual({
        code: 'invalid_request',
        message: 'Invalid or missing value at olderThanHours.',
      });
    }
    const anonymous = await h.request('POST', `/api/v1/admin/supporters/${supporter.id}/purge`, {
      body: { olderThanHours: 0 },
    });
    expect(anonymous.status).toBe(401);
  });
});
