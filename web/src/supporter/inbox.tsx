/**
 * @module
 * The inbox while logged in: who is logged in (and their fingerprint), the
 * conversations, availability, what this browser keeps, and the counts.
 */
import { useEffect } from 'preact/hooks';
import { t } from '../i18n';
import { announce, Button, Notice } from '../ui';
import { Availability } from './availability';
import { ConversationCard } from './conversation';
import { Counts, loadCounts } from './counts';
import { inbox, loadStored, refreshInbox } from './inbox-state';
import { Leave } from './leave';
import { Notifications } from './notifications';
import { PassphraseChange } from './passphrase-change';
import { ProfileForm } from './profile-form';
import { logOut, type Session, useRevision } from './session';
import { Storage } from './storage';

function Warnings() {
  useRevision();
  if (inbox.warnings.size === 0) return null;
  return (
    <div id="inbox-warning">
      <Notice kind="warning">
        {[...inbox.warnings].map(([key, params]) => (
          <span class="warning-line" key={key}>
            {t(key, params)}
          </span>
        ))}
      </Notice>
    </div>
  );
}

function Conversations() {
  useRevision();
  const check = () => {
    // New first contacts change this month's count too.
    void refreshInbox().then(() => {
      if (inbox.status) announce(t(inbox.status.key, inbox.status.params));
      return loadCounts();
    });
  };
  return (
    <section aria-labelledby="conversations-heading">
      <h2 id="conversations-heading" tabIndex={-1}>
        {t('supporter.conversations.heading')}
      </h2>
      <div class="actions">
        <Button id="refresh" busy={inbox.checking} onClick={check}>
          {t('supporter.refresh')}
        </Button>
        <span id="inbox-status" role="status">
          {inbox.status ? t(inbox.status.key, inbox.status.params) : ''}
        </span>
      </div>
      <div id="conversations">
        {inbox.conversations.length === 0 ? (
          <p class="muted">{t('supporter.conversations.none')}</p>
        ) : (
          inbox.conversations.map((conversation) => (
            <ConversationCard key={conversation.thread} conversation={conversation} />
          ))
        )}
      </div>
    </section>
  );
}

export function Inbox({ current }: { current: Session }) {
  useRevision();
  const { supporter } = current;
  useEffect(() => {
    void (async () => {
      await loadStored();
      announce(t('supporter.me.name', { name: current.supporter.name }));
      await refreshInbox();
      await loadCounts();
    })();
  }, [current]);
  return (
    <div id="inbox-section">
      <section class="card supporter-bar" aria-labelledby="me-heading">
        <h2 class="visually-hidden" id="me-heading">
          {t('supporter.me.heading')}
        </h2>
        <div class="supporter-bar-text">
          <p id="me-name">{t('supporter.me.name', { name: supporter.name })}</p>
          <p class="muted">
            <span>{t('supporter.me.fingerprint')}</span>{' '}
            <span class="fingerprint" id="me-fingerprint">
              {supporter.fingerprint}
            </span>
          </p>
        </div>
        <Button
          variant="secondary"
          id="logout"
          onClick={() => void logOut().then(() => announce(t('supporter.login.loggedOut')))}
        >
          {t('supporter.logout')}
        </Button>
      </section>
      <p class="hint">{t('supporter.memoryNote')}</p>
      <Warnings />
      <Conversations />
      <Availability supporter={supporter} />
      <ProfileForm supporter={supporter} />
      <Notifications />
      <PassphraseChange session={current} />
      <Storage />
      <Counts />
      <Leave session={current} />
    </div>
  );
}
