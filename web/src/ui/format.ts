/**
 * @module
 * The one way the pages show times, numbers and lists, in the page's
 * language and the visitor's time zone.
 *
 * Two kinds of time reach a page. The relay stores whole UTC hours, so a
 * relay time (`receivedAt`, `sentAt` of the API) is only known to the hour:
 * show it as a range, "between 17:00 and 18:00" ({@link formatHourRange}).
 * The sender's own minute travels inside the ciphertext (`sentAt` of an
 * envelope): show it as a moment ({@link formatDateTime}).
 */
import { locale, t } from '../i18n';

/** "2 December 2026". */
export function formatDate(value: string | Date): string {
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'long' }).format(new Date(value));
}

/** "2 Dec 2026": for tables and dense lists. */
export function formatShortDate(value: string | Date): string {
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium' }).format(new Date(value));
}

/** "2 December 2026 at 17:42": a moment known to the minute (a sender's own clock). */
export function formatDateTime(value: string | Date): string {
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'long', timeStyle: 'short' }).format(
    new Date(value),
  );
}

/** "17:00": the time of day alone. */
export function formatTime(value: string | Date): string {
  return new Intl.DateTimeFormat(locale(), { timeStyle: 'short' }).format(new Date(value));
}

/**
 * A relay hour as what it is: "2 December 2026, between 17:00 and 18:00".
 * The relay never knows the minute, so it never says "at 17:00".
 */
export function formatHourRange(isoHour: string): string {
  const start = new Date(isoHour);
  const end = new Date(start.getTime() + 3_600_000);
  return t('time.hourRange', {
    date: formatDate(start),
    from: formatTime(start),
    to: formatTime(end),
  });
}

/** "3 days", "5 hours" or "less than an hour" until `iso`, never negative. */
export function formatTimeLeft(iso: string, now: Date = new Date()): string {
  const hours = Math.max(0, Math.floor((new Date(iso).getTime() - now.getTime()) / 3_600_000));
  if (hours >= 48) return t('time.left.days', { count: Math.floor(hours / 24) });
  if (hours >= 1) return t('time.left.hours', { count: hours });
  return t('time.left.soon');
}

export function formatNumber(value: number, options: Intl.NumberFormatOptions = {}): string {
  return new Intl.NumberFormat(locale(), options).format(value);
}

/** A list as words: "A, B and C" / "A, B og C" (`unit`: "A, B, C"). */
export function formatList(
  items: readonly string[],
  type: 'conjunction' | 'disjunction' | 'unit' = 'conjunction',
): string {
  return new Intl.ListFormat(locale(), { style: 'long', type }).format(items);
}

/** The same text with its first letter in upper case, for labels and list starts. */
export function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase(locale()) + text.slice(1);
}

/** Sorts display strings the way the page's language does. */
export function compareText(a: string, b: string): number {
  return a.localeCompare(b, locale(), { sensitivity: 'base', numeric: true });
}

/** Length in Unicode code points, as the protocol counts message text. */
export function codePoints(text: string): number {
  let length = 0;
  for (const _ of text) length++;
  return length;
}
