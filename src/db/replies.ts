/** @module Supporter-to-doctor replies, kept until read or expired. */
import { and, asc, count, eq, inArray, type SQL } from 'drizzle-orm';
import { countEvent, countMatching } from './counters.ts';
import { type Database, liveAt } from './database.ts';
import { replies, supporters } from './schema.ts';

export type ReplyRow = typeof replies.$inferSelect;

export async function findReply(db: Database, id: string): Promise<ReplyRow | null> {
  return (await db.select().from(replies).where(eq(replies.id, id)).get()) ?? null;
}

/**
 * Stores a reply and counts it, in one batch. The reply does not extend its
 * mailbox: only the doctor's own activity does (PROTOCOL.md §8).
 *
 * @returns false if a reply with this id is stored already; then nothing
 *   was written or counted.
 */
export async function storeReply(db: Database, reply: ReplyRow, day: string): Promise<boolean> {
  try {
    await db.batch([
      // No `on conflict`: a reply stored meanwhile fails the whole batch.
      db.insert(replies).values(reply),
      countEvent(db, day, 'replied'),
    ]);
    return true;
  } catch (error) {
    if ((await findReply(db, reply.id)) !== null) return false;
    throw error;
  }
}

/** Replies waiting in a mailbox (not yet acknowledged by its doctor, within their life). */
export async function countWaitingReplies(
  db: Database,
  mailboxId: string,
  hour: number,
): Promise<number> {
  const row = await db
    .select({ n: count() })
    .from(replies)
    .where(and(eq(replies.mailboxId, mailboxId), liveAt(replies.expiresHour, hour)))
    .get();
  return row?.n ?? 0;
}

export async function listReplies(db: Database, mailboxId: string, hour: number) {
  return db
    .select({
      id: replies.id,
      supporterId: replies.supporterId,
      ciphertext: replies.ciphertext,
      sentHour: replies.sentHour,
      expiresHour: replies.expiresHour,
      boxPublicKey: supporters.boxPublicKey,
    })
    .from(replies)
    .leftJoin(supporters, eq(supporters.id, replies.supporterId))
    .where(and(eq(replies.mailboxId, mailboxId), liveAt(replies.expiresHour, hour)))
    .orderBy(asc(replies.sentHour), asc(replies.id))
    .all();
}

/**
 * Deletes replies the doctor has read and counts them as read, in one batch.
 *
 * @returns how many this call deleted (unknown or deleted ids count zero).
 */
export async function deleteReadReplies(
  db: Database,
  mailboxId: string,
  ids: string[],
  day: string,
): Promise<number> {
  const read = and(eq(replies.mailboxId, mailboxId), inArray(replies.id, ids)) as SQL;
  const [, deleted] = await db.batch([
    countMatching(db, { day, event: 'reply_read' }, replies, read),
    db.delete(replies).where(read).returning({ id: replies.id }),
  ]);
  return deleted.length;
}
