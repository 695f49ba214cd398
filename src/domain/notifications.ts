/**
 * @module
 * Content-free notifications to supporters: "a new message waits; log in".
 *
 * What is decided, and from what (all of it per supporter and channel):
 *
 * - **Something new waits** when the supporter's received count (the sum
 *   of their `received` counters, one more with every message queued for
 *   them) exceeds the
 *   count the last delivered notification covered, and at least one message
 *   is still queued for them. No message id, no doctor, no time: only two
 *   counts. If everything was read before a notice went out, nothing is sent
 *   (the next message is news again).
 * - **Batching**: after a notice, the next one may go only from
 *   `nextHour` = the first whole hour at least `NOTIFY_WINDOW_MINUTES` after
 *   the send. Storing that hour (and not the minute of the send) keeps the
 *   promise that no stored time is finer than the hour, at the price that
 *   the gap between two notices is between the window and the window plus
 *   an hour: never less.
 * - **Random delay**: each scheduler run sends a due notice only with
 *   probability `p = intervalMinutes / NOTIFY_DELAY_MINUTES` (capped at 1),
 *   so the delay after it becomes due is geometric with mean
 *   `NOTIFY_DELAY_MINUTES`, and the time of a notice does not mirror the
 *   time of the submission behind it. The random source is injectable.
 * - **Retry**: a failed delivery sets `failures` and a `nextHour` backoff of
 *   1, 2, 4, 8, 16, then 24 hours from the hour of the failure; the message
 *   itself is never touched; each failure counts in `daily_counts`
 *   (`notify_failed`) and is logged as "notification failed: smtp|webhook
 *   <reason>", with no address.
 * - **No duplicates**: before sending, a run claims the attempt with a
 *   conditional update; only the run whose update matched sends.
 */

import { countEvent } from '../db/counters.ts';
import { pendingSummary } from '../db/messages.ts';
import {
  claimAttempt,
  listNotificationStates,
  listNotificationSubscribers,
  recordDelivered,
  recordFailed,
} from '../db/notifications.ts';
import { codeName, type Log, type LogFields } from '../log.ts';
import {
  type NotificationChannel,
  NotificationError,
  type Notifier,
  supporterNotice,
  transportName,
} from '../notify/notifier.ts';
import { dayOf, hourAtOrAfter, hoursAfter } from '../time.ts';
import { nowHour, type Relay } from './relay.ts';

export interface NotificationRunOptions {
  /** Uniform in [0, 1); decides the random delay. */
  random: () => number;
  /** Minutes between scheduler runs: 1 on Node, the Cron Trigger's interval on Workers. */
  intervalMinutes: number;
  /** Where a failed delivery is logged (`notification_failed`, its transport and reason). */
  log: Log;
}

export interface NotificationRunResult {
  /** Notices delivered. */
  sent: number;
  /** Deliveries that failed (each will be retried after its backoff). */
  failed: number;
  /** Due notices held back by the random delay this run. */
  delayed: number;
}

/** Longest backoff between retries of a failing channel. */
export const MAX_BACKOFF_HOURS = 24;

/** Deliveries in flight at once: enough to finish a run within the minute, few enough to be polite. */
const CONCURRENT_DELIVERIES = 4;

/** The probability that a run sends a due notice. */
export function sendProbability(meanDelayMinutes: number, intervalMinutes: number): number {
  return meanDelayMinutes === 0 ? 1 : Math.min(1, intervalMinutes / meanDelayMinutes);
}

/** The hour from which a channel that has failed `failures` times is tried again. */
export function retryHour(failedHour: number, failures: number): number {
  const hours = Math.min(MAX_BACKOFF_HOURS, 2 ** Math.max(0, failures - 1));
  return hoursAfter(failedHour, hours);
}

interface Delivery {
  supporterId: string;
  channel: NotificationChannel;
  address: string;
  covered: number;
  failuresBefore: number;
}

/**
 * Sends the notices that are due now. Idempotent: a second run right after
 * sends nothing more, and a run that crashes midway leaves at most a claimed
 * attempt that the batching window releases.
 */
export async function sendDueNotifications(
  relay: Relay,
  notifier: Notifier,
  options: NotificationRunOptions,
): Promise<NotificationRunResult> {
  const result: NotificationRunResult = { sent: 0, failed: 0, delayed: 0 };
  const { db, config } = relay;
  const subscribers = await listNotificationSubscribers(db);
  if (subscribers.length === 0) return result;
  const hour = nowHour(relay);
  const [states, pending] = await Promise.all([
    listNotificationStates(db),
    pendingSummary(db, hour),
  ]);
  const stateOf = new Map(states.map((row) => [`${row.supporterId}/${row.channel}`, row]));
  const waiting = new Set(pending.filter((p) => p.pending > 0).map((p) => p.supporterId));
  const p = sendProbability(config.notifications.meanDelayMinutes, options.intervalMinutes);
  const windowEnd = hourAtOrAfter(
    new Date(relay.clock.now().getTime() + config.notifications.windowMinutes * 60_000),
  );

  const deliveries: Delivery[] = [];
  for (const subscriber of subscribers) {
    const channels: [NotificationChannel, string | null][] = [
      ['email', subscriber.notifyEmail ? subscriber.email : null],
      ['webhook', subscriber.notifyWebhookUrl],
    ];
    for (const [channel, address] of channels) {
      if (address === null) continue;
      const seen = stateOf.get(`${subscriber.id}/${channel}`) ?? null;
      const total = subscriber.receivedCount;
      if (total === (seen?.coveredReceived ?? 0) || !waiting.has(subscriber.id)) continue;
      if (seen?.nextHour != null && seen.nextHour > hour) continue;
      if (options.random() >= p) {
        result.delayed++;
        continue;
      }
      if (!(await claimAttempt(db, subscriber.id, channel, seen, windowEnd))) continue;
      deliveries.push({
        supporterId: subscriber.id,
        channel,
        address,
        covered: total,
        failuresBefore: seen?.failures ?? 0,
      });
    }
  }

  const notice = supporterNotice(config.publicUrl);
  await forEachLimited(deliveries, CONCURRENT_DELIVERIES, async (delivery) => {
    try {
      const transport = notifier[delivery.channel];
      if (transport === undefined) {
        throw new NotificationError(transportName(delivery.channel), 'unavailable');
      }
      await transport.deliver(delivery.address, notice);
    } catch (error) {
      result.failed++;
      const failures = delivery.failuresBefore + 1;
      await recordFailed(
        db,
        delivery.supporterId,
        delivery.channel,
        failures,
        retryHour(hour, failures),
      );
      await countEvent(db, dayOf(relay.clock.now()), 'notify_failed');
      options.log('warn', 'notification_failed', failureFields(delivery.channel, error));
      return;
    }
    result.sent++;
    await recordDelivered(db, delivery.supporterId, delivery.channel, delivery.covered);
  });
  return result;
}

/** `smtp` `ECONNECTION`, `webhook` `http_500`: the transport and a class of failure, nothing else. */
export function failureFields(channel: NotificationChannel, error: unknown): LogFields {
  if (error instanceof NotificationError) {
    return { transport: codeName(error.transport), reason: codeName(error.reason) };
  }
  const reason = error instanceof Error ? error.name : 'error';
  return { transport: codeName(transportName(channel)), reason: codeName(reason) };
}

/** Runs `task` over `items` with at most `limit` at once. */
async function forEachLimited<T>(
  items: T[],
  limit: number,
  task: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await task(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
