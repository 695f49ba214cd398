/**
 * The storage intents on the embedded libSQL file (their D1 twin is
 * test/workers/d1-statements.test.ts): a duplicate insert fails its whole
 * batch, so nothing is counted twice; counters that count the rows an update
 * is about to change count exactly those; concurrent acknowledgements
 * deliver and count each message once; the sweep counts what it expires once.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eventTotals } from '../../src/db/counters.ts';
import { type LibsqlStore, openLibsql } from '../../src/db/libsql.ts';
import { deliver, expireMessagesAndMailboxes, storeSubmission } from '../../src/db/messages.ts';
import { HOUR, storedSubmission } from '../support/stored-submission.ts';

let dir: string;
let store: LibsqlStore;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'peer-relay-db-'));
  store = await openLibsql(`file:${join(dir, 'relay.db')}`);
});

afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

async function counts(table: string, event: string): Promise<number[]> {
  const result = await store.client.execute({
    sql: `select count from ${table} where event = ? order by day`,
    args: [event],
  });
  return result.rows.map((row) => Number(row.count));
}

describe('storing a submission', () => {
  it('does not bring back a mailbox deleted after the submission was checked (PROTOCOL.md §10.2)', async () => {
    const submission = storedSubmission('raced');
    await store.client.execute({
      sql: 'insert into deleted_mailboxes (id_hash, expires_hour) values (?, ?)',
      args: [submission.mailboxIdHash, HOUR + 20 * 3600],
    });
    expect(await storeSubmission(store.db, submission)).toBe(true);
    const mailboxes = await store.client.execute('select id from mailboxes');
    expect(mailboxes.rows).toEqual([]);
    const queued = await store.client.execute("select id from messages where status = 'queued'");
    expect(queued.rows.map((row) => row.id)).toEqual(['raced']);
  });

  it('stores and counts it once; the same id again writes and counts nothing', async () => {
    expect(await storeSubmission(store.db, storedSubmission('m1'))).toBe(true);
    expect(await storeSubmission(store.db, storedSubmission('m1'))).toBe(false);
    expect(await counts('supporter_daily_counts', 'received')).toEqual([1]);
    expect((await eventTotals(store.db)).get('submitted')).toBe(1);
    expect(await counts('supporter_daily_counts', 'first_contact')).toEqual([1]);
    const hourly = await store.client.execute('select hour, count from hourly_received');
    expect(hourly.rows.map((row) => [Number(row.hour), Number(row.count)])).toEqual([[HOUR, 1]]);
  });

  it('counts identical submissions racing each other once', async () => {
    const results = await Promise.all(
      [1, 2, 3].map(() => storeSubmission(store.db, storedSubmission('m2'))),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await counts('supporter_daily_counts', 'received')).toEqual([1]);
  });

  it('counts a follow-up as received but not as a first contact', async () => {
    await storeSubmission(store.db, storedSubmission('m3', { firstContact: false }));
    expect(await counts('supporter_daily_counts', 'received')).toEqual([1]);
    expect(await counts('supporter_daily_counts', 'first_contact')).toEqual([]);
  });
});

describe('delivering', () => {
  it('delivers and counts each message once when acknowledgements race, with its latency bucket', async () => {
    for (const id of ['d1', 'd2', 'd3']) await storeSubmission(store.db, storedSubmission(id));
    const ack = {
      supporterId: 'supporter-1',
      ids: ['d1', 'd2', 'd3', 'unknown'],
      hour: HOUR + 2 * 3600,
      day: '2027-01-15',
    };
    const delivered = await Promise.all([deliver(store.db, ack), deliver(store.db, ack)]);
    expect(delivered[0] + delivered[1]).toBe(3);
    expect(await deliver(store.db, ack)).toBe(0);
    expect((await eventTotals(store.db)).get('delivered')).toBe(3);
    expect(await counts('daily_counts', 'delivery_hours:2')).toEqual([3]);
    expect(await counts('supporter_daily_counts', 'delivered')).toEqual([3]);
    const left = await store.client.execute(
      'select count(*) as n from messages where ciphertext is not null',
    );
    expect(Number(left.rows[0]?.n)).toBe(0);
  });

  it("delivers nothing of another supporter's inbox", async () => {
    await storeSubmission(store.db, storedSubmission('d4'));
    const ack = { supporterId: 'supporter-2', ids: ['d4'], hour: HOUR, day: '2027-01-15' };
    expect(await deliver(store.db, ack)).toBe(0);
    expect((await eventTotals(store.db)).get('delivered')).toBe(0);
  });
});

describe('the sweep', () => {
  it('expires what is past its deadline and counts it once, however often it runs', async () => {
    await storeSubmission(store.db, storedSubmission('e1', { lifetimeHours: 1 }));
    await storeSubmission(store.db, storedSubmission('e2'));
    const first = await expireMessagesAndMailboxes(store.db, HOUR + 3600, '2027-01-15');
    const again = await expireMessagesAndMailboxes(store.db, HOUR + 3600, '2027-01-15');
    expect([first.messages, again.messages]).toEqual([1, 0]);
    expect(await counts('daily_counts', 'expired')).toEqual([1]);
  });

  it('counts queued messages in a mailbox that ended as expired, and deletes them with it', async () => {
    await storeSubmission(store.db, storedSubmission('e3', { lifetimeHours: 30 }));
    const swept = await expireMessagesAndMailboxes(store.db, HOUR + 20 * 3600, '2027-01-15');
    expect(swept).toEqual({ messages: 1, replies: 0, mailboxes: 1, deletedMessages: 1 });
    expect(await counts('daily_counts', 'expired')).toEqual([1]);
  });
});
