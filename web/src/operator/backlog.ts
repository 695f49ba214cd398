/**
 * @module
 * The per-supporter backlog table: its sort order, its rows, and the small
 * forms that open under a row (mark away with an optional date; confirm a
 * deactivation or reactivation). Rendering is a pure function of the list,
 * the sort order and which action is open; the page owns the state and the
 * API calls, through {@link BacklogHandlers}.
 */
import { t } from '../i18n';
import { h } from '../ui/dom';
import {
  dateInputValue,
  formatCount,
  formatDateTime,
  formatHours,
  formatShortDate,
} from './format';
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

const collator = () => new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** A sorted copy; ties keep name order (A to Z) whatever the direction. */
export function sortSupporters(list: SupporterHealth[], order: SortOrder): SupporterHealth[] {
  const names = collator();
  const sign = order.direction === 'ascending' ? 1 : -1;
  return [...list].sort((a, b) => {
    const byKey =
      order.key === 'name'
        ? names.compare(a.name, b.name)
        : sortValue(a, order.key) - sortValue(b, order.key);
    return sign * byKey || names.compare(a.name, b.name) || a.id.localeCompare(b.id);
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

export type ActionKind = 'away' | 'available' | 'deactivate' | 'reactivate';

/** An action waiting for more input (a date) or a confirmation, under its row. */
export interface OpenAction {
  id: string;
  kind: 'away' | 'deactivate' | 'reactivate';
}

export interface BacklogHandlers {
  /** A row's action button: opens a form or a confirmation, or acts at once ("available"). */
  choose(supporter: SupporterHealth, kind: ActionKind): void;
  /** The away form was sent; `until` is the date input's value ('' for none). */
  markAway(supporter: SupporterHealth, until: HTMLInputElement): void;
  /** The confirmation was accepted. */
  confirm(supporter: SupporterHealth, kind: 'deactivate' | 'reactivate'): void;
  cancel(supporter: SupporterHealth): void;
}

function actionButton(
  supporter: SupporterHealth,
  kind: ActionKind,
  handlers: BacklogHandlers,
  busy: boolean,
): HTMLButtonElement {
  const label = t(`operator.action.${kind}`);
  const button = h('button', {
    class: kind === 'deactivate' ? 'secondary danger' : 'secondary',
    text: label,
    attrs: {
      type: 'button',
      // The visible words first, so voice control can use them.
      'aria-label': t('operator.action.named', { action: label, name: supporter.name }),
      'data-action': kind,
      disabled: busy,
    },
  });
  button.addEventListener('click', () => handlers.choose(supporter, kind));
  return button;
}

function supporterRow(
  supporter: SupporterHealth,
  handlers: BacklogHandlers,
  busy: boolean,
): HTMLTableRowElement {
  const state = stateOf(supporter);
  const actions: ActionKind[] =
    state === 'inactive'
      ? ['reactivate']
      : state === 'away'
        ? ['available', 'deactivate']
        : ['away', 'deactivate'];
  return h(
    'tr',
    { attrs: { 'data-id': supporter.id, 'data-state': state } },
    h(
      'th',
      { attrs: { scope: 'row' } },
      h('span', { class: 'operator-name', text: supporter.name }),
      h('span', {
        class: 'operator-place',
        text: t('doctor.place', { town: supporter.town, county: supporter.county }),
      }),
    ),
    h(
      'td',
      {},
      h('span', {
        class: `badge operator-state operator-state-${state}`,
        text: stateText(supporter),
      }),
    ),
    h('td', { class: 'operator-number', text: formatCount(supporter.pendingCount) }),
    h('td', {
      class: 'operator-number',
      text: supporter.oldestPendingHours === null ? '–' : formatHours(supporter.oldestPendingHours),
    }),
    h('td', { class: 'operator-number', text: formatCount(supporter.deliveredLast30d) }),
    h('td', {
      class: 'operator-nowrap',
      text: supporter.lastSeen === null ? t('operator.never') : formatDateTime(supporter.lastSeen),
    }),
    h(
      'td',
      {},
      h(
        'div',
        { class: 'operator-row-actions' },
        ...actions.map((kind) => actionButton(supporter, kind, handlers, busy)),
      ),
    ),
  );
}

function awayForm(supporter: SupporterHealth, handlers: BacklogHandlers): HTMLFormElement {
  const until = h('input', {
    attrs: {
      type: 'date',
      id: 'operator-away-until',
      min: dateInputValue(new Date()),
      'aria-describedby': 'operator-away-until-hint',
    },
  });
  const form = h(
    'form',
    { class: 'operator-away-form', attrs: { novalidate: true } },
    h(
      'fieldset',
      {},
      h('legend', { text: t('operator.away.legend', { name: supporter.name }) }),
      h('label', { text: t('operator.away.until'), attrs: { for: 'operator-away-until' } }),
      until,
      h('p', {
        class: 'hint',
        text: t('operator.away.untilHint', { name: supporter.name }),
        attrs: { id: 'operator-away-until-hint' },
      }),
      h('p', { class: 'error', attrs: { id: 'operator-away-error', role: 'alert', hidden: true } }),
      h(
        'div',
        { class: 'actions' },
        h('button', { text: t('operator.away.save'), attrs: { type: 'submit' } }),
        cancelButton(supporter, handlers),
      ),
    ),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    handlers.markAway(supporter, until);
  });
  return form;
}

function cancelButton(supporter: SupporterHealth, handlers: BacklogHandlers): HTMLButtonElement {
  const button = h('button', {
    class: 'secondary',
    text: t('operator.action.cancel'),
    attrs: { type: 'button', 'data-action': 'cancel' },
  });
  button.addEventListener('click', () => handlers.cancel(supporter));
  return button;
}

function confirmation(
  supporter: SupporterHealth,
  kind: 'deactivate' | 'reactivate',
  handlers: BacklogHandlers,
): HTMLElement {
  const yes = h('button', {
    class: kind === 'deactivate' ? 'danger' : '',
    text: t(`operator.${kind}.yes`),
    attrs: { type: 'button', 'data-action': 'confirm' },
  });
  yes.addEventListener('click', () => handlers.confirm(supporter, kind));
  return h(
    'div',
    {
      class: 'notice warning operator-confirm',
      attrs: { role: 'group', 'aria-labelledby': 'operator-confirm-text' },
    },
    h('p', {
      text: t(`operator.${kind}.confirm`, { name: supporter.name }),
      attrs: { id: 'operator-confirm-text' },
    }),
    h('div', { class: 'actions' }, yes, cancelButton(supporter, handlers)),
  );
}

/** The table body's rows: one per supporter, and the open action's row under its supporter. */
export function backlogRows(
  list: SupporterHealth[],
  order: SortOrder,
  open: OpenAction | null,
  handlers: BacklogHandlers,
  busy: boolean,
): HTMLTableRowElement[] {
  return sortSupporters(list, order).flatMap((supporter) => {
    const row = supporterRow(supporter, handlers, busy);
    if (open?.id !== supporter.id) return [row];
    const content =
      open.kind === 'away'
        ? awayForm(supporter, handlers)
        : confirmation(supporter, open.kind, handlers);
    return [
      row,
      h(
        'tr',
        { class: 'operator-action-row', attrs: { 'data-action-for': supporter.id } },
        h('td', { attrs: { colspan: String(COLUMN_COUNT) } }, content),
      ),
    ];
  });
}
