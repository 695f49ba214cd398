/**
 * @module
 * The operator page (`/operator`): delivery health, the per-supporter
 * backlog with away/deactivate actions, and invites.
 *
 * The operator token is asked for once and kept in `sessionStorage` (this
 * tab only, gone when it closes), and only after the relay has accepted it
 * at `GET /api/v1/admin/health`. Every figure comes from the operator API;
 * the page adds no numbers of its own except totals of what it was given.
 * Invite links are shown but never stored.
 */
import { api, RelayError } from '../api';
import { type MessageKey, t } from '../i18n';
import {
  type ActionKind,
  backlogRows,
  DEFAULT_SORT,
  isSortKey,
  nextOrder,
  type OpenAction,
  type SortOrder,
} from '../operator/backlog';
import { chartScale, dailyChart, dailyTable } from '../operator/chart';
import {
  dateInputValue,
  formatBytes,
  formatCount,
  formatDate,
  formatDateTime,
  formatHours,
  formatPercent,
  formatUptime,
} from '../operator/format';
import { forgetToken, savedToken, saveToken } from '../operator/token-store';
import {
  type CreatedInvite,
  type HealthReport,
  SERIES,
  type SupporterHealth,
} from '../operator/types';
import { focusElement, h, replaceChildren } from '../ui/dom';
import { announce, initPage, required } from '../ui/static-page';

initPage();

const title = required('#operator-title');
const loginSection = required('#operator-login');
const loginNotice = required('#operator-login-notice');
const tokenForm = required<HTMLFormElement>('#operator-token-form');
const tokenInput = required<HTMLInputElement>('#operator-token');
const tokenError = required('#operator-token-error');
const tokenSubmit = required<HTMLButtonElement>('#operator-token-submit');
const loading = required('#operator-loading');
const dashboard = required('#operator-dashboard');
const updated = required('#operator-updated');
const refreshButton = required<HTMLButtonElement>('#operator-refresh');
const forgetButton = required<HTMLButtonElement>('#operator-forget');
const dashboardError = required('#operator-error');
const tiles = required('#operator-tiles');
const daysIntro = required('#operator-days-intro');
const charts = required('#operator-charts');
const daysWrap = required('#operator-days-wrap');
const actionStatus = required('#operator-action-status');
const actionError = required('#operator-action-error');
const backlogTable = required<HTMLTableElement>('#operator-backlog');
const backlogBody = required<HTMLTableSectionElement>('#operator-backlog-rows');
const backlogEmpty = required('#operator-backlog-empty');
const unseenForm = required<HTMLFormElement>('#operator-unseen-form');
const unseenInput = required<HTMLInputElement>('#operator-unseen-days');
const unseenSummary = required('#operator-unseen-summary');
const unseenList = required<HTMLUListElement>('#operator-unseen-list');
const notifySummary = required('#operator-notify-summary');
const notifyRetrying = required('#operator-notify-retrying');
const notifyList = required<HTMLUListElement>('#operator-notify-list');
const inviteForm = required<HTMLFormElement>('#operator-invite-form');
const inviteNote = required<HTMLInputElement>('#operator-invite-note');
const inviteDays = required<HTMLInputElement>('#operator-invite-days');
const inviteError = required('#operator-invite-error');
const inviteSubmit = required<HTMLButtonElement>('#operator-invite-submit');
const inviteList = required<HTMLUListElement>('#operator-invites');

/** A text kept as key and parameters, so a language switch can redo it. */
interface Message {
  key: MessageKey;
  params?: Record<string, string | number>;
}

/** Everything shown comes from here; the token and figures live only in memory and the tab. */
const state = {
  token: null as string | null,
  health: null as HealthReport | null,
  supporters: [] as SupporterHealth[],
  fetchedAt: null as Date | null,
  order: DEFAULT_SORT as SortOrder,
  open: null as OpenAction | null,
  busy: false,
  notSeenDays: 7,
  invites: [] as { invite: CreatedInvite; note: string; copied: Message | null }[],
  messages: new Map<HTMLElement, Message>(),
};

