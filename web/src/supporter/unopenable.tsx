/**
 * @module
 * Messages in the inbox that do not open for the supporter's key (junk, or
 * sealed to a key they no longer have): listed once with a way to discard
 * them, and discarded at the next check anyway (PROTOCOL.md §10.3), so no
 * one can keep an inbox full by sending garbage.
 */
import { useState } from 'preact/hooks';
import { t } from '../i18n';
import { announce, Button, Notice } from '../ui';
import { formatHourRange } from '../ui/format';
import { inbox } from './inbox-state';
import { discard } from './inbox-sync';
import { SessionEnded, useRevision } from './session';

export function Unopenable() {
  useRevision();
  const [failed, setFailed] = useState(false);
  const messages = [...inbox.unopenable.values()];
  if (messages.length === 0) return null;
  const discardNow = (ids: string[]) => {
    void discard(ids).then(
      () => {
        setFailed(false);
        announce(t('supporter.unopenable.discarded'));
        document.getElementById('conversations-heading')?.focus();
      },
      (error: unknown) => {
        if (!(error instanceof SessionEnded)) setFailed(true);
      },
    );
  };
  return (
    <section id="unopenable" class="card" aria-labelledby="unopenable-heading">
      <h3 id="unopenable-heading">{t('supporter.unopenable.heading')}</h3>
      <p>{t('supporter.unopenable.intro')}</p>
      {failed ? <Notice kind="error">{t('supporter.unopenable.failed')}</Notice> : null}
      <ul class="unopenable-list">
        {messages.map((message) => (
          <li key={message.id}>
            <span>
              {t('supporter.unopenable.item', { time: formatHourRange(message.receivedAt) })}
            </span>{' '}
            <Button variant="secondary" onClick={() => discardNow([message.id])}>
              {t('supporter.unopenable.discard')}
            </Button>
          </li>
        ))}
      </ul>
      {messages.length > 1 ? (
        <div class="actions">
          <Button variant="secondary" onClick={() => discardNow(messages.map((m) => m.id))}>
            {t('supporter.unopenable.discardAll')}
          </Button>
        </div>
      ) : null}
    </section>
  );
}
