/**
 * @module
 * How the supporter hears that a message is waiting: by e-mail (to the
 * address they give; the mail says only that something is waiting) or by a
 * webhook (an https:// address of their own). The relay's current choice is
 * read from `GET /api/v1/me`; a change is one `PATCH /api/v1/me`.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Me } from '../../../src/wire/supporter.ts';
import { RelayError } from '../api';
import { type MessageKey, t } from '../i18n';
import { Button, Disclosure, Field } from '../ui';
import { call, SessionEnded, updateSupporter } from './session';

interface Choice {
  email: string;
  byEmail: boolean;
  webhookUrl: string;
}

function choiceOf(me: Me): Choice {
  return {
    email: me.email ?? '',
    byEmail: me.notify?.email ?? false,
    webhookUrl: me.notify?.webhookUrl ?? '',
  };
}

function errorKey(error: unknown): { field: 'email' | 'webhook' | null; key: MessageKey } {
  if (error instanceof RelayError) {
    if (error.code === 'email_unavailable')
      return { field: 'email', key: 'supporter.notify.error.unavailable' };
    if (error.code === 'email_missing')
      return { field: 'email', key: 'supporter.notify.error.missing' };
    if (error.code === 'invalid_webhook_url')
      return { field: 'webhook', key: 'supporter.notify.error.webhook' };
    if (error.code === 'webhook_not_public')
      return { field: 'webhook', key: 'supporter.notify.error.webhookNotPublic' };
    if (error.code === 'network') return { field: null, key: 'error.network' };
    if (error.code === 'invalid_request') return { field: 'email', key: 'join.error.email' };
  }
  return { field: null, key: 'supporter.notify.error.generic' };
}

export function Notifications() {
  const [saved, setSaved] = useState<Choice | null>(null);
  const [choice, setChoice] = useState<Choice>({ email: '', byEmail: false, webhookUrl: '' });
  const [problem, setProblem] = useState<{
    field: 'email' | 'webhook' | null;
    key: MessageKey;
  } | null>(null);
  const [status, setStatus] = useState<MessageKey | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    call<Me>('GET', '/api/v1/me').then(
      (me) => {
        setSaved(choiceOf(me));
        setChoice(choiceOf(me));
      },
      () => setStatus('supporter.notify.error.load'),
    );
  }, []);

  const set = (change: Partial<Choice>) => {
    setChoice((current) => ({ ...current, ...change }));
    setProblem(null);
    setStatus(null);
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!saved) return;
    const body: Record<string, unknown> = {};
    const email = choice.email.trim();
    if (email !== saved.email) body.email = email === '' ? null : email;
    const notify: Record<string, unknown> = {};
    if (choice.byEmail !== saved.byEmail) notify.email = choice.byEmail;
    const webhookUrl = choice.webhookUrl.trim();
    if (webhookUrl !== saved.webhookUrl) notify.webhookUrl = webhookUrl === '' ? null : webhookUrl;
    if (Object.keys(notify).length > 0) body.notify = notify;
    if (Object.keys(body).length === 0) {
      setStatus('supporter.profile.unchanged');
      return;
    }
    setBusy(true);
    try {
      const me = await call<Me>('PATCH', '/api/v1/me', body);
      updateSupporter(me);
      setSaved(choiceOf(me));
      setChoice(choiceOf(me));
      setStatus('supporter.notify.saved');
    } catch (caught) {
      if (caught instanceof SessionEnded) return;
      const found = errorKey(caught);
      setProblem(found);
      const id =
        found.field === 'webhook'
          ? 'notify-webhook'
          : found.field === 'email'
            ? 'notify-email'
            : null;
      if (id) requestAnimationFrame(() => document.getElementById(id)?.focus());
    } finally {
      setBusy(false);
    }
  };

  const fieldError = (field: 'email' | 'webhook') =>
    problem?.field === field ? t(problem.key) : null;
  return (
    <section aria-labelledby="notify-heading">
      <h2 id="notify-heading">{t('supporter.notify.heading')}</h2>
      <p>{t('supporter.notify.intro')}</p>
      <form
        id="notify-form"
        class="supporter-form"
        noValidate
        onSubmit={(event) => void submit(event)}
      >
        <Field
          id="notify-email"
          label={t('supporter.notify.email')}
          hint={t('supporter.notify.emailHint')}
          error={fieldError('email')}
        >
          {(control) => (
            <input
              {...control}
              type="email"
              autocomplete="email"
              maxLength={254}
              value={choice.email}
              onInput={(event) => set({ email: event.currentTarget.value })}
            />
          )}
        </Field>
        <label class="check">
          <input
            type="checkbox"
            id="notify-by-email"
            checked={choice.byEmail}
            onChange={(event) => set({ byEmail: event.currentTarget.checked })}
          />{' '}
          <span>{t('supporter.notify.byEmail')}</span>
        </label>
        {/* Open at first when a webhook is set; only a load or a save changes that. */}
        <Disclosure
          summary={t('supporter.notify.webhookSummary')}
          open={Boolean(saved?.webhookUrl)}
        >
          <Field
            id="notify-webhook"
            label={t('supporter.notify.webhook')}
            hint={t('supporter.notify.webhookHint')}
            error={fieldError('webhook')}
          >
            {(control) => (
              <input
                {...control}
                type="url"
                inputMode="url"
                maxLength={1000}
                value={choice.webhookUrl}
                onInput={(event) => set({ webhookUrl: event.currentTarget.value })}
              />
            )}
          </Field>
        </Disclosure>
        {problem && problem.field === null ? (
          <p class="error" role="alert">
            {t(problem.key)}
          </p>
        ) : null}
        <div class="actions">
          <Button type="submit" variant="secondary" busy={busy} disabled={saved === null}>
            {t('supporter.notify.save')}
          </Button>
          <span id="notify-status" role="status">
            {status ? t(status) : ''}
          </span>
        </div>
      </form>
    </section>
  );
}
