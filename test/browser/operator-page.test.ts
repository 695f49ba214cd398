/**
 * The operator page in real Chromium against the real relay (fake clock),
 * seeded through the API: the token form (a wrong token, then the right
 * one, kept in sessionStorage only), every figure compared with the
 * operator API's own answers, the charts and their table, sorting the
 * backlog, marking a supporter away and deactivating another (checked in
 * the public directory), creating and copying an invite (which then works),
 * reload, forgetting the token, a token the relay no longer accepts, and
 * the page in Norwegian on a phone (marking available, reactivating, the
 * backlog as cards); then on a 390 × 844 phone in each language (issue 13):
 * the operator's own header, footer and tab title, relay hours said as an
 * hour range or a date (the last seen, a notification's next try), every
 * action and chart within the screen, typed text kept across a language
 * switch. Every state: no CSP violation, no page error, no serious axe
 * finding, a screenshot.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScheduledWork } from '../../src/domain/scheduler.ts';
import { createNodeNotifier } from '../../src/notify/smtp.ts';
import {
  joinSupporter,
  newDoctor,
  register,
  registrationFor,
  type Supporter,
} from '../support/actors.ts';
import { tableRows } from '../support/database.ts';
import { type HttpReceiver, startHttpReceiver } from '../support/notify-helpers.ts';
import { acceptRelayRefusals, checkPage, poll } from './doctor-helpers.ts';
import {
  backlogActionsOutOfView,
  backlogNames,
  enterToken,
  fitsWidth,
  OPERATOR_TOKEN,
  operatorFigures,
  seedRelay,
  storedToken,
  TOKEN_KEY,
  tileValue,
  useTimeZone,
} from './operator-helpers.ts';
import {
  PHONE,
  pagesClosedAfterEach,
  type RunningRelay,
  relayAndBrowser,
  startRelay,
} from './support.ts';

const setup = relayAndBrowser({}, async (relay) => ({ seeded: await seedRelay(relay) }));

const openPage = pagesClosedAfterEach(10_000);

const directoryIds = async () =>
  (
    (await setup.relay.harness.request('GET', '/api/v1/supporters')).body.supporters as {
      id: string;
    }[]
  ).map((s) => s.id);

describe('the operator page', () => {
  it('opens with the token, shows the API’s figures, sorts, marks away, deactivates, invites, survives a reload and forgets the token', async () => {
    const watched = await openPage(setup.browser);
    const { page, context } = watched;
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: setup.relay.url,
    });
    await page.goto(`${setup.relay.url}/operator`);
    await page.locator('#operator-token-form').waitFor();
    expect(await page.title()).toBe('Operator · Peer support for doctors');
    // Not in the public navigation; robots are asked to stay away.
    expect(await page.locator('header nav a[href^="/operator"]').count()).toBe(0);
    const robots = await (await fetch(`${setup.relay.url}/robots.txt`)).text();
    expect(robots).toContain('Disallow: /operator');
    await checkPage(watched, 'operator-token');

    // A wrong token: a clear message, nothing kept.
    await enterToken(page, 'not-the-operator-token-0123456789abcdef');
    await poll(() => page.locator('#operator-token-error').textContent()).toBe(
      'The relay did not accept this token. Check it and try again.',
    );
    expect(await page.locator('#operator-token').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#operator-dashboard').isHidden()).toBe(true);
    expect(await storedToken(page)).toBeNull();
    expect(acceptRelayRefusals(watched, 401)).toBe(1);
    await checkPage(watched, 'operator-token-wrong');

    // The right one: kept for this tab only, once the relay has accepted it.
    await enterToken(page, OPERATOR_TOKEN);
    await page.locator('#operator-dashboard').waitFor();
    expect(await storedToken(page)).toBe(OPERATOR_TOKEN);
    expect(await page.evaluate(() => localStorage.length)).toBe(0);
    expect(await page.evaluate(() => document.cookie)).toBe('');

    // Every figure equals the operator API's.
    const { health, supporters } = await operatorFigures(setup.relay);
    expect(health.pendingMessages).toBe(3);
    expect(await tileValue(page, 'pending')).toEqual({ text: '3', raw: '3' });
    expect(health.oldestPendingHours).toBe(8 * 24 + 5);
    expect(await tileValue(page, 'oldest')).toEqual({ text: '8 days, 5 hours', raw: '197' });
    expect(health.deliveryHours).toEqual({ median: 2, p90: 5 });
    expect(await tileValue(page, 'median')).toEqual({ text: '2 hours', raw: '2' });
    expect(await tileValue(page, 'p90')).toEqual({ text: '5 hours', raw: '5' });
    expect(health.replyRate).toBe(0.25);
    expect(await tileValue(page, 'replyRate')).toEqual({ text: '25%', raw: '0.25' });
    expect(await page.locator('[data-tile="replyRate"] .operator-tile-hint').textContent()).toBe(
      '1 of 4 delivered messages answered, last 30 days',
    );
    expect(await tileValue(page, 'failures')).toEqual({
      text: String(health.notificationFailures.last30Days),
      raw: String(health.notificationFailures.last30Days),
    });
    expect(await tileValue(page, 'supporters')).toEqual({ text: '3', raw: '3' });
    expect(await page.locator('[data-tile="supporters"] .operator-tile-hint').textContent()).toBe(
      '0 away, 0 deactivated',
    );
    expect(health.databaseSizeBytes).toBeGreaterThan(0);
    const database = await tileValue(page, 'database');
    expect(database.raw).toBe(String(health.databaseSizeBytes));
    expect(database.text).toMatch(/^\d+(\.\d)? (kB|MB)$/);
    expect(await tileValue(page, 'version')).toEqual({ text: 'test', raw: 'test' });
    expect(health.uptimeSeconds).toBe(197 * 3600);
    expect(await tileValue(page, 'uptime')).toEqual({
      text: '8 days, 5 hours',
      raw: String(197 * 3600),
    });

    // The charts: one per series, labelled in words, on one scale; the table has every number.
    const label = (series: string) =>
      page.locator(`figure[data-series="${series}"] svg`).getAttribute('aria-label');
    expect(health.last30Days).toMatchObject({ delivered: 4, expired: 1, replied: 1 });
    expect(await label('delivered')).toBe(
      'Delivered per day from 6 Nov to 5 Dec: 4 in all, at most 4 on one day (27 Nov).',
    );
    expect(await label('expired')).toBe(
      'Expired unread per day from 6 Nov to 5 Dec: 1 in all, at most 1 on one day (27 Nov).',
    );
    expect(await label('replied')).toBe(
      'Replied per day from 6 Nov to 5 Dec: 1 in all, at most 1 on one day (27 Nov).',
    );
    expect(await page.locator('figure[data-series="delivered"] rect').count()).toBe(1);
    expect(await page.locator('figure svg[role="img"]').count()).toBe(3);
    const rows = await page
      .locator('#operator-days-table tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [
          tr.getAttribute('data-day'),
          ...[...tr.querySelectorAll('td')].map((td) => Number(td.textContent)),
        ]),
      );
    expect(rows).toEqual(
      health.daily.map(
        (d: { day: string; delivered: number; expired: number; replied: number }) => [
          d.day,
          d.delivered,
          d.expired,
          d.replied,
        ],
      ),
    );
    expect(await page.locator('#operator-days-table tfoot td').allTextContents()).toEqual([
      '4',
      '1',
      '1',
    ]);

    // The backlog: the API's numbers, most waiting first (ties by name).
    const { anne, bjorn, chen } = setup.seeded;
    for (const supporter of supporters) {
      const row = page.locator(`#operator-backlog-rows tr[data-id="${supporter.id}"]`);
      const cells = await row.locator('td').allTextContents();
      expect({ name: supporter.name, waiting: cells[1], delivered: cells[3] }).toEqual({
        name: supporter.name,
        waiting: String(supporter.pendingCount),
        delivered: String(supporter.deliveredLast30d),
      });
    }
    expect(await backlogNames(page)).toEqual(['Anne Berg', 'Bjørn Dahl', 'Chen Li']);
    expect(await page.locator('th[data-sort-key="pending"]').getAttribute('aria-sort')).toBe(
      'descending',
    );

    // Not seen for 7 days (the default): Bjørn and Chen, 8 days each.
    expect(health.supportersNotSeen).toEqual([
      { id: chen.id, days: 8 },
      { id: bjorn.id, days: 8 },
    ]);
    const unseen = await page.locator('#operator-unseen-list li').allTextContents();
    expect(unseen).toHaveLength(2);
    expect(unseen[0]).toMatch(/^Chen Li: 8 days, last seen /);
    expect(unseen[1]).toMatch(/^Bjørn Dahl: 8 days, last seen /);
    expect(await page.locator('#operator-notify-retrying').textContent()).toBe(
      'No supporter’s notification channel is failing now.',
    );
    await checkPage(watched, 'operator-dashboard');

    await page.getByText('Show the numbers').click();
    await page.locator('#operator-days-table').waitFor();
    await checkPage(watched, 'operator-dashboard-numbers');

    // Fewer days: everyone not seen for 1 day or more (Anne was seen this hour).
    await page.getByLabel('Not seen for at least this many days').fill('1');
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    await poll(() => page.locator('#operator-unseen-list li').count()).toBe(2);
    await page.getByLabel('Not seen for at least this many days').fill('9');
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    await poll(() => page.locator('#operator-unseen-summary').textContent()).toBe(
      'Every active supporter has been seen in the last 9 days.',
    );

    // Sorting: header buttons, aria-sort on the header, by keyboard too.
    const sortBy = (column: string) => page.locator(`th[data-sort-key="${column}"] button`).click();
    await sortBy('name');
    expect(await page.locator('th[data-sort-key="name"]').getAttribute('aria-sort')).toBe(
      'ascending',
    );
    expect(await page.locator('th[data-sort-key="pending"]').getAttribute('aria-sort')).toBeNull();
    expect(await backlogNames(page)).toEqual(['Anne Berg', 'Bjørn Dahl', 'Chen Li']);
    await page.locator('th[data-sort-key="name"] button').focus();
    await page.keyboard.press('Enter');
    expect(await page.locator('th[data-sort-key="name"]').getAttribute('aria-sort')).toBe(
      'descending',
    );
    expect(await backlogNames(page)).toEqual(['Chen Li', 'Bjørn Dahl', 'Anne Berg']);
    await sortBy('delivered');
    expect(await page.locator('th[data-sort-key="delivered"]').getAttribute('aria-sort')).toBe(
      'descending',
    );
    expect(await backlogNames(page)).toEqual(['Anne Berg', 'Bjørn Dahl', 'Chen Li']);
    await sortBy('lastSeen');
    expect(await backlogNames(page)).toEqual(['Chen Li', 'Bjørn Dahl', 'Anne Berg']);
    await checkPage(watched, 'operator-sorted');

    // Mark Bjørn away until a date: the directory shows it.
    await page.getByRole('button', { name: 'Mark away: Bjørn Dahl' }).click();
    const until = page.getByLabel('Back on (optional)');
    await until.waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('operator-away-until');
    await checkPage(watched, 'operator-away-form');
    await until.fill('2026-12-20');
    await page.locator('.operator-away-form button[type="submit"]').click();
    await poll(() => page.locator('#operator-action-status').textContent()).toBe(
      'Bjørn Dahl is marked away until 20 December 2026.',
    );
    const expectedUntil = await page.evaluate(() =>
      new Date('2026-12-20T00:00:00').toISOString().replace(/\.\d{3}Z$/, 'Z'),
    );
    const entry = await setup.relay.harness.request('GET', `/api/v1/supporters/${bjorn.id}`);
    expect(entry.body).toMatchObject({ status: 'away', awayUntil: expectedUntil });
    const bjornRow = page.locator(`#operator-backlog-rows tr[data-id="${bjorn.id}"]`);
    expect(await bjornRow.getAttribute('data-state')).toBe('away');
    expect(await bjornRow.locator('.operator-state').textContent()).toBe('Away until 20 Dec 2026');
    expect(await page.locator('[data-tile="supporters"] .operator-tile-hint').textContent()).toBe(
      '1 away, 0 deactivated',
    );
    await checkPage(watched, 'operator-marked-away');

    // Deactivate Chen, after a confirmation: gone from the directory.
    await page.getByRole('button', { name: 'Deactivate: Chen Li' }).click();
    const confirm = page.locator('.operator-confirm');
    await confirm.waitFor();
    expect(await confirm.locator('p').textContent()).toContain('Deactivate Chen Li?');
    await checkPage(watched, 'operator-deactivate-confirm');
    // Cancelling changes nothing and returns focus to the button.
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    expect(await confirm.count()).toBe(0);
    expect(
      await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? null),
    ).toBe('Deactivate: Chen Li');
    expect(await directoryIds()).toContain(chen.id);
    await page.getByRole('button', { name: 'Deactivate: Chen Li' }).click();
    await page.getByRole('button', { name: 'Yes, deactivate' }).click();
    await poll(() => page.locator('#operator-action-status').textContent()).toBe(
      'Chen Li is deactivated.',
    );
    expect((await directoryIds()).sort()).toEqual([anne.id, bjorn.id].sort());
    const chenRow = page.locator(`#operator-backlog-rows tr[data-id="${chen.id}"]`);
    expect(await chenRow.locator('.operator-state').textContent()).toBe('Deactivated');
    expect(await chenRow.getByRole('button').allTextContents()).toEqual([
      'Reactivate',
      'Purge waiting',
    ]);
    expect(await tileValue(page, 'supporters')).toEqual({ text: '2', raw: '2' });
    await checkPage(watched, 'operator-deactivated');

    // Purge Chen's waiting junk (issue 15): hours checked, the queue emptied, counted.
    expect(await tileValue(page, 'purged')).toEqual({ text: '0', raw: '0' });
    await page.getByRole('button', { name: 'Purge waiting: Chen Li' }).click();
    const hours = page.getByLabel('Received at least this many hours ago');
    await hours.waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('operator-purge-hours');
    await hours.fill('a day');
    await page.getByRole('button', { name: 'Purge', exact: true }).click();
    expect(await page.locator('#operator-purge-hours').getAttribute('aria-invalid')).toBe('true');
    await checkPage(watched, 'operator-purge-form');
    await hours.fill('24');
    await page.getByRole('button', { name: 'Purge', exact: true }).click();
    await poll(() => page.locator('#operator-action-status').textContent()).toBe(
      'Waiting messages for Chen Li purged: 1.',
    );
    const purgedHealth = (await operatorFigures(setup.relay)).health;
    expect(purgedHealth.last30Days.purged).toBe(1);
    expect(await tileValue(page, 'purged')).toEqual({ text: '1', raw: '1' });
    expect(await tileValue(page, 'pending')).toEqual({ text: '2', raw: '2' });
    expect(await chenRow.locator('td').nth(1).textContent()).toBe('0');
    expect(await chenRow.getByRole('button').allTextContents()).toEqual(['Reactivate']);
    await checkPage(watched, 'operator-purged');

    // An invite: note and days; the link is shown, copied, and works once.
    await page.getByLabel('Note (optional)').fill('Bergen group, December');
    await page.getByLabel('Valid for this many days').fill('3');
    await page.getByRole('button', { name: 'Create invite link' }).click();
    const link = page.getByLabel('Invite link (Bergen group, December)');
    await link.waitFor();
    const url = await link.inputValue();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:8787\/supporter\/join#invite=[A-Za-z0-9_-]{43}$/);
    expect(
      await page.evaluate(() => document.activeElement?.classList.contains('operator-link')),
    ).toBe(true);
    await page.getByRole('button', { name: 'Copy link' }).click();
    await poll(() => page.locator('.operator-copy-status').textContent()).toBe('Copied.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
    const invites = (await tableRows(setup.relay.harness, 'invites')) as { note: string | null }[];
    expect(invites.filter((row) => row.note === 'Bergen group, December')).toHaveLength(1);
    const token = new URL(url).hash.slice('#invite='.length);
    expect(await page.locator('.operator-invite .hint').textContent()).toMatch(
      /^Works once, until 8 December 2026\.$/,
    );
    await checkPage(watched, 'operator-invite');
    const joined = await registrationFor(setup.relay, { login: 'eva', invite: token });
    expect((await register(setup.relay, joined.body)).status).toBe(201);

    // Reload: the token is still there for this tab; the invite link is not.
    await page.reload();
    await page.locator('#operator-dashboard').waitFor();
    expect(await storedToken(page)).toBe(OPERATOR_TOKEN);
    expect(await page.locator('#operator-login').isHidden()).toBe(true);
    expect(await page.locator('.operator-invite').count()).toBe(0);
    await poll(() => page.locator('#operator-backlog-rows tr[data-id]').count()).toBe(4);

    // Forget the token: gone from the tab, back to the form.
    await page.getByRole('button', { name: 'Forget token' }).click();
    await page.locator('#operator-token-form').waitFor();
    expect(await storedToken(page)).toBeNull();
    expect(await page.locator('#operator-dashboard').isHidden()).toBe(true);
    expect(await page.locator('#operator-login-notice').textContent()).toBe(
      'The token is forgotten. This tab no longer holds it.',
    );
    expect(await page.locator('#operator-backlog-rows tr').count()).toBe(0);
    await checkPage(watched, 'operator-forgotten');
    await page.reload();
    await page.locator('#operator-token-form').waitFor();
    expect(await page.locator('#operator-dashboard').isHidden()).toBe(true);

    // A saved token the relay no longer accepts (rotated): asked again, and dropped.
    await page.evaluate(
      (key) => sessionStorage.setItem(key, 'an-old-operator-token-0123456789abcdefgh'),
      TOKEN_KEY,
    );
    await page.reload();
    await poll(() => page.locator('#operator-login-notice').textContent()).toBe(
      'The relay no longer accepts the saved token. Please enter it again.',
    );
    expect(await storedToken(page)).toBeNull();
    expect(acceptRelayRefusals(watched, 401)).toBe(1);
    await checkPage(watched, 'operator-token-rotated');

    // The token travelled only in the Authorization header, and only to the relay.
    for (const request of watched.requests) {
      expect(request.url.startsWith(setup.relay.url), request.url).toBe(true);
      expect(request.url).not.toContain(OPERATOR_TOKEN);
    }
  });

  it('works in Norwegian on a phone: figures, marking available, reactivating after a confirmation, the backlog as cards with every action in view', async () => {
    const watched = await openPage(setup.browser, {
      locale: 'nb-NO',
      viewport: { width: 360, height: 780 },
    });
    const { page } = watched;
    await page.goto(`${setup.relay.url}/operator`);
    await page.locator('#operator-token-form').waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('nb');
    expect(await page.locator('h1').textContent()).toBe('Operatør');
    expect(await fitsWidth(page)).toBe(true);
    await checkPage(watched, 'operator-token-nb-phone');

    await enterToken(page, OPERATOR_TOKEN, 'Operatørtoken');
    await page.locator('#operator-dashboard').waitFor();
    expect(await page.title()).toBe('Operatør · Kollegastøtte for leger');
    expect(await page.locator('[data-tile="pending"] dt').textContent()).toBe(
      'Meldinger som venter',
    );
    const rate = await tileValue(page, 'replyRate');
    expect(rate.raw).toBe('0.25');
    // Intl puts a (narrow) no-break space before the per cent sign in Norwegian.
    expect(rate.text).toMatch(/^25\s%$/);
    expect(await tileValue(page, 'median')).toEqual({ text: '2 timer', raw: '2' });
    expect(
      await page.locator('figure[data-series="delivered"] svg').getAttribute('aria-label'),
    ).toBe('Levert per dag fra 6. nov. til 5. des.: 4 i alt, høyst 4 på én dag (27. nov.).');
    expect(await page.locator('th[data-sort-key="pending"] button').textContent()).toBe('Venter');
    expect(
      await page.getByRole('button', { name: 'Sett som tilgjengelig: Bjørn Dahl' }).count(),
    ).toBe(1);
    expect(await fitsWidth(page)).toBe(true);
    // Below 600 px the backlog is a stack of cards: every action within the screen's width.
    expect(await backlogActionsOutOfView(page)).toEqual([]);
    await checkPage(watched, 'operator-dashboard-nb-phone');
    await page.getByText('Vis tallene').click();
    await page.locator('#operator-days-table').waitFor();
    expect(await page.locator('#operator-days-table caption').textContent()).toBe(
      'Levert, utløpt og besvart per dag',
    );
    // The table of numbers fits the phone without scrolling sideways.
    expect(
      await page.locator('#operator-days-wrap').evaluate((el) => el.scrollWidth <= el.clientWidth),
    ).toBe(true);
    expect(await fitsWidth(page)).toBe(true);
    await checkPage(watched, 'operator-numbers-nb-phone');

    // Bjørn back to available, and Chen reactivated after a confirmation, in Norwegian.
    const { bjorn, chen } = setup.seeded;
    await page.getByRole('button', { name: 'Sett som tilgjengelig: Bjørn Dahl' }).click();
    await poll(() => page.locator('#operator-action-status').textContent()).toBe(
      'Bjørn Dahl er satt som tilgjengelig.',
    );
    const entry = await setup.relay.harness.request('GET', `/api/v1/supporters/${bjorn.id}`);
    expect(entry.body.status).toBe('available');
    expect(entry.body).not.toHaveProperty('awayUntil');
    await page.getByRole('button', { name: 'Aktiver igjen: Chen Li' }).click();
    expect(await page.locator('.operator-confirm p').textContent()).toBe(
      'Aktivere Chen Li igjen? De vises for legene igjen og kan logge inn.',
    );
    await checkPage(watched, 'operator-reactivate-confirm-nb-phone');
    await page.getByRole('button', { name: 'Ja, aktiver igjen' }).click();
    await poll(() => page.locator('#operator-action-status').textContent()).toBe(
      'Chen Li er aktiv igjen.',
    );
    expect(await directoryIds()).toContain(chen.id);
    expect(await fitsWidth(page)).toBe(true);

    // The language switch re-renders what the script built.
    await page.getByRole('button', { name: 'English' }).click();
    expect(await page.locator('[data-tile="pending"] dt').textContent()).toBe('Messages waiting');
    expect(await tileValue(page, 'replyRate')).toEqual({ text: '25%', raw: '0.25' });
    expect(await page.locator('th[data-sort-key="pending"] button').textContent()).toBe('Waiting');
    await checkPage(watched, 'operator-dashboard-en-phone');
  });

  /** What a person reads on the phone journey, in each language. */
  const PHONE_WORDS = {
    en: {
      locale: 'en-GB',
      other: { name: 'Norsk', lang: 'nb' },
      title: 'Operator · Peer support for doctors',
      brand: 'Peer support for doctors · operator',
      footer: 'Operators see delivery health and nothing else: no names of doctors, no messages.',
      tokenLabel: 'Operator token',
      otherTokenLabel: 'Operatørtoken',
      chenSeen: /^Chen Li: 8 days, last seen 27 November 2026, between 15:00 and 16:00$/,
      bjornSeen: /^Bjørn Dahl: 8 days, last seen 27 November 2026, between 20:00 and 21:00$/,
      chenLastSeenCell: '27 Nov 2026',
      markAway: 'Mark away: Anne Berg',
      until: 'Back on (optional)',
      cancel: 'Cancel',
      otherNote: 'Notat (valgfritt)',
      otherCreate: 'Lag invitasjonslenke',
      otherLink: 'Invitasjonslenke (Tromsø, phone)',
      otherCopy: 'Kopier lenken',
      otherExpires: 'Virker én gang, til 19. desember 2026.',
    },
    nb: {
      locale: 'nb-NO',
      other: { name: 'English', lang: 'en' },
      title: 'Operatør · Kollegastøtte for leger',
      brand: 'Kollegastøtte for leger · drift',
      footer: 'Driften ser bare om meldinger kommer fram: ingen navn på leger, ingen meldinger.',
      tokenLabel: 'Operatørtoken',
      otherTokenLabel: 'Operator token',
      // Norwegian writes the hour with a colon or a full stop, as ICU has it.
      chenSeen:
        /^Chen Li: 8 dager, sist sett 27\. november 2026, mellom kl\. 15[:.]00 og 16[:.]00$/,
      bjornSeen:
        /^Bjørn Dahl: 8 dager, sist sett 27\. november 2026, mellom kl\. 20[:.]00 og 21[:.]00$/,
      chenLastSeenCell: '27. nov. 2026',
      markAway: 'Sett som borte: Anne Berg',
      until: 'Tilbake fra (valgfritt)',
      cancel: 'Avbryt',
      otherNote: 'Note (optional)',
      otherCreate: 'Create invite link',
      otherLink: 'Invite link (Tromsø, phone)',
      otherCopy: 'Copy link',
      otherExpires: 'Works once, until 19 December 2026.',
    },
  } as const;

  for (const language of ['en', 'nb'] as const) {
    const words = PHONE_WORDS[language];
    it(`on a 390 × 844 phone in ${language}: the operator’s own header, footer and tab title, relay hours as hour ranges and dates, the backlog as cards with every action in view, typed text kept across a language switch`, async () => {
      const watched = await openPage(setup.browser, {
        locale: words.locale,
        viewport: PHONE,
      });
      const { page } = watched;
      // Oslo time, so the relay's UTC hours are shown as a browser in Norway shows them.
      await useTimeZone(page, 'Europe/Oslo');
      await page.goto(`${setup.relay.url}/operator`);
      await page.locator('#operator-token-form').waitFor();

      // Issue 13, item 3: the operator's own chrome, nothing of the doctor's.
      const ownChrome = async () => {
        expect(await page.title()).toBe(words.title);
        const brand = page.locator('header .brand');
        expect(await brand.textContent()).toBe(words.brand);
        expect(await brand.getAttribute('href')).toBe(`/operator?lang=${language}`);
        expect(await page.locator('header nav a').count()).toBe(0);
        expect(await page.locator('a[href^="/mailbox"], a[href="/"], a[href^="/?"]').count()).toBe(
          0,
        );
        expect(await page.locator('.emergency').count()).toBe(0);
        expect(await page.locator('footer').textContent()).toBe(words.footer);
      };
      await ownChrome();
      expect(await fitsWidth(page)).toBe(true);
      await checkPage(watched, `operator-token-${language}-390`);

      // A switch of language keeps the token typed so far (and never puts it in the address).
      const field = page.getByRole('textbox', { name: words.tokenLabel, exact: true });
      await field.fill(OPERATOR_TOKEN);
      await page.getByRole('button', { name: words.other.name }).click();
      const switched = page.getByRole('textbox', { name: words.otherTokenLabel, exact: true });
      expect(await switched.inputValue()).toBe(OPERATOR_TOKEN);
      expect(page.url()).not.toContain(OPERATOR_TOKEN);
      await page.getByRole('button', { name: language === 'en' ? 'English' : 'Norsk' }).click();
      expect(await field.inputValue()).toBe(OPERATOR_TOKEN);
      await page.locator('#operator-token-submit').click();
      await page.locator('#operator-dashboard').waitFor();
      await poll(() => page.evaluate(() => document.activeElement?.id)).toBe('operator-title');
      await ownChrome();

      // Item 10: nothing scrolls sideways; every action button and every chart is within the screen.
      expect(await fitsWidth(page)).toBe(true);
      // Two state actions for each of four supporters, and "purge waiting" for the two with a queue.
      expect(await page.locator('#operator-backlog-rows button[data-action]').count()).toBe(10);
      expect(await backlogActionsOutOfView(page)).toEqual([]);
      const charts = await page
        .locator('figure.operator-chart')
        .evaluateAll((figures) =>
          figures.map((figure) => figure.getBoundingClientRect().right <= window.innerWidth),
        );
      expect(charts).toEqual([true, true, true]);
      expect(
        await page
          .locator('#operator-charts')
          .evaluate((element) => element.scrollWidth <= element.clientWidth),
      ).toBe(true);

      // Item 9: the relay knows only hours. Last seen is a date in the backlog and an hour
      // range in the list; no minute the relay never knew appears anywhere.
      const { supporters } = await operatorFigures(setup.relay);
      const lastSeen = Object.fromEntries(supporters.map((s) => [s.name, s.lastSeen]));
      expect(lastSeen['Chen Li']).toBe('2026-11-27T14:00:00Z');
      expect(lastSeen['Bjørn Dahl']).toBe('2026-11-27T19:00:00Z');
      const unseen = await page.locator('#operator-unseen-list li').allTextContents();
      expect(unseen).toHaveLength(2);
      expect(unseen[0]).toMatch(words.chenSeen);
      expect(unseen[1]).toMatch(words.bjornSeen);
      const chenRow = page.locator(`#operator-backlog-rows tr[data-id="${setup.seeded.chen.id}"]`);
      expect(await chenRow.locator('td').nth(4).textContent()).toBe(words.chenLastSeenCell);
      expect(await page.locator('#operator-backlog-rows').textContent()).not.toMatch(
        /\d{1,2}[:.]\d{2}(?!\d)/,
      );
      await checkPage(watched, `operator-dashboard-${language}-390`);

      // The away form under a card fits the phone too, and Cancel gives focus back.
      await page.getByRole('button', { name: words.markAway }).click();
      await page.getByLabel(words.until).waitFor();
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('operator-away-until');
      expect(await fitsWidth(page)).toBe(true);
      const formButtons = await page
        .locator('.operator-away-form button')
        .evaluateAll((buttons) =>
          buttons.every((button) => button.getBoundingClientRect().right <= window.innerWidth),
        );
      expect(formButtons).toBe(true);
      await checkPage(watched, `operator-away-form-${language}-390`);
      await page.locator('.operator-away-form').getByRole('button', { name: words.cancel }).click();
      expect(await page.locator('.operator-away-form').count()).toBe(0);
      expect(
        await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? null),
      ).toBe(words.markAway);

      // An invite's note survives a switch of language; its expiry (14 days, the default) is a
      // date, and its link fits.
      await page
        .getByLabel(language === 'en' ? 'Note (optional)' : 'Notat (valgfritt)')
        .fill('Tromsø, phone');
      await page.getByRole('button', { name: words.other.name }).click();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(words.other.lang);
      expect(await page.getByLabel(words.otherNote).inputValue()).toBe('Tromsø, phone');
      await page.getByRole('button', { name: words.otherCreate }).click();
      const link = page.getByLabel(words.otherLink);
      await link.waitFor();
      expect(await link.inputValue()).toMatch(/\/supporter\/join#invite=[A-Za-z0-9_-]{43}$/);
      expect(await page.locator('.operator-invite .hint').first().textContent()).toBe(
        words.otherExpires,
      );
      expect(await fitsWidth(page)).toBe(true);
      const copy = page.getByRole('button', { name: words.otherCopy });
      expect(
        await copy.evaluate((button) => button.getBoundingClientRect().right <= window.innerWidth),
      ).toBe(true);
      await checkPage(watched, `operator-invite-${words.other.lang}-390`);
    });
  }
});

