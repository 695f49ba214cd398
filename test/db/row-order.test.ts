/**
 * No order finer than the hour (issue 15): the tables a doctor's actions
 * write keep no rowid, so a scan without ORDER BY returns rows in the order
 * of their random keys, not in the order they were inserted.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { joinSupporter, newDoctor, solvedProof, submit } from '../support/actors.ts';
import { query } from '../support/database.ts';
import { createHarness, type Harness } from '../support/harness.ts';

let harness: Harness | undefined;
afterEach(() => {
  harness?.dispose();
  harness = undefined;
});

const DOCTOR_TABLES = [
  'messages',
  'mailboxes',
  'sent_copies',
  'replies',
  'deleted_mailboxes',
  'spent_challenges',
  'daily_counts',
  'supporter_daily_counts',
];

describe('raw table order', () => {
  it('every table a doctor writes is WITHOUT ROWID', async () => {
    harness = await createHarness();
    const rows = await query(harness, 'select name, sql from sqlite_master where type = ?', [
      'table',
    ]);
    for (const table of DOCTOR_TABLES) {
      const sql = String(rows.find((row) => row.name === table)?.sql);
      expect(sql, table).toMatch(/\)\s*WITHOUT ROWID$/);
    }
  });

  it('interleaved submissions to two supporters come back in key order, not insertion order', async () => {
    harness = await createHarness({ env: { POW_DIFFICULTY: '1' } });
    const h = harness;
    const supporters = [await joinSupporter(h), await joinSupporter(h)];
    const inserted: string[] = [];
    const challenges: string[] = [];
    for (let i = 0; i < 12; i++) {
      const supporter = supporters[i % 2]!;
      const { body } = await (await newDoctor()).sealFor(supporter, `message ${i}`);
      const pow = await solvedProof(h);
      const response = await submit(h, { ...body, pow });
      expect(response.status).toBe(202);
      inserted.push(response.body.id);
      challenges.push(pow.challenge);
    }
    const raw = (await query(h, 'select * from messages')).map((row) => String(row.id));
    const byKey = [...inserted].sort();
    expect(raw).toEqual(byKey);
    // Twelve random ids in insertion order would come out sorted once in 479 001 600 runs.
    expect(raw).not.toEqual(inserted);

    const mailboxes = (await query(h, 'select * from mailboxes')).map((row) => String(row.id));
    expect(mailboxes).toEqual([...mailboxes].sort());
    const spent = (await query(h, 'select * from spent_challenges')).map((row) =>
      String(row.challenge_hash),
    );
    expect(spent).toHaveLength(12);
    expect(spent).toEqual([...spent].sort());
  });
});