function showMessage(element: HTMLElement, message: Message | null): void {
  if (message === null) state.messages.delete(element);
  else state.messages.set(element, message);
  element.hidden = message === null;
  element.textContent = message === null ? '' : t(message.key, message.params);
}

function redoMessages(): void {
  for (const [element, message] of state.messages) {
    element.textContent = t(message.key, message.params);
  }
}

/** The words for a failed call; 401 is handled by the callers. */
function failureKey(error: unknown): MessageKey {
  if (error instanceof RelayError && error.code === 'network') return 'operator.error.network';
  return 'operator.error.generic';
}

function isUnauthorized(error: unknown): boolean {
  return error instanceof RelayError && error.status === 401;
}

/** An operator call with the accepted token. */
function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  return api<T>(method, path, {
    token: state.token ?? '',
    ...(body === undefined ? {} : { body }),
  });
}

// ---- Token ----------------------------------------------------------------

function showLogin(notice: MessageKey | null): void {
  state.token = null;
  state.health = null;
  state.supporters = [];
  state.open = null;
  // Invite links carry single-use tokens: gone with the operator's.
  state.invites = [];
  state.messages.clear();
  replaceChildren(inviteList);
  replaceChildren(backlogBody);
  dashboard.hidden = true;
  loading.hidden = true;
  loginSection.hidden = false;
  showMessage(loginNotice, notice === null ? null : { key: notice });
  showMessage(tokenError, null);
  tokenInput.removeAttribute('aria-invalid');
}

/** Fetches every figure with `token`; throws what the relay answered. */
async function fetchAll(token: string): Promise<void> {
  const options = { token };
  const health = await api<HealthReport>(
    'GET',
    `/api/v1/admin/health?notSeenDays=${state.notSeenDays}`,
    options,
  );
  const { supporters } = await api<{ supporters: SupporterHealth[] }>(
    'GET',
    '/api/v1/admin/supporters',
    options,
  );
  state.health = health;
  state.supporters = supporters;
  state.fetchedAt = new Date();
}

tokenForm.addEventListener('submit', (event) => {
  event.preventDefault();
  void logIn();
});

async function logIn(): Promise<void> {
  const candidate = tokenInput.value.trim();
  showMessage(loginNotice, null);
  if (candidate === '') {
    tokenFailed('operator.token.empty');
    return;
  }
  tokenSubmit.disabled = true;
  try {
    await fetchAll(candidate);
  } catch (error) {
    tokenFailed(isUnauthorized(error) ? 'operator.token.wrong' : failureKey(error));
    return;
  } finally {
    tokenSubmit.disabled = false;
  }
  // Kept only now that the relay has accepted it.
  const kept = saveToken(candidate);
  tokenInput.value = '';
  openDashboard(candidate);
  if (!kept) showMessage(dashboardError, { key: 'operator.error.storage' });
  focusElement(title);
}

function tokenFailed(key: MessageKey): void {
  showMessage(tokenError, { key });
  tokenInput.setAttribute('aria-invalid', 'true');
  tokenInput.setAttribute('aria-describedby', 'operator-token-hint operator-token-error');
  tokenInput.focus();
}

function openDashboard(token: string): void {
  state.token = token;
  loginSection.hidden = true;
  loading.hidden = true;
  dashboard.hidden = false;
  showMessage(tokenError, null);
  tokenInput.removeAttribute('aria-invalid');
  tokenInput.setAttribute('aria-describedby', 'operator-token-hint');
  render();
}

/** The token was taken away (rotated on the server): back to the form. */
function tokenRefused(): void {
  forgetToken();
  showLogin('operator.token.expired');
  tokenInput.focus();
}

