/**
 * @module
 * The operator's view once the token is accepted: when the figures are
 * from, refresh and forget, then each part of the page in turn.
 */
import { useState } from 'preact/hooks';
import { t } from '../i18n';
import { announce, Button, Notice } from '../ui';
import { formatDateTime } from '../ui/format';
import { BacklogSection } from './backlog-table';
import { DailySection } from './chart';
import { InviteSection } from './invites';
import { dashboardError, fetchedAt, forget, health, reload } from './session';
import { Tiles } from './tiles';
import { NotificationsSection, NotSeenSection } from './watch-lists';

function Bar() {
  const [busy, setBusy] = useState(false);
  const at = fetchedAt.value;

  async function refresh() {
    setBusy(true);
    const done = await reload();
    setBusy(false);
    if (done) announce(t('operator.refreshed'));
  }

  function forgetToken() {
    forget();
    announce(t('operator.token.forgotten'));
  }

  return (
    <div class="operator-bar">
      <p id="operator-updated" class="muted">
        {/* This browser's own clock: the minute is real. */}
        {at === null ? '' : t('operator.updated', { time: formatDateTime(at) })}
      </p>
      <div class="actions">
        <Button id="operator-refresh" busy={busy} onClick={refresh}>
          {t('operator.refresh')}
        </Button>
        <Button id="operator-forget" variant="secondary" onClick={forgetToken}>
          {t('operator.forget')}
        </Button>
      </div>
    </div>
  );
}

export function Dashboard() {
  const report = health.value;
  const error = dashboardError.value;
  if (report === null) return null;
  return (
    <div id="operator-dashboard">
      <Bar />
      {error === null ? null : (
        <Notice kind="error">
          <p id="operator-error">{t(error.key, error.params)}</p>
        </Notice>
      )}
      <Tiles health={report} />
      <DailySection daily={report.daily} />
      <BacklogSection />
      <NotSeenSection health={report} />
      <NotificationsSection health={report} />
      <InviteSection />
    </div>
  );
}
