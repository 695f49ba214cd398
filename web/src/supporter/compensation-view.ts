/**
 * @module
 * The supporter's compensation counts: month names, and saving the CSV
 * export (drawn by {@link ./counts}). The relay gives counts only;
 * nothing here (or there) links a count to a doctor, a mailbox or a message.
 */
import { locale } from '../i18n';

export type { MonthlyCount } from '../../../src/wire/supporter.ts';

/** "November 2026" / "november 2026" for `2026-11`; the raw value if malformed. */
export function formatMonth(month: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (!match) return month;
  // The months are UTC months: format them in UTC so no zone shifts them.
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1));
  return new Intl.DateTimeFormat(locale(), {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}

/** The file name from a `Content-Disposition` header, or `fallback`. */
export function attachmentName(header: string | null, fallback: string): string {
  const match = /filename="([^"/\\]+)"/.exec(header ?? '');
  return match?.[1] ?? fallback;
}

/**
 * Saves `blob` as a download through a temporary object URL. The URL is
 * revoked shortly after the click, once the browser has taken the file.
 */
export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.className = 'visually-hidden';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking synchronously can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