forgetButton.addEventListener('click', () => {
  forgetToken();
  showLogin('operator.token.forgotten');
  announce(t('operator.token.forgotten'));
  tokenInput.focus();
});

// ---- Refresh --------------------------------------------------------------

async function reload(): Promise<boolean> {
  if (state.token === null) return false;
  try {
    await fetchAll(state.token);
  } catch (error) {
    if (isUnauthorized(error)) tokenRefused();
    else showMessage(dashboardError, { key: failureKey(error) });
    return false;
  }
  showMessage(dashboardError, null);
  render();
  return true;
}

refreshButton.addEventListener('click', async () => {
  refreshButton.disabled = true;
  const done = await reload();
  refreshButton.disabled = false;
  if (done) announce(t('operator.refreshed'));
});

// ---- Rendering ------------------------------------------------------------

function render(): void {
  const health = state.health;
  if (health === null) return;
  updated.textContent = state.fetchedAt
    ? t('operator.updated', { time: formatDateTime(state.fetchedAt) })
    : '';
  renderTiles(health);
  renderDays(health);
  renderBacklog();
  renderUnseen(health);
  renderNotifications(health);
  renderInvites();
  redoMessages();
}

function tile(
  name: string,
  label: string,
  value: string,
  raw: number | string | null,
  hint?: string,
): HTMLElement {
  return h(
    'div',
    { class: 'operator-tile', attrs: { 'data-tile': name } },
    h('dt', { text: label }),
    h('dd', {
      class: 'operator-tile-value',
      text: value,
      attrs: { 'data-value': raw === null ? 'null' : String(raw) },
    }),
    hint === undefined ? null : h('dd', { class: 'operator-tile-hint', text: hint }),
  );
}

function renderTiles(health: HealthReport): void {
  const { median, p90 } = health.deliveryHours;
  const hours = (value: number | null) =>
    value === null ? t('operator.noDeliveries') : formatHours(value);
  const failures = health.notificationFailures;
  replaceChildren(
    tiles,
    tile(
      'pending',
      t('operator.tile.pending'),
      formatCount(health.pendingMessages),
      health.pendingMessages,
    ),
    tile(
      'oldest',
      t('operator.tile.oldest'),
      health.oldestPendingHours === null
        ? t('operator.none')
        : formatHours(health.oldestPendingHours),
      health.oldestPendingHours,
    ),
    tile(
      'median',
      t('operator.tile.median'),
      hours(median),
      median,
      t('operator.tile.deliveryHint'),
    ),
    tile('p90', t('operator.tile.p90'), hours(p90), p90, t('operator.tile.deliveryHint')),
    tile(
      'replyRate',
      t('operator.tile.replyRate'),
      health.replyRate === null ? t('operator.noDeliveries') : formatPercent(health.replyRate),
      health.replyRate,
      t('operator.tile.replyRateHint', {
        replied: formatCount(health.last30Days.replied),
        delivered: formatCount(health.last30Days.delivered),
      }),
    ),
    tile(
      'failures',
      t('operator.tile.failures'),
      formatCount(failures.last30Days),
      failures.last30Days,
      t('operator.tile.failuresHint', { count: formatCount(failures.retrying.length) }),
    ),
    tile(
      'supporters',
      t('operator.tile.supporters'),
      formatCount(health.supporters.active),
      health.supporters.active,
      t('operator.tile.supportersHint', {
        away: formatCount(health.supporters.away),
        inactive: formatCount(health.supporters.inactive),
      }),
    ),
    tile(
      'database',
      t('operator.tile.database'),
      health.databaseSizeBytes === null
        ? t('operator.unknown')
        : formatBytes(health.databaseSizeBytes),
      health.databaseSizeBytes,
    ),
    tile('version', t('operator.tile.version'), health.version, health.version),
    tile(
      'uptime',
      t('operator.tile.uptime'),
      formatUptime(health.uptimeSeconds),
      health.uptimeSeconds,
    ),
  );
}

