/**
 * @module
 * "Supporters and their backlog": one row per supporter with their figures
 * and actions, sortable by the buttons in the headings. On a wide screen a
 * table; below 600 px the same rows are laid out as cards (web/styles/
 * operator.css), each cell labelled, so every action stays in view without
 * scrolling sideways.
 */
import { COUNTIES } from '../../../src/wire/vocabulary.ts';
import { t } from '../i18n';
import { announce, Notice } from '../ui';
import { formatShortDate } from '../ui/format';
import { label } from '../ui/vocabulary';
import {
  type ActionKind,
  actionsFor,
  COLUMN_COUNT,
  nextOrder,
  type SortKey,
  sortSupporters,
  stateOf,
  stateText,
} from './backlog';
import { AwayForm, Confirmation, PurgeForm } from './backlog-actions';
import { formatCount, formatHours } from './format';
import { supporters } from './session';
import type { SupporterHealth } from './types';
import { useBacklog } from './use-backlog';

const COLUMNS: { key: SortKey; label: Parameters<typeof t>[0]; number?: boolean }[] = [
  { key: 'name', label: 'operator.col.name' },
  { key: 'state', label: 'operator.col.state' },
  { key: 'pending', label: 'operator.col.pending', number: true },
  { key: 'oldest', label: 'operator.col.oldest', number: true },
  { key: 'delivered', label: 'operator.col.delivered', number: true },
  { key: 'lastSeen', label: 'operator.col.lastSeen' },
];

export function BacklogSection() {
  const backlog = useBacklog();
  const { order, open, busy, status, error } = backlog;
  const list = supporters.value;

  function sortBy(key: SortKey) {
    const next = nextOrder(order, key);
    backlog.setOrder(next);
    const column = COLUMNS.find((c) => c.key === key);
    announce(t(`operator.sorted.${next.direction}`, { column: column ? t(column.label) : key }));
  }

  function choose(supporter: SupporterHealth, kind: ActionKind) {
    if (kind === 'available') {
      backlog.setOpen(null);
      void backlog.change(supporter, { status: 'available' }, { key: 'operator.done.available' });
      return;
    }
    backlog.setOpen({ id: supporter.id, kind });
    backlog.focusRow(supporter.id, 'input, button');
  }

  function cancel(supporter: SupporterHealth) {
    const kind = open?.kind;
    backlog.setOpen(null);
    backlog.focusRow(supporter.id, kind ? `button[data-action="${kind}"]` : 'button');
  }

  return (
    <section aria-labelledby="operator-backlog-title">
      <h2 id="operator-backlog-title">{t('operator.backlog.title')}</h2>
      <p class="hint">{t('operator.backlog.hint')}</p>
      <p id="operator-action-status" class="notice" role="status" hidden={status === null}>
        {status === null ? '' : t(status.key, status.params)}
      </p>
      {error === null ? null : (
        <Notice kind="error">
          <p id="operator-action-error">{t(error.key, error.params)}</p>
        </Notice>
      )}
      <div class="operator-table-wrap operator-backlog-wrap">
        <table id="operator-backlog" class="operator-table operator-backlog">
          <thead>
            <tr>
              {COLUMNS.map((column) => (
                <th
                  key={column.key}
                  scope="col"
                  data-sort-key={column.key}
                  class={column.number ? 'operator-number' : undefined}
                  aria-sort={order.key === column.key ? order.direction : undefined}
                >
                  <button
                    type="button"
                    class="operator-sort"
                    data-sort={column.key}
                    onClick={() => sortBy(column.key)}
                  >
                    {t(column.label)}
                  </button>
                </th>
              ))}
              <th scope="col" class="operator-actions-heading">
                {t('operator.col.actions')}
              </th>
            </tr>
          </thead>
          <tbody id="operator-backlog-rows">
            {sortSupporters(list, order).map((supporter) => [
              <SupporterRow
                key={supporter.id}
                supporter={supporter}
                busy={busy}
                onChoose={(kind) => choose(supporter, kind)}
              />,
              open?.id === supporter.id ? (
                <tr
                  key={`${supporter.id}-action`}
                  class="operator-action-row"
                  data-action-for={supporter.id}
                >
                  <td colSpan={COLUMN_COUNT}>
                    {open.kind === 'away' ? (
                      <AwayForm
                        supporter={supporter}
                        busy={busy}
                        onSave={(change, done) => void backlog.change(supporter, change, done)}
                        onCancel={() => cancel(supporter)}
                      />
                    ) : open.kind === 'purge' ? (
                      <PurgeForm
                        supporter={supporter}
                        busy={busy}
                        onPurge={(hours) => void backlog.purge(supporter, hours)}
                        onCancel={() => cancel(supporter)}
                      />
                    ) : (
                      <Confirmation
                        supporter={supporter}
                        kind={open.kind}
                        busy={busy}
                        onConfirm={() =>
                          void backlog.change(
                            supporter,
                            { active: open.kind === 'reactivate' },
                            {
                              key:
                                open.kind === 'deactivate'
                                  ? 'operator.done.deactivated'
                                  : 'operator.done.reactivated',
                            },
                          )
                        }
                        onCancel={() => cancel(supporter)}
                      />
                    )}
                  </td>
                </tr>
              ) : null,
            ])}
          </tbody>
        </table>
      </div>
      {list.length === 0 ? (
        <p id="operator-backlog-empty" class="muted">
          {t('operator.backlog.empty')}
        </p>
      ) : null}
    </section>
  );
}

interface RowProps {
  supporter: SupporterHealth;
  busy: boolean;
  onChoose(kind: ActionKind): void;
}

function SupporterRow({ supporter, busy, onChoose }: RowProps) {
  const state = stateOf(supporter);
  return (
    <tr class="operator-row" data-id={supporter.id} data-state={state}>
      <th scope="row">
        <span class="operator-name">{supporter.name}</span>
        <span class="operator-place">
          {t('doctor.place', {
            town: supporter.town,
            county: label(COUNTIES, supporter.county),
          })}
        </span>
      </th>
      <td data-label={t('operator.col.state')}>
        <span class={`badge operator-state operator-state-${state}`}>{stateText(supporter)}</span>
      </td>
      <td class="operator-number" data-label={t('operator.col.pending')}>
        {formatCount(supporter.pendingCount)}
      </td>
      <td class="operator-number" data-label={t('operator.col.oldest')}>
        {supporter.oldestPendingHours === null ? '–' : formatHours(supporter.oldestPendingHours)}
      </td>
      <td class="operator-number" data-label={t('operator.col.delivered')}>
        {formatCount(supporter.deliveredLast30d)}
      </td>
      <td class="operator-nowrap" data-label={t('operator.col.lastSeen')}>
        {/* The relay knows the hour only: the day is what an operator needs here. */}
        {supporter.lastSeen === null ? t('operator.never') : formatShortDate(supporter.lastSeen)}
      </td>
      <td class="operator-row-actions-cell">
        <div class="operator-row-actions">
          {actionsFor(supporter).map((kind) => {
            const label = t(`operator.action.${kind}`);
            return (
              <button
                key={kind}
                type="button"
                class={kind === 'deactivate' ? 'button secondary danger' : 'button secondary'}
                // The visible words first, so voice control can use them.
                aria-label={t('operator.action.named', { action: label, name: supporter.name })}
                data-action={kind}
                disabled={busy}
                onClick={() => onChoose(kind)}
              >
                {label}
              </button>
            );
          })}
        </div>
      </td>
    </tr>
  );
}
