/**
 * @module
 * Per-day event counters. They are what the operator's figures are computed
 * from, so every instance reports the same numbers; no row names a doctor.
 *
 * One counting pattern: a counter changes in the same batch as the rows it
 * counts, by exactly the rows that batch changes. Either the batch inserts
 * a row that fails it whole if it already exists (so a lost race counts
 * nothing), and the counter adds a known amount ({@link countEvent}); or the
 * counter counts, just before an update or delete, the rows matching that
 * write's own condition ({@link countMatching}). A batch is one transaction
 * on every driver, so those are exactly the rows the write then changes.
 */
import { and, count, eq, gt, gte, type SQL, sql } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Database } from './database.ts';
import { dailyCounts, hourlyReceived, supporterDailyCounts } from './schema.ts';

/**
 * Events counted relay-wide. A submission and a delivery are each counted
 * once, per supporter (`received`) and in their latency bucket
 * (`delivery_hours:N`); the relay-wide `submitted` and `delivered` figures
 * are read as their sums ({@link dailyCountsSince}, {@link eventTotals}).
 */
export type CountedEvent =
  | 'expired'
  | 'replied'
  | 'reply_read'
  | 'reply_expired'
  | 'rate_limited'
  | 'purged'
  | 'notify_failed'
  /** `delivery_hours:N`: messages delivered N whole hours after receipt. */
  | `delivery_hours:${number}`;

export type SupporterEvent = 'received' | 'first_contact' | 'delivered';

const addToDaily = {
  target: [dailyCounts.day, dailyCounts.event],
  set: { count: sql`${dailyCounts.count} + excluded.count` },
};

const addToSupporterDaily = {
  target: [supporterDailyCounts.supporterId, supporterDailyCounts.day, supporterDailyCounts.event],
  set: { count: sql`${supporterDailyCounts.count} + excluded.count` },
};

/** Adds `amount` to a relay-wide counter (run alone, or as a batch item). */
export function countEvent(db: Database, day: string, event: CountedEvent, amount = 1) {
  return db
    .insert(dailyCounts)
    .values({ day, event, count: amount })
    .onConflictDoUpdate(addToDaily);
}

/** Adds `amount` to one supporter's counter (a batch item). */
export function countSupporterEvent(
  db: Database,
  supporterId: string,
  day: string,
  event: SupporterEvent,
  amount = 1,
) {
  return db
    .insert(supporterDailyCounts)
    .values({ supporterId, day, event, count: amount })
    .onConflictDoUpdate(addToSupporterDaily);
}

/**
 * Adds one to the hour's count of received messages, across the relay (a
 * batch item): the ceiling `SUBMISSIONS_PER_HOUR` reads it.
 */
export function countReceivedHour(db: Database, hour: number) {
  return db
    .insert(hourlyReceived)
    .values({ hour, count: 1 })
    .onConflictDoUpdate({
      target: hourlyReceived.hour,
      set: { count: sql`${hourlyReceived.count} + excluded.count` },
    });
}

/** What {@link countMatching} adds to: a relay-wide counter, or one supporter's. */
export type CountedAs =
  | { day: string; event: CountedEvent }
  | { day: string; event: SupporterEvent; supporterId: string };

/**
 * Adds the number of rows of `table` matching `where` to a counter (nothing
 * when none match): a batch item to put just before the update or delete
 * with the same condition, which then changes exactly the rows counted.
 */
export function countMatching(db: Database, as: CountedAs, table: SQLiteTable, where: SQL) {
  const day = sql<string>`${as.day}`.as('day');
  const event = sql<string>`${as.event}`.as('event');
  const matching = count().as('count');
  if ('supporterId' in as) {
    const supporterId = sql<string>`${as.supporterId}`.as('supporter_id');
    return db
      .insert(supporterDailyCounts)
      .select(
        db
          .select({ supporterId, day, event, count: matching })
          .from(table)
          .where(where)
          .having(gt(count(), 0)),
      )
      .onConflictDoUpdate(addToSupporterDaily);
  }
  return db
    .insert(dailyCounts)
    .select(
      db.select({ day, event, count: matching }).from(table).where(where).having(gt(count(), 0)),
    )
    .onConflictDoUpdate(addToDaily);
}

/** The figures read as sums of other counters: `submitted` and `delivered` (see {@link CountedEvent}). */
type SummedEvent = 'submitted' | 'delivered';

const DELIVERY_BUCKET = 'delivery_hours:';

