/**
 * @module
 * An open mailbox: how long it is kept, the replies (kept on the relay
 * until the doctor deletes them) and the messages sent with their status.
 */
import type { Ref } from 'preact';
import { useState } from 'preact/hooks';
import { t } from '../i18n';
import { Button, Card } from '../ui';
import { formatDate, formatDateTime } from '../ui/format';
import { ConfirmDelete } from './confirm-delete';
import {
  conversationItems,
  type MailboxSession,
  type OwnCopy,
  supporterName,
} from './mailbox-session';
import { ReplyItem } from './reply-item';
import { SentItem } from './sent-item';

export interface MailboxViewProps {
  session: MailboxSession;
  problem: 'network' | 'gone' | null;
  busy: boolean;
  onRefresh: (quiet?: boolean) => void;
  onForget: () => void;
  /** Deletes one supporter's replies; throws when nothing was deleted. */
  onDeleteConversation: (supporterId: string, name: string) => Promise<void>;
  /** Deletes the whole mailbox (§10.2); throws when nothing was deleted. */
  onDeleteAll: () => Promise<void>;
  titleRef: Ref<HTMLHeadingElement>;
}

export function MailboxView({
  session,
  problem,
  busy,
  onRefresh,
  onForget,
  onDeleteConversation,
  onDeleteAll,
  titleRef,
}: MailboxViewProps) {
  const [confirmingAll, setConfirmingAll] = useState(false);
  return (
    <section id="mailbox-view" aria-labelledby="mailbox-view-title">
      <h2 id="mailbox-view-title" tabIndex={-1} ref={titleRef}>
        {t('mailbox.view.title')}
      </h2>
      <p class="muted">{t('mailbox.kept', { date: formatDate(session.expiresAt) })}</p>
      <div class="actions">
        <Button variant="secondary" busy={busy} onClick={() => onRefresh()}>
          {t('mailbox.refresh')}
        </Button>
        <Button variant="secondary" onClick={onForget}>
          {t('mailbox.forget')}
        </Button>
        <Button variant="quiet" onClick={() => setConfirmingAll(true)}>
          {t('mailbox.deleteAll')}
        </Button>
      </div>
      <ConfirmDelete
        open={confirmingAll}
        title={t('mailbox.deleteAll.confirmTitle')}
        text={t('mailbox.deleteAll.confirmText')}
        onConfirm={onDeleteAll}
        onClose={() => setConfirmingAll(false)}
      />
      {problem ? (
        <p class="error" role="alert">
          {problem === 'gone' ? t('mailbox.gone') : t('mailbox.network')}
        </p>
      ) : null}

      <h2 id="mailbox-replies-title">{t('mailbox.replies.title')}</h2>
      <p class="muted">{t('mailbox.replies.kept')}</p>
      {session.replies.length === 0 ? (
        <p id="mailbox-no-replies" class="muted">
          {t(session.repliesDeleted ? 'mailbox.replies.deleted' : 'mailbox.replies.none')}
        </p>
      ) : null}
      <ol id="mailbox-replies" class="doctor-replies" aria-labelledby="mailbox-replies-title">
        {conversationItems(session).map((item) =>
          item.kind === 'own' ? (
            <OwnItem
              key={`own-${item.copy.id}`}
              copy={item.copy}
              name={supporterName(session, item.copy.supporterId) ?? t('mailbox.sent.leftName')}
            />
          ) : (
            <ReplyItem
              key={item.reply.id}
              reply={item.reply}
              keys={session.keys}
              onSent={() => onRefresh(true)}
              copiesKept={session.copies.some(
                (copy) => copy.supporterId === item.reply.supporterId,
              )}
              onDelete={() =>
                onDeleteConversation(
                  item.reply.supporterId,
                  item.reply.opened?.name ?? item.reply.supporterId,
                )
              }
            />
          ),
        )}
      </ol>

      <h2 id="mailbox-sent-title">{t('mailbox.sent.title')}</h2>
      <ol id="mailbox-sent" class="doctor-sent" aria-labelledby="mailbox-sent-title">
        {session.sent.map((entry) => (
          <SentItem
            key={entry.id}
            entry={entry}
            name={supporterName(session, entry.supporterId) ?? t('mailbox.sent.leftName')}
          />
        ))}
      </ol>
    </section>
  );
}

/** The doctor's own message, from the copy they chose to keep, at their own minute. */
function OwnItem({ copy, name }: { copy: OwnCopy; name: string }) {
  return (
    <Card as="li" class="doctor-own">
      <h3>{t('mailbox.own.to', { name })}</h3>
      <p class="muted">{t('mailbox.reply.sent', { date: formatDateTime(copy.sentAt) })}</p>
      <p class="doctor-own-text">{copy.text}</p>
    </Card>
  );
}
