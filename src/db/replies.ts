/** @module Supporter-to-doctor replies, kept until read or expired. */
import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Database } from './database.ts';
import { replies, supporters } from './schema.ts';

export type ReplyRow = typeof replies.$inferSelect;

export async function findReply(db: Database, id: string): Promise<ReplyRow | null> {
  return (await db.select().from(replies).where(eq(replies.id, id)).get()) ?? null;
}

/** @returns false if a reply with this id was already stored. */
export async function insertReply(db: Database, reply: ReplyRow): Promise<boolean> {
  const rows = await db
    .insert(replies)
    .values(reply)
    .onConflictDoNothing()
    .returning({ id: replies.id });
  return rows.length === 1;
}

export async function listReplies(db: Database, mailboxId: string, nowHour: number) {
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
    .where(and(eq(replies.mailboxId, mailboxId), sql`${replies.expiresHour} > ${nowHour}`))
    .orderBy(asc(replies.sentHour), asc(replies.id))
    .all();
}

export async function deleteReplies(db: Database, mailboxId: string, ids: string[]) {
  return db
    .delete(replies)
    .where(and(eq(replies.mailboxId, mailboxId), inArray(replies.id, ids)))
    .returning({ id: replies.id });
}

export async function deleteExpiredReplies(db: Database, nowHour: number) {
  return db.delete(replies).where(lte(replies.expiresHour, nowHour)).returning({ id: replies.id });
}
