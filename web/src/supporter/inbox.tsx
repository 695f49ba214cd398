/**
 * @module
 * The inbox while logged in: who is logged in (and their fingerprint), the
 * conversations, availability, what this browser keeps, and the counts.
 */
import { useEffect, useRef } from 'preact/hooks';
import { t } from '../i18n';
import { announce, Button, Notice } from '../ui';
import { Availability } from './availability';
import { ConversationCard } from './conversation';
import { Counts, loadCounts } from './counts';
import { inbox, loadCached } from './inbox-state';
import { refreshInbox } from './inbox-sync';
import { Leave } from './leave';
import { Notifications } from './notifications';
import { PassphraseChange } from './passphrase-change';
import { ProfileForm } from './profile-form';
import { logOut, type Session, useRevision } from './session';
import { Storage } from './storage';
import { Unopenable } from './unopenable';

/** How often the inbox checks by itself while the page is visible. */
export const CHECK_INTERVAL_MS = 60_000;
/** A check on focus skips if one finished this recently. */
const FOCUS_CHECK_GAP_MS = 10_000;

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

/**
 * A check for new messages. The supporter's own check says what it found;
 * one the page makes by itself speaks only when something arrived or failed.
 */
function check(quiet: boolean): Promise<void> {
  const before = inbox.status;
  return refreshInbox({ quiet }).then(() => {
    if (quiet && inbox.status === before) return;
    if (inbox.status) announce(t(inbox.status.key, inbox.status.params));
    // New first contacts change this month's count too.
    return loadCounts();
  });
}

/** Checks every minute while the page is visible, and when it comes back into view. */
function useAutoCheck(): void {
  const last = useRef(Date.now());
  useEffect(() => {
    const run = (minGap: number) => {
      if (document.visibilityState !== 'visible' || Date.now() - last.current < minGap) return;
      last.current = Date.now();
      void check(true);
    };
    const timer = window.setInterval(() => run(0), CHECK_INTERVAL_MS);
    const onFocus = () => run(FOCUS_CHECK_GAP_MS);
    window.addEventListener('focus', onFocus);
    document.addEventListener('visibilitychange', onFocus);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('focus', onFocus);
      document.removeEventListener('visibilitychange', onFocus);
    };
  }, []);
}

function Conversations() {
  useRevision();
  useAutoCheck();
  return (
    <section aria-labelledby="conversations-heading">
      <h2 id="conversations-heading" tabIndex={-1}>
        {t('supporter.conversations.heading')}
      </h2>
      <div class="actions">
        <Button id="refresh" busy={inbox.checking} onClick={() => void check(false)}>
          {t('supporter.refresh')}
        </Button>
        <span id="inbox-status" role="status">
          {inbox.status ? t(inbox.status.key, inbox.status.params) : ''}
        </span>
      </div>
      <Unopenable />
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
      announce(t('supporter.me.name', { name: current.supporter.name }));
      await loadCached();
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
