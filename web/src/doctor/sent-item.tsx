/**
 * @module
 * A message the doctor has sent, with its status. The relay knows only the
 * hour it arrived and the hour it expires, so both are said as a range.
 */
import type { MailboxView } from '../../../src/wire/api.ts';
import { localHref, t } from '../i18n';
import { Card } from '../ui';
import { capitalise, formatHourRange, formatTimeLeft } from '../ui/format';

export function SentItem({ entry, name }: { entry: MailboxView['sent'][number]; name: string }) {
  const status = {
    queued: t('mailbox.status.queued'),
    delivered: t('mailbox.status.delivered'),
    expired: t('mailbox.status.expired'),
  }[entry.status];
  const detail = {
    queued: t('mailbox.sent.queued', {
      name,
      left: formatTimeLeft(entry.expiresAt),
      date: formatHourRange(entry.expiresAt),
    }),
    delivered: t('mailbox.sent.delivered', { name }),
    expired: t('mailbox.sent.expired', { name }),
  }[entry.status];
  return (
    <Card as="li" class={`doctor-sent-item doctor-sent-${entry.status}`}>
      <h3>{t('mailbox.sent.to', { name })}</h3>
      <p class="muted doctor-sent-at">
        {t('mailbox.sent.at', { date: formatHourRange(entry.receivedAt) })}
      </p>
      <p>
        <span
          class={entry.status === 'expired' ? 'badge away' : 'badge'}
          data-status={entry.status}
        >
          {status}
        </span>
      </p>
      <p>{capitalise(detail)}</p>
      {entry.status === 'expired' ? (
        <p>
          <a href={localHref('/')}>{t('mailbox.sent.another')}</a>
        </p>
      ) : null}
    </Card>
  );
}
