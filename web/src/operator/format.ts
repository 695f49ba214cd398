/**
 * @module
 * The operator's own figures in the page's language: counts, shares,
 * durations in whole hours, sizes and counter days. Everything goes through
 * `Intl`, so plurals ("1 hour", "2 timer") and separators ("92.6%",
 * "92,6 %") are right in both languages without hand-made rules. Dates and
 * times are `web/src/ui/format.ts`'s.
 */
import { locale, t } from '../i18n';
import { formatNumber } from '../ui/format';

export function formatCount(value: number): string {
  return formatNumber(value);
}

/** A share from 0 to 1 as a percentage with at most one decimal. */
export function formatPercent(share: number): string {
  return new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: 1 }).format(
    share,
  );
}

type Unit = 'day' | 'hour' | 'minute' | 'second';

function unit(value: number, name: Unit): string {
  return new Intl.NumberFormat(locale(), { style: 'unit', unit: name, unitDisplay: 'long' }).format(
    value,
  );
}

/** The two largest non-zero parts, e.g. "2 days, 3 hours" or "20 hours". */
function parts(values: [number, Unit][]): string {
  const shown = values.filter(([value]) => value > 0).slice(0, 2);
  return new Intl.ListFormat(locale(), { style: 'long', type: 'unit' }).format(
    shown.map(([value, name]) => unit(value, name)),
  );
}

/**
 * Whole hours as the relay counts them: "20 hours" below two days, then
 * days and hours ("3 days, 4 hours"); 0 is "under an hour".
 */
export function formatHours(hours: number): string {
  if (hours <= 0) return t('operator.duration.underHour');
  if (hours < 48) return unit(hours, 'hour');
  return parts([
    [Math.floor(hours / 24), 'day'],
    [hours % 24, 'hour'],
  ]);
}

/** An uptime: "2 days, 5 hours", "3 hours, 12 minutes", "under a minute". */
export function formatUptime(seconds: number): string {
  if (seconds < 60) return t('operator.duration.underMinute');
  return parts([
    [Math.floor(seconds / 86_400), 'day'],
    [Math.floor((seconds % 86_400) / 3600), 'hour'],
    [Math.floor((seconds % 3600) / 60), 'minute'],
  ]);
}

/** Bytes in decimal units: "156 kB", "1.6 MB". */
export function formatBytes(bytes: number): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;
  let value = bytes;
  let index = 0;
  while (value >= 1000 && index < units.length - 1) {
    value /= 1000;
    index += 1;
  }
  return new Intl.NumberFormat(locale(), {
    style: 'unit',
    unit: units[index] ?? 'byte',
    unitDisplay: 'short',
    maximumFractionDigits: value < 10 && index > 0 ? 1 : 0,
  }).format(value);
}

/** A counter day (`2026-11-27`, a UTC date) as "27 Nov" / "27. nov.". */
export function formatDay(day: string): string {
  return new Intl.DateTimeFormat(locale(), {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  }).format(new Date(`${day}T00:00:00Z`));
}

/** `YYYY-MM-DD` of a local date, as `<input type="date">` wants. */
export function dateInputValue(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
