/**
 * @module
 * What operators can do and see: invite and (de)activate supporters, and
 * watch delivery health. Every figure is an aggregate or a per-supporter
 * count; nothing here can reveal content or anything about a doctor.
 */
import { capabilityHash, newToken } from '../crypto.ts';
import { insertInvite } from '../db/access.ts';
import { dailyCountsSince, eventTotals, supporterEventSince } from '../db/counters.ts';
import { checkReachable, databaseSizeBytes } from '../db/health.ts';
import { pendingSummary, purgeQueued } from '../db/messages.ts';
import { listFailingChannels } from '../db/notifications.ts';
import type { NewSupporter, SupporterRow } from '../db/supporters.ts';
import {
  deleteSessionsOf,
  findSupporter,
  listAllSupporters,
  updateSupporter,
} from '../db/supporters.ts';
import { notFound } from '../errors.ts';
import { dayOf, HOUR_SECONDS, hourAtOrAfter, hoursBetween, isoHour } from '../time.ts';
import {
  type CreatedInvite,
  DAILY_EVENTS,
  type DailyEvent,
  type HealthFigures,
  type PurgeRequest,
  type PurgeResult,
  type SupporterChange,
  type SupporterHealth,
} from '../wire/operator.ts';
import { lastSigned } from './directory-signature.ts';
import { expiryHour, nowHour, type Relay } from './relay.ts';
import { effectiveStatus, fingerprintOf } from './supporter-view.ts';

const DAY_MS = 86_400_000;
const DAY_SECONDS = 24 * HOUR_SECONDS;

/** Creates a single-use invite; the token travels only in the URL fragment. */
export async function createInvite(
  relay: Relay,
  options: { note?: string | undefined; expiresInDays?: number | undefined },
): Promise<CreatedInvite> {
  const token = newToken();
  const hours =
    options.expiresInDays === undefined
      ? relay.config.lifetimes.inviteHours
      : options.expiresInDays * 24;
  const expiresHour = expiryHour(relay, hours);
  await insertInvite(relay.db, {
    tokenHash: capabilityHash(token),
    note: options.note ?? null,
    expiresHour,
  });
  return {
    token,
    url: `${relay.config.publicUrl}/supporter/join#invite=${token}`,
    expiresAt: isoHour(expiresHour),
  };
}

/** Every supporter (active or not, not those who left) with their delivery backlog. */
export async function listSupporterHealth(relay: Relay): Promise<SupporterHealth[]> {
  const hour = nowHour(relay);
  const since = dayOf(new Date(relay.clock.now().getTime() - 29 * DAY_MS));
  const [rows, pending, delivered] = await Promise.all([
    listAllSupporters(relay.db),
    pendingSummary(relay.db, hour),
    supporterEventSince(relay.db, 'delivered', since),
  ]);
  const pendingBy = new Map(pending.map((p) => [p.supporterId, p]));
  return rows.map((row) => toHealth(row, hour, pendingBy.get(row.id), delivered.get(row.id) ?? 0));
}

function toHealth(
  row: SupporterRow,
  hour: number,
  pending: { pending: number; oldestHour: number | null } | undefined,
  deliveredLast30d: number,
): SupporterHealth {
  const status = effectiveStatus(row, hour);
  const signed = lastSigned(row);
  return {
    id: row.id,
    name: row.name,
    county: row.county,
    town: row.town,
    status,
    awayUntil: status === 'away' && row.awayUntilHour !== null ? isoHour(row.awayUntilHour) : null,
    active: row.active,
    pendingCount: pending?.pending ?? 0,
    oldestPendingHours: pending?.oldestHour == null ? null : hoursBetween(pending.oldestHour, hour),
    deliveredLast30d,
    lastSeen: row.lastSeenHour === null ? null : isoHour(row.lastSeenHour),
    joinedAt: isoHour(row.createdHour),
    boxPublicKey: row.boxPublicKey,
    fingerprint: fingerprintOf(row.boxPublicKey),
    ...(signed === null ? {} : { lastSigned: signed }),
  };
}

/**
 * Changes a supporter on the operator's behalf: (de)activates them, and/or
 * marks them away or available as they could themselves (`PATCH /me`).
 * Deactivation ends their sessions at once. `status: 'away'` without
 * `awayUntil` means away until further notice; `available` clears the date.
 */
