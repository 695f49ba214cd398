/**
 * @module
 * Who may need a nudge: active supporters not seen for a chosen number of
 * days, and supporters whose notification channel keeps failing. Both
 * times are relay hours, so they are said as the hour they fall in.
 */
import { useState } from 'preact/hooks';
import { locale, t } from '../i18n';
import { Button, Field } from '../ui';
import { formatHourRange } from '../ui/format';
import { formatCount } from './format';
import { notSeenDays, reload, supporterById } from './session';
import type { HealthReport } from './types';

const nameOf = (id: string) => supporterById(id)?.name ?? t('operator.unknownSupporter');

export function NotSeenSection({ health }: { health: HealthReport }) {
  const [draft, setDraft] = useState(String(notSeenDays.value));
  const [invalid, setInvalid] = useState(false);
  const days = formatCount(notSeenDays.value);
  const list = health.supportersNotSeen;

  async function submit(event: Event) {
    event.preventDefault();
    const value = Number(draft);
    if (draft.trim() === '' || !Number.isInteger(value) || value < 1 || value > 365) {
      setInvalid(true);
      document.getElementById('operator-unseen-days')?.focus();
      return;
    }
    setInvalid(false);
    notSeenDays.value = value;
    await reload();
  }

  return (
    <section aria-labelledby="operator-unseen-title">
      <h2 id="operator-unseen-title">{t('operator.unseen.title')}</h2>
      <form class="operator-inline-form" novalidate onSubmit={submit}>
        <Field
          id="operator-unseen-days"
          label={t('operator.unseen.days')}
          error={invalid ? t('operator.unseen.invalid') : null}
        >
          {(control) => (
            <div class="operator-inline-row">
              <input
                {...control}
                type="number"
                min={1}
                max={365}
                step={1}
                inputMode="numeric"
                required
                value={draft}
                onInput={(event) => setDraft(event.currentTarget.value)}
              />
              <Button type="submit" variant="secondary">
                {t('operator.unseen.show')}
              </Button>
            </div>
          )}
        </Field>
      </form>
      <p id="operator-unseen-summary">
        {list.length === 0
          ? t('operator.unseen.none', { days })
          : t('operator.unseen.count', { days, count: formatCount(list.length) })}
      </p>
      <ul id="operator-unseen-list" class="operator-list">
        {list.map((entry) => {
          const lastSeen = supporterById(entry.id)?.lastSeen ?? null;
          const params = { name: nameOf(entry.id), days: formatCount(entry.days) };
          return (
            <li key={entry.id} data-id={entry.id}>
              {lastSeen === null
                ? t('operator.unseen.entryNever', params)
                : t('operator.unseen.entry', { ...params, time: formatHourRange(lastSeen) })}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

export function NotificationsSection({ health }: { health: HealthReport }) {
  const { last30Days, retrying } = health.notificationFailures;
  return (
    <section aria-labelledby="operator-notify-title">
      <h2 id="operator-notify-title">{t('operator.notify.title')}</h2>
      <p id="operator-notify-summary">
        {t('operator.notify.summary', { count: formatCount(last30Days) })}
      </p>
      <p id="operator-notify-retrying">
        {retrying.length === 0 ? t('operator.notify.noneRetrying') : t('operator.notify.retrying')}
      </p>
      <ul id="operator-notify-list" class="operator-list">
        {retrying.map((entry) => {
          const params = {
            name: nameOf(entry.supporterId),
            channel: t(`operator.channel.${entry.channel}`),
            failures: formatCount(entry.failures),
          };
          // "1 failure", but "2 failures in a row".
          const one = new Intl.PluralRules(locale()).select(entry.failures) === 'one';
          return (
            <li key={`${entry.supporterId}-${entry.channel}`} data-id={entry.supporterId}>
              {entry.nextAttemptAt === null
                ? t(one ? 'operator.notify.entryNoTimeOne' : 'operator.notify.entryNoTime', params)
                : t(one ? 'operator.notify.entryOne' : 'operator.notify.entry', {
                    ...params,
                    time: formatHourRange(entry.nextAttemptAt),
                  })}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
