/**
 * The whole doctor journey in a real browser, with the supporter played
 * through the API with the protocol library: choose a supporter, write,
 * send (with real proof of work in the Web Worker), keep the reply code,
 * read the reply in the mailbox and write a follow-up in the same thread.
 * Then the privacy claim: no request the browser made carries the text,
 * the contact detail or the reply code.
 */
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
import { downloadedText, openPage, relayAndBrowser } from './support.ts';

// Difficulty 8: the worker really has to search (256 hashes on average).
const setup = relayAndBrowser({ POW_DIFFICULTY: '8' }, async (relay) => ({
  directory: await seedDirectory(relay),
}));

const TEXT =
  'I have not slept properly for weeks and I am scared of making a mistake at work. quokka-7731';
const WHEN = 'weekday evenings after 17';
const CONTACT = 'call me on 400 12 345';
const REPLY = 'Thank you for writing. I can call you tomorrow after 17. Take care until then.';
const FOLLOW_UP = 'Tomorrow after 17 suits me well. Thank you. wombat-4410';

describe('the doctor journey', () => {
  it('filter, write, send, keep the code, read the reply and follow up; no request carries a secret', async () => {
    const watched = await openPage(setup.browser);
    const { page, context, requests } = watched;
    page.setDefaultTimeout(10_000);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: setup.relay.url,
    });

    // 1. Choose a supporter.
    await page.goto(`${setup.relay.url}/`);
    await poll(() => page.locator('#directory-list > li').count()).toBe(3);
    await page.selectOption('#filter-county', 'Vestland');
    await page.getByRole('link', { name: 'Write to Anne Berg' }).click();

    // 2. Compose.
    // The choice came in the tab's name, never in an address.
    await page.waitForURL(`${setup.relay.url}/write?lang=en`);
    await page.locator('#write-compose').waitFor();
    expect(await page.locator('h1').textContent()).toBe('Write to Anne Berg');
    const entry = await setup.relay.harness.request(
      'GET',
      `/api/v1/supporters/${setup.directory.anne.id}`,
    );
    // Computed on this device once libsodium has loaded (the form does not wait for it).
    await poll(() => page.locator('#write-recipient .fingerprint').textContent()).toBe(
      entry.body.fingerprint,
    );
    expect(await page.locator('#write-recipient').textContent()).toContain(
      'ask Anne Berg to read their key fingerprint',
    );
    expect(await page.locator('#write-modality-options label').allTextContents()).toEqual([
      'In person',
      'By phone',
      'By video',
    ]);
    expect(await page.locator('.doctor-who-sees').textContent()).toContain(
      'Not your IP address or your e-mail address',
    );
    expect(await page.locator('.doctor-who-sees').textContent()).toContain('rounded to 1 KiB');
    await page.getByRole('textbox', { name: 'Your message' }).fill(TEXT);
    expect(await page.locator('#write-text-count').textContent()).toBe(
      `${TEXT.length} of 8000 characters`,
    );
    await page.getByLabel('By phone').check();
    await page.getByLabel('When suits you?').fill(WHEN);
    await page.getByLabel('How can they reach you?').fill(CONTACT);
    await checkPage(watched, 'doctor-write');

    // Watch the progress bar and the announcements while sending.
    await page.evaluate(() => {
      const log: string[] = [];
      (window as unknown as { __log: string[] }).__log = log;
      const progress = document.querySelector('#write-progress')!;
      const announcer = document.querySelector('[data-announcer]')!;
      new MutationObserver(() => {
        log.push(`progress ${(progress as HTMLElement).hidden ? 'hidden' : 'shown'}`);
      }).observe(progress, { attributes: true, attributeFilter: ['hidden'] });
      new MutationObserver(() => log.push(`announce ${announcer.textContent}`)).observe(announcer, {
        childList: true,
        characterData: true,
        subtree: true,
      });
    });
    await page.getByRole('button', { name: 'Encrypt and send' }).click();

    // 3. The reply code, once.
    await page.locator('#write-sent').waitFor();
    const code = await shownReplyCode(page);
    const log = await page.evaluate(() => (window as unknown as { __log: string[] }).__log);
    // The kit empties the live region before each sentence (so a repeated one is read again).
    expect(log.filter((entry) => entry !== 'announce ')).toEqual([
      'progress shown',
      'announce Encrypting and sending your message…',
      'progress hidden',
      'announce Your message has been sent. Your reply code is shown below.',
    ]);
    expect(
      await page
        .locator('#write-progress progress')
        .evaluate((e) => e.getAttribute('role') ?? e.tagName),
    ).toBe('PROGRESS');
    const paths = requests.map((r) => `${r.method} ${new URL(r.url).pathname}`);
    expect(
      paths.filter((path) => /^GET \/assets\/chunks\/pow-worker-\w+\.js$/.test(path)),
    ).toHaveLength(1);
    expect(paths).toContain('POST /api/v1/pow');
    const submission = apiRequests(requests).find((r) => r.url.endsWith('/api/v1/messages'));
    expect(JSON.parse(submission?.body ?? '{}')).toMatchObject({
      supporterId: setup.directory.anne.id,
      pow: { challenge: expect.any(String), nonce: expect.any(String) },
    });
    expect(await page.locator('#write-sent').textContent()).toContain('It is shown only now');
    await checkPage(watched, 'doctor-write-reply-code');

    await page.getByRole('button', { name: 'Copy the code' }).click();
    await poll(() => page.locator('#write-copy-status').textContent()).toBe(
      'The code has been copied.',
    );
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download as a text file' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('reply-code.txt');
    const file = await downloadedText(download);
    expect(file).toContain(code);
    expect(file).toContain(`${setup.relay.url}/mailbox`);

    // Leaving before confirming asks first; staying keeps the code on screen.
    const dialog = new Promise<string>((resolve) =>
      page.once('dialog', (d) => {
        resolve(d.type());
        void d.dismiss();
      }),
    );
    await page.getByRole('link', { name: 'Read replies' }).click();
    expect(await dialog).toBe('beforeunload');
    expect(new URL(page.url()).pathname).toBe('/write');
    expect(await shownReplyCode(page)).toBe(code);

    // "Done" holds on until the doctor confirms.
    await page.getByRole('button', { name: 'Done' }).click();
    expect(await page.locator('#write-saved-error').isVisible()).toBe(true);
    expect(new URL(page.url()).pathname).toBe('/write');
    await page.getByLabel('I have saved my reply code').check();
    await page.getByRole('button', { name: 'Done' }).click();
    await page.waitForURL(`${setup.relay.url}/mailbox?lang=en`);

    const secrets = [
      TEXT,
      'quokka-7731',
      WHEN,
      CONTACT,
      '400 12 345',
      code,
      code.replaceAll('-', ''),
      code.toLowerCase(),
      code.replaceAll('-', '').toLowerCase(),
    ];
    expectNoneCarry(requests, secrets);

    // 4. The supporter, through the API: opens the message and replies.
    const [received] = await setup.directory.anne.readInbox({ acknowledge: true });
    expect(received?.message).toMatchObject({
      kind: 'first-contact',
      text: TEXT,
      prefs: { modalities: ['phone'], when: WHEN, contact: CONTACT },
    });
    await setup.directory.anne.reply(received!.message, REPLY);

    // 5. The mailbox, with the code typed in lower case with spaces.
    await page
      .getByRole('textbox', { name: 'Reply code' })
      .fill(code.toLowerCase().replaceAll('-', ' '));
    await page.getByRole('button', { name: 'Open my replies' }).click();
    await page.locator('#mailbox-view').waitFor();
    const reply = page.locator('#mailbox-replies > li');
    await poll(() => reply.count()).toBe(1);
    expect(await reply.locator('h3').textContent()).toBe('Reply from Anne Berg');
    expect(await reply.locator('.doctor-reply-text').textContent()).toBe(REPLY);
    expect(await reply.textContent()).toContain(entry.body.fingerprint);
    expect(await page.locator('#mailbox-sent [data-status]').allTextContents()).toEqual([
      'Delivered',
    ]);
    expect(await page.locator('#mailbox-view').textContent()).toContain(
      'shown each time you enter your code, until you delete them',
    );
    // Shown, but not acknowledged (PROTOCOL.md §10.4): the relay still holds it.
    const doctor = await newDoctor(setup.relay, parseReplyCode(code)!);
    expect((await doctor.openMailbox()).body.replies.length).toBe(1);
    expect(apiRequests(requests).some((r) => r.url.endsWith('/api/v1/mailbox/ack'))).toBe(false);
    expect(await page.locator('#mailbox-code').inputValue()).toBe('');
    await checkPage(watched, 'doctor-mailbox-reply');

    // 6. A follow-up in the same thread.
    await reply.getByRole('button', { name: 'Write back to Anne Berg' }).click();
    // The focus moves into the box that has just opened.
    await poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    await reply.getByLabel('Your message to Anne Berg').fill(FOLLOW_UP);
    await reply.getByRole('button', { name: 'Encrypt and send' }).click();
    await poll(() => reply.locator('[role="status"]').textContent()).toContain('Sent.');
    // Both arrived in the same hour, so their order is the relay's choice.
    await poll(async () =>
      (await page.locator('#mailbox-sent [data-status]').allTextContents()).sort(),
    ).toEqual(['Delivered', 'Waiting']);
    // The reply stays on screen, and on the relay.
    expect(await reply.locator('.doctor-reply-text').textContent()).toBe(REPLY);
    await checkPage(watched, 'doctor-mailbox-follow-up');

    const [followUp] = await setup.directory.anne.readInbox({ acknowledge: true });
    expect(followUp?.message).toMatchObject({
      kind: 'follow-up',
      thread: received!.message.thread,
      text: FOLLOW_UP,
      replyTo: { mailboxId: doctor.key.id },
    });

    expectNoneCarry(requests, [...secrets, FOLLOW_UP, 'wombat-4410', REPLY]);
    // Nothing about the doctor in a URL: only supporter ids and the language.
    for (const request of apiRequests(requests)) {
      expect(new URL(request.url).search).toBe('');
    }

    // Forgetting the code clears the page.
    await page.getByRole('button', { name: 'Forget the code and close' }).click();
    expect(await page.locator('#mailbox-view').isHidden()).toBe(true);
    expect(await page.locator('#mailbox-replies > li').count()).toBe(0);
    await checkPage(watched, 'doctor-mailbox-forgotten');
    await context.close();
  }, 60_000);
});
