/**
 * The supporter's pages as issue 13 left them, in both languages and on a
 * 390 × 844 phone: their own header and footer and tab titles (item 3), the
 * invite checked before anything is typed (7), county, specialties and
 * languages chosen from the bilingual lists (5), a passphrase suggested from
 * the page language's own word list and loaded only then (8), and times
 * that say what the page knows: the doctor's minute, the relay's hour as a
 * range (9).
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { updateSupporter } from '../../src/db/supporters.ts';
import { WORDS as EN_WORDS } from '../../web/src/supporter/word-list.ts';
import { WORDS as NB_WORDS } from '../../web/src/supporter/word-list-nb.ts';
import { createInvite, newDoctor, register, registrationFor } from '../support/actors.ts';
import { PHONE, pagesClosedAfterEach, relayAndBrowser } from './support.ts';
import {
  createInviteUrl,
  eventually,
  expectCleanState,
  logInThroughPage,
  PROFILE,
  seedSupporter,
  switchLanguage,
  useSuggestion,
} from './supporter-helpers.ts';

const setup = relayAndBrowser();

const openPage = pagesClosedAfterEach();
const PASSPHRASE = 'velvet harbor spindle oatmeal tundra';

type Language = 'en' | 'nb';
const LOCALE: Record<Language, string> = { en: 'en-GB', nb: 'nb-NO' };

function open(language: Language) {
  return openPage(setup.browser, { locale: LOCALE[language], viewport: PHONE });
}

async function fitsThePhone(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
    PHONE.width,
  );
}

/** An invite link pointed at the test relay, for a token made here or by the operator. */
function inviteLink(token: string): string {
  return `${setup.relay.url}/supporter/join#invite=${token}`;
}

describe('the supporter pages have their own chrome (item 3)', () => {
  it.each([
    ['en', 'Join as a peer supporter · Peer support for doctors', 'Your supporter inbox'],
    ['nb', 'Bli støttekollega · Kollegastøtte for leger', 'Innboksen din som støttekollega'],
  ] as const)(
    'in %s: no doctor links or doctor footer, and plain tab titles',
    async (language, joinTitle, inboxTitle) => {
      const invite = await createInviteUrl(setup.relay);
      const watched = await open(language);
      const { page } = watched;
      for (const [url, title] of [
        [invite.url, joinTitle],
        [`${setup.relay.url}/supporter`, inboxTitle],
      ] as const) {
        await page.goto(url);
        await eventually(() => page.evaluate(() => document.documentElement.lang)).toBe(language);
        await eventually(() => page.title()).toContain(title);
        expect(await page.title()).not.toContain('peer-relay');
        const header = (await page.locator('header').textContent()) ?? '';
        const footer = (await page.locator('footer').textContent()) ?? '';
        expect(header).not.toMatch(/Find a supporter|Finn en støttekollega|Read replies|Les svar/);
        expect(footer).not.toMatch(/No account, no cookies|Ingen konto/);
        expect(footer).toMatch(/\S/);
        await fitsThePhone(page);
      }
      await expectCleanState(watched, `supporter-chrome-${language}`);
    },
  );
});

