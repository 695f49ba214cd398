/**
 * @module
 * One conversation: the doctor's wishes (how and when to talk, any contact
 * detail) at the top, the messages and replies in order, and a reply form
 * prefilled with the template. Everything a doctor wrote is text, never markup.
 *
 * Times: a message shows the doctor's own minute (`sentAt` inside the
 * ciphertext); only where that is missing, the relay's hour as a range.
 */
import { useState } from 'preact/hooks';
import type { Modality } from '../../../src/wire/api.ts';
import { type MessageKey, t } from '../i18n';
import { announce, Button } from '../ui';
import { formatDateTime, formatHourRange, formatList } from '../ui/format';
import { type Conversation, type Entry, latestPrefs, latestReceived } from './conversations';
import { inbox } from './inbox-state';
import { deleteThread } from './inbox-sync';
import { type Draft, followLanguage, newDraft, sendReply } from './replies';
import { touch, useRevision } from './session';

const MODALITY_KEYS: Record<Modality, MessageKey> = {
  'in-person': 'supporter.modality.in-person',
  phone: 'supporter.modality.phone',
  video: 'supporter.modality.video',
};

/** DOM ids are made from thread ids, which are base64url (safe in ids). */
export function conversationId(thread: string): string {
  return `conversation-${thread}`;
}

function focusById(id: string): void {
  // After the change is drawn.
  requestAnimationFrame(() => document.getElementById(id)?.focus());
}

function validTime(value: string | undefined): value is string {
  return value !== undefined && value !== '' && !Number.isNaN(Date.parse(value));
}

/** When an entry was written, as the page can know it: the author's minute, else the relay's hour. */
export function entryWhen(entry: Entry): { minute: string } | { hour: string } | null {
  const sentAt = entry.type === 'received' ? entry.message.sentAt : entry.reply.sentAt;
  if (validTime(sentAt)) return { minute: sentAt };
  if (entry.type === 'received' && validTime(entry.receivedAt)) return { hour: entry.receivedAt };
  return null;
}

/** "at 17:42" from the author's minute, or "between 17:00 and 18:00" from the relay's hour. */
export function whenText(entry: Entry): string {
  const when = entryWhen(entry);
  if (!when) return '';
  return 'minute' in when ? formatDateTime(when.minute) : formatHourRange(when.hour);
}

function EntryItem({ entry, fresh }: { entry: Entry; fresh: boolean }) {
  const received = entry.type === 'received';
  const sentAt = received ? entry.message.sentAt : entry.reply.sentAt;
  const label: MessageKey = received
    ? entry.message.kind === 'first-contact'
      ? 'supporter.entry.firstContact'
      : 'supporter.entry.followUp'
    : 'supporter.entry.yourReply';
  return (
    <li class={`entry entry-${entry.type}`}>
      <p class="entry-meta">
        <strong>{t(label)}</strong>
        {validTime(sentAt) ? (
          <>
            {' '}
            <span class="entry-written">
              {t(received ? 'supporter.entry.written' : 'supporter.entry.sent', {
                time: formatDateTime(sentAt),
              })}
            </span>
          </>
        ) : null}
        {received && validTime(entry.receivedAt) ? (
          <>
            {' '}
            <span class="entry-relay-time">
              {t('supporter.entry.received', { time: formatHourRange(entry.receivedAt) })}
            </span>
          </>
        ) : null}
        {fresh ? (
          <>
            {' '}
            <span class="badge">{t('supporter.entry.new')}</span>
          </>
        ) : null}
      </p>
      <p class="entry-text">{received ? entry.message.text : entry.reply.text}</p>
    </li>
  );
}

function Prefs({ conversation }: { conversation: Conversation }) {
  const prefs = latestPrefs(conversation);
  const modalities = prefs?.modalities ?? [];
  const contact = prefs?.contact?.trim();
  const when = prefs?.when?.trim();
  return (
    <dl class="prefs">
      <div>
        <dt>{t('supporter.prefs.modalities')}</dt>
        <dd>
          {modalities.length > 0
            ? formatList(modalities.map((modality) => t(MODALITY_KEYS[modality])))
            : t('supporter.prefs.noModalities')}
        </dd>
      </div>
      <div>
        <dt>{t('supporter.prefs.when')}</dt>
        <dd>{when ? when : t('supporter.prefs.noWhen')}</dd>
      </div>
      <div class={contact ? 'prefs-contact' : ''}>
        <dt>{t('supporter.prefs.contact')}</dt>
        <dd>{contact ? contact : t('supporter.prefs.noContact')}</dd>
      </div>
    </dl>
  );
}

