/** @module Key/value settings: secrets generated at first start, and the operator alerts' state. */
import { and, eq } from 'drizzle-orm';
import type { Database } from './database.ts';
import { settings } from './schema.ts';

export async function readSetting(db: Database, key: string): Promise<string | null> {
  const row = await db.select().from(settings).where(eq(settings.key, key)).get();
  return row?.value ?? null;
}

/**
 * Stores `value` unless the key already has one, and returns what is stored:
 * two instances starting at once agree on the first value written.
 */
export async function keepFirstSetting(db: Database, key: string, value: string): Promise<string> {
  await db.insert(settings).values({ key, value }).onConflictDoNothing();
  return (await readSetting(db, key)) ?? value;
}

export async function writeSetting(db: Database, key: string, value: string): Promise<void> {
  await db.insert(settings).values({ key, value }).onConflictDoUpdate({
    target: settings.key,
    set: { value },
  });
}

/**
 * Replaces a setting only if it still holds `expected` (`null`: absent), so
 * that of two runs acting on the same reading only one goes ahead.
 *
 * @returns whether this call made the change.
 */
export async function replaceSetting(
  db: Database,
  key: string,
  expected: string | null,
  value: string,
): Promise<boolean> {
  if (expected === null) {
    const inserted = await db
      .insert(settings)
      .values({ key, value })
      .onConflictDoNothing()
      .returning({ key: settings.key });
    return inserted.length === 1;
  }
  const updated = await db
    .update(settings)
    .set({ value })
    .where(and(eq(settings.key, key), eq(settings.value, expected)))
    .returning({ key: settings.key });
  return updated.length === 1;
}

export async function deleteSetting(db: Database, key: string): Promise<void> {
  await db.delete(settings).where(eq(settings.key, key));
}
