/**
 * Helpers for the supporter-page browser tests: seeding supporters with a
 * real vault (the test actors, test/support/actors.ts, play them and the
 * doctors), driving the join and login forms, and the checks every page
 * state must pass (no CSP violation, no page error, no serious axe finding,
 * a screenshot).
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import {
  createInvite,
  joinSupporter,
  type Profile,
  type Supporter,
  type Transport,
} from '../support/actors.ts';
import {
  type RunningRelay,
  saveScreenshot,
  seriousAxeFindings,
  type WatchedPage,
} from './support.ts';

/** Argon2id runs in the page (about a second each, more on a busy machine). */
export const ARGON2_TIMEOUT = 60_000;

/**
 * `expect.poll` with room for a loaded machine (its default is one second);
 * it returns as soon as the assertion holds.
 */
export function eventually<T>(read: () => T | Promise<T>, timeout = 20_000) {
  return expect.poll(read, { timeout, interval: 100 });
}

// Chromium logs every non-2xx fetch as a console error ("Failed to load
// resource"). Tests that provoke an expected refusal pass its status here;
// anything else the page logs still fails the test.
function unexpectedErrors(watched: WatchedPage, expectedStatuses: number[]): string[] {
  return watched.pageErrors.filter(
    (message) =>
      !expectedStatuses.some((status) =>
        message.includes(`the server responded with a status of ${status}`),
      ),
  );
}

/**
 * The checks every visited page state must pass: no CSP violation, no page
 * error, no serious or critical axe finding; and a screenshot as artefact.
 */
export async function expectCleanState(
  watched: WatchedPage,
  screenshot: string,
  expectedStatuses: number[] = [],
): Promise<void> {
  expect(watched.cspViolations).toEqual([]);
  expect(unexpectedErrors(watched, expectedStatuses)).toEqual([]);
  expect(await seriousAxeFindings(watched.page)).toEqual([]);
  await saveScreenshot(watched.page, screenshot);
}

/** An operator invite, with its URL pointed at the test relay. */
export async function createInviteUrl(
  relay: RunningRelay,
): Promise<{ token: string; url: string }> {
  const { token, url } = await createInvite(relay, { note: 'browser test' });
  const given = new URL(url);
  return { token, url: `${relay.url}${given.pathname}${given.hash}` };
}

/** A supporter the page can log in as: their vault is real. */
export type SeededSupporter = Supporter & { passphrase: string };

export const PROFILE = {
  name: 'Ingrid Haugen',
  county: 'Vestland',
  town: 'Bergen',
  specialties: ['Psychiatry'],
  languages: ['nb', 'en'],
  modalities: ['in-person', 'phone', 'video'],
  about: 'Psychiatrist in Bergen, peer supporter since 2019.',
} satisfies Profile;

/**
 * Joins a supporter through the API with a real vault under `passphrase`
 * (made with the same protocol library, in Node), so a browser can log in.
 */
export async function seedSupporter(
  relay: Transport,
  login: string,
  passphrase: string,
  name = PROFILE.name,
): Promise<SeededSupporter> {
  const profile = { ...PROFILE, name };
  const supporter = await joinSupporter(relay, { login, passphrase, profile, wholeProfile: true });
  return supporter as SeededSupporter;
}

/**
 * The ids of the supporter's queued messages on the relay, read through the
 * API with a session of its own (logged in from the passphrase, as a client
 * would), which it then ends.
 */
export async function serverInbox(supporter: Supporter): Promise<string[]> {
  const session = await supporter.logIn();
  const ids = await session.inboxIds();
  await session.logOut();
  return ids;
}

/** Opens the inbox page and logs in, waiting for the conversations to load. */
export async function logInThroughPage(
  page: Page,
  relay: Pick<RunningRelay, 'url'>,
  supporter: { login: string; passphrase: string },
): Promise<void> {
  if (!page.url().startsWith(`${relay.url}/supporter`)) await page.goto(`${relay.url}/supporter`);
  await page.locator('#login-name').fill(supporter.login);
  await page.locator('#login-passphrase').fill(supporter.passphrase);
  await page.locator('#login-submit').click();
  await page.locator('#inbox-section').waitFor({ state: 'visible', timeout: ARGON2_TIMEOUT });
  // The first check for new messages has finished.
  await eventually(() => page.locator('#inbox-status').textContent()).toMatch(/\S/);
  await eventually(() => page.locator('#refresh').isEnabled()).toBe(true);
}

/** Clicks "check for new messages" and waits for it to finish. */
export async function refreshInbox(page: Page): Promise<void> {
  // The button stays disabled from the click until the check has finished.
  await Promise.all([
    page.waitForResponse((response) => response.url().endsWith('/api/v1/inbox')),
    page.locator('#refresh').click(),
  ]);
  await eventually(() => page.locator('#refresh').isEnabled()).toBe(true);
  await eventually(() => page.locator('#inbox-status').textContent()).toMatch(/\S/);
}

/** County, specialties and languages: each a vocabulary code or its label in the page's language. */
export interface JoinDetails {
  login: string;
  email?: string;
  name: string;
  county: string;
  town: string;
  specialties: string[];
  languages: string[];
  modalities: string[];
  about?: string;
}

/** The checkbox of a list (specialties, languages) for a code or a label. */
function choice(page: Page, list: string, codeOrLabel: string) {
  const group = page.locator(list);
  return group
    .locator(`input[value="${codeOrLabel}"]`)
    .or(group.getByRole('checkbox', { name: codeOrLabel, exact: true }));
}

/** Fills the profile part of the join form (not the passphrase). */
export async function fillProfile(page: Page, details: JoinDetails): Promise<void> {
  await page.locator('#join-login').fill(details.login);
  if (details.email) await page.locator('#join-email').fill(details.email);
  await page.locator('#join-name').fill(details.name);
  // A select matches an option's value (the code) or its label.
  await page.locator('#join-county').selectOption(details.county);
  await page.locator('#join-town').fill(details.town);
  for (const specialty of details.specialties) {
    await choice(page, '#join-specialties', specialty).check();
  }
  for (const language of details.languages) {
    await choice(page, '#join-languages', language).check();
  }
  for (const modality of details.modalities) {
    await page.locator(`#join-modalities input[value="${modality}"]`).check();
  }
  if (details.about) await page.locator('#join-about').fill(details.about);
}

/** Switches the page's language with the header's switch. */
export async function switchLanguage(page: Page, language: 'nb' | 'en'): Promise<void> {
  await page.locator(`.language button[lang="${language}"]`).click();
  await eventually(() => page.evaluate(() => document.documentElement.lang)).toBe(language);
}

/**
 * Asks for a suggested passphrase and uses it ("Use this passphrase" fills
 * both fields); returns it. The fields stay hidden (type=password).
 */
export async function useSuggestion(page: Page, prefix = 'join'): Promise<string> {
  await page.locator(`#${prefix}-suggest`).click();
  const shown = page.locator(`#${prefix}-suggested-text`);
  await shown.waitFor();
  const suggested = (await shown.textContent()) ?? '';
  await page.locator(`#${prefix}-use-suggestion`).click();
  await eventually(() => page.locator(`#${prefix}-confirm`).inputValue()).toBe(suggested);
  expect(await page.locator(`#${prefix}-passphrase`).inputValue()).toBe(suggested);
  expect(await page.locator(`#${prefix}-passphrase`).getAttribute('type')).toBe('password');
  expect(await page.locator(`#${prefix}-confirm`).getAttribute('type')).toBe('password');
  expect(await page.locator(`#${prefix}-show-passphrase`).isChecked()).toBe(false);
  return suggested;
}
