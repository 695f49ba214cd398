/**
 * The storage layer's batches on D1 inside workerd: a duplicate insert fails
 * its whole batch (so nothing is counted twice), counters that count the
 * rows an update is about to change count exactly those, and concurrent
 * acknowledgements deliver and count each message once. The same functions
 * run on libSQL in test/db/ and in every other test.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { openD1 } from '../../src/db/d1.ts';
import { databaseSizeBytes } from '../../src/db/health.ts';
import { deliver, expireMessagesAndMailboxes, storeSubmission } from '../../src/db/messages.ts';
import { HOUR, storedSubmission } from '../support/stored-submission.ts';

async function count(day: string, event: string): Promise<number | null> {
  const row = await env.DB.prepare('select count from daily_counts where day = ? and event = ?')
    .bind(day, event)
    .first<{ count: number }>();
  return row?.count ?? null;
}

describe('storage batches on D1', () => {
  it('stores a submission once: a second with the same id writes and counts nothing', async () => {
    const db = openD1(env.DB);
    expect(await storeSubmission(db, storedSubmission('m1', { day: '2026-01-01' }))).toBe(true);
    expect(await storeSubmission(db, storedSubmission('m1', { day: '2026-01-01' }))).toBe(false);
    const received = await env.DB.prepare(
      "select count from supporter_daily_counts where event = 'received' and day = '2026-01-01'",
    ).first<{ count: number }>();
    expect(received?.count).toBe(1);
  });

  it('delivers and counts each message once when acknowledgements race', async () => {
    const db = openD1(env.DB);
    for (const id of ['d1', 'd2', 'd3'])
      await storeSubmission(db, storedSubmission(id, { day: '2026-01-02' }));
    const ack = {
      supporterId: 'supporter-1',
      ids: ['d1', 'd2', 'd3'],
      hour: HOUR + 7200,
      day: '2026-01-02',
    };
    const [first, second] = await Promise.all([deliver(db, ack), deliver(db, ack)]);
    expect(first + second).toBe(3);
    expect(await count('2026-01-02', 'delivery_hours:2')).toBe(3);
    expect(await deliver(db, ack)).toBe(0);
    expect(await count('2026-01-02', 'delivery_hours:2')).toBe(3);
  });

  it('expires what is past its life and counts it, once', async () => {
    const db = openD1(env.DB);
    await storeSubmission(db, storedSubmission('e1', { day: '2026-01-03', lifetimeHours: 1 }));
    const expired = await expireMessagesAndMailboxes(db, HOUR + 3600, '2026-01-03');
    expect(expired.messages).toBe(1);
    expect(await count('2026-01-03', 'expired')).toBe(1);
    const again = await expireMessagesAndMailboxes(db, HOUR + 3600, '2026-01-03');
    expect(again.messages).toBe(0);
    expect(await count('2026-01-03', 'expired')).toBe(1);
  });

  it('tells the database size from what D1 reports, since it refuses the pragmas', async () => {
    const size = await databaseSizeBytes(openD1(env.DB));
    expect(size).toBeGreaterThan(0);
    expect(Number.isInteger(size)).toBe(true);
  });
});
