/** @module What the readiness probe and the operator's health view ask of the database itself. */
import { sql } from 'drizzle-orm';
import type { Database } from './database.ts';
import { settings } from './schema.ts';

/** A read that needs the database: it throws when the database cannot be reached. */
function anyRead(db: Database) {
  return db.select({ key: settings.key }).from(settings).limit(1);
}

/** @throws when the database cannot be reached or is not migrated. */
export async function checkReachable(db: Database): Promise<void> {
  await anyRead(db).all();
}

/**
 * The database's size in bytes: SQLite's page count × page size (libSQL,
 * Turso), or on D1, which refuses those pragmas, the `size_after` it reports
 * with every result. Null if neither answers.
 */
export async function databaseSizeBytes(db: Database): Promise<number | null> {
  const bytes = (value: unknown) =>
    typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : null;
  try {
    // Pragmas are not queries drizzle's builder can express.
    const [count] = await db.values<[number]>(sql`PRAGMA page_count`);
    const [size] = await db.values<[number]>(sql`PRAGMA page_size`);
    const total = bytes(Number(count?.[0]) * Number(size?.[0]));
    if (total !== null) return total;
  } catch {
    // Not allowed here (D1): ask the driver below.
  }
  try {
    const result = (await anyRead(db).run()) as { meta?: { size_after?: unknown } };
    return bytes(result?.meta?.size_after);
  } catch {
    return null;
  }
}
