/**
 * @module
 * The profile vocabulary (src/wire/vocabulary.ts) in the page's language:
 * a stored code's label (a value that is no code, a legacy `other: …`, as it
 * is), and options sorted as the language sorts.
 */
import {
  COUNTIES,
  LANGUAGES,
  SPECIALTIES,
  type Term,
  termLabel,
} from '../../../src/wire/vocabulary.ts';
import { lang } from '../i18n';
import { compareText } from './format';

export { COUNTIES, LANGUAGES, SPECIALTIES, type Term };

export interface Option {
  code: string;
  label: string;
}

/** The terms as options in the page's language, sorted as that language sorts. */
export function options(terms: readonly Term[]): Option[] {
  const language = lang.value;
  return terms
    .map((term) => ({ code: term.code, label: term[language] }))
    .sort((a, b) => compareText(a.label, b.label));
}

/** The label of a stored value: a code's label, else the value as it is. */
export function label(terms: readonly Term[], value: string): string {
  return termLabel(terms, value, lang.value);
}

/** Whether `value` is one of the terms' codes. */
export function isCode(terms: readonly Term[], value: string): boolean {
  return terms.some((term) => term.code === value);
}
