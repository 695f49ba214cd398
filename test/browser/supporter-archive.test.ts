/**
 * The supporter's conversations on every device (PROTOCOL.md §10.3, issue
 * 14): read at "work" (one browser profile), carried on at "home" (a fresh
 * one) and seen again at work after a check; retention sent as
 * `expiresInDays` and read back on another profile; a passphrase change
 * then a fresh profile; "Delete now"; junk listed and discarded; a reply the
 * archive missed stored later; and the inbox checking by itself.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newDoctor, Supporter } from '../support/actors.ts';
import { PHONE, pagesClosedAfterEach, relayAndBrowser } from './support.ts';
import {
  ARGON2_TIMEOUT,
  eventually,
  expectCleanState,
  logInThroughPage,
  refreshInbox,
  type SeededSupporter,
  seedSupporter,
  serverInbox,
  useSuggestion,
} from './supporter-helpers.ts';

const setup = relayAndBrowser();

const openPage = pagesClosedAfterEach();

const PASSPHRASE = 'velvet harbor spindle oatmeal tundra';

function conversations(page: Page) {
  return page.locator('#conversations article.conversation');
}

/** The texts of the conversation's entries, in the order shown. */
function entryTexts(page: Page): Promise<string[]> {
  return conversations(page).locator('.entry-text').allTextContents();
}

/** The supporter's archive as the relay holds it, opened in Node with their key. */
async function archived(supporter: SeededSupporter) {
  const session = await supporter.logIn();
  const items = await session.readArchive();
  await session.logOut();
  return items;
}

function archiveStores(requests: { method: string; url: string; body?: string | null }[]) {
  return requests
    .filter((r) => r.method === 'POST' && r.url.endsWith('/api/v1/archive'))
    .map((r) => JSON.parse(r.body ?? '{}') as { id: string; expiresInDays?: number });
}

describe('the same conversations on every device', () => {
  it(
    'read at work, carried on at home, seen again at work after a check; retention, a new passphrase on a fresh profile, and "Delete now"',
    async () => {
      const supporter = await seedSupporter(setup.relay, 'astrid', PASSPHRASE, 'Astrid Lie');
      const doctor = await newDoctor(setup.relay);
      const first = await doctor.writeTo(supporter, 'Night shifts are wearing me down.');

      // At work: the message is opened, archived, then acknowledged.
      const work = await openPage(setup.browser);
      await logInThroughPage(work.page, setup.relay, supporter);
      await eventually(() => entryTexts(work.page)).toEqual(['Night shifts are wearing me down.']);
      expect((await archived(supporter)).map((item) => item.entry)).toEqual([
        { v: 1, kind: 'received', message: first.message, receivedAt: expect.any(String) },
      ]);
      expect(archiveStores(work.requests).map((body) => body.expiresInDays)).toEqual([30]);

      // The doctor follows up; at home, on a fresh profile, it lands under the first message.
      const followUp = await doctor.writeTo(supporter, 'Is Thursday possible?', {
        thread: first.message.thread,
      });
      const home = await openPage(setup.browser, { viewport: PHONE });
      await logInThroughPage(home.page, setup.relay, supporter);
      await eventually(() => entryTexts(home.page)).toEqual([
        'Night shifts are wearing me down.',
        'Is Thursday possible?',
      ]);
      expect(await conversations(home.page).count()).toBe(1);
      expect(await serverInbox(supporter)).toEqual([]);
      expect(
        home.requests
          .filter((r) => r.url.endsWith('/api/v1/inbox/ack'))
          .map((r) => JSON.parse(r.body ?? '{}')),
      ).toEqual([{ ids: [followUp.id] }]);
      await expectCleanState(home, 'supporter-archive-home');

      // Home replies; the doctor reads it.
      const conversation = conversations(home.page);
      await conversation.getByRole('button', { name: 'Reply' }).click();
      const textarea = conversation.locator('textarea');
      await textarea.fill('Thursday at 19:00 works. I will call you.');
      await conversation.getByRole('button', { name: 'Send reply' }).click();
      await eventually(() => conversation.locator('.entry-sent').count()).toBe(1);
      expect((await doctor.readReplies(supporter)).map((reply) => reply.text)).toEqual([
        'Thursday at 19:00 works. I will call you.',
      ]);
      expect((await archived(supporter)).map((item) => item.entry.kind).sort()).toEqual([
        'received',
        'received',
        'sent',
      ]);

      // Work sees the follow-up and the reply after a check, in one conversation.
      await refreshInbox(work.page);
      await eventually(() => entryTexts(work.page)).toEqual([
        'Night shifts are wearing me down.',
        'Is Thursday possible?',
        'Thursday at 19:00 works. I will call you.',
      ]);
      expect(await conversations(work.page).count()).toBe(1);
      await expectCleanState(work, 'supporter-archive-work-after-check');

      // Home keeps conversations for 7 days: every item is stored again with that.
      const storesBefore = archiveStores(home.requests).length;
      await home.page.locator('#retention-days').fill('7');
      await home.page.locator('#retention-form button[type="submit"]').click();
      await eventually(() => home.page.locator('#retention-status').textContent()).toBe(
        'Saved: 7 days.',
      );
      const restored = archiveStores(home.requests).slice(storesBefore);
      expect(restored.map((body) => body.expiresInDays)).toEqual([7, 7, 7]);
      for (const item of await archived(supporter)) {
        expect(Date.parse(item.expiresAt) - Date.parse(item.storedAt)).toBe(7 * 86_400_000);
      }

      // Work changes the passphrase; a fresh profile logs in with the new one and sees it all.
      await work.page.locator('#passphrase-heading + details > summary').click();
      await work.page.locator('#change-current').fill(PASSPHRASE);
      const next = await useSuggestion(work.page, 'change');
      await work.page.locator('#change-submit').click();
      await work.page.locator('#passphrase-done').waitFor({ timeout: ARGON2_TIMEOUT });
      const fresh = await openPage(setup.browser);
      await logInThroughPage(fresh.page, setup.relay, { login: supporter.login, passphrase: next });
      await eventually(() => entryTexts(fresh.page)).toEqual([
        'Night shifts are wearing me down.',
        'Is Thursday possible?',
        'Thursday at 19:00 works. I will call you.',
      ]);
      // The retention chosen at home, read back from the archive.
      expect(await fresh.page.locator('#retention-days').inputValue()).toBe('7');
      await expectCleanState(fresh, 'supporter-archive-new-passphrase');

      // "Delete now" on the fresh profile: gone from the archive, and from work after a check.
      await fresh.page.locator('#delete-all').click();
      await fresh.page.locator('#delete-all-yes').click();
      await eventually(() => conversations(fresh.page).count()).toBe(0);
      const renewed = new Supporter(setup.relay, { ...supporter, passphrase: next }, '');
      expect(await archived(renewed as SeededSupporter)).toEqual([]);
      await refreshInbox(work.page);
      await eventually(() => conversations(work.page).count()).toBe(0);
      expect(await work.page.locator('#conversations').textContent()).toContain(
        'No conversations yet',
      );
    },
    6 * ARGON2_TIMEOUT,
  );
});

