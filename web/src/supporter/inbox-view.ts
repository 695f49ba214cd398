/**
 * @module
 * Draws the supporter's conversations: each thread with the doctor's wishes
 * (how and when to talk, and any contact detail) at the top, the messages
 * and replies in order, and a reply form prefilled with the template.
 *
 * The view holds no secrets of its own; it is redrawn from the page's state
 * after every change and on a language switch, and emptied at logout.
 * Everything a doctor wrote goes in with `textContent`.
 */
import type { MessageKey } from '../i18n';
import { t } from '../i18n';
import type { Modality } from '../protocol';
import {
  type Conversation,
  type Entry,
  entryKey,
  latestPrefs,
  latestReceived,
} from './conversations';
import { el, formatDateTime, formatList } from './dom';

/** A reply being written in one conversation. */
export interface Draft {
  text: string;
  /** The template the text was prefilled with, to tell whether it was edited. */
  template: string;
  error: MessageKey | null;
  sending: boolean;
}

export interface InboxViewState {
  conversations: Conversation[];
  /** Entry keys fetched from the relay during this session ("new"). */
  fresh: ReadonlySet<string>;
  /** Threads holding something that could not be stored in this browser. */
  unsaved: ReadonlySet<string>;
  drafts: ReadonlyMap<string, Draft>;
  /** The thread whose "delete" is waiting for confirmation. */
  confirmingDelete: string | null;
}

export interface InboxViewActions {
  openReply(thread: string): void;
  editReply(thread: string, text: string): void;
  cancelReply(thread: string): void;
  sendReply(thread: string): void;
  askDelete(thread: string | null): void;
  deleteThread(thread: string): void;
}

const MODALITY_KEYS: Record<Modality, MessageKey> = {
  'in-person': 'supporter.modality.in-person',
  phone: 'supporter.modality.phone',
  video: 'supporter.modality.video',
};

/** DOM ids are made from thread ids, which are base64url (safe in ids). */
export function conversationId(thread: string): string {
  return `conversation-${thread}`;
}

function entryItem(entry: Entry, fresh: boolean): HTMLLIElement {
  const meta = el('p', { className: 'entry-meta' });
  if (entry.type === 'received') {
    meta.append(
      el('strong', {
        key:
          entry.message.kind === 'first-contact'
            ? 'supporter.entry.firstContact'
            : 'supporter.entry.followUp',
      }),
      ' ',
      el('span', {
        key: 'supporter.entry.written',
        params: { time: formatDateTime(entry.message.sentAt) },
      }),
    );
  } else {
    meta.append(
      el('strong', { key: 'supporter.entry.yourReply' }),
      ' ',
      el('span', {
        key: 'supporter.entry.sent',
        params: { time: formatDateTime(entry.reply.sentAt) },
      }),
    );
  }
  if (fresh) meta.append(' ', el('span', { className: 'badge', key: 'supporter.entry.new' }));
  const text = entry.type === 'received' ? entry.message.text : entry.reply.text;
  return el('li', { className: `entry entry-${entry.type}` }, [
    meta,
    el('p', { className: 'entry-text', text }),
  ]);
}

function prefsList(conversation: Conversation): HTMLDListElement {
  const prefs = latestPrefs(conversation);
  const modalities = prefs?.modalities ?? [];
  const row = (term: MessageKey, description: string, className = '') =>
    el('div', { className }, [el('dt', { key: term }), el('dd', { text: description })]);
  const contact = prefs?.contact?.trim();
  const when = prefs?.when?.trim();
  return el('dl', { className: 'prefs' }, [
    row(
      'supporter.prefs.modalities',
      modalities.length > 0
        ? formatList(
            modalities.map((modality) => t(MODALITY_KEYS[modality])),
            'conjunction',
          )
        : t('supporter.prefs.noModalities'),
    ),
    row('supporter.prefs.when', when ? when : t('supporter.prefs.noWhen')),
    row(
      'supporter.prefs.contact',
      contact ? contact : t('supporter.prefs.noContact'),
      contact ? 'prefs-contact' : '',
    ),
  ]);
}

