/**
 * Issue 13, items 3, 4 and 5 on the home page, in both languages on a
 * 390×844 phone (and the list on a desktop's first screen too): the
 * doctor's own header, footer and tab title; the list of supporters on the
 * first screen, with the explanation, the filters and the fingerprints
 * folded one tap away; counties, specialties and languages as vocabulary
 * labels in the page's language, each specialty listed once in the filter
 * however supporters spelled it.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { joinSupporter } from '../support/actors.ts';
import { checkPage, poll, seedDirectory } from './doctor-helpers.ts';
import { openPage, PHONE, relayAndBrowser } from './support.ts';

const setup = relayAndBrowser({}, async (relay) => {
  const directory = await seedDirectory(relay);
  // Psychiatry and Vestland again, spelled the Norwegian way and in capitals:
  // the relay stores the codes, and the filters list each once.
  await joinSupporter(relay, {
    wholeProfile: true,
    profile: {
      name: 'Eva Lund',
      county: 'VESTLAND',
      town: 'Voss',
      specialties: ['Psykiatri'],
      languages: ['Norsk bokmål'],
      modalities: ['phone'],
    },
  });
  return { directory };
});

const WORDS = {
  en: {
    locale: 'en-GB',
    title: 'Find a peer supporter · Peer support for doctors',
    brand: 'Peer support for doctors',
    nav: ['Find a supporter', 'Read replies'],
    footer: 'No account, no cookies, no record.',
    about: 'What peer support is, and how your privacy is protected',
    notTreatment: 'It is not treatment.',
    filter: 'Filter the list',
    verify: 'Verify this supporter',
    psychiatry: 'Psychiatry',
    specialties: ['Any specialty', 'Anaesthesiology', 'General practice', 'Psychiatry'],
    counties: ['Any county', 'Oslo', 'Troms', 'Vestland'],
    languages: ['Any language', 'English', 'German', 'Norwegian Bokmål'],
    anneLanguages: 'Norwegian Bokmål and English',
    write: (name: string) => `Write to ${name}`,
    away: 'Away until',
  },
  nb: {
    locale: 'nb-NO',
    title: 'Finn en støttekollega · Kollegastøtte for leger',
    brand: 'Kollegastøtte for leger',
    nav: ['Finn en støttekollega', 'Les svar'],
    footer: 'Ingen konto, ingen informasjonskapsler, ingen journal.',
    about: 'Hva kollegastøtte er, og hvordan personvernet ditt er ivaretatt',
    notTreatment: 'Det er ikke behandling.',
    filter: 'Filtrer listen',
    verify: 'Kontroller denne støttekollegaen',
    psychiatry: 'Psykiatri',
    specialties: ['Alle spesialiteter', 'Allmennmedisin', 'Anestesiologi', 'Psykiatri'],
    counties: ['Alle fylker', 'Oslo', 'Troms', 'Vestland'],
    languages: ['Alle språk', 'Engelsk', 'Norsk bokmål', 'Tysk'],
    anneLanguages: 'Norsk bokmål og engelsk',
    write: (name: string) => `Skriv til ${name}`,
    away: 'Borte til',
  },
} as const;

/** The top of the first supporter card, relative to the viewport. */
async function firstCardTop(page: Page): Promise<number> {
  const card = page.locator('#directory-list > li').first();
  return card.evaluate((element) => element.getBoundingClientRect().top);
}