export async function changeSupporter(
  relay: Relay,
  id: string,
  change: SupporterChange,
): Promise<SupporterHealth> {
  const row = await findSupporter(relay.db, id);
  if (row === null || row.left) throw notFound('supporter_not_found', 'No supporter has this id.');
  const set: Partial<NewSupporter> = {};
  if (change.active !== undefined) set.active = change.active;
  if (change.status !== undefined) set.status = change.status;
  if (change.awayUntil !== undefined) {
    set.awayUntilHour =
      change.awayUntil === null ? null : hourAtOrAfter(new Date(change.awayUntil));
  } else if (change.status === 'away') {
    // An earlier date, perhaps long past, must not cut the new absence short.
    set.awayUntilHour = null;
  }
  if (change.status === 'available') set.awayUntilHour = null;
  await updateSupporter(relay.db, id, set);
  if (change.active === false) await deleteSessionsOf(relay.db, id);
  const health = (await listSupporterHealth(relay)).find((s) => s.id === id);
  if (health === undefined) throw notFound('supporter_not_found', 'No supporter has this id.');
  return health;
}

/**
 * Purges a supporter's queued messages received `olderThanHours` or more
 * hours ago (whole hours, so 0 means every queued message): the operator's
 * answer to junk that keeps an inbox full (issue 15). Their doctors see them
 * as `expired`.
 *
 * @throws `404 supporter_not_found` for an unknown supporter.
 */
export async function purgeSupporterQueue(
  relay: Relay,
  id: string,
  request: PurgeRequest,
): Promise<PurgeResult> {
  const row = await findSupporter(relay.db, id);
  if (row === null || row.left) throw notFound('supporter_not_found', 'No supporter has this id.');
  const hour = nowHour(relay);
  const purged = await purgeQueued(relay.db, {
    supporterId: id,
    cutoffHour: hour - request.olderThanHours * HOUR_SECONDS,
    hour,
    day: dayOf(relay.clock.now()),
  });
  if (purged > 0) relay.afterDeletion();
  return { purged };
}

/** Activates or deactivates a supporter; deactivation ends their sessions at once. */
export function setSupporterActive(
  relay: Relay,
  id: string,
  active: boolean,
): Promise<SupporterHealth> {
  return changeSupporter(relay, id, { active });
}

/** The operator's aggregate view (DESIGN.md "Operator health figures"). */
export async function healthFigures(relay: Relay): Promise<HealthFigures> {
  const now = relay.clock.now();
  const hour = nowHour(relay);
  const days = Array.from({ length: 30 }, (_, i) =>
    dayOf(new Date(now.getTime() - (29 - i) * DAY_MS)),
  );
  const [pending, counts, supporters, totals, failing] = await Promise.all([
    pendingSummary(relay.db, hour),
    dailyCountsSince(relay.db, days[0] ?? dayOf(now)),
    listAllSupporters(relay.db),
    eventTotals(relay.db),
    listFailingChannels(relay.db),
  ]);
  const zero = () =>
    Object.fromEntries(DAILY_EVENTS.map((e) => [e, 0])) as Record<DailyEvent, number>;
  const byDay = new Map(days.map((day) => [day, { day, ...zero() }]));
  const last30Days = zero();
  const latency = new Map<number, number>();
  for (const row of counts) {
    if (row.event.startsWith('delivery_hours:')) {
      const hours = Number(row.event.slice('delivery_hours:'.length));
      latency.set(hours, (latency.get(hours) ?? 0) + row.count);
      continue;
    }
    const event = row.event as DailyEvent;
    const entry = byDay.get(row.day);
    if (entry === undefined || !(DAILY_EVENTS as readonly string[]).includes(event)) continue;
    entry[event] += row.count;
    last30Days[event] += row.count;
  }
  const oldest = pending.reduce<number | null>(
    (min, p) =>
      p.oldestHour !== null && (min === null || p.oldestHour < min) ? p.oldestHour : min,
    null,
  );
  const activeRows = supporters.filter((s) => s.active);
  return {
    pendingMessages: pending.reduce((sum, p) => sum + p.pending, 0),
    oldestPendingHours: oldest === null ? null : hoursBetween(oldest, hour),
    last30Days,
    daily: [...byDay.values()],
    deliveryHours: { median: quantile(latency, 0.5), p90: quantile(latency, 0.9) },
    replyRate: last30Days.delivered === 0 ? null : round(last30Days.replied / last30Days.delivered),
    supporters: {
      active: activeRows.length,
      away: activeRows.filter((s) => effectiveStatus(s, hour) === 'away').length,
      inactive: supporters.length - activeRows.length,
    },
    totals: Object.fromEntries(
      [...totals].filter(([event]) => !event.startsWith('delivery_hours:')),
    ),
    notificationFailures: {
      last30Days: last30Days.notify_failed,
      retrying: failing.map((row) => ({
        supporterId: row.supporterId,
        channel: row.channel,
        failures: row.failures,
        nextAttemptAt: row.nextHour === null ? null : isoHour(row.nextHour),
      })),
    },
  };
}