function replyForm(thread: string, draft: Draft, actions: InboxViewActions): HTMLFormElement {
  const id = `reply-${thread}`;
  const textarea = el('textarea', {
    attributes: { id, rows: '14', maxlength: '8000', 'aria-describedby': `${id}-hint` },
  });
  textarea.value = draft.text;
  textarea.addEventListener('input', () => actions.editReply(thread, textarea.value));
  const error = el('p', {
    className: 'error',
    attributes: { role: 'alert', id: `${id}-error` },
  });
  if (draft.error) {
    error.textContent = t(draft.error);
    textarea.setAttribute('aria-invalid', 'true');
    textarea.setAttribute('aria-describedby', `${id}-hint ${id}-error`);
  } else {
    error.hidden = true;
  }
  const send = el('button', {
    key: draft.sending ? 'supporter.reply.sending' : 'supporter.reply.send',
    attributes: { type: 'submit' },
  });
  send.disabled = draft.sending;
  const cancel = el('button', {
    className: 'secondary',
    key: 'supporter.cancel',
    attributes: { type: 'button' },
  });
  cancel.addEventListener('click', () => actions.cancelReply(thread));
  const form = el('form', { className: 'reply-form', attributes: { novalidate: '' } }, [
    el('label', { key: 'supporter.reply.label', attributes: { for: id } }),
    el('p', { className: 'hint', key: 'supporter.reply.hint', attributes: { id: `${id}-hint` } }),
    textarea,
    error,
    el('div', { className: 'actions' }, [send, cancel]),
  ]);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    actions.sendReply(thread);
  });
  return form;
}

function conversationArticle(
  conversation: Conversation,
  state: InboxViewState,
  actions: InboxViewActions,
): HTMLElement {
  const { thread, entries } = conversation;
  const id = conversationId(thread);
  const first = entries[0];
  const started = first
    ? formatDateTime(first.type === 'received' ? first.message.sentAt : first.reply.sentAt)
    : '';
  const article = el('article', {
    className: 'card conversation',
    attributes: { id, 'aria-labelledby': `${id}-title` },
  });
  article.append(
    el('h3', {
      key: 'supporter.conversation.title',
      params: { date: started },
      attributes: { id: `${id}-title`, tabindex: '-1' },
    }),
    el('p', {
      className: 'muted',
      key: 'supporter.conversation.count',
      params: { count: entries.length },
    }),
    prefsList(conversation),
  );
  if (state.unsaved.has(thread)) {
    article.append(el('p', { className: 'notice warning', key: 'supporter.conversation.unsaved' }));
  }
  article.append(
    el(
      'ol',
      { className: 'thread' },
      entries.map((entry) => entryItem(entry, state.fresh.has(entryKey(entry)))),
    ),
  );

  const draft = state.drafts.get(thread);
  const canReply = latestReceived(conversation) !== undefined;
  if (draft) {
    article.append(replyForm(thread, draft, actions));
  } else if (state.confirmingDelete === thread) {
    const yes = el('button', {
      className: 'danger',
      key: 'supporter.conversation.deleteYes',
      attributes: { type: 'button' },
    });
    yes.addEventListener('click', () => actions.deleteThread(thread));
    const no = el('button', {
      className: 'secondary',
      key: 'supporter.cancel',
      attributes: { type: 'button' },
    });
    no.addEventListener('click', () => actions.askDelete(null));
    article.append(
      el('div', { className: 'notice warning' }, [
        el('p', { key: 'supporter.conversation.deleteConfirm' }),
        el('div', { className: 'actions' }, [yes, no]),
      ]),
    );
  } else {
    const buttons: HTMLButtonElement[] = [];
    if (canReply) {
      const reply = el('button', { key: 'supporter.reply.open', attributes: { type: 'button' } });
      reply.addEventListener('click', () => actions.openReply(thread));
      buttons.push(reply);
    }
    const remove = el('button', {
      className: 'secondary',
      key: 'supporter.conversation.delete',
      attributes: { type: 'button' },
    });
    remove.addEventListener('click', () => actions.askDelete(thread));
    buttons.push(remove);
    article.append(el('div', { className: 'actions' }, buttons));
  }
  return article;
}

/** Redraws every conversation into `container`. */
export function renderConversations(
  container: HTMLElement,
  state: InboxViewState,
  actions: InboxViewActions,
): void {
  if (state.conversations.length === 0) {
    container.replaceChildren(el('p', { className: 'muted', key: 'supporter.conversations.none' }));
    return;
  }
  container.replaceChildren(
    ...state.conversations.map((conversation) => conversationArticle(conversation, state, actions)),
  );
}
