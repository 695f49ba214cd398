/**
 * @module
 * What opens under a backlog row: the form that marks a supporter away
 * (with an optional return date), the form that purges their waiting
 * messages older than some hours, and the confirmation before a
 * deactivation or a reactivation.
 */
import { useState } from 'preact/hooks';
import { t } from '../i18n';
import { Button, Field } from '../ui';
import { formatDate } from '../ui/format';
import { dateInputValue } from './format';
import type { Message } from './session';
import type { SupporterChange, SupporterHealth } from './types';

interface AwayFormProps {
  supporter: SupporterHealth;
  busy: boolean;
  onSave(change: SupporterChange, done: Message): void;
  onCancel(): void;
}

export function AwayForm({ supporter, busy, onSave, onCancel }: AwayFormProps) {
  const [until, setUntil] = useState('');
  const [invalid, setInvalid] = useState(false);
  const today = dateInputValue(new Date());

  function submit(event: Event) {
    event.preventDefault();
    if (until !== '' && (until < today || Number.isNaN(Date.parse(until)))) {
      setInvalid(true);
      document.getElementById('operator-away-until')?.focus();
      return;
    }
    setInvalid(false);
    if (until === '') {
      onSave({ status: 'away', awayUntil: null }, { key: 'operator.done.away' });
      return;
    }
    // The start of that day where the operator is; the relay keeps whole hours.
    const back = new Date(`${until}T00:00:00`);
    onSave(
      { status: 'away', awayUntil: back.toISOString() },
      { key: 'operator.done.awayUntil', params: { date: formatDate(back) } },
    );
  }

  return (
    <form class="operator-away-form" novalidate onSubmit={submit}>
      <fieldset>
        <legend>{t('operator.away.legend', { name: supporter.name })}</legend>
        <Field
          id="operator-away-until"
          label={t('operator.away.until')}
          hint={t('operator.away.untilHint', { name: supporter.name })}
          error={invalid ? t('operator.away.past') : null}
        >
          {(control) => (
            <input
              {...control}
              type="date"
              min={today}
              value={until}
              onInput={(event) => setUntil(event.currentTarget.value)}
            />
          )}
        </Field>
        <div class="actions">
          <Button type="submit" busy={busy}>
            {t('operator.away.save')}
          </Button>
          <Button variant="secondary" data-action="cancel" onClick={onCancel}>
            {t('operator.action.cancel')}
          </Button>
        </div>
      </fieldset>
    </form>
  );
}

interface PurgeFormProps {
  supporter: SupporterHealth;
  busy: boolean;
  onPurge(olderThanHours: number): void;
  onCancel(): void;
}

/** The relay's bounds of `olderThanHours`: whole hours up to a year. */
const MAX_PURGE_HOURS = 8760;

export function PurgeForm({ supporter, busy, onPurge, onCancel }: PurgeFormProps) {
  const [hours, setHours] = useState('24');
  const [invalid, setInvalid] = useState(false);

  function submit(event: Event) {
    event.preventDefault();
    const value = hours.trim();
    if (!/^\d{1,4}$/.test(value) || Number(value) > MAX_PURGE_HOURS) {
      setInvalid(true);
      document.getElementById('operator-purge-hours')?.focus();
      return;
    }
    setInvalid(false);
    onPurge(Number(value));
  }

  return (
    <form class="operator-purge-form" novalidate onSubmit={submit}>
      <fieldset>
        <legend>{t('operator.purge.legend', { name: supporter.name })}</legend>
        <Field
          id="operator-purge-hours"
          label={t('operator.purge.hours')}
          hint={t('operator.purge.hoursHint')}
          error={invalid ? t('operator.purge.invalid') : null}
        >
          {(control) => (
            <input
              {...control}
              type="text"
              inputMode="numeric"
              value={hours}
              onInput={(event) => setHours(event.currentTarget.value)}
            />
          )}
        </Field>
        <div class="actions">
          <Button type="submit" class="danger" busy={busy}>
            {t('operator.purge.save')}
          </Button>
          <Button variant="secondary" data-action="cancel" onClick={onCancel}>
            {t('operator.action.cancel')}
          </Button>
        </div>
      </fieldset>
    </form>
  );
}

interface ConfirmationProps {
  supporter: SupporterHealth;
  kind: 'deactivate' | 'reactivate';
  busy: boolean;
  onConfirm(): void;
  onCancel(): void;
}

export function Confirmation({ supporter, kind, busy, onConfirm, onCancel }: ConfirmationProps) {
  return (
    <div class="notice warning operator-confirm">
      <p>{t(`operator.${kind}.confirm`, { name: supporter.name })}</p>
      <div class="actions">
        <Button
          class={kind === 'deactivate' ? 'danger' : ''}
          data-action="confirm"
          busy={busy}
          onClick={onConfirm}
        >
          {t(`operator.${kind}.yes`)}
        </Button>
        <Button variant="secondary" data-action="cancel" onClick={onCancel}>
          {t('operator.action.cancel')}
        </Button>
      </div>
    </div>
  );
}
