/**
 * @module
 * A supporter's inbox: fetch sealed messages, acknowledge them once they are
 * safely stored in the browser (which deletes their ciphertext here), and
 * reply to a doctor's mailbox.
 */
import { ciphertextId, toB64 } from '../crypto.ts';
import { findMailbox, mailboxWroteTo } from '../db/mailboxes.ts';
import { deliver, listInbox } from '../db/messages.ts';
import { countWaitingReplies, findReply, storeReply } from '../db/replies.ts';
import type { SupporterRow } from '../db/supporters.ts';
import { touchSupporter } from '../db/supporters.ts';
import { conflict, notFound, rateLimited } from '../errors.ts';
import { dayOf, isExpired, isoHour } from '../time.ts';
import type { InboxAnswer } from '../wire/supporter.ts';
import { expiryHour, nowHour, type Relay } from './relay.ts';

export async function fetchInbox(relay: Relay, supporter: SupporterRow): Promise<InboxAnswer> {
  const hour = nowHour(relay);
  const rows = await listInbox(relay.db, supporter.id, hour);
  await touchSupporter(relay.db, supporter, hour);
  return {
    messages: rows.map((row) => ({
      id: row.id,
      ciphertext: toB64(row.ciphertext ?? new Uint8Array()),
      receivedAt: isoHour(row.receivedHour),
    })),
  };
}

/**
 * Marks messages delivered and deletes their ciphertext for good. Only the
 * supporter's own queued messages are touched; repeating an ack, or two acks
 * racing, delivers each message exactly once.
 */
export async function acknowledgeInbox(
  relay: Relay,
  supporter: SupporterRow,
  ids: string[],
): Promise<{ deleted: number }> {
  if (ids.length === 0) return { deleted: 0 };
  const delivered = await deliver(relay.db, {
    supporterId: supporter.id,
    ids,
    hour: nowHour(relay),
    day: dayOf(relay.clock.now()),
  });
  if (delivered > 0) relay.afterDeletion();
  return { deleted: delivered };
}

const unknownMailbox = () =>
  notFound('mailbox_not_found', 'This mailbox does not exist or has expired.');

/**
 * Stores a sealed reply for a doctor's mailbox. A supporter may reply only
 * to a mailbox that wrote to them, so mailbox ids cannot be used to spam, and
 * only while it holds fewer unread replies than MAILBOX_REPLY_CAP.
 */
export async function sendReply(
  relay: Relay,
  supporter: SupporterRow,
  mailboxId: string,
  ciphertext: Uint8Array,
): Promise<{ reply: { id: string; expiresAt: string }; created: boolean }> {
  const { db } = relay;
  const hour = nowHour(relay);
  const id = ciphertextId(ciphertext);
  const stored = await findReply(db, id);
  if (stored) {
    if (stored.supporterId !== supporter.id || stored.mailboxId !== mailboxId) {
      throw conflict('duplicate_ciphertext', 'This ciphertext was already sent.');
    }
    return { reply: { id, expiresAt: isoHour(stored.expiresHour) }, created: false };
  }
  const mailbox = await findMailbox(db, mailboxId);
  if (
    mailbox === null ||
    isExpired(mailbox.expiresHour, hour) ||
    !(await mailboxWroteTo(db, mailboxId, supporter.id))
  ) {
    throw unknownMailbox();
  }
  if ((await countWaitingReplies(db, mailboxId, hour)) >= relay.config.mailboxReplyCap) {
    throw rateLimited(
      'mailbox_full',
      'This mailbox holds as many unread replies as it may. Try again once the doctor has read them.',
      3600,
    );
  }
  // A reply never outlives its mailbox, and does not extend it (PROTOCOL.md §8).
  const expiresHour = Math.min(
    expiryHour(relay, relay.config.lifetimes.replyHours),
    mailbox.expiresHour,
  );
  const created = await storeReply(
    db,
    { id, mailboxId, supporterId: supporter.id, ciphertext, sentHour: hour, expiresHour },
    dayOf(relay.clock.now()),
  );
  if (!created) return sendReply(relay, supporter, mailboxId, ciphertext);
  await touchSupporter(db, supporter, hour);
  return { reply: { id, expiresAt: isoHour(expiresHour) }, created: true };
}
