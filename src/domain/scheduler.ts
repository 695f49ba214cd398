/**
 * @module
 * Everything the relay does on a schedule, in one call: a timer runs it
 * every minute on Node (src/node.ts) and the Cron Trigger on Workers
 * (src/worker.ts). Three steps, each idempotent, so an overlapping or
 * repeated run is harmless:
 *
 * 1. the expiry sweep (src/domain/expiry.ts);
 * 2. operator alerts (src/domain/alerts.ts);
 * 3. supporter notifications (src/domain/notifications.ts).
 *
 * The steps are isolated: one that throws does not stop the others; the
 * run then ends with a `ScheduledWorkError` naming the failed steps, so the
 * host logs it (and a Cron Trigger's run is recorded as failed).
 *
 * Only web-standard APIs are used here; the Node entry passes a notifier
 * with SMTP (src/notify/smtp.ts), a Worker the default webhook-only one.
 */

import { codeName, type Log, log as relayLog } from '../log.ts';
import type { Notifier } from '../notify/notifier.ts';
import { createWebhookTransport } from '../notify/webhook.ts';
import { type AlertRunResult, sendDueAlerts } from './alerts.ts';
import { expireStaleRecords, type SweepResult } from './expiry.ts';
import { type NotificationRunResult, sendDueNotifications } from './notifications.ts';
import type { Relay } from './relay.ts';

export interface ScheduleOptions {
  /** Uniform in [0, 1): the random delay of notifications. Default: `crypto.getRandomValues`. */
  random?: () => number;
  /** Minutes between runs (default 1, Node's timer); a Worker passes its cron interval. */
  intervalMinutes?: number;
  /** Where failed deliveries are logged (default: the relay's log). They hold no address. */
  log?: Log;
  /** Given each error of a failed step before the run throws. */
  logError?: (error: unknown) => void;
}

export interface ScheduledResult {
  sweep: SweepResult;
  notifications: NotificationRunResult;
  alerts: AlertRunResult;
}

export type ScheduledStep = keyof ScheduledResult;

/** One or more steps threw; the others still ran. */
export class ScheduledWorkError extends Error {
  override name = 'ScheduledWorkError';

  constructor(
    readonly steps: ScheduledStep[],
    readonly causes: unknown[],
  ) {
    super(`scheduled work failed: ${steps.join(', ')}`);
  }
}

/** Logs a failed run by the steps that failed (each step's error was logged as it happened). */
export function logScheduledWorkError(error: ScheduledWorkError): void {
  relayLog('error', 'scheduled_work_failed', { steps: codeName(error.steps.join(',')) });
}

/** A uniform number in [0, 1) from the platform's cryptographic generator. */
export function secureRandom(): number {
  return (crypto.getRandomValues(new Uint32Array(1))[0] ?? 0) / 2 ** 32;
}

/**
 * Runs the scheduled work once.
 *
 * @example
 * // Node: every minute, with e-mail
 * setInterval(() => runScheduledWork(relay, createNodeNotifier(config)), 60_000);
 * // Workers: from the Cron Trigger, webhooks only
 * await runScheduledWork(relay);
 *
 * @throws ScheduledWorkError after all steps ran, if any of them threw.
 */
export async function runScheduledWork(
  relay: Relay,
  notifier: Notifier = { webhook: createWebhookTransport() },
  options: ScheduleOptions = {},
): Promise<ScheduledResult> {
  const log = options.log ?? relayLog;
  const failed: ScheduledStep[] = [];
  const causes: unknown[] = [];
  async function step<T>(name: ScheduledStep, work: () => Promise<T>, fallback: T): Promise<T> {
    try {
      return await work();
    } catch (error) {
      failed.push(name);
      causes.push(error);
      options.logError?.(error);
      return fallback;
    }
  }
  const sweep = await step('sweep', () => expireStaleRecords(relay), {
    expiredMessages: 0,
    expiredReplies: 0,
    expiredMailboxes: 0,
    expiredArchiveItems: 0,
  });
  const alerts = await step('alerts', () => sendDueAlerts(relay, notifier, { log }), {
    sent: [],
    failed: 0,
  });
  const notifications = await step(
    'notifications',
    () =>
      sendDueNotifications(relay, notifier, {
        random: options.random ?? secureRandom,
        intervalMinutes: options.intervalMinutes ?? 1,
        log,
      }),
    { sent: 0, failed: 0, delayed: 0 },
  );
  if (failed.length > 0) throw new ScheduledWorkError(failed, causes);
  return { sweep, notifications, alerts };
}
