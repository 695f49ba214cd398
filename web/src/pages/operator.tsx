/**
 * @module
 * The operator page (`/operator`): delivery health, the per-supporter
 * backlog with away/deactivate actions, and invites. The token is asked for
 * once per tab (web/src/operator/session.ts); every figure comes from the
 * operator API, and the page adds no numbers of its own except totals of
 * what it was given. Invite links are shown but never stored.
 */
import '../i18n/operator';
import { t } from '../i18n';
import { Dashboard } from '../operator/dashboard';
import { DirectorySigning } from '../operator/directory-signing';
import { start, view } from '../operator/session';
import { TokenForm } from '../operator/token-form';
import { mount, Page } from '../ui';

function OperatorPage() {
  return (
    <>
      <h1 id="operator-title" tabIndex={-1}>
        {t('operator.title')}
      </h1>
      <p class="lead">{t('operator.lead')}</p>
      <DirectorySigning />
      {view.value === 'login' ? <TokenForm /> : null}
      {view.value === 'loading' ? <p role="status">{t('operator.loading')}</p> : null}
      {view.value === 'dashboard' ? <Dashboard /> : null}
    </>
  );
}

mount(() => (
  <Page role="operator" title="title.operator">
    <OperatorPage />
  </Page>
));
void start();
