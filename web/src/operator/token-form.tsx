/**
 * @module
 * Asking for the operator token: once per tab, in a password field that no
 * browser fills or remembers. A wrong token says so and keeps the form.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../i18n';
import { announce, Button, Card, Field } from '../ui';
import { focusSoon, logIn, loginNotice, tokenDraft, tokenError } from './session';

export function TokenForm() {
  const [value, setValue] = useState(tokenDraft.value);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const notice = loginNotice.value;
  const error = tokenError.value;

  // A kept token that could not be checked comes back into the field.
  useEffect(() => {
    if (tokenDraft.value !== '') setValue(tokenDraft.value);
  }, [tokenDraft.value]);
  // Asked again (forgotten, refused): the field is where the operator goes next.
  useEffect(() => {
    if (notice !== null) input.current?.focus();
  }, [notice]);

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    const opened = await logIn(value.trim());
    setBusy(false);
    if (opened) {
      setValue('');
      focusSoon('operator-title');
      return;
    }
    if (tokenError.value !== null) announce(t(tokenError.value.key));
    input.current?.focus();
  }

  return (
    <section id="operator-login" aria-labelledby="operator-login-title">
      <h2 id="operator-login-title">{t('operator.login.title')}</h2>
      <p>{t('operator.login.intro')}</p>
      <p id="operator-login-notice" class="notice" role="status" hidden={notice === null}>
        {notice === null ? '' : t(notice.key, notice.params)}
      </p>
      <Card class="operator-token-form">
        <form id="operator-token-form" novalidate onSubmit={submit}>
          <Field
            id="operator-token"
            label={t('operator.token.label')}
            hint={t('operator.token.hint')}
            error={error === null ? null : t(error.key, error.params)}
          >
            {(control) => (
              <input
                {...control}
                ref={input}
                type="password"
                autocomplete="off"
                autocapitalize="none"
                spellcheck={false}
                required
                value={value}
                onInput={(event) => setValue(event.currentTarget.value)}
              />
            )}
          </Field>
          <div class="actions">
            <Button type="submit" id="operator-token-submit" busy={busy}>
              {t('operator.token.submit')}
            </Button>
          </div>
        </form>
      </Card>
    </section>
  );
}
