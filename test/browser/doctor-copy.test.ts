/**
 * Issue 14, item 2: the doctor's own copy (PROTOCOL.md §10.1) from the
 * write page, in English on a desktop and in bokmål on a 390×844 phone.
 * The choice is unticked; unticked, the submission has no `copy`; ticked,
 * it carries a copy sealed to the doctor's reply key (no plaintext on the
 * wire), and the mailbox shows the doctor's own text when the code is
 * entered; a follow-up's kept copy joins the conversation after the first.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { parseReplyCode } from '../../web/src/protocol/index.ts';
import { newDoctor } from '../support/actors.ts';
import {
  apiRequests,
  checkPage,
  expectNoneCarry,
  poll,
  seedDirectory,
  shownReplyCode,
} from './doctor-helpers.ts';
import { type CapturedRequest, openPage, PHONE, relayAndBrowser } from './support.ts';

const setup = relayAndBrowser({}, async (relay) => ({ directory: await seedDirectory(relay) }));

const CASES = {
  en: {
    locale: 'en-GB',
    viewport: { width: 1280, height: 900 },
    message: 'Your message',
    keep: 'Keep a copy of what I write, readable only with my reply code',
    hint: 'anyone with your reply code can read it.',
    send: 'Encrypt and send',
    saved: 'I have saved my reply code',
    done: 'Done',
    code: 'Reply code',
    open: 'Open my replies',
    own: 'You wrote to Anne Berg',
    refresh: 'Check again',
    writeBack: 'Write back to Anne Berg',
    followUp: 'Your message to Anne Berg',
    deleteConversation: 'Delete this conversation',
    confirmConversation: 'Delete your conversation with Anne Berg?',
    copiesStay: 'Copies you kept of your own messages stay until you delete everything',
    confirm: 'Delete',
  },
  nb: {
    locale: 'nb-NO',
    viewport: PHONE,
    message: 'Meldingen din',
    keep: 'Ta vare på en kopi av det jeg skriver, som bare kan leses med svarkoden min',
    hint: 'alle som har svarkoden din, kan lese den.',
    send: 'Krypter og send',
    saved: 'Jeg har tatt vare på svarkoden',
    done: 'Ferdig',
    code: 'Svarkode',
    open: 'Åpne svarene mine',
    own: 'Du skrev til Anne Berg',
    refresh: 'Sjekk på nytt',
    writeBack: 'Svar Anne Berg',
    followUp: 'Meldingen din til Anne Berg',
    deleteConversation: 'Slett denne samtalen',
    confirmConversation: 'Slette samtalen din med Anne Berg?',
    copiesStay:
      'Kopiene du har tatt vare på av dine egne meldinger, blir liggende til du sletter alt',
    confirm: 'Slett',
  },
} as const;

type Words = (typeof CASES)[keyof typeof CASES];

/** Writes `text` to Anne, ticking the copy or not; returns the code and the submission's body. */
async function send(
  page: Page,
  requests: CapturedRequest[],
  words: Words,
  text: string,
  keep: boolean,
) {
  await page.goto(`${setup.relay.url}/write?to=${setup.directory.anne.id}`);
  await page.locator('#write-compose').waitFor();
  const choice = page.getByRole('checkbox', { name: words.keep });
  expect(await choice.isChecked()).toBe(false);
  expect(await page.locator('#write-keep-copy-hint').textContent()).toContain(words.hint);
  await page.getByRole('textbox', { name: words.message }).fill(text);
  if (keep) await choice.check();
  const before = requests.length;
  await page.getByRole('button', { name: words.send }).click();
  await page.locator('#write-sent').waitFor();
  const code = await shownReplyCode(page);
  const posted = apiRequests(requests.slice(before)).filter(
    (r) => r.method === 'POST' && new URL(r.url).pathname === '/api/v1/messages',
  );
  expect(posted.length).toBe(1);
  await page.getByLabel(words.saved).check();
  await page.getByRole('button', { name: words.done }).click();
  await page.waitForURL(/\/mailbox/);
  return { code, body: JSON.parse(posted[0]!.body ?? '{}') as Record<string, unknown> };
}

