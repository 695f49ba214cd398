/**
 * @module
 * Page chrome per role, and how a page starts. A doctor's page says what
 * the service is not (an emergency service) and links the directory and the
 * mailbox; a supporter's and an operator's pages have their own header and
 * footer, and nothing of the doctor's.
 */
import type { ComponentChildren, VNode } from 'preact';
import { render } from 'preact';
import { useEffect } from 'preact/hooks';
import {
  detectLanguage,
  type Language,
  lang,
  localHref,
  type MessageKey,
  setLanguage,
  t,
} from '../i18n';
// Claims the page's one Trusted Types policy as the page starts (see the module).
import '../verified-scripts';
import { LiveRegion } from './live-region';
import { loadSite, site } from './site';

export type Role = 'doctor' | 'supporter' | 'operator';

const LANGUAGES: { code: Language; name: string }[] = [
  { code: 'nb', name: 'Norsk' },
  { code: 'en', name: 'English' },
];

function LanguageSwitch() {
  return (
    <fieldset class="language">
      <legend class="visually-hidden">{t('layout.language')}</legend>
      {LANGUAGES.map(({ code, name }) => (
        <button
          key={code}
          type="button"
          lang={code}
          aria-pressed={lang.value === code ? 'true' : 'false'}
          onClick={() => setLanguage(code)}
        >
          {name}
        </button>
      ))}
    </fieldset>
  );
}

const BRAND: Record<Role, MessageKey> = {
  doctor: 'layout.brand',
  supporter: 'layout.brand.supporter',
  operator: 'layout.brand.operator',
};
const HOME: Record<Role, string> = { doctor: '/', supporter: '/supporter', operator: '/operator' };
const NAV: Record<Role, { href: string; label: MessageKey }[]> = {
  doctor: [
    { href: '/', label: 'layout.nav.directory' },
    { href: '/mailbox', label: 'layout.nav.mailbox' },
  ],
  supporter: [{ href: '/supporter', label: 'layout.nav.inbox' }],
  operator: [],
};
const FOOTER: Record<Role, MessageKey> = {
  doctor: 'layout.footer',
  supporter: 'layout.footer.supporter',
  operator: 'layout.footer.operator',
};

function Emergency() {
  const numbers = site.value?.emergencyNumbers ?? [];
  return (
    <aside class="emergency" aria-label={t('layout.emergency.label')}>
      <p>
        <strong>{t('layout.emergency.title')}</strong>{' '}
        <span data-emergency-numbers>
          {numbers.length === 0
            ? t('layout.emergency.default')
            : numbers
                .map((entry) => t(`layout.emergency.${entry.kind}`, { number: entry.number }))
                .join(' ')}
        </span>
      </p>
    </aside>
  );
}

export interface PageProps {
  role: Role;
  /** The tab title's first part; the product's name follows it. */
  title: MessageKey;
  children: ComponentChildren;
}

export function Page({ role, title, children }: PageProps) {
  const heading = t(title);
  const product = t('layout.brand');
  useEffect(() => {
    document.title = heading === product ? product : `${heading} · ${product}`;
  }, [heading, product]);
  return (
    <>
      <a class="skip-link" href="#main">
        {t('layout.skip')}
      </a>
      <header class="site-header">
        <a class="brand" href={localHref(HOME[role])}>
          {t(BRAND[role])}
        </a>
        {NAV[role].length > 0 ? (
          <nav aria-label={t('layout.nav')}>
            {NAV[role].map(({ href, label }) => (
              <a key={href} href={localHref(href)}>
                {t(label)}
              </a>
            ))}
          </nav>
        ) : null}
        <LanguageSwitch />
      </header>
      {role === 'operator' ? null : <Emergency />}
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <footer class="site-footer">
        <p>{t(FOOTER[role])}</p>
      </footer>
      <LiveRegion />
    </>
  );
}

/** Starts a page: its language, the relay's settings, and `page` rendered into `#app`. */
export function mount(page: () => VNode): void {
  setLanguage(detectLanguage());
  void loadSite();
  const root = document.getElementById('app');
  if (!root) throw new Error('the page has no #app');
  root.replaceChildren();
  render(page(), root);
}
