/**
 * @module
 * Languages of the pages: Norwegian bokmål and English. Every visible string
 * lives in a catalogue (`en.ts`, `nb.ts`); the HTML carries English text and
 * `data-i18n` keys, and `applyTranslations()` fills in the chosen language.
 * The choice is the browser's language unless the visitor switches; a switch
 * is kept only in the address (`?lang=nb`), never in storage or a cookie.
 */
import { en, type MessageKey } from './en';
import { nb } from './nb';

export type { MessageKey } from './en';
export type Language = 'en' | 'nb';

const catalogues: Record<Language, Record<MessageKey, string>> = { en, nb };
let current: Language = 'en';

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
  return current;
}

/**
 * The message `key` in the current language, with `{name}` placeholders
 * replaced from `params`.
 *
 * @example t('write.sent', { name: 'Kari' })
 */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  const template = catalogues[current][key] ?? en[key];
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    name in params ? String(params[name]) : match,
  );
}

function isKey(key: string | undefined): key is MessageKey {
  return key !== undefined && key in en;
}

/** Fills `data-i18n` (text) and `data-i18n-attr="attr:key;attr:key"` (attributes) under `root`. */
export function applyTranslations(root: ParentNode = document): void {
  for (const node of root.querySelectorAll<HTMLElement>('[data-i18n]')) {
    const key = node.dataset.i18n;
    if (isKey(key)) node.textContent = t(key);
  }
  for (const node of root.querySelectorAll<HTMLElement>('[data-i18n-attr]')) {
    for (const pair of (node.dataset.i18nAttr ?? '').split(';')) {
      const [attribute, key] = pair.split(':');
      if (attribute && isKey(key)) node.setAttribute(attribute, t(key));
    }
  }
}

/** Switches language: translates the page, marks `<html lang>`, and keeps the choice in links. */
export function setLanguage(next: Language): void {
  current = next;
  document.documentElement.lang = next;
  applyTranslations();
  const url = new URL(location.href);
  url.searchParams.set('lang', next);
  history.replaceState(history.state, '', url);
  for (const link of document.querySelectorAll<HTMLAnchorElement>('a[href^="/"]')) {
    const target = new URL(link.href);
    target.searchParams.set('lang', next);
    link.href = target.pathname + target.search + target.hash;
  }
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-lang]')) {
    button.setAttribute('aria-pressed', String(button.dataset.lang === next));
  }
  document.dispatchEvent(new CustomEvent('languagechange', { detail: next }));
}