describe.each(Object.entries(CASES))('a kept copy in %s', (language, words) => {
  it('sends no copy unless ticked, and shows a kept copy when the code is entered', async () => {
    const watched = await openPage(setup.browser, {
      locale: words.locale,
      viewport: words.viewport,
    });
    const { page, requests } = watched;
    page.setDefaultTimeout(20_000);

    // Unticked: no `copy` field at all.
    const plain = await send(page, requests, words, 'Only for Anne, no copy.', false);
    expect('copy' in plain.body).toBe(false);
    const noCopy = await newDoctor(setup.relay, parseReplyCode(plain.code)!);
    const plainBox = (await noCopy.openMailbox()).body as { sent: { copy?: string }[] };
    expect(plainBox.sent.map((entry) => 'copy' in entry)).toEqual([false]);

    // Ticked: a copy, sealed, never the text.
    const TEXT = `Kept for myself in ${language}: can we talk on Thursday?`;
    const kept = await send(page, requests, words, TEXT, true);
    expect(typeof kept.body.copy).toBe('string');
    expect(kept.body.copy).not.toBe(kept.body.ciphertext);
    expectNoneCarry(requests, [TEXT]);

    // A fresh page, the code typed in: the doctor's own words, at their own minute.
    await page.goto(`${setup.relay.url}/mailbox`, { waitUntil: 'networkidle' });
    await page.getByRole('textbox', { name: words.code }).fill(kept.code);
    await page.getByRole('button', { name: words.open }).click();
    await page.locator('#mailbox-view').waitFor();
    const own = page.locator('#mailbox-replies > li.doctor-own');
    await poll(() => own.count()).toBe(1);
    expect(await own.locator('h3').textContent()).toBe(words.own);
    expect(await own.locator('.doctor-own-text').textContent()).toBe(TEXT);
    await checkPage(watched, `doctor-copy-kept-${language}`);

    // Anne answers; a follow-up with its copy kept joins the conversation.
    const anne = await setup.directory.anne.logIn();
    const inbox = await anne.readInbox({ acknowledge: true });
    const first = inbox.find((item) => item.message.text === TEXT);
    await anne.reply(first!.message, 'Thursday works.');
    await page.getByRole('button', { name: words.refresh }).click();
    const reply = page.locator('#mailbox-replies > li.doctor-reply');
    await poll(() => reply.count()).toBe(1);
    await reply.getByRole('button', { name: words.writeBack }).click();
    const FOLLOW_UP = `And kept too (${language}).`;
    await reply.getByLabel(words.followUp).fill(FOLLOW_UP);
    await reply.getByRole('checkbox', { name: words.keep }).check();
    const before = requests.length;
    await reply.getByRole('button', { name: words.send }).click();
    await poll(() => own.count()).toBe(2);
    const followUp = apiRequests(requests.slice(before)).find(
      (r) => r.method === 'POST' && new URL(r.url).pathname === '/api/v1/messages',
    );
    expect(typeof JSON.parse(followUp!.body!).copy).toBe('string');
    expectNoneCarry(requests, [TEXT, FOLLOW_UP]);
    // The doctor's own messages in the order they wrote them (the reply's place among
    // them follows the supporter's minute, from the test relay's clock: not checked here).
    expect(await own.nth(0).locator('.doctor-own-text').textContent()).toBe(TEXT);
    expect(await own.nth(1).locator('.doctor-own-text').textContent()).toBe(FOLLOW_UP);
    await checkPage(watched, `doctor-copy-follow-up-${language}`);

    // Deleting the conversation says the kept copies stay, and they do; the reply goes.
    await reply.getByRole('button', { name: words.deleteConversation }).click();
    const dialog = page.getByRole('dialog', { name: words.confirmConversation });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(words.copiesStay);
    await dialog.getByRole('button', { name: words.confirm, exact: true }).click();
    await poll(() => reply.count()).toBe(0);
    expect(await own.count()).toBe(2);
    await watched.context.close();
  }, 90_000);
});
