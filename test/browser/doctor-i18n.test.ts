/**
 * The doctor pages in Norwegian (chosen from the browser's nb-NO locale) on a
 * phone-sized screen, and the language switch re-rendering what the scripts
 * built, without losing what the doctor has typed or chosen.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  CHEN_AWAY_UNTIL,
  checkPage,
  poll,
  seedDirectory,
  shownReplyCode,
} from './doctor-helpers.ts';
import { openPage, PHONE, relayAndBrowser } from './support.ts';

const setup = relayAndBrowser({}, async (relay) => ({ directory: await seedDirectory(relay) }));

/** Nothing is wider than the screen (no sideways scrolling). */
async function fitsWidth(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

describe('Norwegian on a phone', () => {
  it('shows the directory, compose page, reply code and mailbox in bokmål, fitting a 390 px screen', async () => {
    const watched = await openPage(setup.browser, { locale: 'nb-NO', viewport: PHONE });
    const { page } = watched;
    page.setDefaultTimeout(10_000);
    await page.goto(`${setup.relay.url}/`);
    await poll(() => page.locator('#directory-list > li').count()).toBe(3);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('nb');
    expect(await page.locator('h1').textContent()).toBe('Snakk fortrolig med en kollega');
    expect(await page.locator('#directory-status').textContent()).toBe(
      'Viser 3 av 3 støttekolleger.',
    );
    const chen = page.locator('#directory-list > li').filter({ hasText: 'Chen Li' });
    const until = new Intl.DateTimeFormat('nb-NO', { dateStyle: 'long' }).format(
      new Date(CHEN_AWAY_UNTIL),
    );
    expect(await chen.locator('.badge').textContent()).toBe(`Borte til ${until}`);
    expect(await chen.textContent()).toContain('Engelsk og tysk');
    expect(await page.locator('#filter-county option').first().textContent()).toBe('Alle fylker');
    expect(await fitsWidth(page)).toBe(true);
    await checkPage(watched, 'doctor-directory-nb-phone');

    await page.getByRole('link', { name: 'Skriv til Anne Berg' }).click();
    await page.locator('#write-compose').waitFor();
    expect(new URL(page.url()).searchParams.get('lang')).toBe('nb');
    expect(await page.locator('h1').textContent()).toBe('Skriv til Anne Berg');
    expect(await page.locator('#write-modality-options label').allTextContents()).toEqual([
      'Ansikt til ansikt',
      'På telefon',
      'På video',
    ]);
    expect(await page.locator('.doctor-who-sees').textContent()).toContain('Anne Berg ser');
    await page.getByRole('textbox', { name: 'Meldingen din' }).fill('Hei, kan vi snakkes?');
    expect(await page.locator('#write-text-count').textContent()).toBe('20 av 8000 tegn');
    expect(await fitsWidth(page)).toBe(true);
    await checkPage(watched, 'doctor-write-nb-phone');

    await page.getByRole('button', { name: 'Krypter og send' }).click();
    await page.locator('#write-sent').waitFor();
    await shownReplyCode(page);
    expect(await page.locator('#write-sent-title').textContent()).toBe('Meldingen er på vei');
    expect(await fitsWidth(page)).toBe(true);
    await checkPage(watched, 'doctor-write-code-nb-phone');
    await page.getByLabel('Jeg har tatt vare på svarkoden').check();
    await page.getByRole('button', { name: 'Ferdig' }).click();
    await page.waitForURL(/\/mailbox\?lang=nb$/);
    expect(await page.locator('h1').textContent()).toBe('Svarene dine');
    await page.getByRole('textbox', { name: 'Svarkode' }).fill('feil');
    await page.getByRole('button', { name: 'Åpne svarene mine' }).click();
    await poll(() => page.locator('#mailbox-code-error').textContent()).toBe(
      'En svarkode har 24 bokstaver og tall (bindestreker og mellomrom teller ikke). Denne har 4. Sjekk at ingenting mangler eller er med i tillegg.',
    );
    expect(await fitsWidth(page)).toBe(true);
    await checkPage(watched, 'doctor-mailbox-nb-phone');
    await watched.context.close();
  });

  it('re-renders the directory and the compose page when the language is switched, keeping choices and text', async () => {
    const watched = await openPage(setup.browser, { locale: 'nb-NO' });
    const { page } = watched;
    page.setDefaultTimeout(10_000);
    await page.goto(`${setup.relay.url}/`);
    await poll(() => page.locator('#directory-list > li').count()).toBe(3);
    await page.selectOption('#filter-modality', 'phone');
    await page.getByRole('button', { name: 'English' }).click();
    expect(await page.locator('#directory-status').textContent()).toBe(
      'Showing 2 of 3 supporters.',
    );
    expect(await page.locator('#filter-modality').inputValue()).toBe('phone');
    expect(await page.locator('#filter-modality option:checked').textContent()).toBe('By phone');
    expect(await page.getByRole('link', { name: 'Write to Bjørn Dahl' }).getAttribute('href')).toBe(
      '/write?lang=en',
    );
    await checkPage(watched, 'doctor-directory-switched-en');

    await page.goto(`${setup.relay.url}/write?to=${setup.directory.chen.id}`);
    await page.locator('#write-compose').waitFor();
    await page.getByRole('textbox', { name: 'Meldingen din' }).fill('Tekst som skal bli stående.');
    await page.getByLabel('På video').check();
    await page.getByRole('button', { name: 'English' }).click();
    expect(await page.locator('h1').textContent()).toBe('Write to Chen Li');
    expect(await page.locator('#write-away').textContent()).toContain('Chen Li is away until');
    expect(await page.getByRole('textbox', { name: 'Your message' }).inputValue()).toBe(
      'Tekst som skal bli stående.',
    );
    expect(await page.getByLabel('By video').isChecked()).toBe(true);
    const url = new URL(page.url());
    // The language only: the supporter chosen never stays in the address.
    expect([...url.searchParams.keys()]).toEqual(['lang']);
    await page.getByRole('button', { name: 'Norsk' }).click();
    expect(await page.locator('h1').textContent()).toBe('Skriv til Chen Li');
    await checkPage(watched, 'doctor-write-switched-nb');
    await watched.context.close();
  });
});