/** Received messages, summed over supporters, per day from `sinceDay` on (all days if null). */
function receivedByDay(db: Database, sinceDay: string | null) {
  return db
    .select({
      day: supporterDailyCounts.day,
      count: sql<number>`sum(${supporterDailyCounts.count})`.mapWith(Number),
    })
    .from(supporterDailyCounts)
    .where(
      and(
        eq(supporterDailyCounts.event, 'received'),
        sinceDay === null ? undefined : gte(supporterDailyCounts.day, sinceDay),
      ),
    )
    .groupBy(supporterDailyCounts.day)
    .all();
}

/**
 * Counter rows from `sinceDay` (inclusive, `YYYY-MM-DD`) on, with a
 * `submitted` and a `delivered` row per day that had any.
 */
export async function dailyCountsSince(
  db: Database,
  sinceDay: string,
): Promise<{ day: string; event: CountedEvent | SummedEvent; count: number }[]> {
  const [rows, received] = await Promise.all([
    db.select().from(dailyCounts).where(gte(dailyCounts.day, sinceDay)).all(),
    receivedByDay(db, sinceDay),
  ]);
  const delivered = new Map<string, number>();
  for (const row of rows) {
    if (row.event.startsWith(DELIVERY_BUCKET)) {
      delivered.set(row.day, (delivered.get(row.day) ?? 0) + row.count);
    }
  }
  return [
    ...rows.map((row) => ({ ...row, event: row.event as CountedEvent })),
    ...received.map((row) => ({ day: row.day, event: 'submitted' as const, count: row.count })),
    ...[...delivered].map(([day, count]) => ({ day, event: 'delivered' as const, count })),
  ];
}

/** Every counter summed over all days (Prometheus counters), `submitted` and `delivered` too. */
export async function eventTotals(db: Database): Promise<Map<string, number>> {
  const [rows, received] = await Promise.all([
    db
      .select({ event: dailyCounts.event, total: sql<number>`sum(${dailyCounts.count})` })
      .from(dailyCounts)
      .groupBy(dailyCounts.event)
      .all(),
    receivedByDay(db, null),
  ]);
  const totals = new Map(rows.map((row) => [row.event, Number(row.total)]));
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  totals.set('submitted', sum(received.map((row) => row.count)));
  totals.set(
    'delivered',
    sum(
      rows.filter((row) => row.event.startsWith(DELIVERY_BUCKET)).map((row) => Number(row.total)),
    ),
  );
  return totals;
}

export async function supporterEventSince(
  db: Database,
  event: SupporterEvent,
  sinceDay: string,
): Promise<Map<string, number>> {
  const rows = await db
    .select({
      supporterId: supporterDailyCounts.supporterId,
      total: sql<number>`sum(${supporterDailyCounts.count})`,
    })
    .from(supporterDailyCounts)
    .where(and(eq(supporterDailyCounts.event, event), gte(supporterDailyCounts.day, sinceDay)))
    .groupBy(supporterDailyCounts.supporterId)
    .all();
  return new Map(rows.map((row) => [row.supporterId, Number(row.total)]));
}

/** One supporter's counts of `event` per month (`YYYY-MM`) from `sinceDay` on. */
export async function supporterEventByMonth(
  db: Database,
  supporterId: string,
  event: SupporterEvent,
  sinceDay: string,
): Promise<Map<string, number>> {
  const month = sql<string>`substr(${supporterDailyCounts.day}, 1, 7)`;
  const rows = await db
    .select({ month, total: sql<number>`sum(${supporterDailyCounts.count})` })
    .from(supporterDailyCounts)
    .where(
      and(
        eq(supporterDailyCounts.supporterId, supporterId),
        eq(supporterDailyCounts.event, event),
        gte(supporterDailyCounts.day, sinceDay),
      ),
    )
    .groupBy(month)
    .all();
  return new Map(rows.map((row) => [row.month, Number(row.total)]));
}

/** One event's count per day from `sinceDay` (inclusive) on. */
export async function eventCountsSince(
  db: Database,
  event: CountedEvent,
  sinceDay: string,
): Promise<Map<string, number>> {
  const rows = await db
    .select({ day: dailyCounts.day, count: dailyCounts.count })
    .from(dailyCounts)
    .where(and(eq(dailyCounts.event, event), gte(dailyCounts.day, sinceDay)))
    .all();
  return new Map(rows.map((row) => [row.day, row.count]));
}
