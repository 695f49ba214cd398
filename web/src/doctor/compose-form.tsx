/**
 * @module
 * The compose form: the message, how and when the doctor would like to
 * talk, who sees what, and sending. A supporter who is away is asked about
 * once more before anything is sent. The form is usable before libsodium
 * has loaded; sending waits for the recipient's key check (./recipient.ts),
 * and the proof of work is solved while the doctor writes (./proof-ahead.ts).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Supporter } from '../../../src/wire/api.ts';
import { localHref, t } from '../i18n';
import { prepareSolver, progressShare } from '../protocol/solve-in-worker';
import { announce, Button, Field } from '../ui';
import { capitalise } from '../ui/format';
import { useFocusAfterRender } from '../ui/use-focus';
import { draft, readDraft } from './draft';
import { describeSealFailure, describeSendFailure, type SendFailure } from './errors';
import type { FirstContact } from './first-contact';
import { awaySentence, modalityName } from './format';
import { KeepCopy } from './keep-copy';
import { MessageField } from './message-field';
import { textProblem } from './message-text';
import { ProofAhead } from './proof-ahead';
import { checkKey, type KeyCheck, keyCheck } from './recipient';
import type { PendingSubmission, SubmissionReceipt } from './send';
import { SendError, SendProgress } from './send-status';

export interface ComposeFormProps {
  supporter: Supporter;
  firstContact: FirstContact;
  onSent: (receipt: SubmissionReceipt) => void;
}

function WhoSees({ name }: { name: string }) {
  return (
    <div class="notice doctor-who-sees">
      <h2 class="doctor-who-sees-title">{t('write.sees.title')}</h2>
      <p>
        <strong>{t('write.sees.supporter.title', { name })}</strong> {t('write.sees.supporter')}
      </p>
      <p>
        <strong>{t('write.sees.relay.title')}</strong> {t('write.sees.relay')}
      </p>
    </div>
  );
}

type KeyProblemReason = Extract<KeyCheck, { status: 'failed' }>['reason'];

const keyProblemText = (reason: KeyProblemReason, name: string) =>
  reason === 'network'
    ? t('write.crypto.network')
    : reason === 'crypto'
      ? t('doctor.error.crypto')
      : reason === 'unconfirmed'
        ? t('doctor.unconfirmed.text', { name })
        : t(`write.missing.${reason}`);

/** Why nothing can be sealed to this supporter now; only `network` can pass with a retry. */
function KeyProblem({ reason, name }: { reason: KeyProblemReason; name: string }) {
  return (
    <div id="write-key-problem" class="notice warning" role="alert">
      <p>{keyProblemText(reason, name)}</p>
      {reason === 'badKey' || reason === 'unconfirmed' ? (
        <p>
          <a href={localHref('/')}>{t('write.chooseAnother')}</a>
        </p>
      ) : null}
    </div>
  );
}

