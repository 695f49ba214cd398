/**
 * @module
 * Changing the passphrase while logged in: the current passphrase proves
 * it is the supporter (its login key, as at login), and the secret key,
 * already open in this page, is locked again under the new one
 * (`PUT /api/v1/me/vault`). The key pair stays the same, so doctors and
 * what this browser keeps are unaffected; the relay ends every other
 * session. Neither passphrase leaves the page.
 */
import { useState } from 'preact/hooks';
import type { Me, SessionParams } from '../../../src/wire/supporter.ts';
import { api, RelayError } from '../api';
import { type MessageKey, t } from '../i18n';
import { createVault, deriveVaultKeys, fromB64, ProtocolError } from '../protocol';
import { announce, Button, Disclosure, Field, Progress } from '../ui';
import { withLoginProof } from './login-proof';
import { PassphraseFields, usePassphraseAssessment } from './passphrase-fields';
import { call, type Session, SessionEnded } from './session';

type Step =
  | 'supporter.passphrase.progress.check'
  | 'supporter.progress.proof'
  | 'supporter.passphrase.progress.lock';

function changeErrorKey(error: unknown): MessageKey {
  if (error instanceof RelayError) {
    if (error.status === 401) return 'supporter.passphrase.error.current';
    if (error.code === 'network') return 'error.network';
  }
  if (error instanceof ProtocolError && error.code === 'argon2_self_test_failed') {
    return 'supporter.login.error.argon2';
  }
  return 'supporter.passphrase.error.generic';
}

async function changePassphrase(
  session: Session,
  current: string,
  next: string,
  step: (key: Step) => void,
): Promise<void> {
  step('supporter.passphrase.progress.check');
  const me = await call<Me>('GET', '/api/v1/me');
  const params = await api<SessionParams>('POST', '/api/v1/session/params', {
    body: { login: me.login },
  });
  const old = await deriveVaultKeys(
    current,
    fromB64(params.salt),
    params.opslimit,
    params.memlimit,
  );
  old.vaultKey.fill(0);
  step('supporter.passphrase.progress.lock');
  const created = await createVault(next, session.boxSecretKey);
  created.vaultKey.fill(0);
  // Sent without `call`: a 401 here means a wrong current passphrase, not an ended session.
  // The current key is checked like a login's, so failures may ask for work first.
  await withLoginProof(
    me.login,
    params,
    (pow) =>
      api('PUT', '/api/v1/me/vault', {
        token: session.token,
        body: {
          authKey: old.authKey,
          newAuthKey: created.authKey,
          vault: created.vault,
          ...(pow ? { pow } : {}),
        },
      }),
    () => step('supporter.progress.proof'),
  );
}

export function PassphraseChange({ session }: { session: Session }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<Partial<Record<'current' | 'next' | 'confirm', MessageKey>>>(
    {},
  );
  const [step, setStep] = useState<Step | null>(null);
  const [done, setDone] = useState(false);
  const personal = [session.supporter.name, session.supporter.town];
  const assessment = usePassphraseAssessment(next, personal);
  const error = (field: 'current' | 'next' | 'confirm') => {
    const key = errors[field];
    return key ? t(key) : null;
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (step) return;
    setDone(false);
    const found: typeof errors = {};
    if (current === '') found.current = 'supporter.passphrase.error.currentMissing';
    if (!assessment.acceptable) found.next = 'join.error.weak';
    else if (confirm !== next) found.confirm = 'join.error.confirm';
    setErrors(found);
    const first = (['current', 'next', 'confirm'] as const).find((field) => found[field]);
    if (first) {
      const id =
        first === 'current'
          ? 'change-current'
          : `change-${first === 'next' ? 'passphrase' : 'confirm'}`;
      requestAnimationFrame(() => document.getElementById(id)?.focus());
      return;
    }
    try {
      await changePassphrase(session, current, next, setStep);
      setCurrent('');
      setNext('');
      setConfirm('');
      setDone(true);
      announce(t('supporter.passphrase.done'));
    } catch (caught) {
      if (caught instanceof SessionEnded) return;
      const key = changeErrorKey(caught);
      setErrors(key === 'supporter.passphrase.error.current' ? { current: key } : { next: key });
      requestAnimationFrame(() =>
        document
          .getElementById(
            key === 'supporter.passphrase.error.current' ? 'change-current' : 'change-passphrase',
          )
          ?.focus(),
      );
    } finally {
      setStep(null);
    }
  };

  return (
    <section aria-labelledby="passphrase-heading">
      <h2 id="passphrase-heading">{t('supporter.passphrase.heading')}</h2>
      <Disclosure summary={t('supporter.passphrase.open')}>
        <form
          id="passphrase-form"
          class="supporter-form"
          noValidate
          onSubmit={(event) => void submit(event)}
        >
          <p>{t('supporter.passphrase.intro')}</p>
          <Field
            id="change-current"
            label={t('supporter.passphrase.current')}
            error={error('current')}
          >
            {(control) => (
              <input
                {...control}
                type="password"
                autocomplete="current-password"
                autocapitalize="none"
                spellcheck={false}
                value={current}
                onInput={(event) => setCurrent(event.currentTarget.value)}
              />
            )}
          </Field>
          <PassphraseFields
            prefix="change"
            legend={t('supporter.passphrase.new')}
            value={next}
            confirm={confirm}
            onValue={setNext}
            onConfirm={setConfirm}
            personal={personal}
            error={error('next')}
            confirmError={error('confirm')}
          />
          {step ? (
            <div role="status">
              <Progress class="progress-box" label={t(step)} />
            </div>
          ) : null}
          {done ? (
            <p class="notice" id="passphrase-done" role="status">
              {t('supporter.passphrase.done')}
            </p>
          ) : null}
          <div class="actions">
            <Button type="submit" id="change-submit" busy={step !== null}>
              {t('supporter.passphrase.submit')}
            </Button>
          </div>
        </form>
      </Disclosure>
    </section>
  );
}
