/**
 * @module
 * The supporter inbox (`/supporter`): log in with the passphrase (the key
 * is opened here and kept in memory only), read and answer conversations,
 * set availability, and see first contacts per month. Logging out, or
 * leaving the page, ends the session and empties the page.
 */
import '../i18n/supporter';
import { t } from '../i18n';
import { Inbox } from '../supporter/inbox';
import { LoginForm } from '../supporter/login-form';
import { endSessionOnPageHide, session } from '../supporter/session';
import { mount, Page } from '../ui';

endSessionOnPageHide();

function focusHeading(): void {
  requestAnimationFrame(() => document.querySelector<HTMLElement>('main h1')?.focus());
}

function SupporterPage() {
  const current = session.value;
  return (
    <Page role="supporter" title="title.supporter">
      <h1 tabIndex={-1}>{t('supporter.heading')}</h1>
      {current ? <Inbox current={current} /> : <LoginForm onLoggedIn={focusHeading} />}
    </Page>
  );
}

mount(() => <SupporterPage />);
