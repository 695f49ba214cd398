/**
 * @module
 * How the doctor pages show things in the visitor's language: dates, time
 * left, language names, modalities, and links that keep the chosen language.
 */
import type { Supporter } from '../api';
import { language, t } from '../i18n';

type Modality = Supporter['modalities'][number];

/** The three modalities in the order the pages list them. */
export const MODALITIES: readonly Modality[] = ['in-person', 'phone', 'video'];

function locale(): string {
  return language() === 'nb' ? 'nb-NO' : 'en-GB';
}

/** A relay timestamp (whole UTC hours) as a date, e.g. "2 December 2026". */
export function formatDate(iso: string): string {
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'long' }).format(new Date(iso));
}

/** A relay timestamp as date and time in the visitor's time zone. */
export function formatDateTime(iso: string): string {
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'long', timeStyle: 'short' }).format(
    new Date(iso),
  );
}

/** "3 days" or "5 hours" until `iso`, never negative. */
export function formatTimeLeft(iso: string, now: Date = new Date()): string {
  const hours = Math.max(0, Math.floor((new Date(iso).getTime() - now.getTime()) / 3_600_000));
  if (hours >= 48) return t('doctor.timeLeft.days', { count: Math.floor(hours / 24) });
  if (hours >= 1) return t('doctor.timeLeft.hours', { count: hours });
  return t('doctor.timeLeft.soon');
}

/**
 * A language code from a profile ("nb", "en") as a name in the visitor's
 * language, as it reads inside a sentence ("norsk bokmål", "English").
 */
export function languageName(code: string): string {
  try {
    const names = new Intl.DisplayNames([locale()], { type: 'language', fallback: 'code' });
    return names.of(code) ?? code;
  } catch {
    // A free-text entry that is not a language tag is shown as written.
    return code;
  }
}

/** A way of meeting as it reads inside a sentence ("by phone"); see {@link capitalise}. */
export function modalityName(modality: Modality): string {
  return t(`doctor.modality.${modality}`);
}

/** The same text with its first letter in upper case, for labels and list starts. */
export function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase(locale()) + text.slice(1);
}

/** A list as words: "A, B and C" / "A, B og C". */
export function formatList(items: readonly string[]): string {
  return new Intl.ListFormat(locale(), { style: 'long', type: 'conjunction' }).format(items);
}

/** Sorts display strings the way the visitor's language does. */
export function compareText(a: string, b: string): number {
  return a.localeCompare(b, locale());
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

/**
 * A link to one of the relay's pages in the current language. The language
 * is the only thing ever put in the address; never a code or a thread.
 */
export function localHref(path: string, params: Record<string, string> = {}): string {
  const search = new URLSearchParams(params);
  search.set('lang', language());
  return `${path}?${search.toString()}`;
}

/** Length in Unicode code points, as the protocol counts message text. */
export function codePoints(text: string): number {
  let length = 0;
  for (const _ of text) length++;
  return length;
}
