/**
 * Helpers for the doctor-page browser tests: a seeded directory whose
 * supporters are test actors (test/support/actors.ts), so a test can act as
 * the supporter through the API, the checks every page state must pass, and
 * keyboard-only navigation.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { joinSupporter, type Profile, type Supporter, type Transport } from '../support/actors.ts';
import {
  type CapturedRequest,
  saveScreenshot,
  seriousAxeFindings,
  type WatchedPage,
} from './support.ts';

/** Three supporters that differ in every filterable field; the third is away. */
export const PROFILES = {
  anne: {
    name: 'Anne Berg',
    county: 'Vestland',
    town: 'Bergen',
    specialties: ['psychiatry'],
    languages: ['nb', 'en'],
    modalities: ['in-person', 'phone', 'video'],
    about: 'Psychiatrist in Bergen, peer supporter since 2019.',
  },
  bjorn: {
    name: 'Bjørn Dahl',
    county: 'Oslo',
    town: 'Oslo',
    specialties: ['general practice'],
    languages: ['nb'],
    modalities: ['phone'],
  },
  chen: {
    name: 'Chen Li',
    county: 'Troms',
    town: 'Tromsø',
    specialties: ['anaesthesiology'],
    languages: ['en', 'de'],
    modalities: ['video'],
  },
} satisfies Record<string, Profile>;

/** What the doctor pages may load together (home, compose with its worker, mailbox): gzipped JavaScript. */
export const DOCTOR_JS_BUDGET = 200 * 1024;

export const CHEN_AWAY_UNTIL = '2026-12-05T08:00:00Z';

export interface Directory {
  anne: Supporter;
  bjorn: Supporter;
  chen: Supporter;
}

/** Joins the three supporters through the API; Chen goes away. */
export async function seedDirectory(relay: Transport): Promise<Directory> {
  const anne = await joinSupporter(relay, { profile: PROFILES.anne, wholeProfile: true });
  const bjorn = await joinSupporter(relay, { profile: PROFILES.bjorn, wholeProfile: true });
  const chen = await joinSupporter(relay, { profile: PROFILES.chen, wholeProfile: true });
  const away = await chen.update({ status: 'away', awayUntil: CHEN_AWAY_UNTIL });
  expect(away.status).toBe(200);
  return { anne, bjorn, chen };
}

/**
 * The checks every page state must pass: no CSP violation, no page error, no
 * serious or critical axe finding. Saves a screenshot named `name`.
 */
export async function checkPage(watched: WatchedPage, name: string): Promise<void> {
  expect(watched.cspViolations).toEqual([]);
  expect(watched.pageErrors).toEqual([]);
  expect(await seriousAxeFindings(watched.page)).toEqual([]);
  await saveScreenshot(watched.page, name);
}

/**
 * Presses Tab (or Shift+Tab) until the focused element matches `selector`,
 * as a keyboard user would; fails after `limit` presses.
 */
export async function tabTo(page: Page, selector: string, limit = 40): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** The requests the pages sent to the relay's API. */
export function apiRequests(requests: CapturedRequest[]): CapturedRequest[] {
  return requests.filter((request) => new URL(request.url).pathname.startsWith('/api/'));
}

/** The reply code as the page shows it, e.g. `0410-6105-0R3G-G28A-1C60-T3GF`. */
export async function shownReplyCode(page: Page): Promise<string> {
  const code = (await page.locator('#write-code').textContent())?.trim() ?? '';
  expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){5}$/);
  return code;
}

/** Asserts that none of `secrets` appears in any captured URL or body. */
export function expectNoneCarry(requests: CapturedRequest[], secrets: string[]): void {
  for (const request of requests) {
    for (const secret of secrets) {
      expect(
        request.url.includes(secret),
        `${request.method} ${request.url} carries a secret`,
      ).toBe(false);
      expect(
        request.body?.includes(secret) ?? false,
        `${request.method} ${request.url} body carries a secret`,
      ).toBe(false);
    }
  }
}

/**
 * Writes `text` to `supporter` on the compose page, sends it, and confirms
 * the reply code as saved; the page is then on /mailbox. Returns the code.
 */
export async function sendFromCompose(
  page: Page,
  relayUrl: string,
  supporter: Supporter,
  text: string,
): Promise<string> {
  await page.goto(`${relayUrl}/write?to=${supporter.id}`);
  await page.locator('#write-compose').waitFor();
  await page.getByRole('textbox', { name: 'Your message' }).fill(text);
  await page.getByRole('button', { name: 'Encrypt and send' }).click();
  await page.locator('#write-sent').waitFor();
  const code = await shownReplyCode(page);
  await page.getByLabel('I have saved my reply code').check();
  await page.getByRole('button', { name: 'Done' }).click();
  await page.waitForURL(/\/mailbox\?lang=en$/);
  return code;
}

/**
 * Chromium itself logs every HTTP error answer and every failed connection
 * to the console ("Failed to load resource: … status of 404", "… net::ERR_…").
 * Where a test provokes one on purpose, this removes exactly those lines (and
 * nothing the page raised), so `checkPage` can still insist on zero page
 * errors. `failure` is an HTTP status or a Chromium network error name.
 * Returns how many lines were removed.
 */
export function acceptRelayRefusals(watched: WatchedPage, failure: number | string): number {
  const expected =
    typeof failure === 'number'
      ? `Failed to load resource: the server responded with a status of ${failure}`
      : `Failed to load resource: net::${failure}`;
  const before = watched.pageErrors.length;
  const others = watched.pageErrors.filter((error) => !error.startsWith(expected));
  watched.pageErrors.splice(0, watched.pageErrors.length, ...others);
  return before - others.length;
}

/** `expect.poll` with room for a busy machine (the default gives up after one second). */
export function poll<T>(check: () => T | Promise<T>) {
  return expect.poll(check, { timeout: 10_000, interval: 50 });
}
