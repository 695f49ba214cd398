/**
 * @module
 * The supporter's availability: available, or away (with an optional
 * return date doctors see). While away, doctors cannot send new messages.
 */
import { useState } from 'preact/hooks';
import { RelayError, type Supporter } from '../api';
import { type MessageKey, t } from '../i18n';
import { Button } from '../ui';
import { formatDateTime } from '../ui/format';
import { call, SessionEnded, updateSupporter } from './session';

/** `YYYY-MM-DDTHH:MM` in local time, as `<input type="datetime-local">` wants. */
function localInputValue(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

function Current({ supporter }: { supporter: Supporter }) {
  const { status, awayUntil } = supporter;
  // The supporter's own chosen minute, kept as given.
  const until = awayUntil ? formatDateTime(awayUntil) : '';
  return (
    <p id="availability-current">
      {status === 'away'
        ? awayUntil
          ? t('supporter.availability.currentAwayUntil', { time: until })
          : t('supporter.availability.currentAway')
        : t('supporter.availability.currentAvailable')}
    </p>
  );
}

export function Availability({ supporter }: { supporter: Supporter }) {
  const [away, setAway] = useState(supporter.status === 'away');
  const [until, setUntil] = useState(
    supporter.awayUntil ? localInputValue(new Date(supporter.awayUntil)) : '',
  );
  const [error, setError] = useState<MessageKey | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    setSaved(false);
    let body: Record<string, string | null>;
    if (away) {
      body = { status: 'away', awayUntil: null };
      if (until !== '') {
        // datetime-local is the supporter's local time; send it with its zone.
        const date = new Date(until);
        if (Number.isNaN(date.getTime()) || date.getTime() <= Date.now()) {
          setError('supporter.availability.error.past');
          document.getElementById('away-until')?.focus();
          return;
        }
        body.awayUntil = date.toISOString();
      }
    } else {
      body = { status: 'available' };
    }
    setError(null);
    setBusy(true);
    try {
      const updated = await call<Supporter>('PATCH', '/api/v1/me', body);
      updateSupporter(updated);
      setUntil(updated.awayUntil ? localInputValue(new Date(updated.awayUntil)) : '');
      setSaved(true);
    } catch (caught) {
      if (caught instanceof SessionEnded) return;
      setError(
        caught instanceof RelayError && caught.code === 'network'
          ? 'error.network'
          : 'supporter.availability.error.generic',
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="availability-heading">
      <h2 id="availability-heading">{t('supporter.availability.heading')}</h2>
      <Current supporter={supporter} />
      <form
        id="availability-form"
        class="supporter-form"
        noValidate
        onSubmit={(event) => void submit(event)}
      >
        <fieldset>
          <legend>{t('supporter.availability.legend')}</legend>
          <label class="check">
            <input
              type="radio"
              name="status"
              value="available"
              id="status-available"
              checked={!away}
              onChange={() => setAway(false)}
            />{' '}
            <span>{t('supporter.availability.available')}</span>
          </label>
          <label class="check">
            <input
              type="radio"
              name="status"
              value="away"
              id="status-away"
              checked={away}
              onChange={() => setAway(true)}
            />{' '}
            <span>{t('supporter.availability.away')}</span>
          </label>
        </fieldset>
        <div class="field" id="away-until-field" hidden={!away}>
          <label for="away-until">{t('supporter.availability.until')}</label>
          <p class="hint" id="away-until-hint">
            {t('supporter.availability.untilHint')}
          </p>
          <input
            type="datetime-local"
            id="away-until"
            aria-describedby={error ? 'away-until-hint availability-error' : 'away-until-hint'}
            aria-invalid={error ? 'true' : undefined}
            min={localInputValue(new Date())}
            value={until}
            onInput={(event) => setUntil(event.currentTarget.value)}
          />
        </div>
        {error ? (
          <p class="error" id="availability-error" role="alert">
            {t(error)}
          </p>
        ) : null}
        <div class="actions">
          <Button type="submit" busy={busy}>
            {t('supporter.availability.save')}
          </Button>
          <span id="availability-status" role="status">
            {saved ? t('supporter.availability.saved') : ''}
          </span>
        </div>
      </form>
    </section>
  );
}
