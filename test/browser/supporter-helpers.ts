/**
 * Helpers for the supporter-page browser tests: seeding supporters with a
 * real vault, playing the doctor with the protocol library in Node, driving
 * the join and login forms, and the checks every page state must pass (no
 * CSP violation, no page error, no serious axe finding, a screenshot).
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import {
  type ContactPrefs,
  createVault,
  type DoctorMessage,
  deriveMailbox,
  deriveVaultKeys,
  fromB64,
  type MailboxKeys,
  newReplyCode,
  newSupporterKeys,
  openReply,
  type Reply,
  sealFirstContact,
  sealFollowUp,
  toB64,
} from '../../web/src/protocol/index.ts';
import { OPERATOR_TOKEN } from '../support/harness.ts';
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
  const response = await relay.harness.request('POST', '/api/v1/admin/invites', {
    token: OPERATOR_TOKEN,
    body: { note: 'browser test' },
  });
  expect(response.status, response.text).toBe(201);
  const given = new URL(response.body.url as string);
  return { token: response.body.token, url: `${relay.url}${given.pathname}${given.hash}` };
}

export interface SeededSupporter {
  id: string;
  login: string;
  passphrase: string;
  name: string;
  publicKey: Uint8Array;
}

export const PROFILE = {
  name: 'Ingrid Haugen',
  county: 'Vestland',
  town: 'Bergen',
  specialties: ['Psychiatry'],
  languages: ['nb', 'en'],
  modalities: ['in-person', 'phone', 'video'],
  about: 'Psychiatrist in Bergen, peer supporter since 2019.',
};

/**
 * Registers a supporter through the API with a real vault under `passphrase`
 * (made with the same protocol library, in Node), so a browser can log in.
 */
export async function seedSupporter(
  relay: RunningRelay,
  login: string,
  passphrase: string,
  name = PROFILE.name,
): Promise<SeededSupporter> {
  const { token: invite } = await createInviteUrl(relay);
  const keys = await newSupporterKeys();
  const { vault, authKey } = await createVault(passphrase, keys.secretKey);
  const response = await relay.harness.request('POST', '/api/v1/supporters', {
    body: {
      invite,
      login,
      profile: { ...PROFILE, name },
      boxPublicKey: toB64(keys.publicKey),
      vault,
      authKey,
    },
  });
  expect(response.status, response.text).toBe(201);
  return { id: response.body.id, login, passphrase, name, publicKey: keys.publicKey };
}

export interface Doctor {
  mailbox: MailboxKeys;
  /** The first message sent, whose thread follow-ups continue. */
  first?: DoctorMessage;
}

async function directoryKey(relay: RunningRelay, supporterId: string): Promise<Uint8Array> {
  const entry = await relay.harness.request('GET', `/api/v1/supporters/${supporterId}`);
  expect(entry.status, entry.text).toBe(200);
  return fromB64(entry.body.boxPublicKey as string);
}

/** A doctor writes a first message to the supporter (key from the directory). */
export async function sendFirstContact(
  relay: RunningRelay,
  supporterId: string,
  text: string,
  prefs?: ContactPrefs,
): Promise<Doctor & { first: DoctorMessage; messageId: string }> {
  const mailbox = await deriveMailbox(await newReplyCode());
  const sealed = await sealFirstContact(
    { text, mailbox, ...(prefs === undefined ? {} : { prefs }) },
    await directoryKey(relay, supporterId),
  );
  const response = await relay.harness.request('POST', '/api/v1/messages', {
    body: {
      supporterId,
      ciphertext: toB64(sealed.ciphertext),
      mailbox: { id: mailbox.mailboxId, readToken: mailbox.readToken },
    },
  });
  expect(response.status, response.text).toBe(202);
  return { mailbox, first: sealed.message, messageId: sealed.id };
}

/** The same doctor writes again in the same conversation. */
export async function sendFollowUp(
  relay: RunningRelay,
  supporterId: string,
  doctor: Doctor & { first: DoctorMessage },
  text: string,
): Promise<string> {
  const sealed = await sealFollowUp(
    doctor.first.thread,
    { text, mailbox: doctor.mailbox },
    await directoryKey(relay, supporterId),
  );
  const response = await relay.harness.request('POST', '/api/v1/messages', {
    body: {
      supporterId,
      ciphertext: toB64(sealed.ciphertext),
      mailbox: { id: doctor.mailbox.mailboxId, readToken: doctor.mailbox.readToken },
    },
  });
  expect(response.status, response.text).toBe(202);
  return sealed.id;
}

/** The doctor opens their mailbox and decrypts every reply with the supporter's key. */
export async function readReplies(
  relay: RunningRelay,
  doctor: Doctor,
  supporterPublicKey: Uint8Array,
): Promise<Reply[]> {
  const response = await relay.harness.request('POST', '/api/v1/mailbox/open', {
    body: { id: doctor.mailbox.mailboxId, readToken: doctor.mailbox.readToken },
  });
  expect(response.status, response.text).toBe(200);
  return Promise.all(
    (response.body.replies as { ciphertext: string }[]).map((reply) =>
      openReply(fromB64(reply.ciphertext), supporterPublicKey, doctor.mailbox.replySecretKey),
    ),
  );
}

/** The ids of the supporter's queued messages on the relay, read through the API. */
export async function serverInbox(
  relay: RunningRelay,
  supporter: SeededSupporter,
): Promise<string[]> {
  // Reads the inbox with a session of its own, exactly as a client would.
  const params = await relay.harness.request('POST', '/api/v1/session/params', {
    body: { login: supporter.login },
  });
  const { authKey } = await deriveVaultKeys(
    supporter.passphrase,
    fromB64(params.body.salt),
    params.body.opslimit,
    params.body.memlimit,
  );
  const session = await relay.harness.request('POST', '/api/v1/session', {
    body: { login: supporter.login, authKey },
  });
  expect(session.status, session.text).toBe(200);
  const inbox = await relay.harness.request('GET', '/api/v1/inbox', { token: session.body.token });
  await relay.harness.request('DELETE', '/api/v1/session', { token: session.body.token });
  return (inbox.body.messages as { id: string }[]).map((message) => message.id);
}

/** Opens the inbox page and logs in, waiting for the conversations to load. */
export async function logInThroughPage(
  page: Page,
  relay: RunningRelay,
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
  await page.locator('#inbox-status').evaluate((node) => {
    node.textContent = '';
  });
  await page.locator('#refresh').click();
  await eventually(() => page.locator('#refresh').isEnabled()).toBe(true);
  await eventually(() => page.locator('#inbox-status').textContent()).toMatch(/\S/);
}

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

/** Fills the profile part of the join form (not the passphrase). */
export async function fillProfile(page: Page, details: JoinDetails): Promise<void> {
  await page.locator('#join-login').fill(details.login);
  if (details.email) await page.locator('#join-email').fill(details.email);
  await page.locator('#join-name').fill(details.name);
  await page.locator('#join-county').fill(details.county);
  await page.locator('#join-town').fill(details.town);
  for (const specialty of details.specialties) {
    await page.locator('#join-specialty').fill(specialty);
    await page.locator('#join-specialty').press('Enter');
  }
  for (const language of details.languages) {
    await page.locator(`#join-languages input[value="${language}"]`).check();
  }
  for (const modality of details.modalities) {
    await page.locator(`#join-modalities input[value="${modality}"]`).check();
  }
  if (details.about) await page.locator('#join-about').fill(details.about);
}
