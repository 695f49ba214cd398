/**
 * The home page's directory in a real browser: cards show what a doctor
 * needs to choose, every filter works, and filtering never reaches the
 * network (the relay must not learn a doctor's county, specialty or town).
 */
import { describe, expect, it } from 'vitest';
import {
  apiRequests,
  CHEN_AWAY_UNTIL,
  checkPage,
  expectNoneCarry,
  poll,
  seedDirectory,
} from './doctor-helpers.ts';
import { openPage, relayAndBrowser } from './support.ts';

const setup = relayAndBrowser({}, async (relay) => ({ directory: await seedDirectory(relay) }));

describe('the directory', () => {
  it('shows each supporter with place, specialties, languages, ways of meeting, away status and fingerprint', async () => {
    const watched = await openPage(setup.browser);
    const { page } = watched;
    await page.goto(`${setup.relay.url}/`);
    const cards = page.locator('#directory-list > li');
    await poll(() => cards.count()).toBe(3);
    expect(await page.locator('#directory-status').textContent()).toBe(
      'Showing 3 of 3 supporters.',
    );

    const anne = cards.filter({ hasText: 'Anne Berg' });
    expect(await anne.textContent()).toContain('Bergen, Vestland');
    expect(await anne.textContent()).toContain('Psychiatry');
    expect(await anne.textContent()).toContain('Norwegian Bokmål and English');
    expect(await anne.textContent()).toContain('In person, by phone and by video');
    expect(await anne.locator('.badge').textContent()).toBe('Available');
    const anneEntry = await setup.relay.harness.request(
      'GET',
      `/api/v1/supporters/${setup.directory.anne.id}`,
    );
    expect(await anne.locator('.fingerprint').textContent()).toBe(anneEntry.body.fingerprint);
    const link = anne.getByRole('link', { name: 'Write to Anne Berg' });
    expect(await link.getAttribute('href')).toBe('/write?lang=en');

    const chen = cards.filter({ hasText: 'Chen Li' });
    const until = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long' }).format(
      new Date(CHEN_AWAY_UNTIL),
    );
    expect(await chen.locator('.badge.away').textContent()).toBe(`Away until ${until}`);
    expect(await chen.textContent()).toContain('English and German');

    // The page names the emergency services and explains what peer support is.
    expect(await page.locator('.emergency').textContent()).toContain('not an emergency service');
    expect(await page.locator('main').textContent()).toContain('not treatment');
    expect(await page.locator('main').textContent()).toContain('explicit agreement');
    await checkPage(watched, 'doctor-directory');
    await watched.context.close();
  });

  it('filters by county, specialty, language, way of meeting, availability and "not my town" without sending anything', async () => {
    const watched = await openPage(setup.browser);
    const { page, requests } = watched;
    await page.goto(`${setup.relay.url}/`);
    const cards = page.locator('#directory-list > li');
    await poll(() => cards.count()).toBe(3);
    const names = async () =>
      (await cards.locator('h3').allTextContents()).sort((a, b) => a.localeCompare(b));
    const before = requests.length;

    // The choices are built from the directory itself.
    expect(await page.locator('#filter-county option').allTextContents()).toEqual([
      'Any county',
      'Oslo',
      'Troms',
      'Vestland',
    ]);
    expect(await page.locator('#filter-modality option').allTextContents()).toEqual([
      'Any way',
      'In person',
      'By phone',
      'By video',
    ]);

    await page.selectOption('#filter-county', 'Vestland');
    expect(await names()).toEqual(['Anne Berg']);
    await page.selectOption('#filter-county', '');

    await page.selectOption('#filter-specialty', { label: 'General practice' });
    expect(await names()).toEqual(['Bjørn Dahl']);
    await page.selectOption('#filter-specialty', '');

    await page.selectOption('#filter-language', 'de');
    expect(await names()).toEqual(['Chen Li']);
    await page.selectOption('#filter-language', 'nb');
    expect(await names()).toEqual(['Anne Berg', 'Bjørn Dahl']);
    await page.selectOption('#filter-language', '');

    await page.selectOption('#filter-modality', 'phone');
    expect(await names()).toEqual(['Anne Berg', 'Bjørn Dahl']);
    await page.selectOption('#filter-modality', 'video');
    expect(await names()).toEqual(['Anne Berg', 'Chen Li']);

    await page.check('#filter-available');
    expect(await names()).toEqual(['Anne Berg']);
    await page.uncheck('#filter-available');
    await page.selectOption('#filter-modality', '');

    await page.check('#filter-available');
    expect(await names()).toEqual(['Anne Berg', 'Bjørn Dahl']);
    await page.uncheck('#filter-available');

    // Case and surrounding spaces do not matter.
    await page.fill('#filter-town', '  bergen ');
    expect(await names()).toEqual(['Bjørn Dahl', 'Chen Li']);
    expect(await page.locator('#directory-status').textContent()).toBe(
      'Showing 2 of 3 supporters.',
    );
    await checkPage(watched, 'doctor-directory-not-my-town');

    await page.selectOption('#filter-county', 'Vestland');
    expect(await names()).toEqual([]);
    expect(await page.locator('#directory-status').textContent()).toContain('No supporters match');
    await page.click('#filter-clear');
    expect(await names()).toEqual(['Anne Berg', 'Bjørn Dahl', 'Chen Li']);

    // Filtering happened on the page alone: no request at all since the list
    // was loaded, and nothing ever carried a filter value.
    expect(requests.slice(before)).toEqual([]);
    const api = apiRequests(requests);
    expect(
      api.map((r) => `${r.method} ${new URL(r.url).pathname}${new URL(r.url).search}`),
    ).toEqual(expect.arrayContaining(['GET /api/v1/supporters', 'GET /api/v1/site']));
    expect(api.every((r) => new URL(r.url).search === '' && r.body === null)).toBe(true);
    expectNoneCarry(requests, ['bergen', 'Bergen', 'Vestland', 'general', 'video', 'phone']);
    await watched.context.close();
  });
});