describe('the invite is checked before anything is typed (item 7)', () => {
  const sentences = {
    en: {
      used: 'already been used',
      unknown: 'not known to the relay',
      expired: 'has expired',
      whatToDo: 'ask the operator who invited you for a new invite link',
      validUntil: /can be used until .*between \d\d:00 and \d\d:00/,
    },
    nb: {
      used: 'allerede brukt',
      unknown: 'kjenner ikke denne invitasjonen',
      expired: 'er utløpt',
      whatToDo: 'Be operatøren som inviterte deg, om en ny invitasjonslenke',
      validUntil: /kan brukes til .*mellom kl\. \d\d[.:]00 og \d\d[.:]00/,
    },
  } as const;

  for (const language of ['en', 'nb'] as const) {
    it(`in ${language}: a valid invite says until when; used and unknown ones say so, with what to do, and show no form`, async () => {
      const said = sentences[language];
      const watched = await open(language);
      const { page } = watched;

      const valid = await createInviteUrl(setup.relay);
      await page.goto(valid.url);
      await page.locator('#join-form').waitFor();
      await eventually(() => page.locator('#join-invite-valid').textContent()).toMatch(
        said.validUntil,
      );
      const checks = watched.requests.filter((r) => r.url.endsWith('/api/v1/invites/check'));
      expect(checks.map((r) => JSON.parse(r.body ?? '{}'))).toEqual([{ invite: valid.token }]);
      await fitsThePhone(page);
      await expectCleanState(watched, `supporter-invite-valid-${language}`);

      // Used by someone else before this page opened.
      const used = await createInviteUrl(setup.relay);
      const someoneElse = await registrationFor(setup.relay, {
        invite: used.token,
        login: `used-${language}`,
        profile: PROFILE,
        wholeProfile: true,
      });
      expect((await register(setup.relay, someoneElse.body)).status).toBe(201);
      await page.goto(used.url);
      const notice = page.locator('#join-no-invite');
      await eventually(() => notice.textContent()).toContain(said.used);
      expect(await notice.textContent()).toContain(said.whatToDo);
      expect(await page.locator('#join-form').count()).toBe(0);
      await fitsThePhone(page);
      await expectCleanState(watched, `supporter-invite-used-${language}`, [410]);

      // A token the relay never issued.
      await page.goto(inviteLink('AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'));
      await eventually(() => notice.textContent()).toContain(said.unknown);
      expect(await notice.textContent()).toContain(said.whatToDo);
      expect(await page.locator('#join-form').count()).toBe(0);
      await expectCleanState(watched, `supporter-invite-unknown-${language}`, [410, 404, 400]);
      expect(watched.requests.some((r) => r.url.endsWith('/api/v1/supporters'))).toBe(false);
    });
  }
});

describe('county, specialties and languages come from the lists (item 5)', () => {
  it('labels them in the page language, narrows a long list by typing, keeps choices and text across a switch, and sends codes', async () => {
    const invite = await createInviteUrl(setup.relay);
    const watched = await open('nb');
    const { page } = watched;
    await page.goto(invite.url);
    await page.locator('#join-form').waitFor();

    // The county is a select of Norway's 15 counties, in Norwegian order.
    const counties = await page.locator('#join-county option').allTextContents();
    expect(counties).toHaveLength(16);
    expect(counties).toContain('Møre og Romsdal');
    await page.getByLabel('Fylke').selectOption({ label: 'Møre og Romsdal' });

    // Specialties: labelled checkboxes, with a search box for the long list.
    const specialties = page.locator('#join-specialties');
    expect(
      await specialties.getByRole('checkbox', { name: 'Psykiatri', exact: true }).count(),
    ).toBe(1);
    await page.getByLabel('Søk i listen: Spesialiteter').fill('psyk');
    const shown = await specialties
      .locator('.choice-options label:visible')
      .evaluateAll((labels) => labels.map((label) => label.textContent?.trim()));
    expect(shown).toEqual(['Barne- og ungdomspsykiatri', 'Psykiatri']);
    expect(await specialties.getByRole('checkbox', { name: 'Allmennmedisin' }).count()).toBe(0);
    await specialties.getByRole('checkbox', { name: 'Psykiatri', exact: true }).check();
    await page.getByLabel('Søk i listen: Spesialiteter').fill('');
    await specialties.getByRole('checkbox', { name: 'Allmennmedisin', exact: true }).check();
    await page
      .locator('#join-languages')
      .getByRole('checkbox', { name: 'Norsk bokmål', exact: true })
      .check();
    await page.getByLabel('Navn', { exact: true }).fill('Kari Nordmann');
    await fitsThePhone(page);
    await expectCleanState(watched, 'supporter-join-lists-nb');

    // A switch relabels the lists and keeps every choice and every typed word.
    await switchLanguage(page, 'en');
    expect(
      await specialties.getByRole('checkbox', { name: 'Psychiatry', exact: true }).isChecked(),
    ).toBe(true);
    expect(
      await specialties
        .getByRole('checkbox', { name: 'General practice', exact: true })
        .isChecked(),
    ).toBe(true);
    expect(
      await page
        .locator('#join-languages')
        .getByRole('checkbox', { name: 'Norwegian Bokmål', exact: true })
        .isChecked(),
    ).toBe(true);
    expect(await page.locator('#join-county').inputValue()).toBe('more-og-romsdal');
    expect(await page.locator('#join-name').inputValue()).toBe('Kari Nordmann');
    await expectCleanState(watched, 'supporter-join-lists-en');

    // What registration would send: codes (the passphrase step is left out; the join test sends it).
    await page.locator('#join-login').fill('kari-lists');
    await page.locator('#join-town').fill('Ålesund');
    await page.locator('#join-modalities input[value="phone"]').check();
    await useSuggestion(page);
    await page.locator('#join-submit').click();
    await page.locator('#joined').waitFor({ timeout: 60_000 });
    const sent = watched.requests.filter(
      (r) => r.method === 'POST' && r.url.endsWith('/api/v1/supporters'),
    );
    expect(JSON.parse(sent[0]?.body ?? '{}').profile).toMatchObject({
      county: 'more-og-romsdal',
      specialties: ['psychiatry', 'general-practice'],
      languages: ['nb'],
    });
  }, 120_000);
});

