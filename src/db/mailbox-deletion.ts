/**
 * @module
 * What a doctor's mailbox leaves behind, and how it goes for good: the
 * doctor's own copies of sent messages (PROTOCOL.md §10.1) and the deletion
 * of a whole mailbox with its tombstone (§10.2).
 */
import { and, eq, ne, notExists, type SQL, sql } from 'drizzle-orm';
import { type Database, endedBy, prepared } from './database.ts';
import { deletedMailboxes, mailboxes, messages, replies, sentCopies } from './schema.ts';

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
