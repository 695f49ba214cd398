/**
 * @module
 * The one scheduled sweep (a timer on Node, a Cron Trigger on Workers):
 * enforces every lifetime of PROTOCOL.md §8. Every step is a single
 * idempotent statement, so running it twice, or on two instances at once,
 * changes nothing more than running it once.
 */
import { deleteExpiredAccess } from '../db/access.ts';
import { countEvent } from '../db/counters.ts';
import {
  deleteExpiredMailboxes,
  deleteHourlyCountsBefore,
  expireQueuedMessages,
} from '../db/messages.ts';
import { deleteExpiredReplies } from '../db/replies.ts';
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
  const day = dayOf(relay.clock.now());
  const messages = await expireQueuedMessages(db, hour);
  const replies = await deleteExpiredReplies(db, hour);
  const mailboxes = await deleteExpiredMailboxes(db, hour);
  await deleteExpiredAccess(db, hour);
  await deleteHourlyCountsBefore(db, hour);
  // Queued messages inside a mailbox that ended count as expired too.
  const expiredMessages =
    messages.length + mailboxes.messages.filter((m) => m.status === 'queued').length;
  const expiredReplies = replies.length + mailboxes.replies;
  if (expiredMessages > 0) await countEvent(db, day, 'expired', expiredMessages);
  if (expiredReplies > 0) await countEvent(db, day, 'reply_expired', expiredReplies);
  if (expiredMessages + expiredReplies + mailboxes.mailboxes + mailboxes.messages.length > 0) {
    relay.afterDeletion();
  }
  return { expiredMessages, expiredReplies, expiredMailboxes: mailboxes.mailboxes };
}
