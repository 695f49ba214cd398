/**
 * @module
 * Languages of the pages: Norwegian bokmål and English. Every visible string
 * lives in a catalogue (`en.ts`, `nb.ts`). The current language is a signal:
 * a component that calls `t()` re-renders when it changes, and keeps its
 * state (what the visitor typed) across the switch. The choice is the
 * browser's language unless the visitor switches; a switch is kept only in
 * the address (`?lang=nb`), never in storage or a cookie.
 */
import { signal } from '@preact/signals';
import type { MessageKey } from './en';
import { layoutEn } from './layout.en';
import { layoutNb } from './layout.nb';

export type { MessageKey } from './en';
export type Language = 'en' | 'nb';

/** Some of the messages: the chrome's, and those of the roles whose pages are loaded. */
export type Messages = Partial<Record<MessageKey, string>>;

// Each page carries only its own role's words: a doctor's page need not
// download the operator's. A role's module (`./doctor`, `./supporter`,
// `./operator`) adds them when a page imports it;
const catalogues: Record<Language, Messages> = { en: { ...layoutEn }, nb: { ...layoutNb } };

/** Adds a role's messages in both languages (called by `./doctor`, `./supporter`, `./operator`). */
export function addMessages(english: Messages, norwegian: Messages): void {
  Object.assign(catalogues.en, english);
  Object.assign(catalogues.nb, norwegian);
}

/** The page's language; read `.value` in a component to follow switches. */
export const lang = signal<Language>('en');

/** The language asked for in the address, else the browser's first Norwegian or English one. */
export function detectLanguage(): Language {
  const asked = new URLSearchParams(location.search).get('lang');
  if (asked === 'en' || asked === 'nb') return asked;
  for (const tag of navigator.languages ?? [navigator.language]) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'nb' || base === 'no' || base === 'nn') return 'nb';
    if (base === 'en') return 'en';
  }
  return 'en';
}

export function language(): Language {
  return lang.value;
}

/** The `Intl` locale of the current language. */
export function locale(): string {
  return lang.value === 'nb' ? 'nb-NO' : 'en-GB';
}

/**
 * The message `key` in the current language, with `{name}` placeholders
 * replaced from `params`.
 *
 * @example t('write.sent', { name: 'Kari' })
 */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  // A key of a role whose messages this page did not add shows as itself, so a test sees it.
  const template = catalogues[lang.value][key] ?? catalogues.en[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    name in params ? String(params[name]) : match,
  );
}

/** Whether `key` is a message of the catalogue (for keys built at run time). */
export function isKey(key: string | undefined): key is MessageKey {
  return key !== undefined && key in catalogues.en;
}

/** Switches language: `<html lang>`, the address (`?lang=`), and every component that reads it. */
export function setLanguage(next: Language): void {
  lang.value = next;
  document.documentElement.lang = next;
  const url = new URL(location.href);
  url.searchParams.set('lang', next);
  history.replaceState(history.state, '', url);
}

/**
 * A link to one of the relay's pages in the current language. The language
 * is the only thing ever put in the address; never a code or a thread.
 */
export function localHref(path: string, params: Record<string, string> = {}): string {
  const search = new URLSearchParams(params);
  search.set('lang', lang.value);
  return `${path}?${search.toString()}`;
}
