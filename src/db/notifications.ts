/**
 * @module
 * Queries behind supporter notifications and operator alerts. Every write to
 * `notification_state` is conditional on the row still being what the caller
 * read, so two scheduler runs at once (two instances, or a slow run and the
 * next) cannot both send the same notification.
 */
import { and, eq, gt, isNotNull, lte, or, sql } from 'drizzle-orm';
import type { Database } from './database.ts';
import {
  messages,
  type NotificationChannel,
  notificationState,
  supporterDailyCounts,
  supporters,
} from './schema.ts';

export type NotificationStateRow = typeof notificationState.$inferSelect;

/** Active supporters who chose at least one notification channel. */
export async function listNotificationSubscribers(db: Database) {
  return db
    .select({
      id: supporters.id,
      email: supporters.email,
      notifyEmail: supporters.notifyEmail,
      notifyWebhookUrl: supporters.notifyWebhookUrl,
      // Messages ever queued for them: a sum that only grows, so "more than
      // the last notice covered" means "something new", without naming a
      // message or a time.
      receivedCount: sql<number>`coalesce((select sum(${supporterDailyCounts.count})
        from ${supporterDailyCounts} where ${supporterDailyCounts.supporterId} = ${supporters.id}
        and ${supporterDailyCounts.event} = 'received'), 0)`.mapWith(Number),
    })
    .from(supporters)
    .where(
      and(
        eq(supporters.active, true),
        eq(supporters.left, false),
        or(
          and(eq(supporters.notifyEmail, true), isNotNull(supporters.email)),
          isNotNull(supporters.notifyWebhookUrl),
        ),
      ),
    )
    .orderBy(supporters.id)
    .all();
}

export async function listNotificationStates(db: Database): Promise<NotificationStateRow[]> {
  return db.select().from(notificationState).all();
}

/** Channels whose latest attempt failed, waiting for their retry (the operator's view). */
export async function listFailingChannels(db: Database): Promise<NotificationStateRow[]> {
  return db
    .select()
    .from(notificationState)
    .innerJoin(supporters, eq(supporters.id, notificationState.supporterId))
    .where(and(gt(notificationState.failures, 0), eq(supporters.left, false)))
    .orderBy(notificationState.supporterId, notificationState.channel)
    .all()
    .then((rows) => rows.map((row) => row.notification_state));
}

function stateIs(supporterId: string, channel: NotificationChannel, seen: NotificationStateRow) {
  return and(
    eq(notificationState.supporterId, supporterId),
    eq(notificationState.channel, channel),
    eq(notificationState.coveredReceived, seen.coveredReceived),
    eq(notificationState.failures, seen.failures),
    sql`${notificationState.nextHour} is ${seen.nextHour}`,
  );
}

/**
 * Takes the next attempt on a channel for this run: succeeds only if the
 * state is still `seen` (`null`: no row yet), and moves `nextHour` on so no
 * other run attempts it meanwhile.
 *
 * @returns whether this run may send.
 */
export async function claimAttempt(
  db: Database,
  supporterId: string,
  channel: NotificationChannel,
  seen: NotificationStateRow | null,
  nextHour: number,
): Promise<boolean> {
  if (seen === null) {
    const inserted = await db
      .insert(notificationState)
      .values({ supporterId, channel, coveredReceived: 0, nextHour, failures: 0 })
      .onConflictDoNothing()
      .returning({ supporterId: notificationState.supporterId });
    return inserted.length === 1;
  }
  const updated = await db
    .update(notificationState)
    .set({ nextHour })
    .where(stateIs(supporterId, channel, seen))
    .returning({ supporterId: notificationState.supporterId });
  return updated.length === 1;
}

/** A notice went out: everything received up to `covered` has been notified. */
export async function recordDelivered(
  db: Database,
  supporterId: string,
  channel: NotificationChannel,
  covered: number,
): Promise<void> {
  await db
    .update(notificationState)
    .set({ coveredReceived: covered, failures: 0 })
    .where(
      and(eq(notificationState.supporterId, supporterId), eq(notificationState.channel, channel)),
    );
}

/** A delivery failed: retry from `nextHour`. */
export async function recordFailed(
  db: Database,
  supporterId: string,
  channel: NotificationChannel,
  failures: number,
  nextHour: number,
): Promise<void> {
  await db
    .update(notificationState)
    .set({ failures, nextHour })
    .where(
      and(eq(notificationState.supporterId, supporterId), eq(notificationState.channel, channel)),
    );
}

/** A changed address gets a fresh start: no backoff left over from the old one. */
export function resetBackoff(db: Database, supporterId: string, channel: NotificationChannel) {
  return db
    .update(notificationState)
    .set({ failures: 0, nextHour: null })
    .where(
      and(eq(notificationState.supporterId, supporterId), eq(notificationState.channel, channel)),
    );
}

/**
 * Queued messages received in or before `receivedByHour` and still within
 * their deadline: how many, and for whom.
 */
export async function waitingSince(db: Database, receivedByHour: number, nowHour: number) {
  const rows = await db
    .select({ supporterId: messages.supporterId, n: sql<number>`count(*)` })
    .from(messages)
    .where(
      and(
        eq(messages.status, 'queued'),
        gt(messages.expiresHour, nowHour),
        lte(messages.receivedHour, receivedByHour),
      ),
    )
    .groupBy(messages.supporterId)
    .orderBy(messages.supporterId)
    .all();
  return {
    count: rows.reduce((sum, row) => sum + Number(row.n), 0),
    supporterIds: rows.map((row) => row.supporterId),
  };
}
