/**
 * @module
 * Operator alerts, by webhook (`OPERATOR_ALERT_WEBHOOK`) and/or e-mail
 * (`OPERATOR_ALERT_EMAIL`), for three conditions:
 *
 * - `waiting`: messages have waited `ALERT_WAITING_HOURS` or longer (how
 *   many, and for which supporters);
 * - `expired`: messages expired undelivered since the last alert (how many);
 * - `unseen`: supporters with waiting messages have not been seen for
 *   `ALERT_UNSEEN_DAYS` or longer (which).
 *
 * An alert carries counts and supporter ids only, like the operator's other
 * figures (DESIGN.md promise 7). Each condition is alerted when it starts
 * and again every `ALERT_REPEAT_HOURS` while it lasts; a delivery that fails
 * everywhere is tried again the next hour. The state is one `settings` row
 * per condition (`alert:<kind>`: the next hour an alert may go and, for
 * `expired`, how far the expiry counters have been reported: every day
 * before `day`, and `reported` of that day), changed only by a conditional
 * write, so two runs at once send one alert. Keeping `day` recent keeps
 * each run's read of the counters to a few rows (D1 bills rows read).
 */

import { countEvent, eventCountsSince } from '../db/counters.ts';
import { pendingSummary } from '../db/messages.ts';
import { waitingSince } from '../db/notifications.ts';
import { deleteSetting, readSetting, replaceSetting, writeSetting } from '../db/settings.ts';
import { listAllSupporters } from '../db/supporters.ts';
import type { Log } from '../log.ts';
import {
  type Notice,
  NotificationError,
  type Notifier,
  type Transport,
} from '../notify/notifier.ts';
import { dayOf, HOUR_SECONDS, hoursAfter } from '../time.ts';
import { failureFields } from './notifications.ts';
import { nowHour, type Relay } from './relay.ts';

export type AlertKind = 'waiting' | 'expired' | 'unseen';

export const ALERT_KINDS: readonly AlertKind[] = ['waiting', 'expired', 'unseen'];

/** A condition that holds now. */
export interface Alert {
  kind: AlertKind;
  /** Messages (`waiting`, `expired`) or supporters (`unseen`). */
  count: number;
  /** Supporters concerned (empty for `expired`). */
  supporterIds: string[];
}

interface AlertState {
  /** No alert of this kind before this hour. */
  nextHour: number | null;
  /** `expired`: expirations on days before this one (`YYYY-MM-DD`) are reported… */
  day: string | null;
  /** …and this many on `day` itself. */
  reported: number;
}

/** Where the expired count starts: what the state says, or the last 30 days. */
export interface ExpiredBaseline {
  day: string;
  reported: number;
}

const DAY_MS = 86_400_000;

export interface AlertRunResult {
  /** Kinds alerted in this run. */
  sent: AlertKind[];
  /** Deliveries that failed. */
  failed: number;
}

const stateKey = (kind: AlertKind) => `alert:${kind}`;

function parseState(raw: string | null): AlertState {
  try {
    const value = JSON.parse(raw ?? '{}') as Partial<AlertState>;
    return {
      nextHour: typeof value.nextHour === 'number' ? value.nextHour : null,
      day: typeof value.day === 'string' ? value.day : null,
      reported: typeof value.reported === 'number' ? value.reported : 0,
    };
  } catch {
    return { nextHour: null, day: null, reported: 0 };
  }
}

/** Whether any alert destination is configured. */
export function alertsConfigured(relay: Relay): boolean {
  return relay.config.alerts.webhookUrl !== undefined || relay.config.alerts.emails.length > 0;
}

function expiredBaseline(relay: Relay, state: AlertState): ExpiredBaseline {
  if (state.day !== null) return { day: state.day, reported: state.reported };
  return { day: dayOf(new Date(relay.clock.now().getTime() - 30 * DAY_MS)), reported: 0 };
}

/**
 * The conditions as they stand now, `null` where one does not hold;
 * `expired` counts the expirations after `baseline`. Also returns today's
 * expirations, the next baseline once these are reported.
 */
export async function currentAlerts(
  relay: Relay,
  baseline: ExpiredBaseline,
): Promise<{ alerts: Record<AlertKind, Alert | null>; expiredToday: number }> {
  const { db, config } = relay;
  const hour = nowHour(relay);
  const [waiting, expiredByDay, supporters, pending] = await Promise.all([
    waitingSince(db, hoursAfter(hour, -config.alerts.waitingHours), hour),
    eventCountsSince(db, 'expired', baseline.day),
    listAllSupporters(db),
    pendingSummary(db, hour),
  ]);
  const expired = [...expiredByDay.values()].reduce((a, b) => a + b, 0) - baseline.reported;
  const expiredToday = expiredByDay.get(dayOf(relay.clock.now())) ?? 0;
  const hasPending = new Set(pending.filter((p) => p.pending > 0).map((p) => p.supporterId));
  const unseenFor = config.alerts.unseenDays * 24 * HOUR_SECONDS;
  const unseen = supporters
    .filter(
      (s) =>
        s.active && hasPending.has(s.id) && hour - (s.lastSeenHour ?? s.createdHour) >= unseenFor,
    )
    .map((s) => s.id)
    .sort();
  const alerts: Record<AlertKind, Alert | null> = {
    waiting:
      waiting.count > 0
        ? { kind: 'waiting', count: waiting.count, supporterIds: waiting.supporterIds }
        : null,
    expired: expired > 0 ? { kind: 'expired', count: expired, supporterIds: [] } : null,
    unseen:
      unseen.length > 0 ? { kind: 'unseen', count: unseen.length, supporterIds: unseen } : null,
  };
  return { alerts, expiredToday };
}

