/**
 * @module
 * The phone section's clock inside the page (bench/sections/phone.ts): an
 * init script, added to every page of a context before any of the page's
 * own scripts, that notes when each watched element first becomes usable
 * and when the Send button is clicked, on the page's own clock
 * (`performance.now()`, from the navigation's start). Nothing in web/ is
 * changed for it. Marks named `phone-bench:<name>` are set at the same
 * moments, so a Chromium trace can be cut at them (the worker's CPU after
 * Send).
 */

/** Elements that must all be usable for `name` to be reached. */
export interface Watch {
  name: string;
  /** Each must match an element that is rendered, visible and not disabled. */
  selectors: string[];
  /** The (first) element must also have text: the reply code, not its empty box. */
  withText?: boolean;
}

export interface UsableOptions {
  watches: Watch[];
  /** A click on (or in) an element matching this notes `click`. */
  click: string;
}

/** What the recorder noted so far, by name: milliseconds from the navigation's start. */
export type UsableTimes = Record<string, number>;

/**
 * The init script. Self-contained: Playwright sends its source to the page.
 * Checks on every DOM change and on every animation frame (a style sheet
 * arriving changes visibility without a DOM change), and keeps the first
 * time each watch held.
 */
export function recordUsable(options: UsableOptions): void {
  const times: Record<string, number> = {};
  (window as unknown as { __phoneBench: Record<string, number> }).__phoneBench = times;
  const usable = (selector: string, withText: boolean): boolean => {
    const element = document.querySelector<HTMLElement>(selector);
    if (element === null || !element.checkVisibility({ visibilityProperty: true })) return false;
    if ((element as HTMLInputElement).disabled === true) return false;
    if ((element as HTMLInputElement).readOnly === true) return false;
    if (element.getAttribute('aria-disabled') === 'true') return false;
    return !withText || (element.textContent ?? '').trim() !== '';
  };
  const check = () => {
    for (const watch of options.watches) {
      if (times[watch.name] !== undefined) continue;
      if (!watch.selectors.every((selector, i) => usable(selector, i === 0 && !!watch.withText)))
        continue;
      times[watch.name] = performance.now();
      performance.mark(`phone-bench:${watch.name}`);
    }
  };
  const everyFrame = () => {
    check();
    if (options.watches.some((watch) => times[watch.name] === undefined))
      requestAnimationFrame(everyFrame);
  };
  new MutationObserver(check).observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    characterData: true,
  });
  requestAnimationFrame(everyFrame);
  document.addEventListener(
    'click',
    (event) => {
      if (times.click !== undefined) return;
      if (!(event.target instanceof Element) || event.target.closest(options.click) === null)
        return;
      times.click = performance.now();
      performance.mark('phone-bench:click');
    },
    true,
  );
}
