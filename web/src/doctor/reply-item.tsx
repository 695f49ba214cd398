/**
 * @module
 * A reply on screen, with the follow-up the doctor can write in its thread,
 * a copy of its text and the deletion of its conversation.
 * Its state (the open form, the text) belongs to this component, so a
 * refresh or a language switch never interrupts the typing.
 */
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { t } from '../i18n';
import type { MailboxKeys } from '../protocol';
import { sealFollowUp, sealOwnCopy, toB64 } from '../protocol';
import { progressShare } from '../protocol/solve-in-worker';
import { announce, Button, Card } from '../ui';
import { formatDate, formatDateTime } from '../ui/format';
import { useFocusAfterRender } from '../ui/use-focus';
import { describeSealFailure, describeSendFailure, type SendFailure } from './errors';
import { KeepCopy } from './keep-copy';
import type { ReplyEntry } from './mailbox-session';
import { MessageField } from './message-field';
import { textProblem } from './message-text';
import { VerifySupporter } from './profile';
import { ProofAhead } from './proof-ahead';
import { ReplyActions } from './reply-actions';
import { PendingSubmission, type SubmissionReceipt } from './send';
import { SendError, SendProgress } from './send-status';

export interface ReplyItemProps {
  reply: ReplyEntry;
  keys: MailboxKeys;
  /** After a follow-up is sent: show it among the messages sent. */
  onSent: () => void;
  /** Deletes the conversation with this reply's supporter; throws when nothing was deleted. */
  onDelete: () => Promise<void>;
  /** Whether the doctor kept copies of messages to this reply's supporter. */
  copiesKept?: boolean;
}

export function ReplyItem({ reply, keys, onSent, onDelete, copiesKept = false }: ReplyItemProps) {
  const opened = reply.opened;
  if (!opened) {
    return (
      <Card as="li" class="doctor-reply doctor-reply-unopened">
        <h3>{t('mailbox.reply.unopened.title')}</h3>
        <p class="doctor-reply-text">{t('mailbox.reply.unopened')}</p>
      </Card>
    );
  }
  return (
    <Card as="li" class="doctor-reply">
      <h3>{t('mailbox.reply.from', { name: opened.name })}</h3>
      <p class="muted">{t('mailbox.reply.sent', { date: formatDateTime(opened.sentAt) })}</p>
      {/* Before the text: the doctor reads the warning before the words. */}
      {reply.keyChanged ? (
        <p class="notice warning doctor-reply-key-changed">
          {t('mailbox.reply.keyChanged', { name: opened.name })}
        </p>
      ) : null}
      {reply.confirmed ? null : (
        <p class="notice warning doctor-reply-unconfirmed">
          {t('mailbox.reply.unconfirmed', { name: opened.name })}
        </p>
      )}
      <p class="doctor-reply-text">{opened.text}</p>
      <ReplyActions
        text={opened.text}
        name={opened.name}
        onDelete={onDelete}
        copiesKept={copiesKept}
      />
      {!reply.confirmed ? null : reply.listed ? (
        <>
          <VerifySupporter
            fingerprint={opened.fingerprint}
            note={t('write.fingerprint.note', { name: opened.name })}
          />
          <FollowUp reply={reply} keys={keys} onSent={onSent} />
        </>
      ) : (
        <>
          <p class="hint">
            {t('mailbox.reply.fingerprint', {
              name: opened.name,
              fingerprint: opened.fingerprint,
            })}
          </p>
          <p class="hint">{t('mailbox.reply.left', { name: opened.name })}</p>
        </>
      )}
    </Card>
  );
}