/** Default of `GET /admin/health?notSeenDays`. */
export const NOT_SEEN_DAYS = 7;

/**
 * Active supporters not seen (logged in, fetched the inbox or replied) for
 * `days` days or more, longest first, with whole days since. One who was
 * never seen counts from the hour they joined.
 */
export async function supportersNotSeen(
  relay: Relay,
  days: number,
): Promise<{ id: string; days: number }[]> {
  const hour = nowHour(relay);
  const rows = await listAllSupporters(relay.db);
  return rows
    .filter((row) => row.active)
    .map((row) => ({
      id: row.id,
      seconds: hour - (row.lastSeenHour ?? row.createdHour),
    }))
    .filter((entry) => entry.seconds >= days * DAY_SECONDS)
    .sort((a, b) => b.seconds - a.seconds || a.id.localeCompare(b.id))
    .map((entry) => ({ id: entry.id, days: Math.floor(entry.seconds / DAY_SECONDS) }));
}

/** The database's size in bytes, or null where the database cannot tell. */
export function databaseSize(relay: Relay): Promise<number | null> {
  return databaseSizeBytes(relay.db);
}

/** @throws when the database cannot be reached (the readiness probe). */
export function checkDatabase(relay: Relay): Promise<void> {
  return checkReachable(relay.db);
}

/** The smallest bucket at which the cumulative share reaches `q` (nearest-rank). */
export function quantile(histogram: Map<number, number>, q: number): number | null {
  const total = [...histogram.values()].reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  let seen = 0;
  for (const [value, n] of [...histogram].sort(([a], [b]) => a - b)) {
    seen += n;
    if (seen >= Math.ceil(q * total)) return value;
  }
  return null;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** `/metrics` in Prometheus text format: aggregates only, no per-supporter labels. */
export function metricsText(
  figures: HealthFigures,
  info: { version: string; uptimeSeconds: number },
): string {
  const lines: string[] = [];
  const metric = (
    name: string,
    type: 'gauge' | 'counter',
    help: string,
    samples: [string, number | null][],
  ) => {
    lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);
    for (const [labels, value] of samples)
      if (value !== null) lines.push(`${name}${labels} ${value}`);
  };
  metric('peer_relay_pending_messages', 'gauge', 'Messages waiting for their supporter.', [
    ['', figures.pendingMessages],
  ]);
  metric(
    'peer_relay_oldest_pending_hours',
    'gauge',
    'Age in hours of the oldest waiting message.',
    [['', figures.oldestPendingHours ?? 0]],
  );
  metric(
    'peer_relay_events_total',
    'counter',
    'Relay events since the database was created.',
    DAILY_EVENTS.map((event) => [`{event="${event}"}`, figures.totals[event] ?? 0]),
  );
  metric(
    'peer_relay_delivery_hours',
    'gauge',
    'Hours from receipt to delivery over the last 30 days.',
    [
      ['{quantile="0.5"}', figures.deliveryHours.median],
      ['{quantile="0.9"}', figures.deliveryHours.p90],
    ],
  );
  metric('peer_relay_reply_rate', 'gauge', 'Replies per delivered message over the last 30 days.', [
    ['', figures.replyRate],
  ]);
  metric('peer_relay_supporters', 'gauge', 'Supporters by state.', [
    ['{state="available"}', figures.supporters.active - figures.supporters.away],
    ['{state="away"}', figures.supporters.away],
    ['{state="inactive"}', figures.supporters.inactive],
  ]);
  metric(
    'peer_relay_notification_channels_failing',
    'gauge',
    'Supporter notification channels whose latest delivery failed.',
    [['', figures.notificationFailures.retrying.length]],
  );
  metric('peer_relay_database_up', 'gauge', 'Whether the database answered.', [['', 1]]);
  metric('peer_relay_uptime_seconds', 'gauge', 'Seconds since this instance started.', [
    ['', info.uptimeSeconds],
  ]);
  metric('peer_relay_build_info', 'gauge', 'Version of the relay.', [
    [`{version="${info.version}"}`, 1],
  ]);
  return `${lines.join('\n')}\n`;
}