describe('a passphrase suggested in the page language (item 8)', () => {
  for (const [language, list, count] of [
    ['en', EN_WORDS, 5],
    ['nb', NB_WORDS, 6],
  ] as const) {
    it(`in ${language}: ${count} words of the ${language} list, loaded only when asked for, and never shown by itself`, async () => {
      const invite = await createInviteUrl(setup.relay);
      const watched = await open(language);
      const { page } = watched;
      await page.goto(invite.url);
      await page.locator('#join-form').waitFor();
      const lists = () => watched.requests.filter((r) => /\/word-list[-\w]*\.js$/.test(r.url));
      // Nothing of either list is fetched until the passphrase part is used.
      expect(lists()).toEqual([]);

      const suggested = await useSuggestion(page);
      const words = suggested.split(' ');
      expect(words).toHaveLength(count);
      expect(new Set(words).size).toBe(count);
      for (const word of words) expect(list).toContain(word);
      // Only this language's list was fetched.
      expect(lists()).toHaveLength(1);
      expect(lists()[0]?.url).toMatch(language === 'nb' ? /word-list-nb-/ : /word-list-(?!nb)/);
      // The fields stay hidden: "Show passphrase" is the supporter's own choice.
      for (const field of ['#join-passphrase', '#join-confirm']) {
        expect(await page.locator(field).getAttribute('type')).toBe('password');
      }
      await eventually(() => page.locator('#join-strength-text').textContent()).toMatch(
        language === 'nb' ? /Sterk/ : /Strong/,
      );
      await fitsThePhone(page);
      await expectCleanState(watched, `supporter-join-suggestion-${language}`);

      // Showing it is one tick away, and a tick only.
      await page.locator('#join-show-passphrase').check();
      expect(await page.locator('#join-passphrase').getAttribute('type')).toBe('text');
      await page.locator('#join-show-passphrase').uncheck();
      expect(await page.locator('#join-passphrase').getAttribute('type')).toBe('password');
    });
  }

  it('keeps the word lists off the doctor pages', async () => {
    const watched = await openPage(setup.browser);
    for (const path of ['/', '/write', '/mailbox']) {
      await watched.page.goto(`${setup.relay.url}${path}`);
      await watched.page.waitForLoadState('networkidle');
    }
    expect(watched.requests.filter((r) => /word-list/.test(r.url))).toEqual([]);
  });
});

