/**
 * src/db/database.ts textRun/textAll on D1 inside workerd: the request path's
 * writes given as SQL text run alone and in a batch, and a `returning`
 * statement's rows come back as objects (the Node side is covered by every
 * submission and acknowledgement in the other tests).
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { countEvent } from '../../src/db/counters.ts';
import { openD1 } from '../../src/db/d1.ts';
import { textAll, textRun } from '../../src/db/database.ts';

async function count(day: string, event: string): Promise<number | null> {
  const row = await env.DB.prepare('select count from daily_counts where day = ? and event = ?')
    .bind(day, event)
    .first<{ count: number }>();
  return row?.count ?? null;
}

describe('SQL-text statements on D1', () => {
  it('runs one awaited alone, as a batch of one', async () => {
    const db = openD1(env.DB);
    await countEvent(db, '2026-01-01', 'rate_limited');
    await countEvent(db, '2026-01-01', 'rate_limited', 2);
    expect(await count('2026-01-01', 'rate_limited')).toBe(3);
  });

  it('runs them in one batch with drizzle statements, returning rows as objects', async () => {
    const db = openD1(env.DB);
    const [inserted, , again] = await db.batch([
      textAll<{ day: string; count: number }>(
        db,
        'insert into daily_counts (day, event, count) values (?, ?, ?) returning day, count',
        ['2026-01-02', 'submitted', 5],
      ),
      textRun(db, 'update daily_counts set count = count + ? where day = ? and event = ?', [
        1,
        '2026-01-02',
        'submitted',
      ]),
      countEvent(db, '2026-01-02', 'submitted', 10),
    ]);
    expect(inserted).toEqual([{ day: '2026-01-02', count: 5 }]);
    expect(again).toBeDefined();
    expect(await count('2026-01-02', 'submitted')).toBe(16);
  });

  it('rolls the whole batch back when one statement fails', async () => {
    const db = openD1(env.DB);
    await expect(
      db.batch([
        countEvent(db, '2026-01-03', 'submitted'),
        textRun(db, 'insert into no_such_table values (?)', [1]),
      ]),
    ).rejects.toThrow();
    expect(await count('2026-01-03', 'submitted')).toBeNull();
  });
});
