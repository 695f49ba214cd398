/**
 * @module
 * How the doctor pages name what a profile holds: counties, specialties and
 * languages are vocabulary codes (src/wire/vocabulary.ts) shown with their
 * label in the page's language; ways of meeting and away status in words.
 * Dates, numbers and lists come from `../ui/format`.
 */
import type { Modality, Supporter } from '../../../src/wire/api.ts';
import {
  COUNTIES,
  LANGUAGES,
  OTHER_PREFIX,
  SPECIALTIES,
  type Term,
} from '../../../src/wire/vocabulary.ts';
import { lang, locale, t } from '../i18n';
import { capitalise, formatDate, formatList } from '../ui/format';
import { label as vocabularyLabel } from '../ui/vocabulary';

function label(terms: readonly Term[], code: string): string {
  const text = vocabularyLabel(terms, code);
  // A legacy free-text value kept as "other: …" is shown as it was written.
  return text.startsWith(OTHER_PREFIX) ? text.slice(OTHER_PREFIX.length) : text;
}

/** A county code as its name ("Møre og Romsdal"). */
export function countyLabel(code: string): string {
  return label(COUNTIES, code);
}

/** A specialty code as its name in the page's language ("Psychiatry", "Psykiatri"). */
export function specialtyLabel(code: string): string {
  return label(SPECIALTIES, code);
}

/** A language code as a label on its own, for a list of choices ("Tysk", "German"). */
export function languageLabel(code: string): string {
  return label(LANGUAGES, code);
}

/**
 * Language codes as a phrase: "Norwegian Bokmål and English", "Engelsk og
 * tysk" (Norwegian writes language names in lower case inside a sentence).
 */
export function languageList(codes: readonly string[]): string {
  const names = codes.map((code) =>
    lang.value === 'nb' ? languageLabel(code).toLocaleLowerCase(locale()) : languageLabel(code),
  );
  return capitalise(formatList(names));
}

/** A way of meeting as it reads inside a sentence ("by phone"). */
export function modalityName(modality: Modality): string {
  return t(`doctor.modality.${modality}`);
}

/** Whether two place names are the same, ignoring case, accents on the same letter and spacing. */
export function sameTown(a: string, b: string): boolean {
  return (
    a.trim().normalize('NFKC').localeCompare(b.trim().normalize('NFKC'), locale(), {
      sensitivity: 'base',
    }) === 0
  );
}

/** The supporter's away line: "Away until 2 December 2026" or "Away for now". */
export function awayText(supporter: Pick<Supporter, 'awayUntil'>): string {
  return supporter.awayUntil
    ? t('doctor.away.until', { date: formatDate(supporter.awayUntil) })
    : t('doctor.away.open');
}

/** The same as a sentence with the name: "Kari is away until 2 December 2026." */
export function awaySentence(supporter: Pick<Supporter, 'awayUntil' | 'name'>): string {
  return supporter.awayUntil
    ? t('doctor.awaySentence.until', {
        name: supporter.name,
        date: formatDate(supporter.awayUntil),
      })
    : t('doctor.awaySentence.open', { name: supporter.name });
}

/** Available supporters first, away ones after; otherwise the directory's own order. */
export function availableFirst(supporters: readonly Supporter[]): Supporter[] {
  const rank = (s: Supporter) => (s.status === 'away' ? 1 : 0);
  return [...supporters].sort((a, b) => rank(a) - rank(b));
}
