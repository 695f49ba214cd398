/**
 * Joining as a supporter in a real browser: an operator's invite link, the
 * profile form, a passphrase that must be strong (weak ones are refused with
 * a reason), the suggested five-word passphrase, Argon2id in the page, and
 * the fingerprint at the end. Also the refusals a joiner can meet (login
 * taken, invite used) without losing what they typed, and the Norwegian and
 * phone-sized versions of the page.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { fingerprint, fromB64 } from '../../web/src/protocol/index.ts';
import { register, registrationFor } from '../support/actors.ts';
import { PHONE, pagesClosedAfterEach, relayAndBrowser } from './support.ts';
import {
  ARGON2_TIMEOUT,
  createInviteUrl,
  eventually,
  expectCleanState,
  fillProfile,
  type JoinDetails,
  logInThroughPage,
  PROFILE,
  seedSupporter,
  switchLanguage,
  useSuggestion,
} from './supporter-helpers.ts';

const setup = relayAndBrowser();

const openPage = pagesClosedAfterEach();

/** The labels of the ticked boxes of a list, in page order. */
function checkedLabels(page: Page, list: string): Promise<string[]> {
  return page
    .locator(`${list} label:has(input:checked)`)
    .evaluateAll((labels) => labels.map((label) => label.textContent?.trim() ?? ''));
}

const details = (login: string): JoinDetails => ({
  login,
  email: 'ingrid@example.org',
  name: 'Ingrid Haugen',
  county: 'vestland',
  town: 'Bergen',
  specialties: ['psychiatry', 'general-practice'],
  languages: ['nb', 'en'],
  modalities: ['phone', 'video'],
  about: 'Psychiatrist in Bergen.',
});