function ReplyForm({ thread, draft }: { thread: string; draft: Draft }) {
  useRevision();
  followLanguage(draft, thread);
  const id = `reply-${thread}`;
  const titleId = `${conversationId(thread)}-title`;
  const send = async (event: Event) => {
    event.preventDefault();
    if (await sendReply(thread)) {
      focusById(titleId);
      announce(t('supporter.reply.sentAnnounce'));
    } else if (inbox.drafts.get(thread)?.error) {
      focusById(id);
    }
  };
  return (
    <form class="reply-form" noValidate onSubmit={(event) => void send(event)}>
      <label for={id}>{t('supporter.reply.label')}</label>
      <p class="hint" id={`${id}-hint`}>
        {t('supporter.reply.hint')}
      </p>
      <textarea
        id={id}
        rows={14}
        maxLength={8000}
        aria-describedby={draft.error ? `${id}-hint ${id}-error` : `${id}-hint`}
        aria-invalid={draft.error ? 'true' : undefined}
        value={draft.text}
        onInput={(event) => {
          draft.text = event.currentTarget.value;
        }}
      />
      {draft.error ? (
        <p class="error" role="alert" id={`${id}-error`}>
          {t(draft.error)}
        </p>
      ) : null}
      <div class="actions">
        <Button type="submit" busy={draft.sending}>
          {t(draft.sending ? 'supporter.reply.sending' : 'supporter.reply.send')}
        </Button>
        <Button
          variant="secondary"
          onClick={() => {
            inbox.drafts.delete(thread);
            touch();
            focusById(titleId);
          }}
        >
          {t('supporter.cancel')}
        </Button>
      </div>
    </form>
  );
}

export function ConversationCard({ conversation }: { conversation: Conversation }) {
  useRevision();
  const [confirming, setConfirming] = useState(false);
  const [deleteFailed, setDeleteFailed] = useState(false);
  const { thread, entries } = conversation;
  const id = conversationId(thread);
  const first = entries[0];
  const draft = inbox.drafts.get(thread);
  const canReply = latestReceived(conversation) !== undefined;
  const openReply = () => {
    if (!inbox.drafts.has(thread)) inbox.drafts.set(thread, newDraft(thread));
    setConfirming(false);
    touch();
    focusById(`reply-${thread}`);
  };
  return (
    <article class="card conversation" id={id} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} tabIndex={-1}>
        {t('supporter.conversation.title', { date: first ? whenText(first) : '' })}
      </h3>
      <p class="muted">{t('supporter.conversation.count', { count: entries.length })}</p>
      <Prefs conversation={conversation} />
      {inbox.unsaved.has(thread) ? (
        <p class="notice warning">{t('supporter.conversation.unsaved')}</p>
      ) : null}
      <ol class="thread">
        {entries.map((entry) => (
          <EntryItem key={entry.itemId} entry={entry} fresh={inbox.fresh.has(entry.itemId)} />
        ))}
      </ol>
      {draft ? (
        <ReplyForm thread={thread} draft={draft} />
      ) : confirming ? (
        <div class="notice warning">
          <p>{t('supporter.conversation.deleteConfirm')}</p>
          {deleteFailed ? (
            <p class="error" role="alert">
              {t('supporter.conversation.deleteFailed')}
            </p>
          ) : null}
          <div class="actions">
            <Button
              class="danger"
              onClick={() => {
                void deleteThread(thread).then((deleted) => {
                  setDeleteFailed(!deleted);
                  if (!deleted) return;
                  document.getElementById('conversations-heading')?.focus();
                  announce(t('supporter.conversation.deleted'));
                });
              }}
            >
              {t('supporter.conversation.deleteYes')}
            </Button>
            <Button
              variant="secondary"
              onClick={() => {
                setConfirming(false);
                setDeleteFailed(false);
                focusById(`${id}-title`);
              }}
            >
              {t('supporter.cancel')}
            </Button>
          </div>
        </div>
      ) : (
        <div class="actions">
          {canReply ? <Button onClick={openReply}>{t('supporter.reply.open')}</Button> : null}
          <Button variant="secondary" onClick={() => setConfirming(true)}>
            {t('supporter.conversation.delete')}
          </Button>
        </div>
      )}
    </article>
  );
}