describe('times that say what the page knows (item 9)', () => {
  for (const language of ['en', 'nb'] as const) {
    it(`in ${language}: the doctor's own minute, and the relay's hour as a range`, async () => {
      const supporter = await seedSupporter(
        setup.relay,
        `times-${language}`,
        PASSPHRASE,
        'Tone Berg',
      );
      await (await newDoctor(setup.relay)).writeTo(supporter, 'Can we talk?');
      const watched = await open(language);
      const { page } = watched;
      await page.goto(`${setup.relay.url}/supporter`);
      await logInThroughPage(page, setup.relay, supporter);
      const entry = page.locator('#conversations .entry-received').first();
      await entry.waitFor();
      const written = (await entry.locator('.entry-written').textContent()) ?? '';
      const reached = (await entry.locator('.entry-relay-time').textContent()) ?? '';
      if (language === 'en') {
        expect(written).toMatch(/written \d{1,2} \w+ \d{4} at \d\d:\d\d/);
        expect(reached).toMatch(
          /reached the relay \d{1,2} \w+ \d{4}, between (\d\d):00 and \d\d:00/,
        );
      } else {
        expect(written).toMatch(/skrevet \d{1,2}\. \p{L}+ \d{4}.* \d\d[.:]\d\d/u);
        expect(reached).toMatch(/kom fram til reléet .*mellom kl\. \d\d[.:]00 og \d\d[.:]00/);
      }
      // The relay's hour never reads as a moment.
      expect(reached).not.toMatch(/\bat \d\d:00\b|\bkl\. \d\d[.:]00\b(?! og)/);
      // The conversation is dated by the doctor's minute too.
      const title = (await page.locator('#conversations article h3').textContent()) ?? '';
      expect(title).not.toMatch(/between|mellom/);
      expect(title).toMatch(/\d\d[.:]\d\d/);
      await fitsThePhone(page);
      await expectCleanState(watched, `supporter-inbox-times-${language}`);
    }, 120_000);
  }
});

describe('an expired invite (item 7)', () => {
  it.each(['en', 'nb'] as const)('in %s says it has expired, and what to do', async (language) => {
    const { token } = await createInvite(setup.relay, { expiresInDays: 1 });
    // Two days on: the invite's day has passed (the clock only moves forward).
    setup.relay.harness.clock.set(
      new Date(setup.relay.harness.clock.now().getTime() + 2 * 86_400_000),
    );
    const watched = await open(language);
    const { page } = watched;
    await page.goto(inviteLink(token));
    const notice = page.locator('#join-no-invite');
    await eventually(() => notice.textContent()).toContain(
      language === 'en' ? 'has expired' : 'er utløpt',
    );
    expect(await page.locator('#join-form').count()).toBe(0);
    await fitsThePhone(page);
    await expectCleanState(watched, `supporter-invite-expired-${language}`, [410]);
  });
});

describe('the entry in the directory, edited from the inbox (item 5)', () => {
  it.each(['en', 'nb'] as const)(
    'in %s: legacy values are shown as they are and kept, lists are labelled, and only changes are sent as codes',
    async (language) => {
      const supporter = await seedSupporter(
        setup.relay,
        `profile-${language}`,
        PASSPHRASE,
        'Siri Dahl',
      );
      // As the vocabulary migration left a free-text entry it could not map.
      await updateSupporter(setup.relay.harness.relay.db, supporter.id, {
        county: 'other: Svalbard',
        specialties: ['psychiatry', 'other: Havmedisin'],
      });
      const watched = await open(language);
      const { page } = watched;
      await page.goto(`${setup.relay.url}/supporter`);
      await logInThroughPage(page, setup.relay, supporter);
      // The entry is one tap away, folded so the inbox stays short.
      await page.locator('#profile-heading + p + details > summary').click();
      const form = page.locator('#profile-form');
      await form.waitFor();
      expect(await page.locator('#profile-county').inputValue()).toBe('other: Svalbard');
      expect(await page.locator('#profile-county option:checked').textContent()).toBe(
        'other: Svalbard',
      );
      const specialties = page.locator('#profile-specialties');
      const psychiatry = language === 'en' ? 'Psychiatry' : 'Psykiatri';
      expect(
        await specialties
          .getByRole('checkbox', { name: 'other: Havmedisin', exact: true })
          .isChecked(),
      ).toBe(true);
      expect(
        await specialties.getByRole('checkbox', { name: psychiatry, exact: true }).isChecked(),
      ).toBe(true);
      await fitsThePhone(page);
      await expectCleanState(watched, `supporter-profile-${language}`);

      // Change the town only: the legacy values are not sent, and stay.
      await page.locator('#profile-town').fill('Longyearbyen');
      await form.locator('button[type="submit"]').click();
      await eventually(() => page.locator('#profile-status').textContent()).toMatch(
        language === 'en' ? /Saved/ : /Lagret/,
      );
      const patches = () =>
        watched.requests
          .filter((r) => r.method === 'PATCH' && r.url.endsWith('/api/v1/me'))
          .map((r) => JSON.parse(r.body ?? '{}'));
      expect(patches()).toEqual([{ profile: { town: 'Longyearbyen' } }]);
      const listed = await setup.relay.harness.request('GET', `/api/v1/supporters/${supporter.id}`);
      expect(listed.body).toMatchObject({
        county: 'other: Svalbard',
        town: 'Longyearbyen',
        specialties: ['psychiatry', 'other: Havmedisin'],
      });

      // Choosing a county from the list replaces the legacy value with a code.
      await page.locator('#profile-county').selectOption({ label: 'Troms' });
      await specialties.getByRole('checkbox', { name: 'other: Havmedisin', exact: true }).uncheck();
      await form.locator('button[type="submit"]').click();
      await eventually(() => patches().length).toBe(2);
      expect(patches()[1]).toEqual({ profile: { county: 'troms', specialties: ['psychiatry'] } });
      await eventually(() =>
        setup.relay.harness
          .request('GET', `/api/v1/supporters/${supporter.id}`)
          .then((response) => [response.body.county, response.body.specialties]),
      ).toEqual(['troms', ['psychiatry']]);
      await expectCleanState(watched, `supporter-profile-saved-${language}`);
    },
    120_000,
  );
});