function renderDays(health: HealthReport): void {
  const scale = chartScale(health.daily, SERIES);
  const any = health.daily.some((entry) => SERIES.some((name) => entry[name] > 0));
  daysIntro.textContent = any
    ? t('operator.days.intro', { max: formatCount(scale) })
    : t('operator.days.introEmpty');
  replaceChildren(charts, ...SERIES.map((name) => dailyChart(health.daily, name, scale)));
  replaceChildren(daysWrap, dailyTable(health.daily, SERIES));
}

function nameOf(id: string): string {
  return state.supporters.find((s) => s.id === id)?.name ?? t('operator.unknownSupporter');
}

function renderUnseen(health: HealthReport): void {
  const days = formatCount(state.notSeenDays);
  const list = health.supportersNotSeen;
  unseenSummary.textContent =
    list.length === 0
      ? t('operator.unseen.none', { days })
      : t('operator.unseen.count', { days, count: formatCount(list.length) });
  replaceChildren(
    unseenList,
    ...list.map((entry) => {
      const lastSeen = state.supporters.find((s) => s.id === entry.id)?.lastSeen ?? null;
      const params = { name: nameOf(entry.id), days: formatCount(entry.days) };
      return h('li', {
        attrs: { 'data-id': entry.id },
        text:
          lastSeen === null
            ? t('operator.unseen.entryNever', params)
            : t('operator.unseen.entry', { ...params, time: formatDateTime(lastSeen) }),
      });
    }),
  );
}

function renderNotifications(health: HealthReport): void {
  const { last30Days, retrying } = health.notificationFailures;
  notifySummary.textContent = t('operator.notify.summary', { count: formatCount(last30Days) });
  notifyRetrying.textContent =
    retrying.length === 0 ? t('operator.notify.noneRetrying') : t('operator.notify.retrying');
  replaceChildren(
    notifyList,
    ...retrying.map((entry) => {
      const params = {
        name: nameOf(entry.supporterId),
        channel: t(`operator.channel.${entry.channel}`),
        failures: formatCount(entry.failures),
      };
      return h('li', {
        attrs: { 'data-id': entry.supporterId },
        text:
          entry.nextAttemptAt === null
            ? t('operator.notify.entryNoTime', params)
            : t('operator.notify.entry', {
                ...params,
                time: formatDateTime(entry.nextAttemptAt),
              }),
      });
    }),
  );
}

// ---- Backlog --------------------------------------------------------------

const sortButtons = [...backlogTable.querySelectorAll<HTMLButtonElement>('button[data-sort]')];

function renderSortState(): void {
  for (const header of backlogTable.querySelectorAll<HTMLElement>('th[data-sort-key]')) {
    if (header.dataset.sortKey === state.order.key) {
      header.setAttribute('aria-sort', state.order.direction);
    } else {
      header.removeAttribute('aria-sort');
    }
  }
}

function renderBacklog(): void {
  renderSortState();
  backlogEmpty.hidden = state.supporters.length > 0;
  replaceChildren(
    backlogBody,
    ...backlogRows(state.supporters, state.order, state.open, handlers, state.busy),
  );
}

for (const button of sortButtons) {
  button.addEventListener('click', () => {
    const key = button.dataset.sort;
    if (!isSortKey(key)) return;
    state.order = nextOrder(state.order, key);
    renderBacklog();
    announce(
      t(`operator.sorted.${state.order.direction}`, {
        column: button.textContent?.trim() ?? key,
      }),
    );
  });
}

/**
 * Focuses the first `selector` match in the open action's row under
 * supporter `id`, else in their row, else their row's first button.
 */
function focusRow(id: string, selector: string): void {
  const actionRow = backlogBody.querySelector(`tr[data-action-for="${CSS.escape(id)}"]`);
  const row = backlogBody.querySelector(`tr[data-id="${CSS.escape(id)}"]`);
  const target =
    actionRow?.querySelector<HTMLElement>(selector) ??
    row?.querySelector<HTMLElement>(selector) ??
    row?.querySelector<HTMLElement>('button');
  target?.focus();
}

