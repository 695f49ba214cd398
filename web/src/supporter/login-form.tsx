/** @module The supporter's login: login name and passphrase, the slow steps shown as they run. */
import { useRef, useState } from 'preact/hooks';
import { type MessageKey, t } from '../i18n';
import { Button, Field, Progress } from '../ui';
import { endedReason, type LoginStep, logIn, loginErrorKey } from './session';

export function LoginForm({ onLoggedIn }: { onLoggedIn: () => void }) {
  const [login, setLogin] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [step, setStep] = useState<LoginStep | null>(null);
  const [share, setShare] = useState<number | undefined>(undefined);
  const [error, setError] = useState<MessageKey | null>(null);
  const loginRef = useRef<HTMLInputElement>(null);
  const passphraseRef = useRef<HTMLInputElement>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (step) return;
    endedReason.value = null;
    const name = login.trim();
    if (name === '' || passphrase === '') {
      setError('supporter.login.error.missing');
      (name === '' ? loginRef : passphraseRef).current?.focus();
      return;
    }
    setError(null);
    try {
      await logIn(name, passphrase, (key, done) => {
        setStep(key);
        setShare(done);
      });
    } catch (caught) {
      setStep(null);
      setError(loginErrorKey(caught));
      passphraseRef.current?.focus();
      return;
    }
    setPassphrase('');
    setStep(null);
    onLoggedIn();
  };

  const ended = endedReason.value;
  return (
    <section id="login-section" aria-labelledby="login-heading">
      <h2 id="login-heading">{t('supporter.login.heading')}</h2>
      <p>{t('supporter.login.intro')}</p>
      {ended ? (
        <p class="notice" id="login-ended" role="status">
          {t(ended)}
        </p>
      ) : null}
      <form
        id="login-form"
        class="supporter-form login-form"
        noValidate
        onSubmit={(event) => void submit(event)}
      >
        <Field id="login-name" label={t('supporter.login.login')}>
          {(control) => (
            <input
              {...control}
              ref={loginRef}
              type="text"
              autocomplete="username"
              autocapitalize="none"
              spellcheck={false}
              maxLength={256}
              value={login}
              onInput={(event) => setLogin(event.currentTarget.value)}
            />
          )}
        </Field>
        <Field id="login-passphrase" label={t('supporter.login.passphrase')}>
          {(control) => (
            <input
              {...control}
              ref={passphraseRef}
              type="password"
              autocomplete="current-password"
              autocapitalize="none"
              spellcheck={false}
              value={passphrase}
              onInput={(event) => setPassphrase(event.currentTarget.value)}
            />
          )}
        </Field>
        <p class="hint">{t('supporter.login.memoryOnly')}</p>
        {error ? (
          <p class="error" id="login-error" role="alert">
            {t(error)}
          </p>
        ) : null}
        {step ? (
          <div role="status">
            <Progress class="progress-box" label={t(step)} value={share} />
          </div>
        ) : null}
        <div class="actions">
          <Button type="submit" id="login-submit" busy={step !== null}>
            {t('supporter.login.submit')}
          </Button>
        </div>
      </form>
    </section>
  );
}
