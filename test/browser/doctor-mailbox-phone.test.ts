/**
 * Issue 13, items 7 and 9 on the mailbox page, in both languages on a
 * 390×844 phone: each kind of wrong code has its own sentence (nothing
 * typed, characters outside the code's alphabet, the wrong length, and a
 * well-formed code that opens no mailbox), and times say what is known: a
 * reply shows the supporter's own minute (from inside the ciphertext), a
 * message sent shows only the relay's hour, as a range.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { formatReplyCode } from '../../web/src/protocol/index.ts';
import { newDoctor } from '../support/actors.ts';
import {
  acceptRelayRefusals,
  apiRequests,
  checkPage,
  poll,
  seedDirectory,
} from './doctor-helpers.ts';
import { openPage, PHONE, relayAndBrowser } from './support.ts';

const setup = relayAndBrowser({}, async (relay) => ({ directory: await seedDirectory(relay) }));

const WORDS = {
  en: {
    locale: 'en-GB',
    intl: 'en-GB',
    code: 'Reply code',
    open: 'Open my replies',
    empty: 'Please type your reply code first.',
    characters: (c: string) =>
      `A reply code has only the digits 0 to 9 and the letters A to Z except U. Please check “${c}”.`,
    length: (n: number) =>
      `A reply code has 24 letters and digits (dashes and spaces do not count). This one has ${n}.`,
    unknown: 'We could not open a mailbox with this code.',
    replyFrom: 'Reply from Anne Berg',
    written: (when: string) => `Written ${when}`,
    sent: (date: string, from: string, to: string) => `Sent ${date}, between ${from} and ${to}`,
  },
  nb: {
    locale: 'nb-NO',
    intl: 'nb-NO',
    code: 'Svarkode',
    open: 'Åpne svarene mine',
    empty: 'Skriv inn svarkoden først.',
    characters: (c: string) =>
      `En svarkode har bare tallene 0 til 9 og bokstavene A til Z unntatt U (altså ingen Æ, Ø eller Å). Sjekk «${c}».`,
    length: (n: number) =>
      `En svarkode har 24 bokstaver og tall (bindestreker og mellomrom teller ikke). Denne har ${n}.`,
    unknown: 'Vi fant ingen postkasse med denne koden.',
    replyFrom: 'Svar fra Anne Berg',
    written: (when: string) => `Skrevet ${when}`,
    sent: (date: string, from: string, to: string) => `Sendt ${date}, mellom kl. ${from} og ${to}`,
  },
} as const;

/** The page's own formatting of a moment, in its time zone: what a person there reads. */
function inPage(page: Page, iso: string, locale: string, options: Intl.DateTimeFormatOptions) {
  return page.evaluate(
    ([value, tag, opts]) => new Intl.DateTimeFormat(tag, opts).format(new Date(value)),
    [iso, locale, options] as const,
  );
}

describe.each(Object.entries(WORDS))('the mailbox in %s on a phone', (language, words) => {
  it('gives each wrong code its own sentence, and shows a reply’s minute and a sent message’s hour as a range', async () => {
    const watched = await openPage(setup.browser, { locale: words.locale, viewport: PHONE });
    const { page, requests } = watched;
    page.setDefaultTimeout(10_000);

    // A doctor's message to Anne, answered at the supporter's own minute, and one to Bjørn, waiting.
    const doctor = await newDoctor(setup.relay);
    await doctor.writeTo(setup.directory.anne, 'Can we talk this week?', { pow: true });
    await doctor.writeTo(setup.directory.bjorn, 'Or you, perhaps?', { pow: true });
    const anne = await setup.directory.anne.logIn();
    const [received] = await anne.readInbox({ acknowledge: true });
    const repliedAt = setup.relay.harness.clock.now().toISOString();
    await anne.reply(received!.message, 'Yes, Thursday evening suits me.');
    const box = (await doctor.openMailbox()).body as {
      sent: { supporterId: string; receivedAt: string }[];
    };

    await page.goto(`${setup.relay.url}/mailbox`, { waitUntil: 'networkidle' });
    const input = page.getByRole('textbox', { name: words.code });
    const error = page.locator('#mailbox-code-error');
    const before = requests.length;

    // Item 7: found on this device, nothing sent.
    for (const [typed, sentence] of [
      ['', words.empty],
      ['1234-5678', words.length(8)],
      ['0410-6105-0R3G-G28A-1C60-T3GÅ', words.characters('Å')],
    ] as const) {
      await input.fill(typed);
      await page.getByRole('button', { name: words.open }).click();
      await poll(() => error.textContent()).toContain(sentence);
      expect(await input.getAttribute('aria-invalid')).toBe('true');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('mailbox-code');
    }
    expect(requests.slice(before)).toEqual([]);
    await checkPage(watched, `doctor-mailbox-characters-${language}-phone`);

    // A well-formed code that opens nothing: the relay's 404, in its own words.
    await input.fill(formatReplyCode(crypto.getRandomValues(new Uint8Array(15))));
    await page.getByRole('button', { name: words.open }).click();
    await poll(() => error.textContent()).toContain(words.unknown);
    expect(apiRequests(requests.slice(before)).map((r) => new URL(r.url).pathname)).toEqual([
      '/api/v1/mailbox/open',
    ]);
    expect(acceptRelayRefusals(watched, 404)).toBe(1);
    await checkPage(watched, `doctor-mailbox-unknown-${language}-phone`);

    // Item 9: the reply at Anne's minute; the messages sent within the relay's hour.
    await input.fill(formatReplyCode(doctor.replyCode).toLowerCase());
    await page.getByRole('button', { name: words.open }).click();
    await page.locator('#mailbox-view').waitFor();
    const reply = page.locator('#mailbox-replies > li');
    await poll(() => reply.count()).toBe(1);
    expect(await reply.locator('h3').textContent()).toBe(words.replyFrom);
    const minute = await inPage(page, repliedAt, words.intl, {
      dateStyle: 'long',
      timeStyle: 'short',
    });
    expect(minute).toMatch(/25/);
    expect(await reply.locator('.muted').first().textContent()).toBe(words.written(minute));

    const receivedAt = box.sent[0]!.receivedAt;
    expect(new Date(receivedAt).getUTCMinutes()).toBe(0);
    const end = new Date(new Date(receivedAt).getTime() + 3_600_000).toISOString();
    const expected = words.sent(
      await inPage(page, receivedAt, words.intl, { dateStyle: 'long' }),
      await inPage(page, receivedAt, words.intl, { timeStyle: 'short' }),
      await inPage(page, end, words.intl, { timeStyle: 'short' }),
    );
    expect(await page.locator('#mailbox-sent .doctor-sent-at').allTextContents()).toEqual([
      expected,
      expected,
    ]);
    // Never "at 14:00": the relay's hour is never shown as a moment.
    const hourOnly = await inPage(page, receivedAt, words.intl, {
      dateStyle: 'long',
      timeStyle: 'short',
    });
    expect(await page.locator('#mailbox-sent').textContent()).not.toContain(hourOnly);
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
    ).toBe(true);
    await checkPage(watched, `doctor-mailbox-times-${language}-phone`);
    await watched.context.close();
  });
});