function FollowUp({ reply, keys, onSent }: Omit<ReplyItemProps, 'onDelete' | 'copiesKept'>) {
  const opened = reply.opened;
  const uid = useId();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [checked, setChecked] = useState(false);
  const [keepCopy, setKeepCopy] = useState(false);
  const [sending, setSending] = useState(false);
  const [share, setShare] = useState(0);
  const [failure, setFailure] = useState<(() => SendFailure) | null>(null);
  const [receipt, setReceipt] = useState<SubmissionReceipt | null>(null);
  const pending = useRef<{ draft: string; keep: boolean; submission: PendingSubmission } | null>(
    null,
  );
  const [textRef, focusText] = useFocusAfterRender<HTMLTextAreaElement>();
  const [errorRef, focusError] = useFocusAfterRender<HTMLParagraphElement>();
  const [doneRef, focusDone] = useFocusAfterRender<HTMLParagraphElement>();
  // Solved while the doctor writes the follow-up (./proof-ahead.ts).
  const [proofs] = useState(() => new ProofAhead(reply.supporterId));
  useEffect(() => () => proofs.stop(), [proofs]);
  if (!opened) return null;
  const name = opened.name;
  const formId = `${uid}-form`;

  const fail = (describe: () => SendFailure) => {
    setFailure(() => describe);
    setSending(false);
    announce(describe().message);
    focusError();
  };

  async function send() {
    if (!opened || sending) return;
    setChecked(true);
    if (textProblem(text)) {
      textRef.current?.focus();
      return;
    }
    setSending(true);
    setFailure(null);
    setReceipt(null);
    setShare(0);
    announce(t('write.progress'));
    let submission: PendingSubmission;
    try {
      // Same draft after a failure: resend the very same sealed message.
      if (pending.current?.draft !== text || pending.current.keep !== keepCopy) {
        const sealed = await sealFollowUp(
          opened.thread,
          { text, mailbox: keys, recordSealedTo: keepCopy },
          opened.key,
        );
        // The same plaintext to the doctor's own reply key, only when chosen (§10.1).
        const copy = keepCopy ? toB64(await sealOwnCopy(sealed.message, keys)) : undefined;
        pending.current = {
          draft: text,
          keep: keepCopy,
          submission: new PendingSubmission({
            supporterId: reply.supporterId,
            ciphertext: toB64(sealed.ciphertext),
            mailbox: { id: keys.mailboxId, readToken: keys.readToken },
            ...(copy ? { copy } : {}),
          }),
        };
      }
      submission = pending.current.submission;
    } catch (error) {
      fail(() => describeSealFailure(error, name));
      return;
    }
    try {
      const done = await submission.send(proofs, (p) => setShare(progressShare(p)));
      pending.current = null;
      setText('');
      setChecked(false);
      setKeepCopy(false);
      setOpen(false);
      setSending(false);
      setReceipt(done);
      announce(t('mailbox.followUp.sent', { name, date: formatDate(done.expiresAt) }));
      focusDone();
      onSent();
    } catch (error) {
      fail(() => describeSendFailure(error, name));
    }
  }

  return (
    <>
      <div class="actions">
        <Button
          variant="secondary"
          aria-expanded={open ? 'true' : 'false'}
          aria-controls={formId}
          onClick={() => {
            setOpen(!open);
            if (!open) focusText();
          }}
        >
          {t('mailbox.followUp.toggle', { name })}
        </Button>
      </div>
      <form
        id={formId}
        class="doctor-follow-up"
        noValidate
        hidden={!open}
        onSubmit={(event) => {
          event.preventDefault();
          void send();
        }}
      >
        <MessageField
          id={`${uid}-text`}
          label={t('mailbox.followUp.label', { name })}
          value={text}
          onInput={(typed) => {
            setText(typed);
            proofs.start();
          }}
          checked={checked}
          inputRef={textRef}
        />
        <KeepCopy id={`${uid}-keep-copy`} checked={keepCopy} onChange={setKeepCopy} />
        <SendError id={`${uid}-error`} failure={failure?.() ?? null} textRef={errorRef} />
        <SendProgress sending={sending} share={share} />
        <div class="actions">
          <Button type="submit" busy={sending}>
            {t('write.send')}
          </Button>
        </div>
      </form>
      <p class="notice" role="status" hidden={receipt === null} tabIndex={-1} ref={doneRef}>
        {receipt ? t('mailbox.followUp.sent', { name, date: formatDate(receipt.expiresAt) }) : ''}
      </p>
    </>
  );
}
