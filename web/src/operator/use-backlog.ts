/**
 * @module
 * The backlog's state and its changes: the sort order, which action is open
 * under a row, the `PATCH` that marks a supporter away or available or
 * (de)activates them, and the purge of their queue (issue 15), with what
 * each said and where focus goes.
 */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { RelayError } from '../api';
import { t } from '../i18n';
import { announce } from '../ui';
import { DEFAULT_SORT, type OpenAction, type SortOrder } from './backlog';
import { formatCount } from './format';
import { call, failure, isUnauthorized, type Message, reload, signedIn } from './session';
import type { PurgeRequest, PurgeResult, SupporterChange, SupporterHealth } from './types';

/** Where focus goes once the backlog has re-rendered: under supporter `id`, the first `selector`. */
interface FocusRequest {
  id: string;
  selector: string;
}

/**
 * Focuses the first `selector` match in the open action's row under
 * supporter `id`, else in their row, else their row's first button.
 */
function focusInRow({ id, selector }: FocusRequest): void {
  const body = document.getElementById('operator-backlog-rows');
  const actionRow = body?.querySelector(`tr[data-action-for="${CSS.escape(id)}"]`);
  const row = body?.querySelector(`tr[data-id="${CSS.escape(id)}"]`);
  const target =
    actionRow?.querySelector<HTMLElement>(selector) ??
    row?.querySelector<HTMLElement>(selector) ??
    row?.querySelector<HTMLElement>('button');
  target?.focus();
}

export function useBacklog() {
  const [order, setOrder] = useState<SortOrder>(DEFAULT_SORT);
  const [open, setOpenAction] = useState<OpenAction | null>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Message | null>(null);
  const [error, setError] = useState<Message | null>(null);
  const focusRequest = useRef<FocusRequest | null>(null);

  // In the same render that shows the form or the changed row, so focus never lags the page.
  // Every request comes with a state change, so the next render is the one it was made for.
  useLayoutEffect(() => {
    const request = focusRequest.current;
    focusRequest.current = null;
    if (request !== null) focusInRow(request);
  });

  /** Asks for focus under supporter `id` once the backlog has re-rendered. */
  function focusRow(id: string, selector = 'button'): void {
    focusRequest.current = { id, selector };
  }

  /** Opens (or, with null, closes) the form or confirmation under a row. */
  function setOpen(next: OpenAction | null): void {
    setStatus(null);
    setError(null);
    setOpenAction(next);
  }

  /** Runs `send` for `supporter`; what it resolves to is said once the list is reloaded. */
  async function act(supporter: SupporterHealth, send: () => Promise<Message>): Promise<void> {
    if (busy) return;
    setBusy(true);
    setStatus(null);
    setError(null);
    let done: Message;
    try {
      done = await send();
    } catch (thrown) {
      setBusy(false);
      // A refused token has already brought back the token form.
      if (isUnauthorized(thrown)) return;
      const gone = thrown instanceof RelayError && thrown.code === 'supporter_not_found';
      setError(gone ? { key: 'operator.error.gone' } : failure(thrown));
      if (gone) {
        setOpenAction(null);
        await reload();
      }
      focusRow(supporter.id);
      return;
    }
    setBusy(false);
    setOpenAction(null);
    const message = { ...done, params: { name: supporter.name, ...done.params } };
    await reload();
    if (!signedIn()) return;
    setStatus(message);
    announce(t(message.key, message.params));
    focusRow(supporter.id);
  }

  const path = (supporter: SupporterHealth) =>
    `/api/v1/admin/supporters/${encodeURIComponent(supporter.id)}`;

  /** Sends `change` for `supporter`; `done` is said when the relay has taken it. */
  function change(supporter: SupporterHealth, body: SupporterChange, done: Message) {
    return act(supporter, async () => {
      await call('PATCH', path(supporter), body);
      return done;
    });
  }

  /** Purges `supporter`'s queued messages at least `olderThanHours` old, and says how many went. */
  function purge(supporter: SupporterHealth, olderThanHours: number) {
    return act(supporter, async () => {
      const body: PurgeRequest = { olderThanHours };
      const { purged } = await call<PurgeResult>('POST', `${path(supporter)}/purge`, body);
      return { key: 'operator.done.purged', params: { count: formatCount(purged) } };
    });
  }

  return { order, setOrder, open, setOpen, busy, status, error, change, purge, focusRow };
}
