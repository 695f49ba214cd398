/**
 * @module
 * A form field: label, hint, the control, and its error, tied together for
 * assistive technology (`aria-describedby`, `aria-invalid`). The control is
 * rendered by the caller from the props it is given, so one `Field` serves
 * inputs, selects and text areas alike.
 *
 * @example
 * <Field id="code" label={t('mailbox.code')} hint={t('mailbox.code.hint')} error={error}>
 *   {(control) => <input {...control} value={code} onInput={…} />}
 * </Field>
 */
import type { ComponentChildren, VNode } from 'preact';

/** What the control must carry. */
export interface ControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: 'true';
}

export interface FieldProps {
  id: string;
  label: ComponentChildren;
  hint?: ComponentChildren;
  /** A sentence saying what is wrong and how to fix it; nothing when the value is fine. */
  error?: string | null | undefined;
  class?: string;
  children: (control: ControlProps) => VNode;
}

export function Field({ id, label, hint, error, class: extra, children }: FieldProps) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ');
  return (
    <div class={extra ? `field ${extra}` : 'field'}>
      <label for={id}>{label}</label>
      {hint ? (
        <p class="hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {children({
        id,
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
        ...(error ? { 'aria-invalid': 'true' as const } : {}),
      })}
      {error ? (
        <p class="error" id={errorId}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