describe('changing the passphrase from the inbox', () => {
  it.each(['en', 'nb'] as const)(
    'in %s: refuses a wrong current passphrase, takes a suggested new one, and the new one opens the account',
    async (language) => {
      const supporter = await seedSupporter(
        setup.relay,
        `change-${language}`,
        PASSPHRASE,
        'Per Holm',
      );
      const watched = await open(language);
      const { page } = watched;
      await page.goto(`${setup.relay.url}/supporter`);
      await logInThroughPage(page, setup.relay, supporter);
      const fingerprint = await page.locator('#me-fingerprint').textContent();
      await page.locator('#passphrase-heading + details > summary').click();
      await page.locator('#change-current').fill('not my passphrase at all, really');
      const next = await useSuggestion(page, 'change');
      await page.locator('#change-submit').click();
      await eventually(() => page.locator('#change-current-error').textContent(), 60_000).toMatch(
        language === 'en' ? /not your current passphrase/ : /ikke passordfrasen du bruker nå/,
      );
      await fitsThePhone(page);
      await expectCleanState(watched, `supporter-passphrase-wrong-${language}`, [401]);

      await page.locator('#change-current').fill(PASSPHRASE);
      await page.locator('#change-submit').click();
      await page.locator('#passphrase-done').waitFor({ timeout: 60_000 });
      const puts = watched.requests.filter((r) => r.method === 'PUT');
      // Neither passphrase was sent.
      for (const request of watched.requests) {
        expect(request.body ?? '').not.toContain(next.split(' ')[0]);
        expect(request.body ?? '').not.toContain('velvet');
      }
      expect(puts).toHaveLength(2);
      await expectCleanState(watched, `supporter-passphrase-changed-${language}`, [401]);

      // Log out; the new passphrase opens the same key.
      await page.locator('#logout').click();
      await page.locator('#login-section').waitFor();
      await logInThroughPage(page, setup.relay, { login: supporter.login, passphrase: next });
      expect(await page.locator('#me-fingerprint').textContent()).toBe(fingerprint);
    },
    180_000,
  );
});

