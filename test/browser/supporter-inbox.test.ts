/**
 * The supporter inbox in a real browser, against the real relay, with the
 * doctor played in Node by the protocol library: logging in on a fresh
 * browser profile, opening a message, storing it in the archive (and an
 * encrypted copy in IndexedDB) and acknowledging it only after that store, replying with the template (which
 * the doctor decrypts), a follow-up joining the same conversation, what
 * happens when the archive or the browser refuses to store, wrong passphrases, away status,
 * logging out, and the Norwegian phone-sized inbox.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newDoctor } from '../support/actors.ts';
import { PHONE, pagesClosedAfterEach, relayAndBrowser } from './support.ts';
import {
  ARGON2_TIMEOUT,
  eventually,
  expectCleanState,
  logInThroughPage,
  refreshInbox,
  seedSupporter,
  serverInbox,
  switchLanguage,
} from './supporter-helpers.ts';

const setup = relayAndBrowser();

const openPage = pagesClosedAfterEach();

const PASSPHRASE = 'velvet harbor spindle oatmeal tundra';

/** What this page keeps in IndexedDB: record count, and the raw bytes as text. */
function storedRecords(page: Page): Promise<{ count: number; raw: string }> {
  return page.evaluate(async () => {
    let count = 0;
    let raw = '';
    for (const { name } of await indexedDB.databases()) {
      if (!name?.startsWith('peer-relay-')) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const values = await new Promise<unknown[]>((resolve, reject) => {
        const request = db.transaction('records').objectStore('records').getAll();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      db.close();
      count += values.length;
      for (const value of values) {
        if (value instanceof Uint8Array) raw += new TextDecoder('latin1').decode(value);
        else raw += JSON.stringify(value);
      }
    }
    return { count, raw };
  });
}

function conversation(page: Page) {
  return page.locator('#conversations article.conversation');
}

describe('a conversation in the inbox', () => {
  it(
    'opens a message on a fresh profile, acknowledges it only once stored, replies with the template, and adds the follow-up to the same conversation',
    async () => {
      const supporter = await seedSupporter(setup.relay, 'ingrid', PASSPHRASE);
      const doctor = await newDoctor(setup.relay);
      const sent = await doctor.writeTo(
        supporter,
        'I have not slept properly for weeks and I am scared of making a mistake.',
        {
          prefs: {
            modalities: ['phone', 'video'],
            when: 'evenings after 17',
            contact: '+47 400 00 000',
          },
        },
      );

      const watched = await openPage(setup.browser);
      const { page } = watched;
      // Record what the browser holds at the moment it acknowledges.
      const storedAtAck: number[] = [];
      await page.route('**/api/v1/inbox/ack', async (route) => {
        storedAtAck.push((await storedRecords(page)).count);
        await route.continue();
      });
      await page.goto(`${setup.relay.url}/supporter`);
      await expectCleanState(watched, 'supporter-login');
      await logInThroughPage(page, setup.relay, supporter);

      const thread = conversation(page);
      await eventually(() => thread.count()).toBe(1);
      const text = (await thread.textContent()) ?? '';
      expect(text).toContain('I have not slept properly for weeks');
      expect(text).toContain('Phone and Video');
      expect(text).toContain('evenings after 17');
      expect(text).toContain('+47 400 00 000');
      expect(text).toContain('First message');
      expect(await page.locator('#me-name').textContent()).toBe('Logged in as Ingrid Haugen.');
      await expectCleanState(watched, 'supporter-inbox-thread');

      // Acknowledged once, after the IndexedDB write, and gone from the relay.
      const acks = watched.requests.filter((r) => r.url.endsWith('/api/v1/inbox/ack'));
      expect(acks.map((r) => JSON.parse(r.body ?? '{}'))).toEqual([{ ids: [sent.id] }]);
      expect(storedAtAck).toEqual([1]);
      expect(await serverInbox(supporter)).toEqual([]);
      // What is stored is ciphertext: no trace of the text or the contact detail.
      const stored = await storedRecords(page);
      expect(stored.count).toBe(1);
      expect(stored.raw).not.toContain('slept');
      expect(stored.raw).not.toContain('400 00 000');

      // The reply form, prefilled with the template.
      await thread.getByRole('button', { name: 'Reply' }).click();
      const textarea = thread.locator('textarea');
      const template = await textarea.inputValue();
      expect(template).toContain('I am Ingrid Haugen');
      expect(template).toContain('not treatment');
      expect(template).toContain('medical record');
      expect(template).toContain('stays between us');
      expect(template).toContain('up to three conversations');
      expect(template).toContain('You would like to talk by phone or by video.');
      expect(template).toContain('[write a day and time]');
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
      // The placeholder must be replaced before anything is sent.
      await thread.getByRole('button', { name: 'Send reply' }).click();
      await eventually(() => thread.locator('.reply-form .error').textContent()).toContain(
        'square brackets',
      );
      expect(watched.requests.some((r) => r.url.endsWith('/api/v1/replies'))).toBe(false);
      await expectCleanState(watched, 'supporter-reply-form');

      const replyText = template.replace('[write a day and time]', 'tomorrow, Wednesday, at 18:00');
      await textarea.fill(replyText);
      await thread.getByRole('button', { name: 'Send reply' }).click();
      await eventually(() => thread.locator('.entry-sent').count()).toBe(1);
      expect(await thread.locator('.entry-sent .entry-text').textContent()).toBe(replyText);
      await expectCleanState(watched, 'supporter-replied');

      // The doctor, in Node, decrypts the reply with the supporter's key.
      const replies = await doctor.readReplies(supporter);
      expect(replies).toHaveLength(1);
      expect(replies[0]).toMatchObject({
        kind: 'reply',
        thread: sent.message.thread,
        text: replyText,
        from: { id: supporter.id, name: 'Ingrid Haugen' },
      });

      // A follow-up in the same thread joins the same conversation.
      const followUp = await doctor.writeTo(supporter, 'Wednesday at 18 is good. Thank you.', {
        thread: sent.message.thread,
      });
      await refreshInbox(page);
      await eventually(() => thread.locator('.entry').count()).toBe(3);
      expect(await conversation(page).count()).toBe(1);
      expect(await thread.locator('.entry-received').last().textContent()).toContain(
        'Wednesday at 18 is good',
      );
      expect(await thread.locator('.entry-received').last().textContent()).toContain('Follow-up');
      expect((await storedRecords(page)).count).toBe(3);
      expect(storedAtAck).toEqual([1, 3]);
      expect(
        watched.requests
          .filter((r) => r.url.endsWith('/api/v1/inbox/ack'))
          .map((r) => JSON.parse(r.body ?? '{}')),
      ).toEqual([{ ids: [sent.id] }, { ids: [followUp.id] }]);
      expect(await serverInbox(supporter)).toEqual([]);
      // The archive holds the whole conversation, sealed: the two messages and the reply.
      const session = await supporter.logIn();
      const archived = await session.readArchive();
      await session.logOut();
      expect(archived.map((item) => item.entry.kind).sort()).toEqual([
        'received',
        'received',
        'sent',
      ]);
      expect(
        watched.requests
          .filter((r) => r.url.endsWith('/api/v1/archive') && r.method === 'POST')
          .every((r) => !r.body?.includes('slept') && !r.body?.includes('Wednesday')),
      ).toBe(true);
      await expectCleanState(watched, 'supporter-follow-up');

      // Logging out ends the session and leaves nothing readable in the page.
      await page.getByRole('button', { name: 'Log out' }).click();
      await page.locator('#login-section').waitFor({ state: 'visible' });
      expect(await page.locator('#inbox-section').isHidden()).toBe(true);
      const html = await page.content();
      for (const secret of ['slept properly', 'Wednesday at 18', '400 00 000', 'Ingrid Haugen']) {
        expect(html).not.toContain(secret);
      }
      expect(await page.locator('#login-passphrase').inputValue()).toBe('');
      expect(
        watched.requests.some((r) => r.method === 'DELETE' && r.url.endsWith('/api/v1/session')),
      ).toBe(true);
      expect(await page.locator('#login-ended').textContent()).toContain('logged out');
      await expectCleanState(watched, 'supporter-logged-out');
      expect(watched.requests.every((r) => r.url.startsWith(setup.relay.url))).toBe(true);
    },
    4 * ARGON2_TIMEOUT,
  );
});

describe('keeping messages safe', () => {
  it(
    'acknowledges nothing the archive did not take, keeps working without IndexedDB, and shows the archive again after a reload',
    async () => {
      const supporter = await seedSupporter(setup.relay, 'kari', PASSPHRASE, 'Kari Nordmann');
      const sent = await (await newDoctor(setup.relay)).writeTo(
        supporter,
        'Could we talk this week?',
      );

      // The relay's archive refuses (full): the message is shown, and left on the relay.
      const refused = await openPage(setup.browser);
      await refused.page.route('**/api/v1/archive', (route) =>
        route.request().method() === 'POST'
          ? route.fulfill({
              status: 429,
              headers: { 'retry-after': '3600' },
              contentType: 'application/json',
              body: JSON.stringify({ error: { code: 'archive_full', message: 'Full.' } }),
            })
          : route.continue(),
      );
      await logInThroughPage(refused.page, setup.relay, supporter);
      await eventually(() => conversation(refused.page).count()).toBe(1);
      expect(await conversation(refused.page).textContent()).toContain('Could we talk this week?');
      expect(await refused.page.locator('#inbox-warning').textContent()).toContain(
        'Your archive on the relay is full',
      );
      expect(await conversation(refused.page).textContent()).toContain(
        'not yet in your encrypted archive',
      );
      expect(refused.requests.some((r) => r.url.endsWith('/api/v1/inbox/ack'))).toBe(false);
      expect(await serverInbox(supporter)).toEqual([sent.id]);
      await expectCleanState(refused, 'supporter-inbox-archive-full', [429]);

      // A browser that refuses IndexedDB (as some private modes do) still
      // archives the message, and only then acknowledges it.
      const blocked = await openPage(setup.browser);
      await blocked.context.addInitScript(() => {
        IDBFactory.prototype.open = () => {
          throw new DOMException('The user denied permission.', 'SecurityError');
        };
      });
      await logInThroughPage(blocked.page, setup.relay, supporter);
      await eventually(() => conversation(blocked.page).count()).toBe(1);
      expect(await blocked.page.locator('#inbox-warning').textContent()).toContain(
        'still kept, encrypted, in your archive',
      );
      const order = blocked.requests.map((r) => `${r.method} ${new URL(r.url).pathname}`);
      expect(order.indexOf('POST /api/v1/archive')).toBeGreaterThan(-1);
      expect(order.indexOf('POST /api/v1/archive')).toBeLessThan(
        order.indexOf('POST /api/v1/inbox/ack'),
      );
      expect(await serverInbox(supporter)).toEqual([]);
      await expectCleanState(blocked, 'supporter-inbox-no-indexeddb');

      // An ordinary browser shows the conversation from the archive and keeps a copy.
      const watched = await openPage(setup.browser);
      const { page } = watched;
      await logInThroughPage(page, setup.relay, supporter);
      await eventually(() => conversation(page).count()).toBe(1);
      expect(await conversation(page).textContent()).toContain('Could we talk this week?');
      expect(watched.requests.some((r) => r.url.endsWith('/api/v1/inbox/ack'))).toBe(false);
      await eventually(async () => (await storedRecords(page)).count).toBe(1);

      // A reload logs out; logging in again shows the thread.
      await page.reload();
      await page.locator('#login-section').waitFor({ state: 'visible' });
      expect(await page.content()).not.toContain('Could we talk this week?');
      const before = watched.requests.length;
      await logInThroughPage(page, setup.relay, supporter);
      await eventually(() => conversation(page).count()).toBe(1);
      expect(await conversation(page).textContent()).toContain('Could we talk this week?');
      expect(await page.locator('#inbox-status').textContent()).toBe('No new messages.');
      expect(watched.requests.slice(before).some((r) => r.url.endsWith('/api/v1/inbox/ack'))).toBe(
        false,
      );
      await expectCleanState(watched, 'supporter-inbox-from-archive');

      // "Delete conversation" asks first, then removes it from the archive and the cache.
      await conversation(page).getByRole('button', { name: 'Delete conversation' }).click();
      await conversation(page).getByRole('button', { name: 'Yes, delete it' }).click();
      await eventually(() => conversation(page).count()).toBe(0);
      expect((await storedRecords(page)).count).toBe(0);
      const session = await supporter.logIn();
      expect(await session.readArchive()).toEqual([]);
      await session.logOut();
      expect(await page.locator('#conversations').textContent()).toContain('No conversations yet');
    },
    4 * ARGON2_TIMEOUT,
  );
});

describe('logging in and availability', () => {
  it(
    'says clearly when the passphrase is wrong, and sets away status that the directory shows',
    async () => {
      const supporter = await seedSupporter(setup.relay, 'ola', PASSPHRASE, 'Ola Berg');
      const watched = await openPage(setup.browser);
      const { page } = watched;
      await page.goto(`${setup.relay.url}/supporter`);
      await page.locator('#login-name').fill('ola');
      await page.locator('#login-passphrase').fill('velvet harbor spindle oatmeal tundra!');
      await page.locator('#login-submit').click();
      await eventually(() => page.locator('#login-error').textContent(), ARGON2_TIMEOUT).toBe(
        'Login or passphrase not correct. Please check both and try again.',
      );
      expect(await page.locator('#inbox-section').isHidden()).toBe(true);
      await expectCleanState(watched, 'supporter-login-wrong-passphrase', [401]);

      await logInThroughPage(page, setup.relay, supporter);
      expect(await page.locator('#login-error').isHidden()).toBe(true);
      expect(await page.locator('#availability-current').textContent()).toContain('available');

      await page.getByLabel('No, I am away').check();
      await page.locator('#away-until').fill('2027-01-10T08:00');
      await page.getByRole('button', { name: 'Save availability' }).click();
      await eventually(() => page.locator('#availability-status').textContent()).toBe('Saved.');
      const sent = watched.requests.filter((r) => r.method === 'PATCH');
      const expectedUntil = await page.evaluate(() => new Date('2027-01-10T08:00').toISOString());
      expect(sent.map((r) => JSON.parse(r.body ?? '{}'))).toEqual([
        { status: 'away', awayUntil: expectedUntil },
      ]);
      const listed = await setup.relay.harness.request('GET', `/api/v1/supporters/${supporter.id}`);
      expect(listed.body).toMatchObject({
        status: 'away',
        awayUntil: expectedUntil.replace(/:\d\d\.\d{3}Z$/, ':00Z'),
      });
      expect(await page.locator('#availability-current').textContent()).toContain('away until');
      await expectCleanState(watched, 'supporter-away', [401]);

      await page.getByLabel('Yes, I am available').check();
      await page.getByRole('button', { name: 'Save availability' }).click();
      await eventually(() =>
        setup.relay.harness
          .request('GET', `/api/v1/supporters/${supporter.id}`)
          .then((response) => response.body.status),
      ).toBe('available');
    },
    3 * ARGON2_TIMEOUT,
  );
});

describe('the inbox in Norwegian on a phone', () => {
  it(
    'shows the conversation and the reply template in Norwegian, within 390 px',
    async () => {
      const supporter = await seedSupporter(setup.relay, 'nora', PASSPHRASE, 'Nora Lie');
      await (await newDoctor(setup.relay)).writeTo(
        supporter,
        'Hei. Jeg trenger noen å snakke med.',
        {
          prefs: { modalities: ['in-person'], when: 'etter kl. 17' },
        },
      );
      const watched = await openPage(setup.browser, {
        locale: 'nb-NO',
        viewport: PHONE,
      });
      const { page } = watched;
      await page.goto(`${setup.relay.url}/supporter`);
      await eventually(() => page.evaluate(() => document.documentElement.lang)).toBe('nb');
      expect(await page.locator('#login-submit').textContent()).toBe('Logg inn');
      await expectCleanState(watched, 'supporter-login-nb-phone');

      await logInThroughPage(page, setup.relay, supporter);
      const thread = conversation(page);
      await eventually(() => thread.count()).toBe(1);
      const text = (await thread.textContent()) ?? '';
      expect(text).toContain('Første melding');
      expect(text).toContain('Ansikt til ansikt');
      expect(text).toContain('etter kl. 17');
      expect(text).toContain('Ingen oppgitt');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        390,
      );
      await expectCleanState(watched, 'supporter-inbox-nb-phone');

      await thread.getByRole('button', { name: 'Svar' }).click();
      const template = await thread.locator('textarea').inputValue();
      expect(template).toContain('Jeg heter Nora Lie');
      expect(template).toContain('ikke behandling');
      expect(template).toContain('inntil tre samtaler');
      expect(template).toContain('Du vil helst snakke ansikt til ansikt.');
      expect(template).toContain('[skriv dag og klokkeslett]');
      await expectCleanState(watched, 'supporter-reply-form-nb-phone');

      // The language switch re-renders the conversation and the untouched template.
      await switchLanguage(page, 'en');
      await eventually(() => thread.locator('h3').textContent()).toMatch(/^Conversation begun/);
      expect(await thread.locator('textarea').inputValue()).toContain('I am Nora Lie');
      expect(await page.locator('#me-name').textContent()).toBe('Logged in as Nora Lie.');
      await switchLanguage(page, 'nb');
      await eventually(() => thread.locator('h3').textContent()).toMatch(/^Samtale startet/);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        390,
      );
    },
    3 * ARGON2_TIMEOUT,
  );
});
