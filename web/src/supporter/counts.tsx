/**
 * @module
 * The supporter's first contacts per month (counts only, for compensation):
 * a table, most recent month first, month names in the page's language, and
 * the relay's CSV as a download. Nothing here links a count to a doctor, a
 * mailbox or a message.
 */
import { signal } from '@preact/signals';
import type { MonthlyCount } from '../../../src/wire/supporter.ts';
import { type MessageKey, t } from '../i18n';
import { Button } from '../ui';
import { attachmentName, downloadBlob, formatMonth } from './compensation-view';
import { call, endSession, onSessionEnd, SessionEnded, session } from './session';

const counts = signal<MonthlyCount[] | null>(null);
const failed = signal(false);
const exporting = signal(false);
const status = signal<MessageKey | null>(null);

onSessionEnd(() => {
  counts.value = null;
  failed.value = false;
  exporting.value = false;
  status.value = null;
});

export async function loadCounts(): Promise<void> {
  const current = session.value;
  if (!current) return;
  try {
    const answer = await call<{ months: MonthlyCount[] }>('GET', '/api/v1/me/counts');
    if (session.value !== current) return;
    counts.value = answer.months;
    failed.value = false;
  } catch (error) {
    if (error instanceof SessionEnded || session.value !== current) return;
    failed.value = true;
  }
}

/**
 * Downloads the relay's CSV as it is. `api()` speaks JSON only, so this one
 * is a plain fetch, with the token in the header and no cookies.
 */
async function exportCounts(): Promise<void> {
  const current = session.value;
  if (!current) return;
  exporting.value = true;
  status.value = null;
  try {
    let response: Response;
    try {
      response = await fetch('/api/v1/me/counts.csv', {
        headers: { Accept: 'text/csv', Authorization: `Bearer ${current.token}` },
        credentials: 'omit',
        cache: 'no-store',
        referrerPolicy: 'no-referrer',
      });
    } catch {
      status.value = 'error.network';
      return;
    }
    if (response.status === 401) {
      if (session.value === current) endSession('supporter.login.sessionEnded');
      return;
    }
    if (!response.ok) throw new Error(`status ${response.status}`);
    const blob = await response.blob();
    if (session.value !== current) return;
    downloadBlob(
      blob,
      attachmentName(response.headers.get('Content-Disposition'), 'peer-relay-first-contacts.csv'),
    );
    status.value = 'supporter.counts.exported';
  } catch {
    if (session.value === current) status.value = 'supporter.counts.exportFailed';
  } finally {
    exporting.value = false;
  }
}

function CountsTable({ months }: { months: readonly MonthlyCount[] }) {
  if (months.length === 0) return <p>{t('supporter.counts.none')}</p>;
  const sorted = [...months].sort((a, b) => (a.month < b.month ? 1 : a.month > b.month ? -1 : 0));
  return (
    <table class="counts-table">
      <caption class="visually-hidden">{t('supporter.counts.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('supporter.counts.month')}</th>
          <th scope="col" class="counts-number">
            {t('supporter.counts.number')}
          </th>
        </tr>
      </thead>
      <tbody>
        {sorted.map((entry) => (
          <tr key={entry.month} data-month={entry.month}>
            <th scope="row" class="counts-month">
              {formatMonth(entry.month)}
            </th>
            <td class="counts-number">{String(entry.firstContacts)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function Counts() {
  const months = counts.value;
  return (
    <section aria-labelledby="counts-heading">
      <h2 id="counts-heading">{t('supporter.counts.heading')}</h2>
      <p>{t('supporter.counts.intro')}</p>
      <div id="counts">
        {months ? (
          <CountsTable months={months} />
        ) : (
          <p>{t(failed.value ? 'supporter.counts.failed' : 'supporter.counts.loading')}</p>
        )}
      </div>
      <div class="actions">
        <Button
          variant="secondary"
          id="counts-export"
          disabled={exporting.value}
          onClick={() => void exportCounts()}
        >
          {t('supporter.counts.export')}
        </Button>
        <span id="counts-status" role="status">
          {status.value ? t(status.value) : ''}
        </span>
      </div>
    </section>
  );
}
