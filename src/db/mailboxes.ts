/**
 * @module
 * A doctor's mailbox: finding and extending it, its sent entries with the
 * doctor's own copies (PROTOCOL.md §10.1), which supporters it wrote to, and
 * its deletion for good with a tombstone (§10.2).
 */
import { and, asc, eq, ne, notExists, type SQL, sql } from 'drizzle-orm';
import { type Database, endedBy, prepared } from './database.ts';
import { deletedMailboxes, mailboxes, messages, replies, sentCopies } from './schema.ts';

export type MailboxRow = typeof mailboxes.$inferSelect;

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

/** Extends a mailbox's life to at least `expiresHour` (its last activity counts): a batch item. */
export function extendMailboxItem(db: Database, id: string, expiresHour: number) {
  return db
    .update(mailboxes)
    .set({ expiresHour: sql`max(${mailboxes.expiresHour}, ${expiresHour})` })
    .where(eq(mailboxes.id, id));
}

/**
 * {@link extendMailboxItem} on its own.
 *
 * @returns the mailbox as it is now, or null if it does not exist.
 */
export async function extendMailbox(
  db: Database,
  id: string,
  expiresHour: number,
): Promise<MailboxRow | null> {
  return (await extendMailboxItem(db, id, expiresHour).returning().get()) ?? null;
}

/** The mailbox's sent entries: each message's status, with the doctor's copy when one is kept. */
export async function listSent(db: Database, mailboxId: string) {
  return db
    .select({
      id: messages.id,
      supporterId: messages.supporterId,
      status: messages.status,
      expiresHour: messages.expiresHour,
      receivedHour: messages.receivedHour,
      copy: sentCopies.ciphertext,
    })
    .from(messages)
    .leftJoin(
      sentCopies,
      and(eq(sentCopies.mailboxId, messages.mailboxId), eq(sentCopies.messageId, messages.id)),
    )
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

const copyOf = prepared((db) =>
  db
    .select({ messageId: sentCopies.messageId })
    .from(sentCopies)
    .where(
      and(
        eq(sentCopies.mailboxId, sql.placeholder('mailboxId')),
        eq(sentCopies.messageId, sql.placeholder('messageId')),
      ),
    )
    .prepare(),
);

/** Whether the doctor's copy of this message is kept with the mailbox. */
export async function hasCopy(db: Database, mailboxId: string, messageId: string) {
  return (await copyOf(db).get({ mailboxId, messageId })) !== undefined;
}

export interface MailboxDeletion {
  mailboxId: string;
  /** What the tombstone keeps instead of the id (`capabilityHash` of it). */
  idHash: string;
  /** The hour the mailbox would have expired: the tombstone's life. */
  expiresHour: number;
}

/**
 * Deletes a mailbox for good, in one batch: its copies, its replies, its
 * sent-status rows (messages no longer queued) and the mailbox itself, and
 * leaves a tombstone so the id cannot be claimed again. Messages still queued
 * stay in their supporter's inbox (they are the supporter's now); once they
 * are delivered or expire, the sweep removes their rows
 * ({@link sweepDeletedMailboxes}).
 *
 * @returns false if the mailbox was gone already (a concurrent deletion).
 */
export async function deleteMailboxForGood(
  db: Database,
  deletion: MailboxDeletion,
): Promise<boolean> {
  const { mailboxId } = deletion;
  const results = await db.batch([
    db
      .insert(deletedMailboxes)
      .values({ idHash: deletion.idHash, expiresHour: deletion.expiresHour })
      .onConflictDoUpdate({
        target: deletedMailboxes.idHash,
        set: { expiresHour: sql`max(${deletedMailboxes.expiresHour}, excluded.expires_hour)` },
      }),
    db.delete(sentCopies).where(eq(sentCopies.mailboxId, mailboxId)),
    db.delete(replies).where(eq(replies.mailboxId, mailboxId)),
    db
      .delete(messages)
      .where(and(eq(messages.mailboxId, mailboxId), ne(messages.status, 'queued')) as SQL),
    db.delete(mailboxes).where(eq(mailboxes.id, mailboxId)).returning({ id: mailboxes.id }),
  ]);
  return results[4].length > 0;
}

/** No mailbox has this id (any more): a correlated condition on `column`. */
const noMailbox = (db: Database, column: typeof messages.mailboxId | typeof sentCopies.mailboxId) =>
  notExists(db.select({ id: mailboxes.id }).from(mailboxes).where(eq(mailboxes.id, column)));

/**
 * The sweep's share of §10.2, in one batch: rows left by deleted (or ended)
 * mailboxes go — copies, and sent-status rows of messages since delivered or
 * expired — and tombstones past the hour their mailbox would have expired.
 * Idempotent.
 *
 * @returns how many rows went.
 */
export async function sweepDeletedMailboxes(db: Database, hour: number): Promise<number> {
  const [copies, sent, tombstones] = await db.batch([
    db
      .delete(sentCopies)
      .where(noMailbox(db, sentCopies.mailboxId))
      .returning({ id: sentCopies.messageId }),
    db
      .delete(messages)
      .where(and(ne(messages.status, 'queued'), noMailbox(db, messages.mailboxId)) as SQL)
      .returning({ id: messages.id }),
    db
      .delete(deletedMailboxes)
      .where(endedBy(deletedMailboxes.expiresHour, hour))
      .returning({ idHash: deletedMailboxes.idHash }),
  ]);
  return copies.length + sent.length + tombstones.length;
}
