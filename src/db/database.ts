/**
 * @module
 * The database handle every query takes first. It is drizzle's async SQLite
 * dialect plus `batch`, which both drivers we run on provide (libSQL on Node
 * and Turso, D1 on Workers). Queries use single statements or `batch`, never
 * interactive transactions: a batch is atomic on both drivers and cannot
 * leave a connection mid-transaction.
 */
import type { BatchItem, BatchResponse } from 'drizzle-orm/batch';
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import type { SQLiteRaw } from 'drizzle-orm/sqlite-core/query-builders/raw';
import type * as schema from './schema.ts';

export type Schema = typeof schema;

export type Database = BaseSQLiteDatabase<'async', unknown, Schema> & {
  batch<U extends BatchItem<'sqlite'>, T extends Readonly<[U, ...U[]]>>(
    batch: T,
  ): Promise<BatchResponse<T>>;
};

/**
 * A write given as SQL text and its arguments (`?` placeholders), batched
 * like any drizzle statement, on libSQL and on D1 (src/db/d1.ts).
 *
 * drizzle rebuilds a `db.run(sql…)` statement's text from its template on
 * every call: for the seven statements of a submission that took about
 * 30 µs, against about 1 µs as text (bench/, README "Performance"). So the
 * writes every submission and acknowledgement make are written this way.
 * Awaited on its own, it runs as a batch of one.
 */
export function textRun(db: Database, text: string, params: unknown[]) {
  return asText(db.run(text), db, 'run', text, params);
}

/** {@link textRun} for a statement that returns rows (`… returning`), read as objects. */
export function textAll<Row>(db: Database, text: string, params: unknown[]) {
  return asText(db.all<Row>(text), db, 'all', text, params);
}

function asText<Raw extends SQLiteRaw<unknown>>(
  raw: Raw,
  db: Database,
  method: 'run' | 'all',
  text: string,
  params: unknown[],
): Raw {
  raw.getQuery = () => ({ sql: text, params, method });
  raw.execute = async () => (await db.batch([raw as unknown as BatchItem<'sqlite'>]))[0];
  return raw;
}
