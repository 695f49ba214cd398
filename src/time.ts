/**
 * @module
 * Time as the relay stores it. Every stored timestamp is a whole UTC hour
 * (PROTOCOL.md §6), kept as Unix seconds, so the database never holds a
 * moment more precise than the hour in which something happened.
 */

/** Where the relay gets "now"; tests pass a fake one. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export const HOUR_SECONDS = 3600;

/** Unix seconds of the start of the hour containing `date`. */
export function hourOf(date: Date): number {
  return Math.floor(date.getTime() / 1000 / HOUR_SECONDS) * HOUR_SECONDS;
}

/** `2026-11-27T14:00:00Z`: the response form of a stored hour. */
export function isoHour(unixSeconds: number): string {
  return new Date(unixSeconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** `2026-11-27`: the key of the per-day counters. */
export function dayOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * The stored hour `hours` after `fromHour` (before it, for a negative
 * count). As an expiry counted from the stored (truncated) hour, nothing is
 * kept longer than its stated lifetime, and at most one hour less.
 */
export function hoursAfter(fromHour: number, hours: number): number {
  return fromHour + hours * HOUR_SECONDS;
}

/** The first whole hour at or after `date` (a time someone gave, stored as an hour). */
export function hourAtOrAfter(date: Date): number {
  return Math.ceil(date.getTime() / 1000 / HOUR_SECONDS) * HOUR_SECONDS;
}

/** Whole seconds from `date` until the next hour starts: a `Retry-After` for hourly limits. */
export function secondsToNextHour(date: Date): number {
  return hourOf(date) + HOUR_SECONDS - Math.floor(date.getTime() / 1000);
}

/**
 * Whether something with this expiry hour has ended by `hour`: its expiry
 * hour is the first hour it no longer lives. Queries take the same rule as
 * `liveAt`/`endedBy` (src/db/database.ts), with `hour` as a parameter.
 */
export function isExpired(expiresHour: number, hour: number): boolean {
  return expiresHour <= hour;
}

/** Whole hours between two stored hours (also the delivery-latency buckets). */
export function hoursBetween(fromHour: number, toHour: number): number {
  return Math.max(0, Math.round((toHour - fromHour) / HOUR_SECONDS));
}