describe('another client', () => {
  it(
    'stores items the page opens, in one conversation with its own',
    async () => {
      // The other client dates its reply by the relay's clock, the doctor by the real one.
      setup.relay.harness.clock.set(new Date());
      const supporter = await seedSupporter(setup.relay, 'elin', PASSPHRASE, 'Elin Foss');
      const doctor = await newDoctor(setup.relay);
      await doctor.writeTo(supporter, 'Written to Elin.');
      // Another client (the protocol library in Node) opens, archives, replies, archives, acks.
      const client = await supporter.logIn();
      const [message] = await client.readInbox();
      if (!message) throw new Error('the message did not arrive');
      expect((await client.archive(message)).response.status).toBe(200);
      const reply = await client.reply(message.message, 'Answered from another client.');
      expect((await client.archive(reply)).response.status).toBe(200);
      await client.ack([message.id]);
      await client.logOut();

      const watched = await openPage(setup.browser);
      await logInThroughPage(watched.page, setup.relay, supporter);
      await eventually(() => entryTexts(watched.page)).toEqual([
        'Written to Elin.',
        'Answered from another client.',
      ]);
      expect(await conversations(watched.page).locator('.entry-sent').count()).toBe(1);
      // Nothing new was stored: the page found both items already there.
      expect(archiveStores(watched.requests)).toEqual([]);
    },
    2 * ARGON2_TIMEOUT,
  );
});

