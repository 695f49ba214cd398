/**
 * @module
 * Keeping conversations: how many days an inactive conversation is kept
 * (the archive's `expiresInDays`), and deleting every conversation now, from
 * the archive and this browser (after asking).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { type MessageKey, t } from '../i18n';
import { announce, Button } from '../ui';
import { isRetentionDays, MAX_RETENTION_DAYS, MIN_RETENTION_DAYS } from './conversations';
import { inbox } from './inbox-state';
import { deleteAll, saveRetention } from './inbox-sync';
import { useRevision } from './session';

export function Storage() {
  const [days, setDays] = useState(String(inbox.retentionDays));
  const [status, setStatus] = useState<{ key: MessageKey; days?: number } | null>(null);
  const [invalid, setInvalid] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [deleteFailed, setDeleteFailed] = useState(false);
  const deleteButton = useRef<HTMLButtonElement>(null);
  useRevision();
  const kept = inbox.retentionDays;
  // The days chosen arrive from the archive after the first drawing.
  useEffect(() => setDays(String(kept)), [kept]);

  const submit = async (event: Event) => {
    event.preventDefault();
    const value = Number(days);
    if (!isRetentionDays(value)) {
      setInvalid(true);
      setStatus({ key: 'supporter.storage.invalid' });
      document.getElementById('retention-days')?.focus();
      return;
    }
    setInvalid(false);
    const stored = await saveRetention(value);
    setStatus({
      key: stored ? 'supporter.storage.saved' : 'supporter.storage.notStored',
      days: value,
    });
  };

  return (
    <section aria-labelledby="storage-heading">
      <h2 id="storage-heading">{t('supporter.storage.heading')}</h2>
      <p>{t('supporter.storage.intro')}</p>
      <form
        id="retention-form"
        class="supporter-form retention-form"
        noValidate
        onSubmit={(event) => void submit(event)}
      >
        <div class="field">
          <label for="retention-days">{t('supporter.storage.days')}</label>
          <input
            type="number"
            id="retention-days"
            min={MIN_RETENTION_DAYS}
            max={MAX_RETENTION_DAYS}
            step={1}
            inputMode="numeric"
            aria-invalid={invalid ? 'true' : undefined}
            value={days}
            onInput={(event) => setDays(event.currentTarget.value)}
          />
        </div>
        <div class="actions">
          <Button type="submit" variant="secondary">
            {t('supporter.storage.save')}
          </Button>
          <span id="retention-status" role="status">
            {status ? t(status.key, status.days === undefined ? {} : { days: status.days }) : ''}
          </span>
        </div>
      </form>
      <div class="actions">
        <button
          type="button"
          class="button secondary danger"
          id="delete-all"
          ref={deleteButton}
          onClick={() => {
            setConfirming(true);
            requestAnimationFrame(() => document.getElementById('delete-all-no')?.focus());
          }}
        >
          {t('supporter.storage.deleteAll')}
        </button>
      </div>
      {confirming ? (
        <div class="notice warning" id="delete-all-confirm">
          <p>{t('supporter.storage.deleteAllConfirm')}</p>
          {deleteFailed ? (
            <p class="error" role="alert">
              {t('supporter.storage.deleteFailed')}
            </p>
          ) : null}
          <div class="actions">
            <Button
              class="danger"
              id="delete-all-yes"
              onClick={() => {
                void deleteAll().then((deleted) => {
                  setDeleteFailed(!deleted);
                  if (!deleted) return;
                  setConfirming(false);
                  deleteButton.current?.focus();
                  announce(t('supporter.storage.deletedAll'));
                });
              }}
            >
              {t('supporter.storage.deleteAllYes')}
            </Button>
            <Button
              variant="secondary"
              id="delete-all-no"
              onClick={() => {
                setConfirming(false);
                setDeleteFailed(false);
                deleteButton.current?.focus();
              }}
            >
              {t('supporter.cancel')}
            </Button>
          </div>
        </div>
      ) : null}
    </section>
  );
}