describe.each(Object.entries(WORDS))('the home page in %s on a phone', (language, words) => {
  it('has the list on the first screen, the rest one tap away, and every label in the page’s language', async () => {
    const watched = await openPage(setup.browser, { locale: words.locale, viewport: PHONE });
    const { page } = watched;
    page.setDefaultTimeout(10_000);
    await page.goto(`${setup.relay.url}/`);
    const cards = page.locator('#directory-list > li');
    await poll(() => cards.count()).toBe(4);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(language);

    // Item 3: the doctor's header and footer, and a tab title a person would say.
    await poll(() => page.title()).toBe(words.title);
    expect(await page.locator('header .brand').textContent()).toBe(words.brand);
    expect(await page.locator('header nav a').allTextContents()).toEqual(words.nav);
    expect(await page.locator('footer').isVisible()).toBe(true);
    expect(await page.locator('footer').textContent()).toContain(words.footer);

    // Item 4: the first card starts on the first screen, before anything is opened.
    const top = await firstCardTop(page);
    expect(top).toBeGreaterThan(0);
    expect(top).toBeLessThan(PHONE.height);
    const about = page.locator('details.doctor-about');
    expect(await about.getAttribute('open')).toBeNull();
    expect(await page.getByText(words.notTreatment).isVisible()).toBe(false);
    const filters = page.locator('details.doctor-filters');
    expect(await filters.getAttribute('open')).toBeNull();
    expect(await page.locator('#filter-county').isVisible()).toBe(false);
    await checkPage(watched, `doctor-first-screen-${language}-phone`);

    // Each is one tap away.
    await about.locator('summary').click();
    expect(await about.locator('summary').textContent()).toBe(words.about);
    expect(await page.getByText(words.notTreatment).isVisible()).toBe(true);
    await filters.getByText(words.filter).click();
    expect(await page.locator('#filter-county').isVisible()).toBe(true);

    // Item 5: one choice per code, labelled in the page's language.
    expect(await page.locator('#filter-specialty option').allTextContents()).toEqual(
      words.specialties,
    );
    expect(await page.locator('#filter-county option').allTextContents()).toEqual(words.counties);
    expect(await page.locator('#filter-language option').allTextContents()).toEqual(
      words.languages,
    );
    expect(await page.locator('#filter-specialty option[value="psychiatry"]').count()).toBe(1);
    await page.selectOption('#filter-specialty', 'psychiatry');
    expect((await cards.locator('h3').allTextContents()).sort()).toEqual(['Anne Berg', 'Eva Lund']);
    await page.selectOption('#filter-county', 'vestland');
    expect(await cards.count()).toBe(2);
    const anne = cards.filter({ hasText: 'Anne Berg' });
    expect(await anne.textContent()).toContain(words.psychiatry);
    expect(await anne.textContent()).toContain(words.anneLanguages);
    await checkPage(watched, `doctor-first-screen-${language}-phone-open`);

    // The fingerprint is in the card, behind "Verify this supporter".
    const fingerprint = anne.locator('.fingerprint');
    const entry = await setup.relay.harness.request(
      'GET',
      `/api/v1/supporters/${setup.directory.anne.id}`,
    );
    expect(await fingerprint.textContent()).toBe(entry.body.fingerprint);
    expect(await fingerprint.isVisible()).toBe(false);
    await anne.getByText(words.verify).click();
    expect(await fingerprint.isVisible()).toBe(true);
    await checkPage(watched, `doctor-first-screen-${language}-phone-verify`);

    // Item 6 on the list: the away supporter comes last, with a quieter button and a return date.
    await page.locator('#filter-clear').click();
    await poll(() => cards.count()).toBe(4);
    const last = cards.last();
    expect(await last.locator('h3').textContent()).toBe('Chen Li');
    expect(await last.locator('.badge.away').textContent()).toContain(words.away);
    const chenLink = last.getByRole('link', { name: words.write('Chen Li') });
    expect(await chenLink.getAttribute('class')).toBe('button quiet');
    const anneLink = page.getByRole('link', { name: words.write('Anne Berg') });
    expect(await anneLink.getAttribute('class')).toBe('button');
    for (const card of (await cards.all()).slice(0, 3)) {
      expect(await card.locator('.badge.away').count()).toBe(0);
    }
    await watched.context.close();
  });
});

describe('the home page on a desktop', () => {
  it('has the list on the first screen with the filters open', async () => {
    const watched = await openPage(setup.browser);
    const { page } = watched;
    await page.goto(`${setup.relay.url}/`);
    await poll(() => page.locator('#directory-list > li').count()).toBe(4);
    expect(await page.locator('details.doctor-filters').getAttribute('open')).toBe('');
    expect(await page.locator('#filter-county').isVisible()).toBe(true);
    const top = await firstCardTop(page);
    expect(top).toBeGreaterThan(0);
    expect(top).toBeLessThan(900);
    await checkPage(watched, 'doctor-first-screen-desktop');
    await watched.context.close();
  });
});
