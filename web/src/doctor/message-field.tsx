/**
 * @module
 * The box a doctor writes a message in: label, hint, a counter that counts
 * the way the protocol does, and the text's problem once the doctor has
 * tried to send.
 */
import type { ComponentChildren, Ref } from 'preact';
import { MAX_TEXT_CHARS } from '../../../src/wire/api.ts';
import { t } from '../i18n';
import { Field } from '../ui';
import { codePoints } from '../ui/format';
import { textProblem } from './message-text';

export interface MessageFieldProps {
  id: string;
  label: ComponentChildren;
  hint?: ComponentChildren;
  value: string;
  onInput: (value: string) => void;
  /** Show the text's problem (after a first attempt to send). */
  checked: boolean;
  inputRef?: Ref<HTMLTextAreaElement>;
}

export function MessageField({
  id,
  label,
  hint,
  value,
  onInput,
  checked,
  inputRef,
}: MessageFieldProps) {
  const length = codePoints(value);
  const countId = `${id}-count`;
  return (
    <Field id={id} label={label} hint={hint} error={checked ? textProblem(value) : null}>
      {(control) => (
        <>
          <textarea
            {...control}
            ref={inputRef ?? null}
            aria-describedby={[control['aria-describedby'], countId].filter(Boolean).join(' ')}
            spellcheck
            value={value}
            onInput={(event) => onInput(event.currentTarget.value)}
          />
          <p
            class={length > MAX_TEXT_CHARS ? 'hint doctor-counter error' : 'hint doctor-counter'}
            id={countId}
          >
            {t('doctor.text.count', { count: length, max: MAX_TEXT_CHARS })}
          </p>
        </>
      )}
    </Field>
  );
}
