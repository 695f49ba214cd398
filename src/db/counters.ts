/**
 * @module
 * Per-day event counters. They are what the operator's figures are computed
 * from, so every instance reports the same numbers; no row names a doctor.
 */
import { and, eq, gte, sql } from 'drizzle-orm';
import { type Database, textRun } from './database.ts';
import { dailyCounts, supporterDailyCounts } from './schema.ts';

export type CountedEvent =
  | 'submitted'
  | 'delivered'
  | 'expired'
  | 'replied'
  | 'reply_read'
  | 'reply_expired'
  | 'rate_limited'
  | 'notify_failed'
  /** `delivery_hours:N`: messages delivered N whole hours after receipt. */
  | `delivery_hours:${number}`;

export type SupporterEvent = 'received' | 'first_contact' | 'delivered';

// Counter updates are SQL text: they run with every submission and
// acknowledgement (see textRun in database.ts).

export function countEvent(db: Database, day: string, event: CountedEvent, amount = 1) {
  return textRun(
    db,
    `insert into daily_counts (day, event, count) values (?, ?, ?)
      on conflict (day, event) do update set count = count + excluded.count`,
    [day, event, amount],
  );
}

export function countSupporterEvent(
  db: Database,
  supporterId: string,
  day: string,
  event: SupporterEvent,
  amount = 1,
) {
  return textRun(
    db,
    `insert into supporter_daily_counts (supporter_id, day, event, count) values (?, ?, ?, ?)
      on conflict (supporter_id, day, event) do update set count = count + excluded.count`,
    [supporterId, day, event, amount],
  );
}

/** Counter rows from `sinceDay` (inclusive, `YYYY-MM-DD`) on. */
export async function dailyCountsSince(db: Database, sinceDay: string) {
  return db.select().from(dailyCounts).where(gte(dailyCounts.day, sinceDay)).all();
}

/** Every counter summed over all days (Prometheus counters). */
export async function eventTotals(db: Database): Promise<Map<string, number>> {
  const rows = await db
    .select({ event: dailyCounts.event, total: sql<number>`sum(${dailyCounts.count})` })
    .from(dailyCounts)
    .groupBy(dailyCounts.event)
    .all();
  return new Map(rows.map((row) => [row.event, Number(row.total)]));
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
