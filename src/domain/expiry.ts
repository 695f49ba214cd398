/**
 * @module
 * The one scheduled sweep (a timer on Node, a Cron Trigger on Workers):
 * enforces every lifetime of PROTOCOL.md §8. Every step is a single
 * idempotent statement, so running it twice, or on two instances at once,
 * changes nothing more than running it once.
 */
import { deleteExpiredAccess } from '../db/access.ts';
import { deleteHourlyCountsBefore, expireMessagesAndMailboxes } from '../db/messages.ts';
import { dayOf } from '../time.ts';
import { nowHour, type Relay } from './relay.ts';

export interface SweepResult {
  expiredMessages: number;
  expiredReplies: number;
  expiredMailboxes: number;
}

/**
 * Expires undelivered messages and unread replies, removes mailboxes past
 * their life, and drops expired sessions, invites, spent challenges,
 * login-failure counts and the received counts of past hours.
 */
export async function expireStaleRecords(relay: Relay): Promise<SweepResult> {
  const { db } = relay;
  const hour = nowHour(relay);
  const expired = await expireMessagesAndMailboxes(db, hour, dayOf(relay.clock.now()));
  await deleteExpiredAccess(db, hour);
  await deleteHourlyCountsBefore(db, hour);
  if (expired.messages + expired.replies + expired.mailboxes + expired.deletedMessages > 0) {
    relay.afterDeletion();
  }
  return {
    expiredMessages: expired.messages,
    expiredReplies: expired.replies,
    expiredMailboxes: expired.mailboxes,
  };
}
