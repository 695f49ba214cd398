/**
 * The supporter's compensation counts in a real browser, against the real
 * relay: first contacts per month (a follow-up does not count), most recent
 * month first, month names in the page's language, and the CSV export,
 * which must be exactly the relay's file, downloaded through an object URL.
 */
import { describe, expect, it } from 'vitest';
import { newDoctor } from '../support/actors.ts';
import { downloadedText, openPage, relayAndBrowser } from './support.ts';
import {
  ARGON2_TIMEOUT,
  eventually,
  expectCleanState,
  logInThroughPage,
  type SeededSupporter,
  seedSupporter,
  switchLanguage,
} from './supporter-helpers.ts';

const setup = relayAndBrowser();

const PASSPHRASE = 'copper meadow lantern quiver saddle';

/** The relay's CSV for this supporter, read with a session of its own, as a client would. */
async function serverCsv(supporter: SeededSupporter): Promise<string> {
  const session = await supporter.logIn();
  const csv = await setup.relay.request('GET', '/api/v1/me/counts.csv', { token: session.token });
  await session.logOut();
  expect(csv.status, csv.text).toBe(200);
  return csv.text;
}

describe('compensation counts', () => {
  it(
    'shows first contacts per month, most recent first, in both languages, and exports the relay’s CSV',
    async () => {
      const supporter = await seedSupporter(setup.relay, 'sigrid', PASSPHRASE, 'Sigrid Moe');
      // Two doctors write on 27 November (the fake clock's start); one writes again.
      const doctor = await newDoctor(setup.relay);
      const first = await doctor.writeTo(supporter, 'Can we talk this week?');
      await (await newDoctor(setup.relay)).writeTo(
        supporter,
        'I would like to talk to a colleague.',
      );
      await doctor.writeTo(supporter, 'Evenings suit me best.', { thread: first.message.thread });
      // Into December, so the table has two months to put in order.
      setup.relay.harness.clock.set('2026-12-02T09:00:00Z');

      const watched = await openPage(setup.browser);
      const { page } = watched;
      // Records which object URLs the page revokes (an init script, outside the CSP).
      await watched.context.addInitScript(() => {
        const revoked: string[] = [];
        (window as unknown as { __revoked: string[] }).__revoked = revoked;
        const revoke = URL.revokeObjectURL.bind(URL);
        URL.revokeObjectURL = (url: string) => {
          revoked.push(url);
          revoke(url);
        };
      });
      await logInThroughPage(page, setup.relay, supporter);
      const rows = page.locator('#counts table tbody tr');
      await eventually(() => rows.count()).toBe(2);
      expect(
        await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-month'))),
      ).toEqual(['2026-12', '2026-11']);
      expect(await page.locator('tr[data-month="2026-11"] th').textContent()).toBe('November 2026');
      expect(await page.locator('tr[data-month="2026-11"] td').textContent()).toBe('2');
      expect(await page.locator('tr[data-month="2026-12"] th').textContent()).toBe('December 2026');
      expect(await page.locator('tr[data-month="2026-12"] td').textContent()).toBe('0');
      expect(await page.locator('#counts table thead').textContent()).toBe('MonthNumber');
      expect(
        await page.getByRole('heading', { name: 'First contacts per month' }).isVisible(),
      ).toBe(true);
      expect(await page.locator('#counts-heading + p').textContent()).toContain('counts only');
      await expectCleanState(watched, 'supporter-counts');

      // The export is the relay's file, byte for byte, fetched with the session token.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Export (CSV)' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe('peer-relay-first-contacts.csv');
      expect(download.url()).toMatch(/^blob:/);
      const downloaded = await downloadedText(download);
      const expected = await serverCsv(supporter);
      expect(expected).toBe('month,first_contacts\r\n2026-11,2\r\n2026-12,0\r\n');
      expect(downloaded).toBe(expected);
      await eventually(() => page.locator('#counts-status').textContent()).toBe(
        'The file has been downloaded.',
      );
      const csvRequests = watched.requests.filter((r) => r.url.endsWith('/api/v1/me/counts.csv'));
      expect(csvRequests.map((r) => r.method)).toEqual(['GET']);
      // The object URL is revoked once the browser has the file.
      await eventually(() =>
        page.evaluate(() => (window as unknown as { __revoked: string[] }).__revoked),
      ).toEqual([download.url()]);

      // Month names follow the language switch.
      await switchLanguage(page, 'nb');
      await eventually(() => page.locator('tr[data-month="2026-11"] th').textContent()).toBe(
        'november 2026',
      );
      expect(await page.locator('#counts-heading').textContent()).toBe(
        'Førstegangshenvendelser per måned',
      );
      expect(await page.locator('#counts table thead').textContent()).toBe('MånedAntall');
      expect(await page.locator('#counts-export').textContent()).toBe('Eksporter (CSV)');
      expect(await page.locator('#counts-status').textContent()).toBe('Filen er lastet ned.');
      await expectCleanState(watched, 'supporter-counts-nb');

      // Logging out empties the page: no table, no counts.
      await page.locator('#logout').click();
      await page.locator('#login-section').waitFor({ state: 'visible' });
      expect(await page.locator('#counts').count()).toBe(0);
      expect(await page.locator('tr[data-month]').count()).toBe(0);
      expect(watched.pageErrors).toEqual([]);
      expect(watched.cspViolations).toEqual([]);
      await watched.context.close();
    },
    3 * ARGON2_TIMEOUT,
  );
});
