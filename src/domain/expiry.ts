/**
 * @module
 * The one scheduled sweep (a timer on Node, a Cron Trigger on Workers):
 * enforces every lifetime of PROTOCOL.md §8. Every step is a single
 * idempotent statement, so running it twice, or on two instances at once,
 * changes nothing more than running it once.
 */
import { deleteExpiredAccess } from '../db/access.ts';
import { deleteExpiredArchiveItems } from '../db/archive.ts';
import { sweepDeletedMailboxes } from '../db/mailboxes.ts';
import { deleteHourlyCountsBefore, expireMessagesAndMailboxes } from '../db/messages.ts';
import { dayOf, hoursAfter } from '../time.ts';
import { nowHour, type Relay } from './relay.ts';

/** How long an expired invite is remembered. */
const INVITE_MEMORY_HOURS = 30 * 24;

export interface SweepResult {
  expiredMessages: number;
  expiredReplies: number;
  expiredMailboxes: number;
  /** Supporter archive items past their life (PROTOCOL.md §10.3). */
  expiredArchiveItems: number;
}

/**
 * Expires undelivered messages and unread replies, removes mailboxes past
 * their life with the doctors' copies, removes what deleted mailboxes left
 * (sent-status rows of messages since delivered, tombstones past their
 * hour) and archive items past their life, and drops expired sessions,
 * invites, spent challenges, login-failure counts and the received counts of
 * past hours.
 */
export async function expireStaleRecords(relay: Relay): Promise<SweepResult> {
  const { db } = relay;
  const hour = nowHour(relay);
  const expired = await expireMessagesAndMailboxes(db, hour, dayOf(relay.clock.now()));
  const leftBehind = await sweepDeletedMailboxes(db, hour);
  const expiredArchiveItems = (await deleteExpiredArchiveItems(db, hour)).length;
  // Invites are kept 30 days past expiry, so a late click is told 410 (expired), not 404.
  await deleteExpiredAccess(db, hour, hoursAfter(hour, -INVITE_MEMORY_HOURS));
  await deleteHourlyCountsBefore(db, hour);
  const deleted = expired.messages + expired.replies + expired.mailboxes + expired.deletedMessages;
  if (deleted + leftBehind + expiredArchiveItems > 0) {
    relay.afterDeletion();
  }
  return {
    expiredMessages: expired.messages,
    expiredReplies: expired.replies,
    expiredMailboxes: expired.mailboxes,
    expiredArchiveItems,
  };
}
