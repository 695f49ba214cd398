/** @module Doctor-to-supporter messages and the mailboxes they come from. */
import { and, asc, count, eq, lt, lte, min, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { randomBytes, toB64 } from '../crypto.ts';
import { type Database, textAll, textRun } from './database.ts';
import { prepared } from './prepared.ts';
import {
  hourlyReceived,
  mailboxes,
  messages,
  replies,
  type SupporterStatus,
  supporters,
} from './schema.ts';

export type MessageRow = typeof messages.$inferSelect;
export type MailboxRow = typeof mailboxes.$inferSelect;

const messageById = prepared((db) =>
  db
    .select()
    .from(messages)
    .where(eq(messages.id, sql.placeholder('id')))
    .prepare(),
);

export async function findMessage(db: Database, id: string): Promise<MessageRow | null> {
  return (await messageById(db).get({ id })) ?? null;
}

const mailboxById = prepared((db) =>
  db
    .select()
    .from(mailboxes)
    .where(eq(mailboxes.id, sql.placeholder('id')))
    .prepare(),
);

export async function findMailbox(db: Database, id: string): Promise<MailboxRow | null> {
  return (await mailboxById(db).get({ id })) ?? null;
}

export interface SubmissionContext {
  supporterId: string;
  active: boolean;
  status: SupporterStatus;
  awayUntilHour: number | null;
  /** The mailbox of a message already stored with this id (a resubmission), or null. */
  storedMailboxId: string | null;
  /** The read-token hash of the submitting mailbox if it exists, or null. */
  mailboxTokenHash: string | null;
  /** The supporter's queued messages within their deadline. */
  pending: number;
  /** Messages received this hour by the whole relay. */
  receivedThisHour: number;
  /** Whether this mailbox wrote to this supporter before. */
  wroteBefore: boolean;
}

const submissionContextQuery = prepared((db) => {
  const supporterId = sql.placeholder('supporterId');
  const mailboxId = sql.placeholder('mailboxId');
  const hour = sql.placeholder('hour');
  return db
    .select({
      supporterId: supporters.id,
      active: supporters.active,
      status: supporters.status,
      awayUntilHour: supporters.awayUntilHour,
      storedMailboxId: sql<string | null>`(select ${messages.mailboxId} from ${messages}
        where ${messages.id} = ${sql.placeholder('messageId')})`,
      mailboxTokenHash: sql<string | null>`(select ${mailboxes.readTokenHash} from ${mailboxes}
        where ${mailboxes.id} = ${mailboxId})`,
      pending: sql<number>`(select count(*) from ${messages} where ${messages.supporterId} = ${supporterId}
        and ${messages.status} = 'queued' and ${messages.expiresHour} > ${hour})`,
      receivedThisHour: sql<number>`coalesce((select ${hourlyReceived.count} from ${hourlyReceived}
        where ${hourlyReceived.hour} = ${hour}), 0)`,
      wroteBefore: sql<number>`exists (select 1 from ${messages}
        where ${messages.mailboxId} = ${mailboxId} and ${messages.supporterId} = ${supporterId})`,
    })
    .from(supporters)
    .where(eq(supporters.id, supporterId))
    .prepare();
});

/**
 * What a submission is checked against, in one statement (it runs for every
 * submission): the supporter, a stored message with the same id, the
 * submitting mailbox, the inbox and hourly counts, and whether this mailbox
 * wrote to this supporter before.
 *
 * @returns null when no supporter has this id.
 */
export async function submissionContext(
  db: Database,
  query: { messageId: string; supporterId: string; mailboxId: string; hour: number },
): Promise<SubmissionContext | null> {
  const row = await submissionContextQuery(db).get(query);
  return row === undefined ? null : { ...row, wroteBefore: Boolean(row.wroteBefore) };
}

/** Adds `amount` to the hour's count of received messages (a batch item). */
export function countReceivedHour(db: Database, hour: number, amount: number) {
  return textRun(
    db,
    `insert into hourly_received (hour, count) values (?, ?)
      on conflict (hour) do update set count = count + excluded.count`,
    [hour, amount],
  );
}

/** Forgets the counts of hours before `hour`: only the current hour is ever checked. */
export async function deleteHourlyCountsBefore(db: Database, hour: number): Promise<void> {
  await db.delete(hourlyReceived).where(lt(hourlyReceived.hour, hour));
}

/**
 * Stores a message and creates its mailbox, or extends the mailbox's life if
 * it exists with the same read-token hash, in one batch.
 *
 * @returns false if a message with this id was already stored.
 */
export async function insertMessage(
  db: Database,
  message: typeof messages.$inferInsert,
  mailbox: MailboxRow,
  /** Counter updates committed in the same transaction, so a crash cannot split them off. */
  counters: BatchItem<'sqlite'>[] = [],
): Promise<boolean> {
  // SQL text: it runs for every submission (see textRun in database.ts).
  const [, inserted] = await db.batch([
    textRun(
      db,
      `insert into mailboxes (id, read_token_hash, expires_hour) values (?, ?, ?)
        on conflict (id) do update set expires_hour = max(expires_hour, excluded.expires_hour)
        where read_token_hash = excluded.read_token_hash`,
      [mailbox.id, mailbox.readTokenHash, mailbox.expiresHour],
    ),
    textAll<{ id: string }>(
      db,
      `insert into messages
        (id, supporter_id, mailbox_id, ciphertext, status, received_hour, expires_hour)
        values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing returning id`,
      [
        message.id,
        message.supporterId,
        message.mailboxId,
        message.ciphertext,
        message.status,
        message.receivedHour,
        message.expiresHour,
      ],
    ),
    ...counters,
  ]);
  return inserted.length === 1;
}

/** Extends a mailbox's life to at least `expiresHour` (its last activity counts). */
export async function extendMailbox(db: Database, id: string, expiresHour: number): Promise<void> {
  await db
    .update(mailboxes)
    .set({ expiresHour: sql`max(${mailboxes.expiresHour}, ${expiresHour})` })
    .where(eq(mailboxes.id, id));
}

const inboxOf = prepared((db) =>
  db
    .select({
      id: messages.id,
      ciphertext: messages.ciphertext,
      receivedHour: messages.receivedHour,
    })
    .from(messages)
    .where(
      and(
        eq(messages.supporterId, sql.placeholder('supporterId')),
        eq(messages.status, 'queued'),
        sql`${messages.expiresHour} > ${sql.placeholder('nowHour')}`,
      ),
    )
    .orderBy(asc(messages.receivedHour), asc(messages.id))
    .prepare(),
);

export async function listInbox(db: Database, supporterId: string, nowHour: number) {
  return inboxOf(db).all({ supporterId, nowHour });
}

/**
 * Marks messages delivered, deletes their ciphertext and counts the delivery
 * in one batch: the update takes only the supporter's queued messages, so
 * concurrent acknowledgements of the same ids deliver (and count) each
 * exactly once, and a crash cannot separate a delivery from its count.
 *
 * The counters count the rows this batch delivered, found by a marker the
 * update sets and the batch clears again before it commits.
 */
export async function deliverMessages(
  db: Database,
  delivery: { supporterId: string; ids: string[]; nowHour: number; day: string },
): Promise<{ id: string; receivedHour: number; mailboxId: string }[]> {
  const { supporterId, ids, nowHour, day } = delivery;
  const marker = toB64(randomBytes(16));
  // SQL text: the id list varies in length, and this runs with every
  // acknowledgement (see textRun in database.ts).
  const list = ids.map(() => '?').join(', ');
  const deliveredNow = `from messages where id in (${list}) and delivered_by = ?`;
  const [delivered] = await db.batch([
    // Past its deadline a message is expired, even before the sweep has run.
    textAll<{ id: string; receivedHour: number; mailboxId: string }>(
      db,
      `update messages
        set status = 'delivered', ciphertext = null, delivered_hour = ?, delivered_by = ?
        where supporter_id = ? and status = 'queued' and id in (${list}) and expires_hour > ?
        returning id, received_hour as receivedHour, mailbox_id as mailboxId`,
      [nowHour, marker, supporterId, ...ids, nowHour],
    ),
    textRun(
      db,
      `insert into daily_counts (day, event, count)
        select ?, 'delivered', count(*) ${deliveredNow} having count(*) > 0
        on conflict (day, event) do update set count = count + excluded.count`,
      [day, ...ids, marker],
    ),
    textRun(
      db,
      `insert into supporter_daily_counts (supporter_id, day, event, count)
        select ?, ?, 'delivered', count(*) ${deliveredNow} having count(*) > 0
        on conflict (supporter_id, day, event) do update set count = count + excluded.count`,
      [supporterId, day, ...ids, marker],
    ),
    // How long each waited, in whole hours: the `delivery_hours:N` counters.
    textRun(
      db,
      `insert into daily_counts (day, event, count)
        select ?, 'delivery_hours:' || max(0, (cast(? as integer) - received_hour) / 3600), count(*)
        ${deliveredNow} group by received_hour
        on conflict (day, event) do update set count = count + excluded.count`,
      [day, nowHour, ...ids, marker],
    ),
    textRun(
      db,
      `update messages set delivered_by = null where id in (${list}) and delivered_by = ?`,
      [...ids, marker],
    ),
  ]);
  return delivered;
}

export async function listSent(db: Database, mailboxId: string) {
  return db
    .select({
      id: messages.id,
      supporterId: messages.supporterId,
      status: messages.status,
      expiresHour: messages.expiresHour,
      receivedHour: messages.receivedHour,
    })
    .from(messages)
    .where(eq(messages.mailboxId, mailboxId))
    .orderBy(asc(messages.receivedHour), asc(messages.id))
    .all();
}

/** Whether `mailboxId` ever wrote to this supporter: only then may the supporter reply to it. */
export async function mailboxWroteTo(
  db: Database,
  mailboxId: string,
  supporterId: string,
): Promise<boolean> {
  return (await wroteTo(db).get({ mailboxId, supporterId })) !== undefined;
}

const wroteTo = prepared((db) =>
  db
    .select({ id: messages.id })
    .from(messages)
    .where(
      and(
        eq(messages.mailboxId, sql.placeholder('mailboxId')),
        eq(messages.supporterId, sql.placeholder('supporterId')),
      ),
    )
    .limit(1)
    .prepare(),
);

/** Queued messages past their deadline: ciphertext deleted, status `expired`. */
export async function expireQueuedMessages(db: Database, nowHour: number) {
  return db
    .update(messages)
    .set({ status: 'expired', ciphertext: null })
    .where(and(eq(messages.status, 'queued'), lte(messages.expiresHour, nowHour)))
    .returning({ id: messages.id });
}

/** All queued messages of a supporter who leaves: they can no longer be read. */
export async function expireMessagesOf(db: Database, supporterId: string) {
  return db
    .update(messages)
    .set({ status: 'expired', ciphertext: null })
    .where(and(eq(messages.supporterId, supporterId), eq(messages.status, 'queued')))
    .returning({ id: messages.id });
}

export async function pendingSummary(db: Database, nowHour: number) {
  return db
    .select({
      supporterId: messages.supporterId,
      pending: count(),
      oldestHour: min(messages.receivedHour),
    })
    .from(messages)
    .where(and(eq(messages.status, 'queued'), sql`${messages.expiresHour} > ${nowHour}`))
    .groupBy(messages.supporterId)
    .all();
}

/**
 * Deletes mailboxes past their life together with everything left in them
 * (status rows without ciphertext, unread replies).
 *
 * @returns how many mailboxes, messages and replies went.
 */
export async function deleteExpiredMailboxes(db: Database, nowHour: number) {
  const expired = sql`(select ${mailboxes.id} from ${mailboxes} where ${mailboxes.expiresHour} <= ${nowHour})`;
  const [gone, goneMessages, goneReplies] = await db.batch([
    db.select({ id: mailboxes.id }).from(mailboxes).where(lte(mailboxes.expiresHour, nowHour)),
    db
      .delete(messages)
      .where(sql`${messages.mailboxId} in ${expired}`)
      .returning({ id: messages.id, status: messages.status }),
    db.delete(replies).where(sql`${replies.mailboxId} in ${expired}`).returning({ id: replies.id }),
    db.delete(mailboxes).where(lte(mailboxes.expiresHour, nowHour)),
  ]);
  return { mailboxes: gone.length, messages: goneMessages, replies: goneReplies.length };
}
