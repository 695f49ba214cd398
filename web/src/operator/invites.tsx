/**
 * @module
 * "Invite a supporter": a note and a validity make a single-use invite link,
 * shown here to copy and never kept (it lives only in this component, gone
 * with the page or the token).
 */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { t } from '../i18n';
import { announce, Button, Card, Field, Notice } from '../ui';
import { formatDate } from '../ui/format';
import { call, failure, isUnauthorized, type Message } from './session';
import type { CreatedInvite } from './types';

interface ShownInvite {
  /** Numbers the links on this page, for their ids. */
  serial: number;
  invite: CreatedInvite;
  note: string;
}

export function InviteSection() {
  const [note, setNote] = useState('');
  const [days, setDays] = useState('14');
  const [daysInvalid, setDaysInvalid] = useState(false);
  const [error, setError] = useState<Message | null>(null);
  const [busy, setBusy] = useState(false);
  const [invites, setInvites] = useState<ShownInvite[]>([]);

  async function submit(event: Event) {
    event.preventDefault();
    setError(null);
    const count = Number(days);
    if (days.trim() === '' || !Number.isInteger(count) || count < 1 || count > 365) {
      setDaysInvalid(true);
      document.getElementById('operator-invite-days')?.focus();
      return;
    }
    setDaysInvalid(false);
    const trimmed = note.trim();
    setBusy(true);
    let invite: CreatedInvite;
    try {
      invite = await call<CreatedInvite>('POST', '/api/v1/admin/invites', {
        expiresInDays: count,
        ...(trimmed === '' ? {} : { note: trimmed }),
      });
    } catch (thrown) {
      // A refused token has already brought back the token form.
      if (!isUnauthorized(thrown)) setError(failure(thrown));
      return;
    } finally {
      setBusy(false);
    }
    const serial = (invites[0]?.serial ?? 0) + 1;
    setInvites([{ serial, invite, note: trimmed }, ...invites]);
    setNote('');
    announce(t('operator.invite.created', { date: formatDate(invite.expiresAt) }));
  }

  return (
    <section aria-labelledby="operator-invite-title">
      <h2 id="operator-invite-title">{t('operator.invite.title')}</h2>
      <p>{t('operator.invite.intro')}</p>
      <Card class="operator-invite-form">
        <form id="operator-invite-form" novalidate onSubmit={submit}>
          <Field
            id="operator-invite-note"
            label={t('operator.invite.note')}
            hint={t('operator.invite.noteHint')}
          >
            {(control) => (
              <input
                {...control}
                type="text"
                maxLength={200}
                autocomplete="off"
                value={note}
                onInput={(event) => setNote(event.currentTarget.value)}
              />
            )}
          </Field>
          <Field
            id="operator-invite-days"
            label={t('operator.invite.days')}
            error={daysInvalid ? t('operator.invite.daysInvalid') : null}
          >
            {(control) => (
              <input
                {...control}
                type="number"
                min={1}
                max={365}
                step={1}
                inputMode="numeric"
                required
                value={days}
                onInput={(event) => setDays(event.currentTarget.value)}
              />
            )}
          </Field>
          {error === null ? null : (
            <Notice kind="error">
              <p id="operator-invite-error">{t(error.key, error.params)}</p>
            </Notice>
          )}
          <div class="actions">
            <Button type="submit" id="operator-invite-submit" busy={busy}>
              {t('operator.invite.create')}
            </Button>
          </div>
        </form>
      </Card>
      <ul id="operator-invites" class="operator-invites">
        {invites.map((entry) => (
          <InviteLink key={entry.serial} {...entry} />
        ))}
      </ul>
    </section>
  );
}

function InviteLink({ serial, invite, note }: ShownInvite) {
  const [copied, setCopied] = useState<Message | null>(null);
  const field = useRef<HTMLInputElement>(null);
  const id = `operator-invite-link-${serial}`;

  function select() {
    field.current?.focus();
    field.current?.select();
  }

  // A link appears only when just created: it takes focus, selected, ready to copy.
  useLayoutEffect(select, []);

  async function copy() {
    try {
      await navigator.clipboard.writeText(invite.url);
      setCopied({ key: 'operator.invite.copied' });
    } catch {
      // No clipboard (permission, an old browser): leave it selected to copy by hand.
      select();
      setCopied({ key: 'operator.invite.copyFailed' });
    }
  }

  return (
    <Card as="li" class="operator-invite">
      <label for={id}>
        {note === '' ? t('operator.invite.link') : t('operator.invite.linkNoted', { note })}
      </label>
      <div class="operator-link-row">
        <input
          ref={field}
          type="text"
          id={id}
          class="operator-link"
          readOnly
          spellcheck={false}
          aria-describedby={`${id}-expires`}
          value={invite.url}
        />
        <Button variant="secondary" onClick={copy}>
          {t('operator.invite.copy')}
        </Button>
      </div>
      <p class="hint" id={`${id}-expires`}>
        {t('operator.invite.expires', { date: formatDate(invite.expiresAt) })}
      </p>
      <span class="operator-copy-status" role="status">
        {copied === null ? '' : t(copied.key)}
      </span>
    </Card>
  );
}
