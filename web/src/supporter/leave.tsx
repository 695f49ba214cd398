/**
 * @module
 * Leaving the service: after a confirmation, `DELETE /api/v1/me` erases the
 * login, e-mail, vault and sessions on the relay (the public key stays, so
 * doctors can still check replies already sent), this browser's copy of the
 * conversations is deleted (nothing could open it any more), and the page
 * returns to the login form saying what happened.
 */
import { useState } from 'preact/hooks';
import { RelayError } from '../api';
import { type MessageKey, t } from '../i18n';
import { announce, Button, Dialog } from '../ui';
import { call, endSession, type Session, SessionEnded } from './session';

export function Leave({ session }: { session: Session }) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<MessageKey | null>(null);

  const leave = async () => {
    setBusy(true);
    setError(null);
    try {
      await call('DELETE', '/api/v1/me');
      await session.store?.clear().catch(() => {});
      endSession('supporter.leave.done');
      announce(t('supporter.leave.done'));
    } catch (caught) {
      if (caught instanceof SessionEnded) return;
      setBusy(false);
      setError(
        caught instanceof RelayError && caught.code === 'network'
          ? 'error.network'
          : 'supporter.leave.error',
      );
    }
  };

  return (
    <section aria-labelledby="leave-heading">
      <h2 id="leave-heading">{t('supporter.leave.heading')}</h2>
      <p>{t('supporter.leave.intro')}</p>
      <div class="actions">
        <button
          type="button"
          class="button secondary danger"
          id="leave"
          onClick={() => setAsking(true)}
        >
          {t('supporter.leave.button')}
        </button>
      </div>
      <Dialog
        open={asking}
        title={t('supporter.leave.confirmTitle')}
        onClose={() => setAsking(false)}
      >
        <p>{t('supporter.leave.confirm')}</p>
        {error ? (
          <p class="error" role="alert">
            {t(error)}
          </p>
        ) : null}
        <div class="actions">
          <Button class="danger" id="leave-yes" busy={busy} onClick={() => void leave()}>
            {t('supporter.leave.yes')}
          </Button>
          <Button variant="secondary" id="leave-no" onClick={() => setAsking(false)}>
            {t('supporter.cancel')}
          </Button>
        </div>
      </Dialog>
    </section>
  );
}
