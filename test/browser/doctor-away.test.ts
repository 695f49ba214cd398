/**
 * Issue 13, item 6, in both languages on a 390×844 phone: a supporter who
 * is away is said to be away on the write page at once, before the doctor
 * writes; the page offers supporters who are available, and choosing one
 * switches the recipient in place, carrying what was typed over in memory
 * only (nothing stored, nothing new in the address or the history). And
 * what was typed survives a language switch.
 */
import { describe, expect, it } from 'vitest';
import {
  apiRequests,
  CHEN_AWAY_UNTIL,
  checkPage,
  expectNoneCarry,
  poll,
  seedDirectory,
  shownReplyCode,
} from './doctor-helpers.ts';
import { openPage, PHONE, relayAndBrowser } from './support.ts';

const setup = relayAndBrowser({}, async (relay) => ({ directory: await seedDirectory(relay) }));

const WORDS = {
  en: {
    locale: 'en-GB',
    dateLocale: 'en-GB',
    write: (name: string) => `Write to ${name}`,
    instead: (name: string) => `Write to ${name} instead`,
    away: (date: string) => `Chen Li is away until ${date}.`,
    message: 'Your message',
    when: 'When suits you?',
    contact: 'How can they reach you?',
    video: 'By video',
    send: 'Encrypt and send',
    sent: 'Your message is on its way',
    other: 'Norsk',
    otherMessage: 'Meldingen din',
  },
  nb: {
    locale: 'nb-NO',
    dateLocale: 'nb-NO',
    write: (name: string) => `Skriv til ${name}`,
    instead: (name: string) => `Skriv til ${name} i stedet`,
    away: (date: string) => `Chen Li er borte til ${date}.`,
    message: 'Meldingen din',
    when: 'Når passer det for deg?',
    contact: 'Hvordan kan du nås?',
    video: 'På video',
    send: 'Krypter og send',
    sent: 'Meldingen er på vei',
    other: 'English',
    otherMessage: 'Your message',
  },
} as const;

describe.each(Object.entries(WORDS))('an away supporter in %s on a phone', (language, words) => {
  it('is said at once on the write page, which offers available supporters and carries the draft over in place', async () => {
    const watched = await openPage(setup.browser, { locale: words.locale, viewport: PHONE });
    const { page, requests } = watched;
    page.setDefaultTimeout(10_000);
    await page.goto(`${setup.relay.url}/`);
    await poll(() => page.locator('#directory-list > li').count()).toBe(3);
    await page.getByRole('link', { name: words.write('Chen Li') }).click();
    await page.locator('#write-compose').waitFor();

    // Before anything is typed: away, until when, and who is available instead.
    const until = new Intl.DateTimeFormat(words.dateLocale, { dateStyle: 'long' }).format(
      new Date(CHEN_AWAY_UNTIL),
    );
    const away = page.locator('#write-away');
    await away.waitFor();
    expect(await away.textContent()).toContain(words.away(until));
    const offers = away.getByRole('button');
    await poll(() => offers.allTextContents()).toEqual([
      words.instead('Anne Berg'),
      words.instead('Bjørn Dahl'),
    ]);
    // The explanation is one tap away, above the fold.
    const aboutTop = await page
      .locator('details.doctor-about')
      .evaluate((element) => element.getBoundingClientRect().bottom);
    expect(aboutTop).toBeLessThan(PHONE.height);
    await checkPage(watched, `doctor-away-${language}-phone`);

    const text = `Jeg trenger noen å snakke med. ${language}-otter-5120`;
    await page.getByRole('textbox', { name: words.message }).fill(text);
    await page.getByLabel(words.when).fill('kveld');
    await page.getByLabel(words.contact).fill('ring 400 11 222');
    await page.getByLabel(words.video).check();
    const historyLength = await page.evaluate(() => history.length);

    // Choosing Anne: the same page, now to Anne, with everything typed still there.
    await away.getByRole('button', { name: words.instead('Anne Berg') }).click();
    await poll(() => page.locator('h1').textContent()).toBe(words.write('Anne Berg'));
    expect(await page.locator('#write-away').count()).toBe(0);
    expect(await page.getByRole('textbox', { name: words.message }).inputValue()).toBe(text);
    expect(await page.getByLabel(words.when).inputValue()).toBe('kveld');
    expect(await page.getByLabel(words.contact).inputValue()).toBe('ring 400 11 222');
    expect(await page.getByLabel(words.video).isChecked()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('write-title');
    const entry = await setup.relay.harness.request(
      'GET',
      `/api/v1/supporters/${setup.directory.anne.id}`,
    );
    // Computed on this device once libsodium has loaded (the form does not wait for it).
    await poll(() => page.locator('#write-recipient .fingerprint').textContent()).toBe(
      entry.body.fingerprint,
    );
    // In memory only: no new history entry, only the language in the address (never whom), no storage.
    const url = new URL(page.url());
    expect(url.pathname).toBe('/write');
    expect(Object.fromEntries(url.searchParams)).toEqual({ lang: language });
    expect(await page.evaluate(() => history.length)).toBe(historyLength);
    expect(
      await page.evaluate(() => [localStorage.length, sessionStorage.length, document.cookie]),
    ).toEqual([0, 0, '']);
    expectNoneCarry(requests, [text, 'otter-5120', 'kveld', '400 11 222']);
    await checkPage(watched, `doctor-away-switched-${language}-phone`);

    // The text survives a language switch, both ways.
    await page.getByRole('button', { name: words.other }).click();
    expect(await page.getByRole('textbox', { name: words.otherMessage }).inputValue()).toBe(text);
    await page.getByRole('button', { name: language === 'nb' ? 'Norsk' : 'English' }).click();
    expect(await page.getByRole('textbox', { name: words.message }).inputValue()).toBe(text);

    // And it goes to Anne.
    await page.getByRole('button', { name: words.send }).click();
    await page.locator('#write-sent').waitFor();
    expect(await page.locator('#write-sent-title').textContent()).toBe(words.sent);
    await shownReplyCode(page);
    const submitted = apiRequests(requests).filter((r) => r.url.endsWith('/api/v1/messages'));
    expect(submitted.map((r) => JSON.parse(r.body ?? '{}').supporterId)).toEqual([
      setup.directory.anne.id,
    ]);
    const anne = await setup.directory.anne.logIn();
    const [received] = await anne.readInbox({ acknowledge: true });
    expect(received?.message).toMatchObject({
      text,
      prefs: { modalities: ['video'], when: 'kveld', contact: 'ring 400 11 222' },
    });
    await checkPage(watched, `doctor-away-sent-${language}-phone`);
    await watched.context.close();
  });
});