/** The alert as an operator reads it: counts, supporter ids and the relay's address. */
export function alertNotice(relay: Relay, alert: Alert): Notice {
  const { alerts, publicUrl } = relay.config;
  const ids = alert.supporterIds.join(', ');
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const waited = plural(alerts.waitingHours, 'hour', 'hours');
  const unseen = plural(alerts.unseenDays, 'day', 'days');
  const texts: Record<AlertKind, [string, string]> = {
    waiting: [
      `messages waiting ${waited} or longer`,
      `${plural(alert.count, 'message has', 'messages have')} waited ${waited} or longer, for supporters: ${ids}.`,
    ],
    expired: [
      'messages expired undelivered',
      `${plural(alert.count, 'message', 'messages')} expired undelivered since the last alert.`,
    ],
    unseen: [
      `supporters not seen for ${unseen}`,
      `${plural(alert.count, 'supporter', 'supporters')} with waiting messages not seen for ${unseen} or longer: ${ids}.`,
    ],
  };
  const [subject, text] = texts[alert.kind];
  return {
    subject: `peer-relay alert: ${subject}`,
    text: `${text}\n\n${publicUrl}`,
    data: {
      alert: alert.kind,
      count: alert.count,
      supporterIds: alert.supporterIds,
      relay: publicUrl,
    },
  };
}

/**
 * Sends the alerts that are due. Idempotent: an alert already sent for a
 * condition is not repeated before `ALERT_REPEAT_HOURS`, even by a run
 * started at the same moment elsewhere.
 */
export async function sendDueAlerts(
  relay: Relay,
  notifier: Notifier,
  options: { log: Log },
): Promise<AlertRunResult> {
  const result: AlertRunResult = { sent: [], failed: 0 };
  if (!alertsConfigured(relay)) return result;
  const { db, config } = relay;
  const hour = nowHour(relay);
  const raws = new Map<AlertKind, string | null>();
  for (const kind of ALERT_KINDS) raws.set(kind, await readSetting(db, stateKey(kind)));
  const today = dayOf(relay.clock.now());
  const baseline = expiredBaseline(relay, parseState(raws.get('expired') ?? null));
  const { alerts: conditions, expiredToday } = await currentAlerts(relay, baseline);

  for (const kind of ALERT_KINDS) {
    const raw = raws.get(kind) ?? null;
    const state = parseState(raw);
    const alert = conditions[kind];
    if (alert === null && kind !== 'expired') {
      // Cleared: the next time it happens is news again.
      if (raw !== null) await deleteSetting(db, stateKey(kind));
      continue;
    }
    if (alert === null) {
      // Nothing new expired: move the baseline up to today, once a day.
      if (baseline.day !== today) {
        const moved = { nextHour: state.nextHour, day: today, reported: expiredToday };
        await replaceSetting(db, stateKey(kind), raw, JSON.stringify(moved));
      }
      continue;
    }
    if (state.nextHour !== null && state.nextHour > hour) continue;
    // Claimed for this run; if every delivery fails, this is the hour of the retry.
    const claim = JSON.stringify({ ...state, nextHour: hoursAfter(hour, 1) });
    if (!(await replaceSetting(db, stateKey(kind), raw, claim))) continue;

    const notice = alertNotice(relay, alert);
    const destinations: ['email' | 'webhook', string][] = [
      ...(config.alerts.webhookUrl === undefined
        ? []
        : [['webhook', config.alerts.webhookUrl] as ['webhook', string]]),
      ...config.alerts.emails.map((address) => ['email', address] as ['email', string]),
    ];
    let delivered = false;
    for (const [channel, address] of destinations) {
      try {
        const transport: Transport | undefined = notifier[channel];
        if (transport === undefined) {
          throw new NotificationError(channel === 'email' ? 'smtp' : 'webhook', 'unavailable');
        }
        await transport.deliver(address, notice);
        delivered = true;
      } catch (error) {
        result.failed++;
        await countEvent(db, dayOf(relay.clock.now()), 'notify_failed');
        options.log('warn', 'alert_failed', failureFields(channel, error));
      }
    }
    if (!delivered) continue;
    result.sent.push(kind);
    await writeSetting(
      db,
      stateKey(kind),
      JSON.stringify({
        nextHour: hoursAfter(hour, config.alerts.repeatHours),
        ...(kind === 'expired' ? { day: today, reported: expiredToday } : {}),
      }),
    );
  }
  return result;
}