describe('notifications, set from the inbox', () => {
  it.each(['en', 'nb'] as const)(
    'in %s: explains a refusal at its field, and saves a webhook the relay then holds',
    async (language) => {
      const supporter = await seedSupporter(
        setup.relay,
        `notify-${language}`,
        PASSPHRASE,
        'Liv Aas',
      );
      const watched = await open(language);
      const { page } = watched;
      await page.goto(`${setup.relay.url}/supporter`);
      await logInThroughPage(page, setup.relay, supporter);
      const form = page.locator('#notify-form');
      await eventually(() => form.locator('button[type="submit"]').isEnabled()).toBe(true);

      // This relay sends no e-mail: said at the e-mail field.
      await page.locator('#notify-email').fill('liv@example.org');
      await page.locator('#notify-by-email').check();
      await form.locator('button[type="submit"]').click();
      await eventually(() => page.locator('#notify-email-error').textContent()).toMatch(
        language === 'en' ? /does not send e-mail/ : /sender ikke e-post/,
      );
      expect(await page.locator('#notify-email').getAttribute('aria-invalid')).toBe('true');
      await fitsThePhone(page);
      await expectCleanState(watched, `supporter-notify-refused-${language}`, [400]);

      // A webhook of their own.
      await page.locator('#notify-by-email').uncheck();
      await page.locator('#notify-email').fill('');
      await page.locator('#notify-form details > summary').click();
      await page.locator('#notify-webhook').fill('http://example.org/hook');
      await form.locator('button[type="submit"]').click();
      await eventually(() => page.locator('#notify-webhook-error').textContent()).toMatch(
        /https:\/\//,
      );
      await page.locator('#notify-webhook').fill('https://example.org/hook');
      await form.locator('button[type="submit"]').click();
      await eventually(() => page.locator('#notify-status').textContent()).toBe(
        language === 'en' ? 'Saved.' : 'Lagret.',
      );
      const session = await supporter.logIn();
      const me = await setup.relay.request('GET', '/api/v1/me', { token: session.token });
      await session.logOut();
      expect(me.body.notify).toEqual({ email: false, webhookUrl: 'https://example.org/hook' });
      await expectCleanState(watched, `supporter-notify-saved-${language}`, [400]);
    },
    120_000,
  );
});

describe('leaving the service', () => {
  it.each(['en', 'nb'] as const)(
    'in %s: asks first, then erases the account and this browser’s copy',
    async (language) => {
      const supporter = await seedSupporter(
        setup.relay,
        `leave-${language}`,
        PASSPHRASE,
        'Ola Vik',
      );
      await (await newDoctor(setup.relay)).writeTo(supporter, 'Hello, can we talk?');
      const watched = await open(language);
      const { page } = watched;
      await page.goto(`${setup.relay.url}/supporter`);
      await logInThroughPage(page, setup.relay, supporter);
      await page.locator('#conversations article').waitFor();

      // Cancel leaves everything as it was.
      await page.locator('#leave').click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      await fitsThePhone(page);
      await expectCleanState(watched, `supporter-leave-confirm-${language}`);
      await page.locator('#leave-no').click();
      await dialog.waitFor({ state: 'hidden' });
      expect(
        watched.requests.some((r) => r.method === 'DELETE' && r.url.endsWith('/api/v1/me')),
      ).toBe(false);

      await page.locator('#leave').click();
      await page.locator('#leave-yes').click();
      await eventually(() => page.locator('#login-ended').textContent()).toMatch(
        language === 'en' ? /You have left the service/ : /Du har sluttet i tjenesten/,
      );
      expect(await page.content()).not.toContain('Hello, can we talk?');
      const kept = await page.evaluate(async () => {
        let count = 0;
        for (const { name } of await indexedDB.databases()) {
          if (!name?.startsWith('peer-relay-')) continue;
          const db = await new Promise<IDBDatabase>((resolve, reject) => {
            const request = indexedDB.open(name);
            request.onsuccess = () => resolve(request.result);
            request.onerror = () => reject(request.error);
          });
          count += await new Promise<number>((resolve, reject) => {
            const request = db.transaction('records').objectStore('records').count();
            request.onsuccess = () => resolve(request.result);
            request.onerror = () => reject(request.error);
          });
          db.close();
        }
        return count;
      });
      expect(kept).toBe(0);
      const directory = await setup.relay.harness.request('GET', '/api/v1/supporters');
      expect(
        directory.body.supporters.some((entry: { id: string }) => entry.id === supporter.id),
      ).toBe(false);
      await expectCleanState(watched, `supporter-left-${language}`);
    },
    120_000,
  );
});