describe('the operator page with a failing notification channel', () => {
  let failing: RunningRelay;
  let hook: HttpReceiver;
  let kari: Supporter;
  beforeAll(async () => {
    hook = await startHttpReceiver({ failFirst: 5 });
    failing = await startRelay({ NOTIFY_DELAY_MINUTES: '0', WEBHOOK_ALLOW_PRIVATE: 'true' });
    kari = await joinSupporter(failing);
    expect((await kari.update({ notify: { webhookUrl: hook.url } })).status).toBe(200);
    await (await newDoctor(failing)).writeTo(kari, 'Hello');
    // One scheduler run, as the Node timer does it: the webhook answers 500.
    const run = await runScheduledWork(
      failing.harness.relay,
      createNodeNotifier(failing.harness.relay.config),
      {
        random: () => 0,
        log: () => {},
      },
    );
    expect(run.notifications.failed).toBe(1);
  });
  afterAll(async () => {
    await failing?.close();
    await hook?.close();
  });

  it('says when the next try is as the relay knows it, an hour range, in both languages on a phone', async () => {
    const { health } = await operatorFigures(failing);
    expect(health.notificationFailures.retrying).toEqual([
      {
        supporterId: kari.id,
        channel: 'webhook',
        failures: 1,
        nextAttemptAt: '2026-11-27T15:00:00Z',
      },
    ]);
    const watched = await openPage(setup.browser, {
      locale: 'en-GB',
      viewport: PHONE,
    });
    const { page } = watched;
    await useTimeZone(page, 'Europe/Oslo');
    await page.goto(`${failing.url}/operator`);
    await enterToken(page, OPERATOR_TOKEN);
    await page.locator('#operator-dashboard').waitFor();
    const entry = page.locator(`#operator-notify-list li[data-id="${kari.id}"]`);
    expect(await entry.textContent()).toBe(
      'Kari Nordmann, webhook: 1 failure, next try 27 November 2026, between 16:00 and 17:00',
    );
    expect(await tileValue(page, 'failures')).toEqual({ text: '1', raw: '1' });
    expect(await fitsWidth(page)).toBe(true);
    await checkPage(watched, 'operator-notify-failing-en-390');

    await page.getByRole('button', { name: 'Norsk' }).click();
    expect(await entry.textContent()).toMatch(
      /^Kari Nordmann, webhook: 1 feil, neste forsøk 27\. november 2026, mellom kl\. 16[:.]00 og 17[:.]00$/,
    );
    expect(await fitsWidth(page)).toBe(true);
    await checkPage(watched, 'operator-notify-failing-nb-390');
  });
});
