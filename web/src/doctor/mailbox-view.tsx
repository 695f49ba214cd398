/**
 * @module
 * An open mailbox: how long it is kept, the replies (each shown once, then
 * deleted from the relay) and the messages sent with their status.
 */
import type { Ref } from 'preact';
import { t } from '../i18n';
import { Button } from '../ui';
import { formatDate } from '../ui/format';
import { type MailboxSession, supporterName } from './mailbox-session';
import { ReplyItem } from './reply-item';
import { SentItem } from './sent-item';

export interface MailboxViewProps {
  session: MailboxSession;
  problem: 'network' | 'gone' | null;
  busy: boolean;
  onRefresh: (quiet?: boolean) => void;
  onForget: () => void;
  titleRef: Ref<HTMLHeadingElement>;
}

export function MailboxView({
  session,
  problem,
  busy,
  onRefresh,
  onForget,
  titleRef,
}: MailboxViewProps) {
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
      </div>
      {problem ? (
        <p class="error" role="alert">
          {problem === 'gone' ? t('mailbox.gone') : t('mailbox.network')}
        </p>
      ) : null}

      <h2 id="mailbox-replies-title">{t('mailbox.replies.title')}</h2>
      <div class="notice warning">
        <p>{t('mailbox.replies.deleted')}</p>
      </div>
      {session.replies.length === 0 ? (
        <p id="mailbox-no-replies" class="muted">
          {t('mailbox.replies.none')}
        </p>
      ) : null}
      <ol id="mailbox-replies" class="doctor-replies" aria-labelledby="mailbox-replies-title">
        {session.replies.map((reply) => (
          <ReplyItem
            key={reply.id}
            reply={reply}
            keys={session.keys}
            onSent={() => onRefresh(true)}
          />
        ))}
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
