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
import type * as schema from './schema.ts';

export type Schema = typeof schema;

export type Database = BaseSQLiteDatabase<'async', unknown, Schema> & {
  batch<U extends BatchItem<'sqlite'>, T extends Readonly<[U, ...U[]]>>(
    batch: T,
  ): Promise<BatchResponse<T>>;
};
