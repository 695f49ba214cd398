/**
 * @module
 * The rule for a doctor's message text: not empty, and at most 8000 Unicode
 * code points (the protocol's count). Used by the compose page and by
 * follow-ups in the mailbox.
 */
import { MAX_TEXT_CHARS } from '../../../src/wire/api.ts';
import { t } from '../i18n';
import { codePoints } from '../ui/format';

/** Why a text cannot be sent, or `null` if it can. */
export function textProblem(text: string): string | null {
  if (text.trim() === '') return t('doctor.text.empty');
  const length = codePoints(text);
  if (length > MAX_TEXT_CHARS) return t('doctor.text.tooLong', { over: length - MAX_TEXT_CHARS });
  return null;
}
