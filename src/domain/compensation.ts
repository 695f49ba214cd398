/**
 * @module
 * A supporter's compensation counts: how many first contacts they received
 * each month (the association pays supporters per conversation). Counts
 * only, from the per-day counters: nothing links a count to a mailbox, a
 * message or a doctor.
 */
import { supporterEventByMonth } from '../db/counters.ts';
import type { SupporterRow } from '../db/supporters.ts';
import type { MonthlyCount } from '../wire/supporter.ts';
import type { Relay } from './relay.ts';

/** How far back the counts go. */
export const COUNT_MONTHS = 24;

export type { MonthlyCount };

/** Months since year 0, UTC: consecutive months are consecutive numbers. */
function monthIndex(date: Date): number {
  return date.getUTCFullYear() * 12 + date.getUTCMonth();
}

/** `YYYY-MM` of a month index. */
function monthName(index: number): string {
  const year = Math.floor(index / 12);
  return `${String(year).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/**
 * First contacts per month, oldest first: every month from the one the
 * supporter joined (at most 24 months back) to the current one, with zeros
 * where there were none.
 */
export async function firstContactsByMonth(
  relay: Relay,
  supporter: SupporterRow,
): Promise<{ months: MonthlyCount[] }> {
  const current = monthIndex(relay.clock.now());
  const joined = monthIndex(new Date(supporter.createdHour * 1000));
  const first = Math.min(current, Math.max(current - (COUNT_MONTHS - 1), joined));
  const counts = await supporterEventByMonth(
    relay.db,
    supporter.id,
    'first_contact',
    `${monthName(first)}-01`,
  );
  const months: MonthlyCount[] = [];
  for (let index = first; index <= current; index++) {
    const month = monthName(index);
    months.push({ month, firstContacts: counts.get(month) ?? 0 });
  }
  return { months };
}

/** The same counts as CSV (RFC 4180, CRLF line ends) for a spreadsheet or an invoice. */
export function countsCsv(months: MonthlyCount[]): string {
  const lines = ['month,first_contacts', ...months.map((m) => `${m.month},${m.firstContacts}`)];
  return `${lines.join('\r\n')}\r\n`;
}
