/**
 * @module
 * The reply code, shown once after sending: copy, download (a file made on
 * this device), how to keep it, and "Done" only once the doctor says it is
 * saved. Until then, leaving the page asks first.
 */
import type { Ref } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { localHref, t } from '../i18n';
import { Button } from '../ui';
import { formatDate } from '../ui/format';
import type { SubmissionReceipt } from './send';

export interface ReplyCodeCardProps {
  name: string;
  code: string;
  receipt: SubmissionReceipt;
  titleRef: Ref<HTMLHeadingElement>;
}

// While the code has not been confirmed as saved, leaving the page asks first.
function holdPage(event: BeforeUnloadEvent): void {
  event.preventDefault();
  event.returnValue = '';
}

export function ReplyCodeCard({ name, code, receipt, titleRef }: ReplyCodeCardProps) {
  const [copy, setCopy] = useState<'none' | 'copied' | 'selected'>('none');
  const [saved, setSaved] = useState(false);
  const [savedMissing, setSavedMissing] = useState(false);
  const file = t('write.code.file', { code, url: `${location.origin}/mailbox` });
  // The file is made here, in memory; it never passes through the network.
  const fileUrl = useMemo(
    () => URL.createObjectURL(new Blob([file], { type: 'text/plain;charset=utf-8' })),
    [file],
  );
  useEffect(() => () => URL.revokeObjectURL(fileUrl), [fileUrl]);
  useEffect(() => {
    window.addEventListener('beforeunload', holdPage);
    return () => window.removeEventListener('beforeunload', holdPage);
  }, []);

  async function copyCode() {
    try {
      await navigator.clipboard.writeText(code);
      setCopy('copied');
    } catch {
      // No clipboard access: select the code so one keystroke copies it.
      const line = document.getElementById('write-code');
      const selection = window.getSelection();
      if (line && selection) {
        const range = document.createRange();
        range.selectNodeContents(line);
        selection.removeAllRanges();
        selection.addRange(range);
      }
      setCopy('selected');
    }
  }

  function done() {
    if (!saved) {
      setSavedMissing(true);
      document.getElementById('write-saved')?.focus();
      return;
    }
    window.removeEventListener('beforeunload', holdPage);
    location.assign(localHref('/mailbox'));
  }

  return (
    <section id="write-sent" aria-labelledby="write-sent-title">
      <h2 id="write-sent-title" tabIndex={-1} ref={titleRef}>
        {t('write.sent.title')}
      </h2>
      <p id="write-sent-text">
        {t('write.sent.text', { name, date: formatDate(receipt.expiresAt) })}
      </p>
      <div class="card doctor-code-card">
        <h3>{t('write.code.title')}</h3>
        <p id="write-code" class="reply-code">
          {code}
        </p>
        <div class="actions">
          <Button variant="secondary" onClick={() => void copyCode()}>
            {t('write.code.copy')}
          </Button>
          <a class="button secondary" href={fileUrl} download="reply-code.txt">
            {t('write.code.download')}
          </a>
        </div>
        <p id="write-copy-status" class="hint" role="status">
          {copy === 'copied'
            ? t('write.code.copied')
            : copy === 'selected'
              ? t('write.code.selected')
              : ''}
        </p>
        <div class="notice warning">
          <p>
            <strong>{t('write.code.keep.title')}</strong> {t('write.code.keep')}
          </p>
          <p>{t('write.code.where')}</p>
        </div>
        <p>{t('write.code.how')}</p>
        <div class="field">
          <label class="check">
            <input
              type="checkbox"
              id="write-saved"
              checked={saved}
              aria-invalid={savedMissing && !saved ? 'true' : undefined}
              aria-describedby={savedMissing && !saved ? 'write-saved-error' : undefined}
              onChange={(event) => setSaved(event.currentTarget.checked)}
            />{' '}
            {t('write.code.saved')}
          </label>
          {savedMissing && !saved ? (
            <p id="write-saved-error" class="error">
              {t('write.code.savedFirst')}
            </p>
          ) : null}
        </div>
        <div class="actions">
          <Button id="write-done" onClick={done}>
            {t('write.code.done')}
          </Button>
        </div>
      </div>
    </section>
  );
}
