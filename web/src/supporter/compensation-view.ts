/**
 * @module
 * The supporter's compensation counts: how many first contacts they received
 * each month, as a table, and the CSV export. The relay gives counts only;
 * nothing here (or there) links a count to a doctor, a mailbox or a message.
 */
import { el, locale } from './dom';

/** One month's count, as `GET /api/v1/me/counts` returns it (`YYYY-MM`, UTC). */
export interface MonthlyCount {
  month: string;
  firstContacts: number;
}

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

/**
 * Draws the table, most recent month first, into `container` (replacing
 * what was there). Redrawn on a language switch for the month names.
 */
export function renderCounts(container: HTMLElement, months: readonly MonthlyCount[]): void {
  if (months.length === 0) {
    container.replaceChildren(el('p', { key: 'supporter.counts.none' }));
    return;
  }
  const rows = [...months]
    .sort((a, b) => (a.month < b.month ? 1 : a.month > b.month ? -1 : 0))
    .map((entry) =>
      el('tr', { attributes: { 'data-month': entry.month } }, [
        el('th', {
          className: 'counts-month',
          text: formatMonth(entry.month),
          attributes: { scope: 'row' },
        }),
        el('td', { className: 'counts-number', text: String(entry.firstContacts) }),
      ]),
    );
  const table = el('table', { className: 'counts-table' }, [
    el('caption', { className: 'visually-hidden', key: 'supporter.counts.caption' }),
    el('thead', {}, [
      el('tr', {}, [
        el('th', { key: 'supporter.counts.month', attributes: { scope: 'col' } }),
        el('th', {
          className: 'counts-number',
          key: 'supporter.counts.number',
          attributes: { scope: 'col' },
        }),
      ]),
    ]),
    el('tbody', {}, rows),
  ]);
  container.replaceChildren(table);
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
  const link = el('a', {
    attributes: { href: url, download: filename },
    className: 'visually-hidden',
  });
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking synchronously can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
