/**
 * Helpers for the doctor-page browser tests: a seeded directory whose
 * supporters keep their secret keys (so a test can act as the supporter
 * through the API with the real protocol library), the checks every page
 * state must pass, and keyboard-only navigation.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import {
  type DoctorMessage,
  fromB64,
  openDoctorMessage,
  sealReplyTo,
  toB64,
} from '../../web/src/protocol/index.ts';
import { joinWithProfile, type ProfileInput, patchMe } from '../support/doctor-helpers.ts';
import type { Harness, TestSupporter } from '../support/harness.ts';
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
} satisfies Record<string, ProfileInput>;

export const CHEN_AWAY_UNTIL = '2026-12-05T08:00:00Z';

export interface Directory {
  anne: TestSupporter;
  bjorn: TestSupporter;
  chen: TestSupporter;
}

/** Registers the three supporters through the API (invite, keys, register, log in); Chen goes away. */
export async function seedDirectory(harness: Harness): Promise<Directory> {
  const anne = await joinWithProfile(harness, PROFILES.anne);
  const bjorn = await joinWithProfile(harness, PROFILES.bjorn);
  const chen = await joinWithProfile(harness, PROFILES.chen);
  const away = await patchMe(harness, chen, { status: 'away', awayUntil: CHEN_AWAY_UNTIL });
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

/** Every message in the supporter's inbox, opened with their secret key, then acknowledged. */
export async function supporterReadsInbox(
  harness: Harness,
  supporter: TestSupporter,
): Promise<{ id: string; message: DoctorMessage }[]> {
  const inbox = await harness.request('GET', '/api/v1/inbox', { token: supporter.token });
  expect(inbox.status).toBe(200);
  const opened: { id: string; message: DoctorMessage }[] = [];
  for (const entry of inbox.body.messages as { id: string; ciphertext: string }[]) {
    opened.push({
      id: entry.id,
      message: await openDoctorMessage(
        fromB64(entry.ciphertext),
        supporter.publicKey,
        supporter.secretKey,
      ),
    });
  }
  if (opened.length > 0) {
    const ack = await harness.request('POST', '/api/v1/inbox/ack', {
      token: supporter.token,
      body: { ids: opened.map((entry) => entry.id) },
    });
    expect(ack.status).toBe(200);
  }
  return opened;
}

/** The supporter answers `message` in its thread, as their web page would. */
export async function supporterReplies(
  harness: Harness,
  supporter: TestSupporter,
  message: DoctorMessage,
  text: string,
): Promise<void> {
  const sealed = await sealReplyTo(
    message,
    { text, from: { id: supporter.id, name: supporter.name }, sentAt: harness.clock.now() },
    supporter.secretKey,
  );
  const posted = await harness.request('POST', '/api/v1/replies', {
    token: supporter.token,
    body: { mailboxId: sealed.mailboxId, ciphertext: toB64(sealed.ciphertext) },
  });
  expect(posted.status).toBe(202);
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
  supporter: TestSupporter,
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