const handlers = {
  choose(supporter: SupporterHealth, kind: ActionKind): void {
    showMessage(actionError, null);
    showMessage(actionStatus, null);
    if (kind === 'available') {
      void change(supporter, { status: 'available' }, { key: 'operator.done.available' });
      return;
    }
    state.open = { id: supporter.id, kind };
    renderBacklog();
    focusRow(supporter.id, 'input, button');
  },
  markAway(supporter: SupporterHealth, until: HTMLInputElement): void {
    const error = document.getElementById('operator-away-error');
    const value = until.value;
    if (value !== '' && (value < dateInputValue(new Date()) || Number.isNaN(Date.parse(value)))) {
      if (error) {
        error.hidden = false;
        error.textContent = t('operator.away.past');
      }
      until.setAttribute('aria-invalid', 'true');
      until.setAttribute('aria-describedby', 'operator-away-until-hint operator-away-error');
      until.focus();
      return;
    }
    if (value === '') {
      void change(supporter, { status: 'away', awayUntil: null }, { key: 'operator.done.away' });
      return;
    }
    // The start of that day where the operator is; the relay keeps whole hours.
    const back = new Date(`${value}T00:00:00`);
    void change(
      supporter,
      { status: 'away', awayUntil: back.toISOString() },
      { key: 'operator.done.awayUntil', params: { date: formatDate(back) } },
    );
  },
  confirm(supporter: SupporterHealth, kind: 'deactivate' | 'reactivate'): void {
    void change(
      supporter,
      { active: kind === 'reactivate' },
      { key: kind === 'deactivate' ? 'operator.done.deactivated' : 'operator.done.reactivated' },
    );
  },
  cancel(supporter: SupporterHealth): void {
    const kind = state.open?.kind;
    state.open = null;
    renderBacklog();
    focusRow(supporter.id, kind ? `button[data-action="${kind}"]` : 'button');
  },
};

async function change(
  supporter: SupporterHealth,
  body: Record<string, unknown>,
  done: Message,
): Promise<void> {
  if (state.busy) return;
  state.busy = true;
  for (const button of backlogBody.querySelectorAll('button')) button.disabled = true;
  try {
    await call('PATCH', `/api/v1/admin/supporters/${encodeURIComponent(supporter.id)}`, body);
  } catch (error) {
    state.busy = false;
    if (isUnauthorized(error)) {
      tokenRefused();
      return;
    }
    const gone = error instanceof RelayError && error.code === 'supporter_not_found';
    if (gone) state.open = null;
    showMessage(actionError, { key: gone ? 'operator.error.gone' : failureKey(error) });
    if (gone) await reload();
    else renderBacklog();
    focusRow(supporter.id, 'button');
    return;
  }
  state.busy = false;
  state.open = null;
  const message = { ...done, params: { name: supporter.name, ...done.params } };
  await reload();
  if (state.token === null) return;
  showMessage(actionStatus, message);
  announce(t(message.key, message.params));
  focusRow(supporter.id, 'button');
}

// ---- Not seen -------------------------------------------------------------

unseenForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  const days = Number(unseenInput.value);
  const error = 'operator-unseen-error';
  document.getElementById(error)?.remove();
  unseenInput.removeAttribute('aria-invalid');
  unseenInput.removeAttribute('aria-describedby');
  if (!Number.isInteger(days) || days < 1 || days > 365) {
    (unseenInput.parentElement ?? unseenInput).after(
      h('p', {
        class: 'error',
        text: t('operator.unseen.invalid'),
        attrs: { id: error, role: 'alert' },
      }),
    );
    unseenInput.setAttribute('aria-invalid', 'true');
    unseenInput.setAttribute('aria-describedby', error);
    unseenInput.focus();
    return;
  }
  state.notSeenDays = days;
  await reload();
});

