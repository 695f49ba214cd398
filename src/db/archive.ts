/**
 * @module
 * The supporter's archive (PROTOCOL.md §10.3): ciphertext the relay cannot
 * open, one row per (supporter, item id). Every query is scoped to one
 * supporter, so no supporter can read, count or delete another's items.
 */
import { and, asc, eq, getTableColumns, inArray, min, or, type SQL, sql } from 'drizzle-orm';
import { type Database, endedBy, liveAt } from './database.ts';
import { archiveItems, supporters } from './schema.ts';

export type ArchiveItemRow = typeof archiveItems.$inferSelect;

/** Where a listing continues: after this (stored hour, id). */
export interface ArchivePosition {
  storedHour: number;
  id: string;
}

/**
 * Creates or replaces an item, in one batch: an existing item (live or not
 * yet swept) is replaced; a new one is inserted only while the supporter
 * holds fewer than `cap` live items, so concurrent stores cannot pass the cap.
 *
 * @returns false when the item is new and the archive is full; nothing was written.
 */
export async function storeArchiveItem(
  db: Database,
  item: ArchiveItemRow,
  cap: number,
): Promise<boolean> {
  const own = and(eq(archiveItems.supporterId, item.supporterId), eq(archiveItems.id, item.id));
  const live = db
    .select({ count: sql<number>`count(*)` })
    .from(archiveItems)
    .where(
      and(
        eq(archiveItems.supporterId, item.supporterId),
        liveAt(archiveItems.expiresHour, item.storedHour),
      ),
    );
  // The row as constants selected from its supporter's row, only while there is room.
  const columns = getTableColumns(archiveItems);
  const constants = Object.fromEntries(
    Object.entries(columns).map(([key, column]) => [
      key,
      sql`${sql.param(item[key as keyof ArchiveItemRow], column)}`.as(column.name),
    ]),
  ) as Record<keyof ArchiveItemRow, SQL.Aliased>;
  const [replaced, inserted] = await db.batch([
    db
      .update(archiveItems)
      .set({
        ciphertext: item.ciphertext,
        storedHour: item.storedHour,
        expiresHour: item.expiresHour,
      })
      .where(own)
      .returning({ id: archiveItems.id }),
    db
      .insert(archiveItems)
      .select(
        db
          .select(constants)
          .from(supporters)
          .where(and(eq(supporters.id, item.supporterId), sql`(${live}) < ${cap}`)),
      )
      .onConflictDoNothing()
      .returning({ id: archiveItems.id }),
  ]);
  return replaced.length + inserted.length > 0;
}

/**
 * The hour the supporter's earliest live item expires, freeing a place
 * (a `Retry-After` for a full archive), or null when they hold none.
 */
export async function earliestArchiveExpiry(
  db: Database,
  supporterId: string,
  hour: number,
): Promise<number | null> {
  const row = await db
    .select({ hour: min(archiveItems.expiresHour) })
    .from(archiveItems)
    .where(and(eq(archiveItems.supporterId, supporterId), liveAt(archiveItems.expiresHour, hour)))
    .get();
  return row?.hour ?? null;
}

/**
 * Up to `limit` of the supporter's live items, oldest stored first (ties by
 * id), after `after` when given. Keyset order: an item replaced meanwhile
 * moves to the end and is listed there, so none is missed.
 */
export async function listArchiveItems(
  db: Database,
  query: { supporterId: string; hour: number; limit: number; after?: ArchivePosition },
): Promise<ArchiveItemRow[]> {
  const { after } = query;
  return db
    .select()
    .from(archiveItems)
    .where(
      and(
        eq(archiveItems.supporterId, query.supporterId),
        liveAt(archiveItems.expiresHour, query.hour),
        after === undefined
          ? undefined
          : or(
              sql`${archiveItems.storedHour} > ${after.storedHour}`,
              and(
                eq(archiveItems.storedHour, after.storedHour),
                sql`${archiveItems.id} > ${after.id}`,
              ),
            ),
      ),
    )
    .orderBy(asc(archiveItems.storedHour), asc(archiveItems.id))
    .limit(query.limit)
    .all();
}

/**
 * Deletes the supporter's items among `ids`.
 *
 * @returns how many this call deleted (unknown, foreign or deleted ids count zero).
 */
export async function deleteArchiveItems(
  db: Database,
  supporterId: string,
  ids: string[],
): Promise<number> {
  if (ids.length === 0) return 0;
  const deleted = await db
    .delete(archiveItems)
    .where(and(eq(archiveItems.supporterId, supporterId), inArray(archiveItems.id, ids)))
    .returning({ id: archiveItems.id });
  return deleted.length;
}

/** Every item of a supporter (leaving the service): a batch item. */
export function deleteArchiveOf(db: Database, supporterId: string) {
  return db
    .delete(archiveItems)
    .where(eq(archiveItems.supporterId, supporterId))
    .returning({ id: archiveItems.id });
}

/** Items past their life, for every supporter (the sweep): a batch item. */
export function deleteExpiredArchiveItems(db: Database, hour: number) {
  return db
    .delete(archiveItems)
    .where(endedBy(archiveItems.expiresHour, hour))
    .returning({ id: archiveItems.id });
}
