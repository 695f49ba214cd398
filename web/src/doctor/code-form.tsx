/**
 * @module
 * Where the doctor types the reply code. Every problem has its own
 * sentence: nothing typed, characters outside the code's alphabet, the
 * wrong length (all found here, with nothing sent), and a well-formed code
 * that opens no mailbox (the relay's 404).
 */
import type { Ref } from 'preact';
import { t } from '../i18n';
import { Button, Field } from '../ui';
import { formatList } from '../ui/format';
import { type CodeProblem, REPLY_CODE_LENGTH } from './code-problem';

/** A problem found here, or one the relay or the device reported. */
export type OpenProblem = CodeProblem | { kind: 'unknown' | 'network' | 'crypto' | 'integrity' };

export function openProblemText(problem: OpenProblem): string {
  switch (problem.kind) {
    case 'empty':
      return t('mailbox.code.empty');
    case 'characters':
      return problem.found.length > 0
        ? t('mailbox.code.characters', {
            found: formatList(
              problem.found.map((character) => t('mailbox.code.quoted', { character })),
            ),
          })
        : t('mailbox.code.charactersOnly');
    case 'length':
      return t('mailbox.code.length', { count: problem.count, length: REPLY_CODE_LENGTH });
    case 'unknown':
      return t('mailbox.code.wrong');
    case 'network':
      return t('mailbox.network');
    case 'crypto':
      return t('doctor.error.crypto');
    case 'integrity':
      return t('doctor.error.integrity');
  }
}

export interface CodeFormProps {
  code: string;
  onInput: (code: string) => void;
  problem: OpenProblem | null;
  busy: boolean;
  onSubmit: () => void;
  inputRef: Ref<HTMLInputElement>;
  /** Kept in the page while a mailbox is open, so the emptied field can be checked. */
  hidden: boolean;
}

export function CodeForm({
  code,
  onInput,
  problem,
  busy,
  onSubmit,
  inputRef,
  hidden,
}: CodeFormProps) {
  return (
    <section id="mailbox-enter" aria-labelledby="mailbox-title" hidden={hidden}>
      <p class="lead">{t('mailbox.lead')}</p>
      <form
        class="card doctor-code-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit();
        }}
      >
        <Field
          id="mailbox-code"
          label={t('mailbox.code.label')}
          hint={t('mailbox.code.hint')}
          error={problem ? openProblemText(problem) : null}
        >
          {(control) => (
            <input
              {...control}
              ref={inputRef}
              type="text"
              autocomplete="off"
              autocapitalize="characters"
              spellcheck={false}
              value={code}
              onInput={(event) => onInput(event.currentTarget.value)}
            />
          )}
        </Field>
        <div class="actions">
          <Button type="submit" busy={busy}>
            {t('mailbox.open')}
          </Button>
        </div>
        <p class="hint">{t('mailbox.code.private')}</p>
      </form>
      {busy ? <p role="status">{t('mailbox.loading')}</p> : null}
    </section>
  );
}