describe('joining with an invite', () => {
  it(
    'refuses weak passphrases with a reason, joins with the suggested one, and shows the fingerprint',
    async () => {
      await seedSupporter(setup.relay, 'taken-login', 'brisk quarry lantern mossy pelican');
      const invite = await createInviteUrl(setup.relay);
      const watched = await openPage(setup.browser);
      const { page } = watched;
      await page.goto(invite.url);
      await eventually(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
      // The token is read and removed from the address bar at once.
      expect(page.url()).not.toContain(invite.token);
      expect(page.url()).not.toContain('#');
      expect(await page.evaluate(() => location.hash)).toBe('');
      await expectCleanState(watched, 'supporter-join-form');

      await fillProfile(page, details('taken-login'));
      expect(await checkedLabels(page, '#join-specialties')).toEqual([
        'General practice',
        'Psychiatry',
      ]);

      // Weak passphrases are refused, with a reason on the page.
      for (const [weak, reason] of [
        ['password123', /well-known password/],
        ['correct horse', /well-known password/],
        ['Ingrid Haugen Bergen', /login, name, e-mail or town/],
      ] as const) {
        await page.locator('#join-passphrase').fill(weak);
        await page.locator('#join-confirm').fill(weak);
        await eventually(() => page.locator('#join-strength').textContent()).toMatch(reason);
        await page.locator('#join-submit').click();
        await eventually(() => page.locator('#join-passphrase-error').textContent()).toContain(
          'too easy to guess',
        );
        expect(await page.locator('#join-passphrase').getAttribute('aria-invalid')).toBe('true');
        expect(await page.evaluate(() => document.activeElement?.id)).toBe('join-passphrase');
      }
      await expectCleanState(watched, 'supporter-join-weak-passphrase');
      // Nothing was sent for a refused passphrase.
      expect(watched.requests.filter((r) => r.url.endsWith('/api/v1/supporters'))).toEqual([]);

      // The suggestion: five words from the built-in list, shown on its own;
      // "Use this passphrase" fills both fields, which stay hidden.
      const suggested = await useSuggestion(page);
      expect(suggested).toMatch(/^[a-z]+( [a-z]+){4}$/);
      expect(await page.locator('#join-passphrase').inputValue()).toBe(suggested);
      expect(await page.locator('#join-confirm').inputValue()).toBe(suggested);
      await eventually(() => page.locator('#join-strength-text').textContent()).toMatch(/Strong/);
      await expectCleanState(watched, 'supporter-join-suggested');

      // A different confirmation is refused.
      await page.locator('#join-confirm').fill(`${suggested} extra`);
      await page.locator('#join-submit').click();
      await eventually(() => page.locator('#join-confirm-error').textContent()).toContain(
        'not the same',
      );

      // Login taken: a clear message, and nothing lost from the form.
      await page.locator('#join-confirm').fill(suggested);
      await page.locator('#join-submit').click();
      await eventually(() => page.locator('#join-error').textContent(), ARGON2_TIMEOUT).toContain(
        'already taken',
      );
      expect(await page.locator('#join-login-error').textContent()).toContain('taken');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('join-login');
      expect(await page.locator('#join-name').inputValue()).toBe('Ingrid Haugen');
      expect(await page.locator('#join-passphrase').inputValue()).toBe(suggested);
      expect(await page.locator('#join-confirm').inputValue()).toBe(suggested);
      expect(await page.locator('#join-specialties input:checked').count()).toBe(2);
      await expectCleanState(watched, 'supporter-join-login-taken', [409]);

      await page.locator('#join-login').fill('ingrid');
      await page.locator('#join-submit').click();
      await page.locator('#joined').waitFor({ state: 'visible', timeout: ARGON2_TIMEOUT });
      expect(await page.locator('#join-form').isHidden()).toBe(true);
      const shown = (await page.locator('#joined-fingerprint').textContent()) ?? '';
      expect(shown).toMatch(/^\d{5}( \d{5}){4}$/);
      await expectCleanState(watched, 'supporter-joined', [409]);

      // What the relay got: the profile, and a key whose fingerprint is the one shown.
      const registration = watched.requests.filter(
        (r) => r.method === 'POST' && r.url.endsWith('/api/v1/supporters'),
      );
      expect(registration).toHaveLength(2);
      const body = JSON.parse(registration[1]?.body ?? '{}');
      expect(body).toMatchObject({
        invite: invite.token,
        login: 'ingrid',
        email: 'ingrid@example.org',
        profile: {
          name: 'Ingrid Haugen',
          county: 'vestland',
          town: 'Bergen',
          specialties: ['psychiatry', 'general-practice'],
          languages: ['nb', 'en'],
          modalities: ['phone', 'video'],
          about: 'Psychiatrist in Bergen.',
        },
        vault: { opslimit: 3, memlimit: 67_108_864 },
      });
      expect(await fingerprint(fromB64(body.boxPublicKey))).toBe(shown);
      // The passphrase never left the page.
      expect(watched.requests.some((r) => r.body?.includes(suggested.split(' ')[0] ?? '?'))).toBe(
        false,
      );
      const directory = await setup.relay.harness.request('GET', '/api/v1/supporters');
      expect(
        directory.body.supporters.find(
          (entry: { boxPublicKey: string }) => entry.boxPublicKey === body.boxPublicKey,
        ),
      ).toMatchObject({ name: 'Ingrid Haugen', fingerprint: shown, status: 'available' });
      // Nothing secret is left in the page: the form and the suggestion are gone.
      expect(await page.locator('#join-passphrase').count()).toBe(0);
      expect(await page.locator('#join-suggested-text').count()).toBe(0);
      expect(await page.content()).not.toContain(suggested);
      expect(watched.requests.every((r) => r.url.startsWith(setup.relay.url))).toBe(true);

      // The same passphrase opens the account from another browser profile.
      const other = await openPage(setup.browser);
      await logInThroughPage(other.page, setup.relay, { login: 'ingrid', passphrase: suggested });
      expect(await other.page.locator('#me-fingerprint').textContent()).toBe(shown);
      await expectCleanState(other, 'supporter-joined-first-login');
    },
    4 * ARGON2_TIMEOUT,
  );

  it(
    'says clearly when the invite is used while the form is being filled in, keeping the form',
    async () => {
      const invite = await createInviteUrl(setup.relay);
      await seedSupporter(setup.relay, 'first-user', 'brisk quarry lantern mossy pelican');
      const watched = await openPage(setup.browser);
      const { page } = watched;
      await page.goto(invite.url);
      await page.locator('#join-form').waitFor();

      // Use the invite through the API, as if someone had joined with it meanwhile.
      const someoneElse = await registrationFor(setup.relay, {
        invite: invite.token,
        login: 'someone-else',
        profile: PROFILE,
        wholeProfile: true,
      });
      const used = await register(setup.relay, someoneElse.body);
      expect(used.status, used.text).toBe(201);

      await fillProfile(page, details('late-joiner'));
      const suggested = await useSuggestion(page);
      await page.locator('#join-submit').click();
      await eventually(() => page.locator('#join-error').textContent(), ARGON2_TIMEOUT).toContain(
        'already been used',
      );
      expect(await page.locator('#join-login').inputValue()).toBe('late-joiner');
      expect(await page.locator('#join-passphrase').inputValue()).toBe(suggested);
      await expectCleanState(watched, 'supporter-join-invite-used', [410]);
    },
    2 * ARGON2_TIMEOUT,
  );

  it('explains what to do when the link carries no invite', async () => {
    const watched = await openPage(setup.browser);
    await watched.page.goto(`${setup.relay.url}/supporter/join`);
    await watched.page.locator('#join-no-invite').waitFor({ state: 'visible' });
    // No form to fill in for nothing.
    expect(await watched.page.locator('#join-form').count()).toBe(0);
    expect(await watched.page.locator('#join-submit').count()).toBe(0);
    await expectCleanState(watched, 'supporter-join-no-invite');
  });
});

describe('the join page in Norwegian and on a phone', () => {
  it(
    'is in natural Norwegian, fits a 390 px screen, and joins',
    async () => {
      const invite = await createInviteUrl(setup.relay);
      const watched = await openPage(setup.browser, {
        locale: 'nb-NO',
        viewport: PHONE,
      });
      const { page } = watched;
      await page.goto(invite.url);
      await eventually(() => page.evaluate(() => document.documentElement.lang)).toBe('nb');
      expect(await page.locator('h1').textContent()).toBe('Bli støttekollega');
      expect(await page.locator('#join-submit').textContent()).toBe('Opprett kontoen min');
      // Nothing wider than the screen.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        390,
      );
      await expectCleanState(watched, 'supporter-join-nb-phone');

      await fillProfile(page, { ...details('kari-nb'), email: '' });
      await page.locator('#join-passphrase').fill('passord123');
      await eventually(() => page.locator('#join-strength').textContent()).toContain(
        'kjent passord',
      );
      await useSuggestion(page);
      await expectCleanState(watched, 'supporter-join-nb-phone-suggested');

      // Switching language re-renders what the page wrote itself.
      await switchLanguage(page, 'en');
      await eventually(() => page.locator('#join-strength-text').textContent()).toMatch(/Strong/);
      await switchLanguage(page, 'nb');
      await eventually(() => page.locator('#join-strength-text').textContent()).toMatch(/Sterk/);

      await page.locator('#join-submit').click();
      await page.locator('#joined').waitFor({ state: 'visible', timeout: ARGON2_TIMEOUT });
      expect(await page.locator('#joined-heading').textContent()).toBe('Velkommen. Du er med.');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        390,
      );
      await expectCleanState(watched, 'supporter-joined-nb-phone');
    },
    2 * ARGON2_TIMEOUT,
  );
});
