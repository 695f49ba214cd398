/**
 * Issue 14, item 2 (PROTOCOL.md §10.2, §10.4) on the mailbox page, in
 * English on a desktop and in bokmål on a 390×844 phone: a reply is not
 * deleted by showing it, so reopening the same code shows it again with
 * "Write back"; a reply can be copied; "Delete this conversation" deletes
 * one supporter's replies (after a confirmation) and only theirs; "Delete
 * everything for this code" deletes the mailbox, after which the code
 * opens nothing.
 */
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

const ANNE_REPLY = 'Yes, Thursday evening suits me.';
const BJORN_REPLY = 'I can call you on Friday.';

const CASES = {
  en: {
    locale: 'en-GB',
    viewport: { width: 1280, height: 900 },
    code: 'Reply code',
    open: 'Open my replies',
    writeBack: (name: string) => `Write back to ${name}`,
    copy: 'Copy',
    copied: 'Copied',
    deleteConversation: 'Delete this conversation',
    confirmConversation: 'Delete your conversation with Anne Berg?',
    deleted: 'The conversation with Anne Berg has been deleted.',
    deleteAll: 'Delete everything for this code',
    confirmAll: 'Delete everything for this code?',
    confirm: 'Delete',
    cancel: 'Cancel',
    noneLeft:
      'You have deleted the replies that were here. A new reply appears here when it comes.',
    allDeleted:
      'The code no longer works. If you write again, your new message gets a new reply code.',
    unknown: 'We could not open a mailbox with this code.',
  },
  nb: {
    locale: 'nb-NO',
    viewport: PHONE,
    code: 'Svarkode',
    open: 'Åpne svarene mine',
    writeBack: (name: string) => `Svar ${name}`,
    copy: 'Kopier',
    copied: 'Kopiert',
    deleteConversation: 'Slett denne samtalen',
    confirmConversation: 'Slette samtalen din med Anne Berg?',
    deleted: 'Samtalen med Anne Berg er slettet.',
    deleteAll: 'Slett alt for denne koden',
    confirmAll: 'Slette alt for denne koden?',
    confirm: 'Slett',
    cancel: 'Avbryt',
    noneLeft: 'Du har slettet svarene som lå her. Et nytt svar dukker opp her når det kommer.',
    allDeleted: 'Koden virker ikke lenger. Skriver du igjen, får den nye meldingen en ny svarkode.',
    unknown: 'Vi fant ingen postkasse med denne koden.',
  },
} as const;