// ---- Invites --------------------------------------------------------------

inviteForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  const days = Number(inviteDays.value);
  showMessage(inviteError, null);
  inviteDays.removeAttribute('aria-invalid');
  if (!Number.isInteger(days) || days < 1 || days > 365) {
    showMessage(inviteError, { key: 'operator.invite.daysInvalid' });
    inviteDays.setAttribute('aria-invalid', 'true');
    inviteDays.setAttribute('aria-describedby', 'operator-invite-error');
    inviteDays.focus();
    return;
  }
  inviteDays.removeAttribute('aria-describedby');
  const note = inviteNote.value.trim();
  inviteSubmit.disabled = true;
  let invite: CreatedInvite;
  try {
    invite = await call<CreatedInvite>('POST', '/api/v1/admin/invites', {
      expiresInDays: days,
      ...(note === '' ? {} : { note }),
    });
  } catch (error) {
    if (isUnauthorized(error)) tokenRefused();
    else showMessage(inviteError, { key: failureKey(error) });
    return;
  } finally {
    inviteSubmit.disabled = false;
  }
  state.invites.unshift({ invite, note, copied: null });
  inviteNote.value = '';
  renderInvites();
  announce(t('operator.invite.created', { date: formatDate(invite.expiresAt) }));
  const field = inviteList.querySelector<HTMLInputElement>('input');
  field?.focus();
  field?.select();
});

function renderInvites(): void {
  replaceChildren(
    inviteList,
    ...state.invites.map((entry, index) => {
      const id = `operator-invite-link-${state.invites.length - index}`;
      const link = h('input', {
        class: 'operator-link',
        attrs: {
          type: 'text',
          id,
          readonly: true,
          spellcheck: 'false',
          'aria-describedby': `${id}-expires`,
        },
      });
      link.value = entry.invite.url;
      const status = h('span', {
        class: 'operator-copy-status',
        text: entry.copied ? t(entry.copied.key) : '',
        attrs: { role: 'status' },
      });
      const copy = h('button', {
        class: 'secondary',
        text: t('operator.invite.copy'),
        attrs: { type: 'button' },
      });
      copy.addEventListener('click', async () => {
        try {
          await navigator.clipboard.writeText(entry.invite.url);
          entry.copied = { key: 'operator.invite.copied' };
        } catch {
          // No clipboard (permission, an old browser): leave it selected to copy by hand.
          link.focus();
          link.select();
          entry.copied = { key: 'operator.invite.copyFailed' };
        }
        status.textContent = t(entry.copied.key);
      });
      return h(
        'li',
        { class: 'card operator-invite' },
        h('label', {
          text:
            entry.note === ''
              ? t('operator.invite.link')
              : t('operator.invite.linkNoted', { note: entry.note }),
          attrs: { for: id },
        }),
        h('div', { class: 'operator-link-row' }, link, copy),
        h('p', {
          class: 'hint',
          text: t('operator.invite.expires', { date: formatDate(entry.invite.expiresAt) }),
          attrs: { id: `${id}-expires` },
        }),
        status,
      );
    }),
  );
}

// ---- Start ----------------------------------------------------------------

document.addEventListener('languagechange', () => {
  if (state.health !== null && !dashboard.hidden) render();
  else redoMessages();
});

const saved = savedToken();
if (saved === null) {
  showLogin(null);
} else {
  loading.hidden = false;
  fetchAll(saved).then(
    () => openDashboard(saved),
    (error: unknown) => {
      if (isUnauthorized(error)) {
        tokenRefused();
        return;
      }
      // Keep the token: the relay may be back in a moment.
      showLogin(null);
      showMessage(tokenError, { key: failureKey(error) });
      tokenInput.value = saved;
    },
  );
}
