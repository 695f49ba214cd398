/**
 * Issue 18 in Chromium: pages built with a directory key (PROTOCOL.md §13)
 * against a relay whose database is altered behind its back. A signed
 * supporter is written to; an unsigned one and one whose key a test wrote
 * straight into the supporters table are shown as "not yet confirmed by the
 * service" and nothing reaches the relay for them, even from the compose
 * page reached by address; a key change the operator re-signed (a higher
 * version, through the admin API) is accepted with "key changed on …"; and
 * the mailbox warns that the reply came from another key than the one the
 * first message was sealed to; all within the doctor pages' script budget,
 * though the home page now loads libsodium to verify. The build is made
 * here, with the test vector's operator key, into its own folder: other
 * files keep web/dist, whose operator page (checked here too) says the
 * directory is not signed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { buildWeb } from '../../scripts/build-web.ts';
import { boxKeyPair, type SignKeyPair, signSeedKeyPair } from '../../web/src/crypto/libsodium';
import { toB64 } from '../../web/src/protocol/index';
import { joinSupporter, Supporter, signDirectoryEntry } from '../support/actors.ts';
import { count, query } from '../support/database.ts';
import {
  apiRequests,
  checkPage,
  DOCTOR_JS_BUDGET,
  PROFILES,
  poll,
  shownReplyCode,
} from './doctor-helpers.ts';
import { pagesClosedAfterEach, type RunningRelay, relayAndBrowser, startRelay } from './support.ts';

const root = new URL('../..', import.meta.url).pathname;
const WEB_DIST = join(root, 'test-results/web-dist-directory-key');
/** The public key of PROTOCOL.md §13's test vector (seed bytes 00 01 … 1f). */
const OPERATOR_PUBLIC_KEY = 'A6EHv_POEL4dcN0Y50vAmWfk1jCbpQ1fHdyGZBJVMbg';
const UNCONFIRMED = 'Not yet confirmed by the service';

let operator: SignKeyPair;

/** Signs `id`'s entry as the operator's list shows it now, as version `version`. */
async function sign(relay: RunningRelay, id: string, version: number): Promise<void> {
  const signed = await signDirectoryEntry(relay, operator.secretKey, id, version);
  expect(signed.body).toEqual({ version });
}

const setup = relayAndBrowser(
  {},
  async (relay) => {
    const anne = await joinSupporter(relay, { profile: PROFILES.anne, wholeProfile: true });
    const bjorn = await joinSupporter(relay, { profile: PROFILES.bjorn, wholeProfile: true });
    // Chen is never signed.
    const chen = await joinSupporter(relay, { profile: PROFILES.chen, wholeProfile: true });
    await sign(relay, anne.id, 1);
    await sign(relay, bjorn.id, 1);
    return { anne, bjorn, chen };
  },
  {
    webDist: WEB_DIST,
    beforeStart: async () => {
      operator = await signSeedKeyPair(Uint8Array.from({ length: 32 }, (_, i) => i));
      expect(toB64(operator.publicKey)).toBe(OPERATOR_PUBLIC_KEY);
      await buildWeb(WEB_DIST, { directoryPublicKey: OPERATOR_PUBLIC_KEY });
    },
  },
);

const openPage = pagesClosedAfterEach(20_000);

const card = (page: Page, name: string) =>
  page.locator('#directory-list > li').filter({ has: page.getByRole('heading', { name }) });

/** Confirms the reply code as saved, as a doctor does before leaving the compose page. */
async function saveCode(page: Page): Promise<void> {
  await page.getByLabel('I have saved my reply code').check();
  await page.getByRole('button', { name: 'Done' }).click();
  await page.waitForURL(/\/mailbox/);
}

/** Opens the mailbox with `code` on a fresh page; returns its one reply. */
async function openReply(page: Page, code: string) {
  await page.goto(`${setup.relay.url}/mailbox`);
  await page.getByRole('textbox', { name: 'Reply code' }).fill(code);
  await page.getByRole('button', { name: 'Open my replies' }).click();
  const reply = page.locator('#mailbox-replies > li.doctor-reply');
  await poll(() => reply.count()).toBe(1);
  return reply;
}

const messagesTo = (id: string) =>
  count(setup.relay.harness, 'select count(*) as n from messages where supporter_id = ?', [id]);