export function ComposeForm({ supporter, firstContact, onSent }: ComposeFormProps) {
  const name = supporter.name;
  const [checked, setChecked] = useState(false);
  const [sending, setSending] = useState(false);
  const [share, setShare] = useState(0);
  // A thunk, so the words follow a language switch.
  const [failure, setFailure] = useState<(() => SendFailure) | null>(null);
  const [confirmingAway, setConfirmingAway] = useState(false);
  const awayConfirmed = useRef(false);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const [confirmRef, focusConfirm] = useFocusAfterRender<HTMLHeadingElement>();
  const [errorRef, focusError] = useFocusAfterRender<HTMLParagraphElement>();
  // One per recipient (the form is keyed by the supporter): a proof is priced for them.
  const [proofs] = useState(() => new ProofAhead(supporter.id));
  const check = keyCheck.value;
  const blocked = check?.status === 'failed' && check.reason !== 'network';

  useEffect(() => {
    prepareSolver();
    // Switched to this supporter with a draft already written.
    if (draft.text.value) proofs.start();
    return () => proofs.stop();
  }, [proofs]);

  const fail = (describe: () => SendFailure) => {
    setFailure(() => describe);
    setSending(false);
    announce(describe().message);
    focusError();
  };

  async function send() {
    if (sending) return;
    setChecked(true);
    if (textProblem(draft.text.value)) {
      textRef.current?.focus();
      return;
    }
    if (supporter.status === 'away' && !awayConfirmed.current) {
      setConfirmingAway(true);
      focusConfirm();
      return;
    }
    setConfirmingAway(false);
    setFailure(null);
    setShare(0);
    setSending(true);
    announce(keyCheck.value === null ? t('write.crypto.preparing') : t('write.progress'));
    const checked = await checkKey(supporter);
    if (checked.status === 'failed') {
      setSending(false);
      announce(keyProblemText(checked.reason, name));
      return;
    }
    let pending: PendingSubmission;
    try {
      pending = await firstContact.prepare(
        supporter,
        readDraft(supporter.modalities),
        draft.keepCopy.value,
      );
    } catch (error) {
      fail(() => describeSealFailure(error, name));
      return;
    }
    try {
      const receipt = await pending.send(proofs, (p) => setShare(progressShare(p)));
      setShare(1);
      setSending(false);
      onSent(receipt);
    } catch (error) {
      fail(() => describeSendFailure(error, name));
    }
  }

  const shownFailure = failure?.() ?? null;
  return (
    <form
      id="write-form"
      noValidate
      onInput={() => {
        if (!blocked) proofs.start();
      }}
      onSubmit={(event) => {
        event.preventDefault();
        void send();
      }}
    >
      <MessageField
        id="write-text"
        label={t('write.text.label')}
        hint={t('write.text.hint')}
        value={draft.text.value}
        onInput={(value) => {
          draft.text.value = value;
        }}
        checked={checked}
        inputRef={textRef}
      />
      {supporter.modalities.length > 0 ? (
        <fieldset id="write-modalities">
          <legend>{t('write.modalities.legend')}</legend>
          <div id="write-modality-options" class="doctor-checks">
            {supporter.modalities.map((modality) => (
              <label key={modality} class="check">
                <input
                  type="checkbox"
                  value={modality}
                  checked={draft.modalities.value.includes(modality)}
                  onChange={(event) => {
                    const others = draft.modalities.value.filter((m) => m !== modality);
                    draft.modalities.value = event.currentTarget.checked
                      ? [...others, modality]
                      : others;
                  }}
                />
                {capitalise(modalityName(modality))}
              </label>
            ))}
          </div>
        </fieldset>
      ) : null}
      <Field id="write-when" label={t('write.when.label')} hint={t('write.when.hint')}>
        {(control) => (
          <input
            {...control}
            type="text"
            autocomplete="off"
            value={draft.when.value}
            onInput={(event) => {
              draft.when.value = event.currentTarget.value;
            }}
          />
        )}
      </Field>
      <Field id="write-contact" label={t('write.contact.label')} hint={t('write.contact.hint')}>
        {(control) => (
          <input
            {...control}
            type="text"
            autocomplete="off"
            value={draft.contact.value}
            onInput={(event) => {
              draft.contact.value = event.currentTarget.value;
            }}
          />
        )}
      </Field>
      <KeepCopy
        id="write-keep-copy"
        checked={draft.keepCopy.value}
        onChange={(keep) => {
          draft.keepCopy.value = keep;
        }}
      />
      <WhoSees name={name} />
      {confirmingAway ? (
        <div id="write-confirm-away" class="notice warning">
          <h2 class="doctor-who-sees-title" id="write-confirm-title" tabIndex={-1} ref={confirmRef}>
            {t('write.confirm.title')}
          </h2>
          <p>{t('write.confirm.text', { away: awaySentence(supporter) })}</p>
          <div class="actions">
            <Button
              id="write-confirm-send"
              busy={sending}
              onClick={() => {
                awayConfirmed.current = true;
                void send();
              }}
            >
              {t('write.confirm.send')}
            </Button>
            <a class="button secondary" href={localHref('/')}>
              {t('write.confirm.other')}
            </a>
          </div>
        </div>
      ) : null}
      <SendError id="write-error" failure={shownFailure} textRef={errorRef} />
      {check?.status === 'failed' ? <KeyProblem reason={check.reason} name={name} /> : null}
      <SendProgress id="write-progress" sending={sending} share={share} />
      <div class="actions">
        <Button id="write-send" type="submit" busy={sending} disabled={blocked}>
          {t('write.send')}
        </Button>
      </div>
      <p id="write-crypto" class="hint" role="status">
        {check === null ? t('write.crypto.preparing') : ''}
      </p>
    </form>
  );
}
