/** @module Doctor-to-supporter messages: stored, delivered, expired (their mailboxes are in ./mailboxes.ts). */
import {
  and,
  asc,
  count,
  eq,
  inArray,
  lt,
  lte,
  min,
  or,
  type SQL,
  type SQLWrapper,
  sql,
} from 'drizzle-orm';
import { hoursBetween } from '../time.ts';
import { countMatching, countReceivedHour, countSupporterEvent } from './counters.ts';
import { type Database, endedBy, liveAt, prepared } from './database.ts';
import type { MailboxRow } from './mailboxes.ts';
import {
  deletedMailboxes,
  hourlyReceived,
  mailboxes,
  messages,
  replies,
  type SupporterStatus,
  sentCopies,
  supporters,
} from './schema.ts';

export type MessageRow = typeof messages.$inferSelect;

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
  /** Messages received this hour by this supporter. */
  supporterReceivedThisHour: number;
  /** Whether this mailbox wrote to this supporter before. */
  wroteBefore: boolean;
  /** Whether its doctor deleted this mailbox (PROTOCOL.md §10.2) and its id is still kept. */
  mailboxDeleted: boolean;
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
        and ${messages.status} = 'queued' and ${liveAt(messages.expiresHour, hour)})`,
      receivedThisHour: sql<number>`coalesce((select ${hourlyReceived.count} from ${hourlyReceived}
        where ${hourlyReceived.hour} = ${hour}), 0)`,
      supporterReceivedThisHour: sql<number>`(select count(*) from ${messages}
        where ${messages.receivedHour} = ${hour} and ${messages.supporterId} = ${supporterId})`,
      wroteBefore: sql<number>`exists (select 1 from ${messages}
        where ${messages.mailboxId} = ${mailboxId} and ${messages.supporterId} = ${supporterId})`,
      mailboxDeleted: sql<number>`exists (select 1 from ${deletedMailboxes}
        where ${deletedMailboxes.idHash} = ${sql.placeholder('mailboxIdHash')}
        and ${liveAt(deletedMailboxes.expiresHour, hour)})`,
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
  query: {
    messageId: string;
    supporterId: string;
    mailboxId: string;
    /** The hash deleted mailboxes are kept under ({@link deletedMailboxes}). */
    mailboxIdHash: string;
    hour: number;
  },
): Promise<SubmissionContext | null> {
  const row = await submissionContextQuery(db).get(query);
  return row === undefined
    ? null
    : {
        ...row,
        wroteBefore: Boolean(row.wroteBefore),
        mailboxDeleted: Boolean(row.mailboxDeleted),
      };
}

export interface StoredSubmission {
  message: Omit<MessageRow, 'deliveredHour'>;
  mailbox: MailboxRow;
  /** `YYYY-MM-DD` of the counters. */
  day: string;
  /** The mailbox never wrote to this supporter before: counted as a first contact. */
  firstContact: boolean;
  /** The doctor's own copy (PROTOCOL.md §10.1), kept with the mailbox's entry. */
  copy?: Uint8Array | undefined;
  /** The hash a deletion of this mailbox is kept under ({@link deletedMailboxes}). */
  mailboxIdHash: string;
}

/**
 * Stores a message, creates its mailbox or extends its life (when the read
 * token hash matches), and counts it, in one batch.
 *
 * @returns false if a message with this id is stored already (a request that
 *   raced this one stored it first); then nothing was written or counted.
 */
export async function storeSubmission(
  db: Database,
  submission: StoredSubmission,
): Promise<boolean> {
  const { message, mailbox, day } = submission;
  const { supporterId } = message;
  try {
    await db.batch([
      db
        .insert(mailboxes)
        .values(mailbox)
        .onConflictDoUpdate({
          target: mailboxes.id,
          set: { expiresHour: sql`max(${mailboxes.expiresHour}, excluded.expires_hour)` },
          setWhere: sql`${mailboxes.readTokenHash} = excluded.read_token_hash`,
        }),
      // A deletion that won the race with this submission: the mailbox stays deleted
      // (PROTOCOL.md §10.2); the message is the supporter's, as a queued one would be.
      db.delete(mailboxes).where(
        and(
          eq(mailboxes.id, mailbox.id),
          sql`exists (select 1 from ${deletedMailboxes}
              where ${deletedMailboxes.idHash} = ${submission.mailboxIdHash})`,
        ),
      ),
      // No `on conflict`: a message stored meanwhile fails the whole batch.
      db.insert(messages).values(message),
      ...(submission.copy === undefined
        ? []
        : [
            db.insert(sentCopies).values({
              mailboxId: mailbox.id,
              messageId: message.id,
              ciphertext: submission.copy,
            }),
          ]),
      countSupporterEvent(db, supporterId, day, 'received'),
      ...(submission.firstContact
        ? [countSupporterEvent(db, supporterId, day, 'first_contact')]
        : []),
      countReceivedHour(db, message.receivedHour),
    ]);
    return true;
  } catch (error) {
    if ((await findMessage(db, message.id)) !== null) return false;
    throw error;
  }
}

const queuedFor = (supporterId: string | SQLWrapper, hour: number | SQLWrapper) =>
  and(
    eq(messages.supporterId, supporterId),
    eq(messages.status, 'queued'),
    liveAt(messages.expiresHour, hour),
  );

const inboxOf = prepared((db) =>
  db
    .select({
      id: messages.id,
      ciphertext: messages.ciphertext,
      receivedHour: messages.receivedHour,
    })
    .from(messages)
    .where(queuedFor(sql.placeholder('supporterId'), sql.placeholder('hour')))
    .orderBy(asc(messages.receivedHour), asc(messages.id))
    .prepare(),
);

export async function listInbox(db: Database, supporterId: string, hour: number) {
  return inboxOf(db).all({ supporterId, hour });
}

/** The supporter's queued messages among `ids` (a JSON array): what an acknowledgement may deliver. */
const deliverableQuery = prepared((db) =>
  db
    .select({ id: messages.id, receivedHour: messages.receivedHour })
    .from(messages)
    .where(
      and(
        queuedFor(sql.placeholder('supporterId'), sql.placeholder('hour')),
        sql`${messages.id} in (select value from json_each(${sql.placeholder('ids')}))`,
      ),
    )
    .prepare(),
);

/**
 * Delivers messages: marks them delivered, deletes their ciphertext and
 * counts the delivery (with its latency bucket) in one batch. Only the
 * supporter's own queued messages within their deadline are taken, so
 * concurrent acknowledgements of the same ids deliver and count each
 * exactly once.
 *
 * @returns how many messages this call delivered.
 */
export async function deliver(
  db: Database,
  delivery: { supporterId: string; ids: string[]; hour: number; day: string },
): Promise<number> {
  const { supporterId, hour, day } = delivery;
  const found = await deliverableQuery(db).all({
    supporterId,
    hour,
    ids: JSON.stringify(delivery.ids),
  });
  if (found.length === 0) return 0;
  // Those of them still queued when the batch runs (another acknowledgement may have come first).
  const ids = found.map((row) => row.id);
  const delivering = (receivedHour?: number) =>
    and(
      inArray(messages.id, ids),
      eq(messages.status, 'queued'),
      receivedHour === undefined ? undefined : eq(messages.receivedHour, receivedHour),
    ) as SQL;
  const receivedHours = [...new Set(found.map((row) => row.receivedHour))];
  const results = await db.batch([
    countMatching(db, { day, event: 'delivered', supporterId }, messages, delivering()),
    ...receivedHours.map((received) =>
      countMatching(
        db,
        { day, event: `delivery_hours:${hoursBetween(received, hour)}` },
        messages,
        delivering(received),
      ),
    ),
    db
      .update(messages)
      .set({ status: 'delivered', ciphertext: null, deliveredHour: hour })
      .where(delivering())
      .returning({ id: messages.id }),
  ]);
  return (results.at(-1) as { id: string }[]).length;
}

export interface Expired {
  /** Queued messages past their deadline, or left in a mailbox that ended. */
  messages: number;
  /** Unread replies past their life, or left in a mailbox that ended. */
  replies: number;
  mailboxes: number;
  /** Message rows deleted with their mailbox, whatever their status. */
  deletedMessages: number;
}

/**
 * Enforces the lifetimes of messages, replies and mailboxes (PROTOCOL.md §8)
 * and counts what expired, in one batch: queued messages past their
 * deadline lose their ciphertext; mailboxes past their life go with
 * everything left in them; unread replies past their life go. Idempotent.
 */
export async function expireMessagesAndMailboxes(
  db: Database,
  hour: number,
  day: string,
): Promise<Expired> {
  const ended = db
    .select({ id: mailboxes.id })
    .from(mailboxes)
    .where(endedBy(mailboxes.expiresHour, hour));
  const pastDeadline = and(eq(messages.status, 'queued'), endedBy(messages.expiresHour, hour));
  const queuedInEnded = and(eq(messages.status, 'queued'), inArray(messages.mailboxId, ended));
  const expiringReplies = or(
    endedBy(replies.expiresHour, hour),
    inArray(replies.mailboxId, ended),
  ) as SQL;
  const [, , expiredMessages, goneMessages, goneReplies, goneMailboxes] = await db.batch([
    countMatching(db, { day, event: 'expired' }, messages, or(pastDeadline, queuedInEnded) as SQL),
    countMatching(db, { day, event: 'reply_expired' }, replies, expiringReplies),
    db
      .update(messages)
      .set({ status: 'expired', ciphertext: null })
      .where(pastDeadline)
      .returning({ id: messages.id }),
    db
      .delete(messages)
      .where(inArray(messages.mailboxId, ended))
      .returning({ status: messages.status }),
    db.delete(replies).where(expiringReplies).returning({ id: replies.id }),
    db
      .delete(mailboxes)
      .where(endedBy(mailboxes.expiresHour, hour))
      .returning({ id: mailboxes.id }),
  ]);
  return {
    messages: expiredMessages.length + goneMessages.filter((m) => m.status === 'queued').length,
    replies: goneReplies.length,
    mailboxes: goneMailboxes.length,
    deletedMessages: goneMessages.length,
  };
}

/**
 * The operator's purge (issue 15): a supporter's queued messages received at
 * or before `cutoffHour` lose their ciphertext and show their doctors as
 * `expired`, counted as `purged`, in one batch.
 *
 * @returns how many messages this call purged.
 */
export async function purgeQueued(
  db: Database,
  purge: { supporterId: string; cutoffHour: number; hour: number; day: string },
): Promise<number> {
  const purging = and(
    queuedFor(purge.supporterId, purge.hour),
    lte(messages.receivedHour, purge.cutoffHour),
  ) as SQL;
  const [, purged] = await db.batch([
    countMatching(db, { day: purge.day, event: 'purged' }, messages, purging),
    db
      .update(messages)
      .set({ status: 'expired', ciphertext: null })
      .where(purging)
      .returning({ id: messages.id }),
  ]);
  return purged.length;
}

export async function pendingSummary(db: Database, hour: number) {
  return db
    .select({
      supporterId: messages.supporterId,
      pending: count(),
      oldestHour: min(messages.receivedHour),
    })
    .from(messages)
    .where(and(eq(messages.status, 'queued'), liveAt(messages.expiresHour, hour)))
    .groupBy(messages.supporterId)
    .all();
}

/** Forgets the received counts of hours before `hour`: only the current hour is ever checked. */
export function deleteHourlyCountsBefore(db: Database, hour: number) {
  return db.delete(hourlyReceived).where(lt(hourlyReceived.hour, hour));
}
