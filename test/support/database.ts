/**
 * @module
 * Raw reads of a harness relay's database file, for tests that check what
 * was (or was not) stored: rows, counts and a snapshot of every table the
 * doctor flow touches.
 */
import { toB64 } from '../../web/src/protocol/index.ts';
import type { Harness } from './harness.ts';

/** Rows of a raw SQL query on the relay's database file. */
export async function query(
  harness: Harness,
  sql: string,
  args: (string | number)[] = [],
): Promise<Record<string, unknown>[]> {
  const result = await harness.node.store.client.execute({ sql, args });
  return result.rows.map((row) => ({ ...row }));
}

/** A single number from a `select count(*) as n …` query. */
export async function count(
  harness: Harness,
  sql: string,
  args: (string | number)[] = [],
): Promise<number> {
  const [row] = await query(harness, sql, args);
  return Number(row?.n);
}

/** Every row of the tables the doctor flow touches (in stored order), to show that something changed nothing. */
export async function snapshot(harness: Harness) {
  const tables = [
    'messages',
    'mailboxes',
    'replies',
    'daily_counts',
    'supporter_daily_counts',
    'spent_challenges',
    'sessions',
    'invites',
  ];
  const out: Record<string, unknown[]> = {};
  for (const table of tables) {
    out[table] = (await query(harness, `select * from ${table}`)).map((row) =>
      Object.fromEntries(
        Object.entries(row).map(([key, value]) => [
          key,
          value instanceof ArrayBuffer ? toB64(new Uint8Array(value)) : value,
        ]),
      ),
    );
  }
  return out;
}

/** Every row of a table, read straight from the database file. */
export async function tableRows(harness: Harness, table: string): Promise<unknown[]> {
  return query(harness, `select * from ${table}`);
}