describe.each(Object.entries(CASES))('the conversation in %s', (language, words) => {
  it('shows replies every time the code is entered until the doctor deletes them', async () => {
    const watched = await openPage(setup.browser, {
      locale: words.locale,
      viewport: words.viewport,
    });
    const { page, requests, context } = watched;
    page.setDefaultTimeout(10_000);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: setup.relay.url,
    });

    // Anne and Bjørn have each answered the doctor.
    const doctor = await newDoctor(setup.relay);
    await doctor.writeTo(setup.directory.anne, 'Can we talk this week?', { pow: true });
    await doctor.writeTo(setup.directory.bjorn, 'Or you, perhaps?', { pow: true });
    for (const [supporter, text] of [
      [setup.directory.anne, ANNE_REPLY],
      [setup.directory.bjorn, BJORN_REPLY],
    ] as const) {
      const session = await supporter.logIn();
      const [received] = await session.readInbox({ acknowledge: true });
      await session.reply(received!.message, text);
    }
    const code = formatReplyCode(doctor.replyCode);
    const replies = page.locator('#mailbox-replies > li');
    const anne = replies.filter({ hasText: ANNE_REPLY });
    async function openWithCode() {
      // A fresh page each time: whatever the last one held is gone.
      await page.goto(`${setup.relay.url}/mailbox`, { waitUntil: 'networkidle' });
      await page.getByRole('textbox', { name: words.code }).fill(code);
      await page.getByRole('button', { name: words.open }).click();
      await page.locator('#mailbox-view').waitFor();
    }

    // Read once, closed, opened again: both replies, and "Write back", are still there.
    await openWithCode();
    await poll(() => replies.count()).toBe(2);
    await openWithCode();
    await poll(() => replies.count()).toBe(2);
    expect(await anne.getByRole('button', { name: words.writeBack('Anne Berg') }).count()).toBe(1);
    expect(await replies.getByRole('button', { name: words.writeBack('Bjørn Dahl') }).count()).toBe(
      1,
    );
    expect((await doctor.openMailbox()).body.replies.length).toBe(2);
    expect(apiRequests(requests).some((r) => r.url.endsWith('/api/v1/mailbox/ack'))).toBe(false);

    // Copy says so, and the text is on the clipboard.
    await anne.getByRole('button', { name: words.copy }).click();
    await poll(() => page.locator('[data-announcer]').textContent()).toBe(words.copied);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(ANNE_REPLY);

    // "Delete this conversation" asks first; cancelling deletes nothing.
    await anne.getByRole('button', { name: words.deleteConversation }).click();
    const confirmConversation = page.getByRole('dialog', { name: words.confirmConversation });
    await confirmConversation.waitFor();
    await checkPage(watched, `doctor-conversation-confirm-${language}`);
    await confirmConversation.getByRole('button', { name: words.cancel }).click();
    await confirmConversation.waitFor({ state: 'hidden' });
    expect((await doctor.openMailbox()).body.replies.length).toBe(2);

    // Confirmed: Anne's reply goes from the page and the relay; Bjørn's stays.
    await anne.getByRole('button', { name: words.deleteConversation }).click();
    await confirmConversation.getByRole('button', { name: words.confirm, exact: true }).click();
    await confirmConversation.waitFor({ state: 'hidden' });
    await poll(() => page.locator('[data-announcer]').textContent()).toBe(words.deleted);
    expect(await replies.count()).toBe(1);
    expect(await replies.locator('.doctor-reply-text').textContent()).toBe(BJORN_REPLY);
    const left = (await doctor.openMailbox()).body as { replies: unknown[] };
    expect(left.replies.length).toBe(1);
    await openWithCode();
    await poll(() => replies.count()).toBe(1);
    expect(await replies.locator('.doctor-reply-text').textContent()).toBe(BJORN_REPLY);
    await checkPage(watched, `doctor-conversation-deleted-${language}`);

    // With Bjørn's deleted too, the page says so rather than "no replies yet".
    await replies.getByRole('button', { name: words.deleteConversation }).click();
    const confirmBjorn = page.getByRole('dialog');
    await confirmBjorn.getByRole('button', { name: words.confirm, exact: true }).click();
    await confirmBjorn.waitFor({ state: 'hidden' });
    await poll(() => replies.count()).toBe(0);
    expect(await page.locator('#mailbox-no-replies').textContent()).toBe(words.noneLeft);

    // "Delete everything for this code", confirmed in the dialog.
    await page.getByRole('button', { name: words.deleteAll }).click();
    const confirmAll = page.getByRole('dialog', { name: words.confirmAll });
    await confirmAll.waitFor();
    await confirmAll.getByRole('button', { name: words.confirm, exact: true }).click();
    await poll(() => page.locator('.doctor-mailbox-deleted').textContent()).toContain(
      words.allDeleted,
    );
    expect(await page.locator('#mailbox-view').count()).toBe(0);
    expect((await doctor.openMailbox()).status).toBe(404);
    await checkPage(watched, `doctor-conversation-all-deleted-${language}`);

    // The code opens nothing any more.
    await page.getByRole('textbox', { name: words.code }).fill(code);
    await page.getByRole('button', { name: words.open }).click();
    await poll(() => page.locator('#mailbox-code-error').textContent()).toContain(words.unknown);
    expect(acceptRelayRefusals(watched, 404)).toBe(1);
    await checkPage(watched, `doctor-conversation-code-gone-${language}`);
    await context.close();
  }, 60_000);
});