describe('a build with a directory key', () => {
  it('names the key in its asset manifest and on the operator page', async () => {
    const served = await (
      await fetch(`${setup.relay.url}/.well-known/peer-relay-assets.json`)
    ).json();
    expect(served.directoryPublicKey).toBe(OPERATOR_PUBLIC_KEY);
    const written = JSON.parse(
      readFileSync(join(WEB_DIST, '.well-known/peer-relay-assets.json'), 'utf8'),
    );
    expect(written.directoryPublicKey).toBe(OPERATOR_PUBLIC_KEY);

    const watched = await openPage(setup.browser);
    await watched.page.goto(`${setup.relay.url}/operator`);
    expect(await watched.page.locator('#operator-directory-key').textContent()).toContain(
      OPERATOR_PUBLIC_KEY,
    );
    expect(await watched.page.locator('.operator-directory-unsigned').count()).toBe(0);
    await checkPage(watched, 'directory-key-operator');
  });

  it('refuses an entry whose key was written into the database behind the relay, even reached by address', async () => {
    const { bjorn, chen } = setup;
    // Another key, and the old signature made to look as if it were for it.
    const forged = toB64((await boxKeyPair()).publicKey);
    await query(
      setup.relay.harness,
      'update supporters set box_public_key = ?, signed_box_public_key = ? where id = ?',
      [forged, forged, bjorn.id],
    );
    const entry = (await setup.relay.harness.request('GET', `/api/v1/supporters/${bjorn.id}`)).body;
    expect(entry).toMatchObject({ boxPublicKey: forged, version: 1 });
    expect(typeof entry.signature).toBe('string');

    const watched = await openPage(setup.browser);
    const { page, requests } = watched;
    await page.goto(`${setup.relay.url}/`);
    await card(page, 'Anne Berg').getByRole('link', { name: 'Write to Anne Berg' }).waitFor();
    for (const name of ['Bjørn Dahl', 'Chen Li']) {
      await poll(() => card(page, name).locator('.doctor-unconfirmed').textContent()).toContain(
        UNCONFIRMED,
      );
      expect(
        await card(page, name)
          .getByRole('link', { name: `Write to ${name}` })
          .count(),
      ).toBe(0);
    }
    await checkPage(watched, 'directory-key-unconfirmed-home');
    await page.goto(`${setup.relay.url}/?lang=nb`);
    await poll(() => card(page, 'Chen Li').locator('.doctor-unconfirmed').textContent()).toContain(
      'Ennå ikke bekreftet av tjenesten',
    );
    expect(await card(page, 'Chen Li').getByRole('link').count()).toBe(0);

    for (const { id, name } of [
      { id: bjorn.id, name: 'Bjørn Dahl' },
      { id: chen.id, name: 'Chen Li' },
    ]) {
      await page.goto(`${setup.relay.url}/write?to=${id}`);
      await page.getByRole('textbox', { name: 'Your message' }).fill(`Only for ${name}.`);
      await poll(() => page.locator('#write-key-problem').textContent()).toContain(
        `you cannot write to ${name} for now`,
      );
      expect(await page.getByRole('button', { name: 'Encrypt and send' }).isDisabled()).toBe(true);
      // Past the disabled button: the form's own submission still seals nothing.
      await page
        .locator('#write-form')
        .evaluate((form) => (form as HTMLFormElement).requestSubmit());
      await poll(() => page.locator('#write-key-problem').isVisible()).toBe(true);
      expect(await page.locator('#write-sent').count()).toBe(0);
    }
    await checkPage(watched, 'directory-key-unconfirmed-write');
    const posted = apiRequests(requests).filter(
      (r) => r.method === 'POST' && new URL(r.url).pathname === '/api/v1/messages',
    );
    expect(posted).toEqual([]);
    expect(await messagesTo(bjorn.id)).toBe(0);
    expect(await messagesTo(chen.id)).toBe(0);
  });

  it('writes to a signed supporter; a reply from an unsigned new key is not confirmed; the re-signed key is accepted with its notice and its reply warned of', async () => {
    const { anne } = setup;
    const watched = await openPage(setup.browser);
    const { page } = watched;

    // Signed: written to from the directory, with a kept copy (which records the key).
    await page.goto(`${setup.relay.url}/`);
    await card(page, 'Anne Berg').getByRole('link', { name: 'Write to Anne Berg' }).click();
    await page.getByRole('textbox', { name: 'Your message' }).fill('Can we talk this week?');
    await page
      .getByRole('checkbox', {
        name: 'Keep a copy of what I write, readable only with my reply code',
      })
      .check();
    await page.getByRole('button', { name: 'Encrypt and send' }).click();
    await page.locator('#write-sent').waitFor();
    const code = await shownReplyCode(page);
    await saveCode(page);
    const first = await anne.readInbox({ acknowledge: true });
    expect(first.map((item) => item.message.text)).toEqual(['Can we talk this week?']);

    // A new device's key, written into the table: unconfirmed until the operator signs it.
    const newKeys = await boxKeyPair();
    await query(setup.relay.harness, 'update supporters set box_public_key = ? where id = ?', [
      toB64(newKeys.publicKey),
      anne.id,
    ]);
    await page.goto(`${setup.relay.url}/`);
    await poll(() =>
      card(page, 'Anne Berg').locator('.doctor-unconfirmed').textContent(),
    ).toContain(UNCONFIRMED);
    // Anne answers the first message from that key: shown with a warning, and it cannot be answered.
    const newAnne = new Supporter(
      setup.relay,
      { ...anne, publicKey: newKeys.publicKey, secretKey: newKeys.secretKey },
      anne.token,
    );
    await newAnne.reply(first[0]!.message, 'Yes, Thursday?');
    const reply = await openReply(page, code);
    expect(await reply.locator('.doctor-reply-unconfirmed').textContent()).toContain(
      `${UNCONFIRMED}: this reply was opened with a key the service has not confirmed as Anne Berg’s`,
    );
    expect(await reply.getByRole('button', { name: 'Write back to Anne Berg' }).count()).toBe(0);
    await checkPage(watched, 'directory-key-unconfirmed-mailbox');

    // The operator signs the new key (version 2): the open mailbox, checked again, confirms
    // the reply and says it came from another key than the first message's.
    await sign(setup.relay, anne.id, 2);
    await page.getByRole('button', { name: 'Check again' }).click();
    await poll(() => reply.locator('.doctor-reply-unconfirmed').count()).toBe(0);
    expect(await reply.locator('.doctor-reply-key-changed').textContent()).toContain(
      'This reply comes from a different key than the one your first message to Anne Berg was sealed to',
    );
    expect(await reply.locator('.doctor-reply-text').textContent()).toBe('Yes, Thursday?');
    await reply.getByRole('button', { name: 'Write back to Anne Berg' }).waitFor();
    await checkPage(watched, 'directory-key-changed-mailbox');

    // Written to again from the directory, with the notice.
    await page.goto(`${setup.relay.url}/`);
    const anneCard = card(page, 'Anne Berg');
    await anneCard.getByRole('link', { name: 'Write to Anne Berg' }).waitFor();
    expect(await anneCard.locator('.doctor-key-changed').textContent()).toBe(
      'Key changed on 27 November 2026',
    );
    await checkPage(watched, 'directory-key-changed-home');
    await anneCard.getByRole('link', { name: 'Write to Anne Berg' }).click();
    await page.locator('#write-compose .doctor-key-changed').waitFor();
    await page.getByRole('textbox', { name: 'Your message' }).fill('Writing to your new key.');
    await page.getByRole('button', { name: 'Encrypt and send' }).click();
    await page.locator('#write-sent').waitFor();
    await saveCode(page);
    const second = await newAnne.readInbox({ acknowledge: true });
    expect(second.map((item) => item.message.text)).toEqual(['Writing to your new key.']);

    // Verifying on the home page too, the doctor pages stay within their budget.
    const scripts = new Set(
      watched.requests.map((r) => new URL(r.url).pathname).filter((path) => path.endsWith('.js')),
    );
    expect(scripts).toContain('/assets/home.js');
    expect(scripts).toContain('/assets/mailbox.js');
    let gzipped = 0;
    for (const path of scripts) gzipped += gzipSync(readFileSync(join(WEB_DIST, path))).length;
    console.log(
      `keyed doctor pages load ${scripts.size} scripts, ${(gzipped / 1024).toFixed(1)} KB gzipped`,
    );
    expect(gzipped).toBeLessThanOrEqual(DOCTOR_JS_BUDGET);
  });
});

describe('a build without a directory key', () => {
  it('says on the operator page that the directory is not signed, and how to sign it', async () => {
    const relay = await startRelay();
    try {
      const watched = await openPage(setup.browser);
      const { page } = watched;
      await page.goto(`${relay.url}/operator`);
      const unsigned = page.locator('.operator-directory-unsigned');
      expect(await unsigned.getByRole('heading').textContent()).toBe('The directory is not signed');
      const text = await unsigned.textContent();
      for (const step of [
        'npm run directory-key',
        'DIRECTORY_PUBLIC_KEY',
        'npm run sign-directory',
      ]) {
        expect(text).toContain(step);
      }
      expect(await page.locator('#operator-directory-key').count()).toBe(0);
      await checkPage(watched, 'directory-key-none-operator');
    } finally {
      await relay.close();
    }
  });
});
