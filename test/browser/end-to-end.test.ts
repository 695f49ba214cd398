/**
 * The whole chain through the web pages, in real Chromium, with no party
 * played through the API: an operator invite, a supporter joining through
 * the link (suggested passphrase), a doctor in a separate profile choosing
 * them in the directory and writing, the supporter logging in on yet another
 * fresh profile and replying with the template, the doctor reading the reply
 * with the code in a fresh profile and following up, and the follow-up
 * joining the supporter's conversation. The privacy claim is checked on the
 * doctor's profiles: no request carries the text, the contact detail or the
 * reply code.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { joinSupporter } from '../support/actors.ts';
import {
  apiRequests,
  checkPage,
  expectNoneCarry,
  PROFILES,
  poll,
  shownReplyCode,
} from './doctor-helpers.ts';
import { pagesClosedAfterEach, relayAndBrowser, type WatchedPage } from './support.ts';
import {
  ARGON2_TIMEOUT,
  createInviteUrl,
  eventually,
  fillProfile,
  logInThroughPage,
  refreshInbox,
  useSuggestion,
} from './supporter-helpers.ts';

// Difficulty 8: the doctor's Web Worker really has to search.
const setup = relayAndBrowser({ POW_DIFFICULTY: '8' }, async (relay) => {
  // Two other supporters, so that filtering the directory has something to leave out.
  await joinSupporter(relay, { profile: PROFILES.anne, wholeProfile: true });
  await joinSupporter(relay, { profile: PROFILES.bjorn, wholeProfile: true });
});

const openPage = pagesClosedAfterEach(15_000);

const SUPPORTER = {
  login: 'ingrid-e2e',
  name: 'Ingrid Haugen',
  county: 'Nordland',
  town: 'Bodø',
  specialties: ['Psychiatry'],
  languages: ['nb', 'en'],
  modalities: ['phone', 'video'],
  about: 'Psychiatrist in Bodø.',
};
// Unique for this run, so finding it anywhere can only mean this test leaked it.
const SENTINEL = `sentinel-${randomUUID()}`;
const TEXT = `I keep replaying a night shift and cannot sleep. ${SENTINEL}`;
const CONTACT = 'ring me on 415 55 678';
const FOLLOW_UP = `Thursday suits me. Thank you. followup-${randomUUID()}`;

function conversation(watched: WatchedPage) {
  return watched.page.locator('#conversations article.conversation');
}

describe('the whole chain through the pages', () => {
  it(
    'invite → join → doctor writes → supporter replies → doctor reads and follows up → supporter sees the follow-up',
    async () => {
      // 1. The operator invites (API, operator token).
      const invite = await createInviteUrl(setup.relay);

      // 2. Context A: the supporter joins through the link with the suggested passphrase.
      const joiner = await openPage(setup.browser);
      await joiner.page.goto(invite.url);
      await eventually(() => joiner.page.evaluate(() => location.hash)).toBe('');
      await fillProfile(joiner.page, SUPPORTER);
      const passphrase = await useSuggestion(joiner.page);
      expect(passphrase).toMatch(/^[a-z]+( [a-z]+){4}$/);
      await joiner.page.locator('#join-submit').click();
      await joiner.page.locator('#joined').waitFor({ state: 'visible', timeout: ARGON2_TIMEOUT });
      const fingerprint = (await joiner.page.locator('#joined-fingerprint').textContent()) ?? '';
      expect(fingerprint).toMatch(/^\d{5}( \d{5}){4}$/);
      await checkPage(joiner, 'e2e-supporter-joined');
      await joiner.context.close();

      // 3. Context B: a doctor filters the directory, writes and keeps the code.
      const doctor = await openPage(setup.browser);
      await doctor.page.goto(`${setup.relay.url}/`);
      const cards = doctor.page.locator('#directory-list > li');
      await poll(() => cards.count()).toBe(3);
      await doctor.page.selectOption('#filter-county', 'Nordland');
      await doctor.page.selectOption('#filter-modality', 'video');
      await poll(() => cards.locator('h3').allTextContents()).toEqual(['Ingrid Haugen']);
      expect(await cards.locator('.fingerprint').textContent()).toBe(fingerprint);
      await checkPage(doctor, 'e2e-doctor-directory-filtered');
      await doctor.page.getByRole('link', { name: 'Write to Ingrid Haugen' }).click();
      await doctor.page.locator('#write-compose').waitFor();
      // Computed on the doctor's device once libsodium has loaded (the form does not wait).
      await poll(() => doctor.page.locator('#write-recipient .fingerprint').textContent()).toBe(
        fingerprint,
      );
      await doctor.page.getByRole('textbox', { name: 'Your message' }).fill(TEXT);
      await doctor.page.getByLabel('By phone').check();
      await doctor.page.getByLabel('How can they reach you?').fill(CONTACT);
      await checkPage(doctor, 'e2e-doctor-write');
      await doctor.page.getByRole('button', { name: 'Encrypt and send' }).click();
      await doctor.page.locator('#write-sent').waitFor({ timeout: 30_000 });
      const code = await shownReplyCode(doctor.page);
      await checkPage(doctor, 'e2e-doctor-reply-code');
      await doctor.page.getByLabel('I have saved my reply code').check();
      await doctor.page.getByRole('button', { name: 'Done' }).click();
      await doctor.page.waitForURL(/\/mailbox\?lang=en$/);
      const codeSecrets = [
        code,
        code.replaceAll('-', ''),
        code.toLowerCase(),
        code.replaceAll('-', '').toLowerCase(),
      ];
      expect(
        apiRequests(doctor.requests).some(
          (r) => r.method === 'POST' && r.url.endsWith('/api/v1/messages'),
        ),
      ).toBe(true);
      expectNoneCarry(doctor.requests, [TEXT, SENTINEL, CONTACT, '415 55 678', ...codeSecrets]);
      expect(doctor.cspViolations).toEqual([]);
      expect(doctor.pageErrors).toEqual([]);
      await doctor.context.close();

      // 4. Context C: the supporter logs in on a fresh profile, reads and replies.
      const supporter = await openPage(setup.browser);
      await logInThroughPage(supporter.page, setup.relay, { login: SUPPORTER.login, passphrase });
      expect(await supporter.page.locator('#me-fingerprint').textContent()).toBe(fingerprint);
      const thread = conversation(supporter);
      await eventually(() => thread.count()).toBe(1);
      expect(await thread.textContent()).toContain(TEXT);
      expect(await thread.textContent()).toContain(CONTACT);
      await thread.getByRole('button', { name: 'Reply' }).click();
      const textarea = thread.locator('textarea');
      const template = await textarea.inputValue();
      expect(template).toContain('I am Ingrid Haugen');
      expect(template).toContain('[write a day and time]');
      const replyText = template.replace('[write a day and time]', 'Thursday at 18:30');
      await textarea.fill(replyText);
      await thread.getByRole('button', { name: 'Send reply' }).click();
      await eventually(() => thread.locator('.entry-sent').count()).toBe(1);
      expect(await thread.locator('.entry-sent .entry-text').textContent()).toBe(replyText);
      await checkPage(supporter, 'e2e-supporter-replied');

      // 5. Context D: the doctor, on a fresh profile, opens the mailbox with the code.
      const reader = await openPage(setup.browser);
      await reader.page.goto(`${setup.relay.url}/mailbox`);
      await reader.page.getByRole('textbox', { name: 'Reply code' }).fill(code);
      await reader.page.getByRole('button', { name: 'Open my replies' }).click();
      await reader.page.locator('#mailbox-view').waitFor();
      const reply = reader.page.locator('#mailbox-replies > li');
      await poll(() => reply.count()).toBe(1);
      expect(await reply.locator('h3').textContent()).toBe('Reply from Ingrid Haugen');
      expect(await reply.locator('.doctor-reply-text').textContent()).toBe(replyText);
      expect(await reply.textContent()).toContain(fingerprint);
      expect(await reader.page.locator('#mailbox-sent [data-status]').allTextContents()).toEqual([
        'Delivered',
      ]);
      await checkPage(reader, 'e2e-doctor-mailbox-reply');

      await reply.getByRole('button', { name: 'Write back to Ingrid Haugen' }).click();
      await reply.getByLabel('Your message to Ingrid Haugen').fill(FOLLOW_UP);
      await reply.getByRole('button', { name: 'Encrypt and send' }).click();
      await poll(() => reply.locator('[role="status"]').textContent()).toContain('Sent.');
      await poll(async () =>
        (await reader.page.locator('#mailbox-sent [data-status]').allTextContents()).sort(),
      ).toEqual(['Delivered', 'Waiting']);
      await checkPage(reader, 'e2e-doctor-mailbox-follow-up');
      expectNoneCarry(reader.requests, [FOLLOW_UP, replyText, ...codeSecrets]);

      // 6. Context C again: the follow-up joins the same conversation.
      await refreshInbox(supporter.page);
      await eventually(() => thread.locator('.entry').count()).toBe(3);
      expect(await conversation(supporter).count()).toBe(1);
      const last = thread.locator('.entry-received').last();
      expect(await last.textContent()).toContain(FOLLOW_UP);
      expect(await last.textContent()).toContain('Follow-up');
      // Only what this check brought in is marked new, not the first message already answered.
      expect(await thread.locator('.entry .badge').count()).toBe(1);
      expect(await last.locator('.badge').count()).toBe(1);
      await checkPage(supporter, 'e2e-supporter-inbox-thread');

      // Nothing went anywhere but the relay.
      for (const watched of [supporter, reader]) {
        expect(watched.requests.every((r) => r.url.startsWith(setup.relay.url))).toBe(true);
      }
    },
    4 * ARGON2_TIMEOUT,
  );
});
