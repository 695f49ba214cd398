/**
 * @module
 * A tiny DOM builder. Pages build dynamic content with `createElement` and
 * `textContent` only, never `innerHTML`, so text that came from the network
 * or from the visitor can never become markup. No `style` attributes either:
 * the Content-Security-Policy forbids them; use classes and `hidden`.
 */

/** What {@link h} accepts besides the tag: attributes, classes and text. */
export interface ElementOptions {
  /** Space-separated class names. */
  class?: string;
  /** Set as `textContent` (never parsed as HTML). */
  text?: string;
  /** Plain attributes; `false` and `undefined` leave the attribute out, `true` sets it empty. */
  attrs?: Record<string, string | boolean | undefined>;
}

/** A child of {@link h}: an element, a text, or nothing (skipped, so children can be conditional). */
export type Child = Node | string | null | undefined | false;

/**
 * Creates an element.
 *
 * @example
 * h('p', { class: 'hint', attrs: { id: 'code-hint' } }, 'Upper or lower case.')
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  options: ElementOptions = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (options.class) element.className = options.class;
  if (options.text !== undefined) element.textContent = options.text;
  for (const [name, value] of Object.entries(options.attrs ?? {})) {
    if (value === true) element.setAttribute(name, '');
    else if (typeof value === 'string') element.setAttribute(name, value);
  }
  append(element, ...children);
  return element;
}

/** Appends children, turning strings into text nodes and skipping empty ones. */
export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

/** Replaces every child of `parent`. */
export function replaceChildren(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, ...children);
}

/** Shows or hides an element with the `hidden` attribute. */
export function show(element: HTMLElement, visible = true): void {
  element.hidden = !visible;
}

/** Moves focus to `element` (made focusable for scripts if it is not) and scrolls it into view. */
export function focusElement(element: HTMLElement): void {
  if (!element.hasAttribute('tabindex') && element.tabIndex < 0) {
    element.setAttribute('tabindex', '-1');
  }
  element.focus();
}