describe('what the archive and the inbox cannot hold', () => {
  it(
    'lists junk once with "Discard", and discards what is left at the next check',
    async () => {
      const supporter = await seedSupporter(setup.relay, 'jonas', PASSPHRASE, 'Jonas Dahl');
      const other = await seedSupporter(setup.relay, 'other', PASSPHRASE, 'Someone Else');
      const doctor = await newDoctor(setup.relay);
      // Sealed to another key: this supporter's page cannot open them.
      const junk = [
        await doctor.writeTo({ id: supporter.id, publicKey: other.publicKey }, 'junk one'),
        await doctor.writeTo({ id: supporter.id, publicKey: other.publicKey }, 'junk two'),
      ];
      const real = await doctor.writeTo(supporter, 'A real message.');

      const watched = await openPage(setup.browser);
      const { page } = watched;
      await logInThroughPage(page, setup.relay, supporter);
      await eventually(() => entryTexts(page)).toEqual(['A real message.']);
      const listed = page.locator('#unopenable li');
      await eventually(() => listed.count()).toBe(2);
      expect(await page.locator('#unopenable').textContent()).toContain(
        'discarded at the next check',
      );
      expect((await serverInbox(supporter)).sort()).toEqual(junk.map((j) => j.id).sort());
      await expectCleanState(watched, 'supporter-junk-listed');

      // Discarded by hand: acknowledged, and gone from the list.
      await listed.first().getByRole('button', { name: 'Discard' }).click();
      await eventually(() => listed.count()).toBe(1);
      expect((await serverInbox(supporter)).length).toBe(1);

      // The other one goes at the next check, without being asked.
      await refreshInbox(page);
      await eventually(() => page.locator('#unopenable').count()).toBe(0);
      expect(await serverInbox(supporter)).toEqual([]);
      const acked = watched.requests
        .filter((r) => r.url.endsWith('/api/v1/inbox/ack'))
        .flatMap((r) => (JSON.parse(r.body ?? '{}') as { ids: string[] }).ids);
      expect(acked.sort()).toEqual([...junk.map((j) => j.id), real.id].sort());
      // Nothing of the junk was archived.
      expect((await archived(supporter)).map((item) => item.entry.kind)).toEqual(['received']);
    },
    3 * ARGON2_TIMEOUT,
  );

  it(
    'keeps a reply the archive missed in this browser, and stores it at the next login',
    async () => {
      const supporter = await seedSupporter(setup.relay, 'marit', PASSPHRASE, 'Marit Sand');
      const doctor = await newDoctor(setup.relay);
      await doctor.writeTo(supporter, 'Can we talk?');
      const watched = await openPage(setup.browser);
      const { page } = watched;
      await logInThroughPage(page, setup.relay, supporter);
      await eventually(() => conversations(page).count()).toBe(1);

      // The archive is unreachable while the reply is sent.
      await page.route('**/api/v1/archive', (route) =>
        route.request().method() === 'POST' ? route.abort('connectionrefused') : route.continue(),
      );
      const conversation = conversations(page);
      await conversation.getByRole('button', { name: 'Reply' }).click();
      await conversation.locator('textarea').fill('Yes. Tomorrow at noon?');
      await conversation.getByRole('button', { name: 'Send reply' }).click();
      await eventually(() => conversation.locator('.entry-sent').count()).toBe(1);
      expect(await conversation.textContent()).toContain('not yet in your encrypted archive');
      expect((await archived(supporter)).map((item) => item.entry.kind)).toEqual(['received']);

      // Logging in again in this browser stores it from the encrypted cache.
      await page.unroute('**/api/v1/archive');
      await page.locator('#logout').click();
      await page.locator('#login-section').waitFor();
      await logInThroughPage(page, setup.relay, supporter);
      await eventually(async () =>
        (await archived(supporter)).map((item) => item.entry.kind).sort(),
      ).toEqual(['received', 'sent']);
      expect(await conversations(page).textContent()).not.toContain('not yet in your encrypted');
    },
    3 * ARGON2_TIMEOUT,
  );
});

describe('checking by itself', () => {
  it(
    'checks every minute while the page is visible, not while hidden, and when it comes back',
    async () => {
      const supporter = await seedSupporter(setup.relay, 'sigrid', PASSPHRASE, 'Sigrid Moe');
      const doctor = await newDoctor(setup.relay);
      const watched = await openPage(setup.browser);
      const { page } = watched;
      await page.clock.install();
      await logInThroughPage(page, setup.relay, supporter);
      const checks = () => watched.requests.filter((r) => r.url.endsWith('/api/v1/inbox')).length;

      // A minute later, without a click.
      await doctor.writeTo(supporter, 'Are you there?');
      await page.clock.fastForward('01:01');
      await eventually(() => entryTexts(page)).toEqual(['Are you there?']);
      await eventually(() => page.locator('#inbox-status').textContent()).toBe('New messages: 1.');

      // Hidden: a minute passes without a check.
      const before = checks();
      await page.evaluate(() =>
        Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true }),
      );
      await page.clock.fastForward('01:01');
      await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
      expect(checks()).toBe(before);

      // Back in view: checked at once.
      await doctor.writeTo(supporter, 'Second message.');
      await page.evaluate(() => {
        Reflect.deleteProperty(document, 'visibilityState');
        document.dispatchEvent(new Event('visibilitychange'));
      });
      await eventually(() => conversations(page).count()).toBe(2);
      expect(checks()).toBe(before + 1);
      await expectCleanState(watched, 'supporter-checked-by-itself');
    },
    2 * ARGON2_TIMEOUT,
  );
});
