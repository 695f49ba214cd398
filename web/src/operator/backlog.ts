/**
 * @module
 * The backlog's rules, apart from how it looks: the sort order and what a
 * click on a heading does to it, a supporter's state, and which actions a
 * state offers.
 */
import { t } from '../i18n';
import { compareText, formatShortDate } from '../ui/format';
import type { SupporterHealth } from './types';

export const SORT_KEYS = ['name', 'state', 'pending', 'oldest', 'delivered', 'lastSeen'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDirection = 'ascending' | 'descending';
export interface SortOrder {
  key: SortKey;
  direction: SortDirection;
}

/** Most waiting first, as an operator looks for trouble. */
export const DEFAULT_SORT: SortOrder = { key: 'pending', direction: 'descending' };

/** The columns, including the unsortable actions; used for `colspan`. */
export const COLUMN_COUNT = SORT_KEYS.length + 1;

export function isSortKey(value: string | undefined): value is SortKey {
  return (SORT_KEYS as readonly string[]).includes(value ?? '');
}

/**
 * The direction a column sorts in when first chosen: counts and ages with
 * the largest first, names A to Z, and "last seen" longest ago first.
 */
export function firstDirection(key: SortKey): SortDirection {
  return key === 'name' || key === 'state' || key === 'lastSeen' ? 'ascending' : 'descending';
}

/** The order after a click on `key`'s heading. */
export function nextOrder(current: SortOrder, key: SortKey): SortOrder {
  if (current.key !== key) return { key, direction: firstDirection(key) };
  return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
}

export type State = 'available' | 'away' | 'inactive';

export function stateOf(supporter: SupporterHealth): State {
  return supporter.active ? supporter.status : 'inactive';
}

const STATE_RANK: Record<State, number> = { available: 0, away: 1, inactive: 2 };

function sortValue(supporter: SupporterHealth, key: Exclude<SortKey, 'name'>): number {
  switch (key) {
    case 'state':
      return STATE_RANK[stateOf(supporter)];
    case 'pending':
      return supporter.pendingCount;
    case 'oldest':
      return supporter.oldestPendingHours ?? -1;
    case 'delivered':
      return supporter.deliveredLast30d;
    case 'lastSeen':
      // Never seen sorts as longest ago.
      return supporter.lastSeen === null
        ? Number.NEGATIVE_INFINITY
        : Date.parse(supporter.lastSeen);
  }
}

/** A sorted copy; ties keep name order (A to Z) whatever the direction. */
export function sortSupporters(list: SupporterHealth[], order: SortOrder): SupporterHealth[] {
  const sign = order.direction === 'ascending' ? 1 : -1;
  return [...list].sort((a, b) => {
    const byKey =
      order.key === 'name'
        ? compareText(a.name, b.name)
        : sortValue(a, order.key) - sortValue(b, order.key);
    return sign * byKey || compareText(a.name, b.name) || a.id.localeCompare(b.id);
  });
}

/** The state as words, e.g. "Away until 5 Dec 2026". */
export function stateText(supporter: SupporterHealth): string {
  const state = stateOf(supporter);
  if (state === 'away' && supporter.awayUntil !== null) {
    return t('operator.state.awayUntil', { date: formatShortDate(supporter.awayUntil) });
  }
  return t(`operator.state.${state}`);
}

export type ActionKind = 'away' | 'available' | 'deactivate' | 'reactivate' | 'purge';

/** An action waiting for more input (a date) or a confirmation, under its row. */
export interface OpenAction {
  id: string;
  kind: 'away' | 'deactivate' | 'reactivate' | 'purge';
}

/**
 * The buttons a supporter's row offers, in their order; "purge" while
 * messages wait (issue 15: junk that keeps an inbox full).
 */
export function actionsFor(supporter: SupporterHealth): ActionKind[] {
  const state = stateOf(supporter);
  const purge: ActionKind[] = supporter.pendingCount > 0 ? ['purge'] : [];
  if (state === 'inactive') return ['reactivate', ...purge];
  return [state === 'away' ? 'available' : 'away', ...purge, 'deactivate'];
}
