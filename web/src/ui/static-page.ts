/**
 * @module
 * What every page does first: choose and apply the language, wire the
 * language switch, and show this relay's emergency numbers.
 */
import '../i18n/all';
import { api, type SiteInfo } from '../api';
import { applyTranslations, detectLanguage, type Language, setLanguage, t } from '../i18n';

let site: Promise<SiteInfo | null> | undefined;

/** The relay's public settings, fetched once per page. */
export function siteInfo(): Promise<SiteInfo | null> {
  site ??= api<SiteInfo>('GET', '/api/v1/site').catch(() => null);
  return site;
}

function showEmergencyNumbers(info: SiteInfo | null): void {
  const target = document.querySelector<HTMLElement>('[data-emergency-numbers]');
  if (!target || !info || info.emergencyNumbers.length === 0) return;
  target.removeAttribute('data-i18n');
  target.textContent = info.emergencyNumbers
    .map((entry) => t(`layout.emergency.${entry.kind}`, { number: entry.number }))
    .join(' ');
}

/** The static pages' language switch: the signal, the markup, the links, then `languagechange`. */
function switchLanguage(next: Language): void {
  setLanguage(next);
  applyTranslations();
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

/** Sets up the shared parts of a static page; call once at the top of its script. */
export function initPage(): void {
  switchLanguage(detectLanguage());
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-lang]')) {
    button.addEventListener('click', () =>
      switchLanguage(button.dataset.lang === 'nb' ? 'nb' : 'en'),
    );
  }
  void siteInfo().then(showEmergencyNumbers);
  document.addEventListener('languagechange', () => {
    applyTranslations();
    void siteInfo().then(showEmergencyNumbers);
  });
}

/** Reads a message aloud to screen readers through the page's live region. */
export function announce(message: string): void {
  const region = document.querySelector<HTMLElement>('[data-announcer]');
  if (region) region.textContent = message;
}

/** The element matching `selector`, which the page's HTML guarantees. */
export function required<T extends Element = HTMLElement>(
  selector: string,
  root: ParentNode = document,
): T {
  const found = root.querySelector<T>(selector);
  if (!found) throw new Error(`page is missing ${selector}`);
  return found;
}
