/**
 * The mailbox page with codes that do not open anything, and with a message
 * that was never picked up: kind words, nothing sent for a code that cannot
 * be one, and an offer to write to someone else.
 */
import { describe, expect, it } from 'vitest';
import {
  formatReplyCode,
  newSupporterKeys,
  parseReplyCode,
  sealReplyTo,
  toB64,
} from '../../web/src/protocol/index.ts';
import { newDoctor } from '../support/actors.ts';
import {
  acceptRelayRefusals,
  apiRequests,
  checkPage,
  expectNoneCarry,
  poll,
  seedDirectory,
  sendFromCompose,
} from './doctor-helpers.ts';
import { openPage, relayAndBrowser } from './support.ts';

const setup = relayAndBrowser({}, async (relay) => ({ directory: await seedDirectory(relay) }));

const WRONG = 'We could not open a mailbox with this code.';
const ALPHABET = 'A reply code has only the digits 0 to 9 and the letters A to Z except U.';

describe('the mailbox page', () => {
  it('answers each mistyped code with its own sentence without sending anything, and an unknown code with another', async () => {
    const watched = await openPage(setup.browser);
    const { page, requests } = watched;
    page.setDefaultTimeout(10_000);
    await page.goto(`${setup.relay.url}/mailbox`, { waitUntil: 'networkidle' });
    const input = page.getByRole('textbox', { name: 'Reply code' });
    const error = page.locator('#mailbox-code-error');
    const before = requests.length;

    for (const [typed, sentence] of [
      ['', 'Please type your reply code first.'],
      ['  - ', 'Please type your reply code first.'],
      [
        '1234-5678',
        'A reply code has 24 letters and digits (dashes and spaces do not count). This one has 8.',
      ],
      ['UUUU-UUUU-UUUU-UUUU-UUUU-UUUU', `${ALPHABET} Please check “U”.`],
      ['0410-6105-0R3G-G28A-1C60-T3G!', `${ALPHABET} Please check “!”.`],
      ['0410-6105-0R3G-G28A-1C60-T3GÅ', `${ALPHABET} Please check “Å”.`],
    ] as const) {
      await input.fill(typed);
      await page.getByRole('button', { name: 'Open my replies' }).click();
      await poll(() => error.textContent()).toContain(sentence);
      expect(await error.textContent()).not.toContain(WRONG);
      expect(await input.getAttribute('aria-invalid')).toBe('true');
      expect(await input.getAttribute('aria-describedby')).toContain('mailbox-code-error');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('mailbox-code');
    }
    // Nothing at all left the page for something that cannot be a code.
    expect(requests.slice(before)).toEqual([]);
    await checkPage(watched, 'doctor-mailbox-wrong-code');

    // Typing again clears the message.
    await input.fill('0');
    expect(await error.isHidden()).toBe(true);

    // A well-formed code that opens no mailbox: the relay says 404, the page says the same as above.
    const unknown = formatReplyCode(crypto.getRandomValues(new Uint8Array(15)));
    await input.fill(unknown);
    await page.getByRole('button', { name: 'Open my replies' }).click();
    await poll(() => error.textContent()).toContain(WRONG);
    const opened = apiRequests(requests.slice(before));
    expect(opened.map((r) => `${r.method} ${new URL(r.url).pathname}`)).toEqual([
      'POST /api/v1/mailbox/open',
    ]);
    expect(Object.keys(JSON.parse(opened[0]?.body ?? '{}')).sort()).toEqual(['id', 'readToken']);
    expectNoneCarry(requests, [unknown, unknown.replaceAll('-', ''), unknown.toLowerCase()]);
    expect(acceptRelayRefusals(watched, 404)).toBe(1);
    await checkPage(watched, 'doctor-mailbox-unknown-code');
    await watched.context.close();
  });

  it('shows a message nobody picked up as expired and offers another supporter', async () => {
    const watched = await openPage(setup.browser);
    const { page } = watched;
    page.setDefaultTimeout(10_000);
    const code = await sendFromCompose(
      page,
      setup.relay.url,
      setup.directory.bjorn,
      'Are you free next week?',
    );

    await page.getByRole('textbox', { name: 'Reply code' }).fill(code);
    await page.getByRole('button', { name: 'Open my replies' }).click();
    await page.locator('#mailbox-view').waitFor();
    const status = page.locator('#mailbox-sent [data-status]');
    expect(await status.allTextContents()).toEqual(['Waiting']);
    expect(await page.locator('#mailbox-sent').textContent()).toMatch(
      /Waiting for Bjørn Dahl to pick it up\. It is kept for \d+ (days|hours) more/,
    );
    expect(await page.locator('#mailbox-no-replies').isVisible()).toBe(true);
    await checkPage(watched, 'doctor-mailbox-waiting');

    setup.relay.harness.clock.advanceHours(15 * 24);
    await page.getByRole('button', { name: 'Check again' }).click();
    await poll(() => status.allTextContents()).toEqual(['Expired']);
    expect(await page.locator('#mailbox-sent').textContent()).toContain(
      'Bjørn Dahl did not pick it up in time, so it was deleted unread.',
    );
    const another = page.getByRole('link', { name: 'Choose another supporter' });
    expect(await another.getAttribute('href')).toBe('/?lang=en');
    await checkPage(watched, 'doctor-mailbox-expired');

    await another.click();
    await poll(() => page.locator('#directory-list > li').count()).toBe(3);
    await watched.context.close();
  });

  it('opens a reply from a supporter who has left with the key sent alongside, never shows a forged one, and deletes neither on showing', async () => {
    const watched = await openPage(setup.browser);
    const { page } = watched;
    page.setDefaultTimeout(10_000);
    const code = await sendFromCompose(page, setup.relay.url, setup.directory.anne, 'Can we meet?');
    // The clock may have moved on in an earlier test: log in afresh.
    const anne = await setup.directory.anne.logIn();
    const [received] = await anne.readInbox({ acknowledge: true });
    await anne.reply(received!.message, 'Yes, Thursday at 18.');
    // A reply that Anne's key did not make, posted from her account.
    const forged = await sealReplyTo(
      received!.message,
      { text: 'Forged', from: { id: anne.id, name: anne.name } },
      (await newSupporterKeys()).secretKey,
    );
    const posted = await setup.relay.harness.request('POST', '/api/v1/replies', {
      token: anne.token,
      body: { mailboxId: forged.mailboxId, ciphertext: toB64(forged.ciphertext) },
    });
    expect(posted.status).toBe(202);
    expect((await anne.leave()).status).toBe(200);

    await page.getByRole('textbox', { name: 'Reply code' }).fill(code);
    await page.getByRole('button', { name: 'Open my replies' }).click();
    await page.locator('#mailbox-view').waitFor();
    const replies = page.locator('#mailbox-replies > li');
    await poll(() => replies.count()).toBe(2);
    const genuine = replies.filter({ hasText: 'Reply from Anne Berg' });
    expect(await genuine.locator('.doctor-reply-text').textContent()).toBe('Yes, Thursday at 18.');
    expect(await genuine.textContent()).toContain('Anne Berg has left the service');
    // No writing back to someone who has left; copying and deleting remain.
    expect(await genuine.getByRole('button', { name: /Write back/ }).count()).toBe(0);
    expect(await genuine.getByRole('button').allTextContents()).toEqual([
      'Copy',
      'Delete this conversation',
    ]);
    const unopened = replies.filter({ hasText: 'A reply that could not be opened' });
    expect(await unopened.textContent()).not.toContain('Forged');
    // The directory no longer knows her name; her signed reply does.
    expect(await page.locator('#mailbox-sent h3').allTextContents()).toEqual(['To Anne Berg']);
    // Showing deletes nothing (PROTOCOL.md §10.4): both replies are still on the relay.
    const doctor = await newDoctor(setup.relay, parseReplyCode(code)!);
    expect((await doctor.openMailbox()).body.replies.length).toBe(2);
    // Someone who has left is missing from the whole directory: nothing was refused.
    expect(acceptRelayRefusals(watched, 404)).toBe(0);
    await checkPage(watched, 'doctor-mailbox-left-and-forged');
    await watched.context.close();
  });
});
