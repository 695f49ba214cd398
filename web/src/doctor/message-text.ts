/**
 * @module
 * The message box a doctor writes in: a character counter that counts the
 * way the protocol does (Unicode code points, at most 8000) and the check
 * before sending. Used by the compose page and by follow-ups in the mailbox.
 */

import { MAX_TEXT_CHARS } from '../../../src/wire/api.ts';
import { t } from '../i18n';
import { codePoints } from './format';

/** Why a text cannot be sent, or `null` if it can. */
export function textProblem(text: string): string | null {
  if (text.trim() === '') return t('doctor.text.empty');
  const length = codePoints(text);
  if (length > MAX_TEXT_CHARS) return t('doctor.text.tooLong', { over: length - MAX_TEXT_CHARS });
  return null;
}

/** Writes "123 of 8000 characters" into `counter`, marked when over the limit. */
export function updateCounter(textarea: HTMLTextAreaElement, counter: HTMLElement): void {
  const length = codePoints(textarea.value);
  counter.textContent = t('doctor.text.count', { count: length, max: MAX_TEXT_CHARS });
  counter.classList.toggle('error', length > MAX_TEXT_CHARS);
}

/** Shows or clears a field's error, keeping `aria-invalid` in step. */
export function setFieldError(
  field: HTMLInputElement | HTMLTextAreaElement,
  errorLine: HTMLElement,
  message: string | null,
): void {
  errorLine.textContent = message ?? '';
  errorLine.hidden = message === null;
  if (message === null) field.removeAttribute('aria-invalid');
  else field.setAttribute('aria-invalid', 'true');
}
