/**
 * @module
 * Small DOM helpers for the supporter pages. Everything is built with
 * `createElement` and `textContent`, never HTML strings, because much of what
 * these pages show was written by strangers.
 *
 * Text set with {@link localize} remembers its catalogue key and parameters
 * in `data-` attributes, so {@link relocalize} can put it into another
 * language when the visitor switches (the layout's `data-i18n` handles only
 * texts without parameters).
 */
import { language, type MessageKey, t } from '../i18n';

type Params = Record<string, string | number>;

export interface ElementOptions {
  className?: string;
  /** Plain text content (already translated, or not language-dependent). */
  text?: string;
  /** Catalogue key for the text; kept up to date on a language switch. */
  key?: MessageKey;
  params?: Params;
  attributes?: Record<string, string>;
}

/**
 * Creates an element with a class, text and attributes, and appends `children`.
 *
 * @example
 * el('p', { className: 'hint', key: 'join.login.hint' });
 */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  options: ElementOptions = {},
  children: (Node | string)[] = [],
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (options.className) node.className = options.className;
  for (const [name, value] of Object.entries(options.attributes ?? {})) {
    node.setAttribute(name, value);
  }
  if (options.key) localize(node, options.key, options.params);
  else if (options.text !== undefined) node.textContent = options.text;
  node.append(...children);
  return node;
}

/**
 * Sets `node`'s text (or, with `attribute`, that attribute) to a catalogue
 * message and remembers which, for {@link relocalize}.
 */
export function localize(
  node: HTMLElement,
  key: MessageKey,
  params: Params = {},
  attribute?: string,
): void {
  const slot = attribute === undefined ? 'text' : attribute;
  const entries = readLocalized(node).filter((entry) => entry.slot !== slot);
  entries.push({ slot, key, params });
  node.dataset.localized = JSON.stringify(entries);
  apply(node, slot, key, params);
}

/** Forgets a localized text or attribute and empties it. */
export function unlocalize(node: HTMLElement, attribute?: string): void {
  const slot = attribute === undefined ? 'text' : attribute;
  const entries = readLocalized(node).filter((entry) => entry.slot !== slot);
  if (entries.length === 0) delete node.dataset.localized;
  else node.dataset.localized = JSON.stringify(entries);
  if (attribute === undefined) node.textContent = '';
  else node.removeAttribute(attribute);
}

/** Puts every text set by {@link localize} under `root` into the current language. */
export function relocalize(root: ParentNode = document): void {
  for (const node of root.querySelectorAll<HTMLElement>('[data-localized]')) {
    for (const { slot, key, params } of readLocalized(node)) apply(node, slot, key, params);
  }
}

interface LocalizedEntry {
  slot: string;
  key: MessageKey;
  params: Params;
}

function readLocalized(node: HTMLElement): LocalizedEntry[] {
  if (!node.dataset.localized) return [];
  return JSON.parse(node.dataset.localized) as LocalizedEntry[];
}

function apply(node: HTMLElement, slot: string, key: MessageKey, params: Params): void {
  if (slot === 'text') node.textContent = t(key, params);
  else node.setAttribute(slot, t(key, params));
}

/**
 * Shows (or, with `key` null, clears) an error under a form control, tied to
 * it with `aria-describedby` and `aria-invalid` so screen readers announce it.
 */
export function setFieldError(
  control: HTMLElement,
  key: MessageKey | null,
  params: Params = {},
): void {
  const id = `${control.id}-error`;
  let message = document.getElementById(id);
  const describedBy = (control.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .filter((token) => token !== '' && token !== id);
  if (key === null) {
    message?.remove();
    control.removeAttribute('aria-invalid');
  } else {
    if (!message) {
      message = el('p', { className: 'error field-error', attributes: { id } });
      // After the control, or after its group's legend for a fieldset.
      if (control instanceof HTMLFieldSetElement) {
        control.querySelector('legend')?.after(message);
      } else {
        control.after(message);
      }
    }
    localize(message, key, params);
    describedBy.push(id);
    // aria-invalid is not allowed on a group; its message is enough there.
    if (!(control instanceof HTMLFieldSetElement)) control.setAttribute('aria-invalid', 'true');
  }
  if (describedBy.length > 0) control.setAttribute('aria-describedby', describedBy.join(' '));
  else control.removeAttribute('aria-describedby');
}

/** The BCP 47 locale of the page's language, for `Intl`. */
export function locale(): string {
  return language() === 'nb' ? 'nb-NO' : 'en-GB';
}

/** A date and time in the page's language, e.g. "27 Nov 2026, 15:05". */
export function formatDateTime(value: string | Date): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(
    date,
  );
}

/** A list in the page's language: "phone or video", "telefon eller video". */
export function formatList(items: string[], type: 'conjunction' | 'disjunction'): string {
  return new Intl.ListFormat(locale(), { style: 'long', type }).format(items);
}
