/**
 * @module
 * The database handle every query takes first. It is drizzle's async SQLite
 * dialect plus `batch`, which every driver we run on provides (libSQL on
 * Node and Turso, D1 on Workers).
 *
 * One way to query: drizzle's query builder, or its prepared statements
 * (`.prepare()` with placeholders) for the reads every request makes, kept
 * per handle by {@link prepared}. Writes that belong together go in one
 * `db.batch`, never an interactive transaction: a batch is atomic on every
 * driver and cannot leave a connection mid-transaction.
 */

import { gt, lte, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { BatchItem, BatchResponse } from 'drizzle-orm/batch';
import type { BaseSQLiteDatabase, SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type * as schema from './schema.ts';

export type Schema = typeof schema;

export type Database = BaseSQLiteDatabase<'async', unknown, Schema> & {
  batch<U extends BatchItem<'sqlite'>, T extends Readonly<[U, ...U[]]>>(
    batch: T,
  ): Promise<BatchResponse<T>>;
};

/**
 * Wraps a prepared-statement factory so each database handle builds it once:
 * building a query is most of drizzle's cost (a 25-column select takes
 * ~150 µs to build and ~13 µs to run prepared; bench/README.md).
 *
 * @example
 * const byId = prepared((db) =>
 *   db.select().from(messages).where(eq(messages.id, sql.placeholder('id'))).prepare(),
 * );
 * const row = await byId(db).get({ id });
 */
export function prepared<Query>(build: (db: Database) => Query): (db: Database) => Query {
  const queries = new WeakMap<Database, Query>();
  return (db) => {
    let query = queries.get(db);
    if (query === undefined) {
      query = build(db);
      queries.set(db, query);
    }
    return query;
  };
}

/**
 * Rows still within their life at `hour`: the SQL side of `isExpired` in
 * src/time.ts (an expiry hour is the first hour something no longer lives).
 */
export function liveAt(expiresHour: SQLiteColumn, hour: number | SQLWrapper): SQL {
  return gt(expiresHour, hour);
}

/** Rows whose life has ended by `hour` (see {@link liveAt}). */
export function endedBy(expiresHour: SQLiteColumn, hour: number): SQL {
  return lte(expiresHour, hour);
}
