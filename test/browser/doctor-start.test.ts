/**
 * How fast the doctor's pages become usable (issue 16, items 2–4): the
 * compose form does not wait for libsodium (only sending and the
 * fingerprint do), libsodium is downloaded once per page with the
 * proof-of-work worker using the page's verified copy, the challenge is
 * asked for and solved while the doctor writes, and what a page needs at
 * start is asked for side by side.
 */
import type { Page, Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { FIRST_CARDS } from '../../web/src/doctor/directory.tsx';
import { joinSupporter } from '../support/actors/supporter.ts';
import {
  apiRequests,
  checkPage,
  PROFILES,
  poll,
  seedDirectory,
  shownReplyCode,
} from './doctor-helpers.ts';
import { type CapturedRequest, pagesClosedAfterEach, relayAndBrowser } from './support.ts';

const setup = relayAndBrowser({ POW_DIFFICULTY: '8' }, async (relay) => ({
  directory: await seedDirectory(relay),
}));
const openPage = pagesClosedAfterEach(15_000);

/** The standard libsodium build (not the sumo one, `libsodium-sumo-<hash>.js`). */
const LIBSODIUM = /\/assets\/chunks\/libsodium-[A-Za-z0-9]+\.js$/;

/** Holds every request `route` matches until `release()` is called. */
async function hold(page: Page, url: string | RegExp) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route(url, async (route: Route) => {
    await released;
    await route.continue();
  });
  return release;
}

const calls = (requests: CapturedRequest[]) =>
  apiRequests(requests).map((r) => `${r.method} ${new URL(r.url).pathname}`);

const asked = (requests: CapturedRequest[], path: string | RegExp) =>
  requests.some((r) => {
    const pathname = new URL(r.url).pathname;
    return typeof path === 'string' ? pathname === path : path.test(pathname);
  });

describe('the compose page starts', () => {
  it('with the form usable before libsodium arrives; Send waits for it, and libsodium is downloaded once, the worker included', async () => {
    const watched = await openPage(setup.browser);
    const { page, requests } = watched;
    const release = await hold(page, LIBSODIUM);
    await page.goto(`${setup.relay.url}/write?to=${setup.directory.anne.id}`);
    await page.locator('#write-compose').waitFor();
    const text = page.getByRole('textbox', { name: 'Your message' });
    await text.fill('Typed while the encryption code was still on its way.');
    expect(await text.inputValue()).toBe('Typed while the encryption code was still on its way.');
    expect(await page.locator('#write-crypto').textContent()).toBe(
      'Preparing encryption on this device…',
    );
    expect(await page.locator('.doctor-verify .fingerprint').textContent()).toBe(
      'Being computed on this device…',
    );
    expect(asked(requests, LIBSODIUM)).toBe(true);

    await page.getByRole('button', { name: 'Encrypt and send' }).click();
    await poll(() => page.locator('#write-send').getAttribute('aria-busy')).toBe('true');
    expect(await page.locator('#write-progress').isVisible()).toBe(true);
    expect(calls(requests)).not.toContain('POST /api/v1/messages');
    await checkPage(watched, 'doctor-write-preparing-encryption');

    release();
    await page.locator('#write-sent').waitFor();
    await shownReplyCode(page);
    // The page's one download served the fingerprint, the sealing and the worker.
    expect(requests.filter((r) => LIBSODIUM.test(new URL(r.url).pathname))).toHaveLength(1);
    expect(requests.filter((r) => /pow-worker-/.test(r.url))).toHaveLength(1);
    const anne = await setup.directory.anne.logIn();
    const inbox = await anne.readInbox({ acknowledge: true });
    expect(inbox.map((m) => m.message.text)).toEqual([
      'Typed while the encryption code was still on its way.',
    ]);
  });

  it('asks for the challenge while the doctor writes, so Send only seals and posts', async () => {
    const watched = await openPage(setup.browser);
    const { page, requests } = watched;
    await page.goto(`${setup.relay.url}/write?to=${setup.directory.bjorn.id}`);
    await page.locator('#write-compose').waitFor();
    // The worker's script (the same for everyone) is fetched before the first input.
    await poll(() => asked(requests, /\/pow-worker-[A-Za-z0-9]+\.js$/)).toBe(true);
    expect(calls(requests)).not.toContain('POST /api/v1/pow');
    await page.getByRole('textbox', { name: 'Your message' }).fill('Hello Bjørn.');
    await poll(() => calls(requests).filter((c) => c === 'POST /api/v1/pow').length).toBe(1);
    const beforeSend = requests.length;
    await page.getByRole('button', { name: 'Encrypt and send' }).click();
    await page.locator('#write-sent').waitFor();

    const afterSend = calls(requests.slice(beforeSend));
    expect(afterSend).toEqual(['POST /api/v1/messages']);
    const challenge = apiRequests(requests).find((r) => r.url.endsWith('/api/v1/pow'));
    expect(JSON.parse(challenge?.body ?? '{}')).toEqual({ supporterId: setup.directory.bjorn.id });
    await checkPage(watched, 'doctor-write-proof-ahead');
    const bjorn = await setup.directory.bjorn.logIn();
    expect(await bjorn.readInbox({ acknowledge: true })).toHaveLength(1);
  });

  it('asks for a challenge priced for the new recipient when the doctor switches', async () => {
    const watched = await openPage(setup.browser);
    const { page, requests } = watched;
    await page.goto(`${setup.relay.url}/write?to=${setup.directory.chen.id}`);
    await page.locator('#write-compose').waitFor();
    await page.getByRole('textbox', { name: 'Your message' }).fill('Whoever is free.');
    await poll(() => calls(requests).filter((c) => c === 'POST /api/v1/pow').length).toBe(1);
    await page.getByRole('button', { name: 'Write to Anne Berg instead' }).click();
    await poll(() => calls(requests).filter((c) => c === 'POST /api/v1/pow').length).toBe(2);
    const beforeSend = requests.length;
    await page.getByRole('button', { name: 'Encrypt and send' }).click();
    await page.locator('#write-sent').waitFor();

    expect(calls(requests.slice(beforeSend))).toEqual(['POST /api/v1/messages']);
    const priced = apiRequests(requests)
      .filter((r) => r.url.endsWith('/api/v1/pow'))
      .map((r) => JSON.parse(r.body ?? '{}'));
    expect(priced).toEqual([
      { supporterId: setup.directory.chen.id },
      { supporterId: setup.directory.anne.id },
    ]);
    const [submission] = apiRequests(requests).filter((r) => r.url.endsWith('/api/v1/messages'));
    expect(JSON.parse(submission?.body ?? '{}').supporterId).toBe(setup.directory.anne.id);
    const anne = await setup.directory.anne.logIn();
    expect(await anne.readInbox({ acknowledge: true })).toHaveLength(1);
  });

  it('asks for a fresh challenge when the one it holds is near its five minutes', async () => {
    const watched = await openPage(setup.browser);
    const { page, requests } = watched;
    await page.goto(`${setup.relay.url}/write?to=${setup.directory.bjorn.id}`);
    await page.locator('#write-compose').waitFor();
    const text = page.getByRole('textbox', { name: 'Your message' });
    await text.fill('A long message, ');
    await poll(() => calls(requests).filter((c) => c === 'POST /api/v1/pow').length).toBe(1);
    // Still typing four and a half minutes later (the page's clock only).
    await page.clock.setSystemTime(Date.now() + 270_000);
    await text.pressSequentially('written slowly.');
    await poll(() => calls(requests).filter((c) => c === 'POST /api/v1/pow').length).toBe(2);
    const beforeSend = requests.length;
    await page.getByRole('button', { name: 'Encrypt and send' }).click();
    await page.locator('#write-sent').waitFor();
    expect(calls(requests.slice(beforeSend))).toEqual(['POST /api/v1/messages']);
    const bjorn = await setup.directory.bjorn.logIn();
    const inbox = await bjorn.readInbox({ acknowledge: true });
    expect(inbox.map((m) => m.message.text)).toEqual(['A long message, written slowly.']);
  });

  it('never spends one proof on two different submissions', async () => {
    const watched = await openPage(setup.browser);
    const { page, requests } = watched;
    await page.goto(`${setup.relay.url}/write?to=${setup.directory.chen.id}`);
    await page.locator('#write-compose').waitFor();
    const text = page.getByRole('textbox', { name: 'Your message' });
    await text.fill('First words.');
    await page.getByRole('button', { name: 'Encrypt and send' }).click();
    await page.getByRole('button', { name: 'Try to send anyway' }).click();
    await page.locator('#write-error').waitFor();
    // Chen is away (409); the doctor rewrites and sends again: a new body needs a new proof.
    await text.fill('Second words.');
    await page.getByRole('button', { name: 'Encrypt and send' }).click();
    const sent = () => apiRequests(requests).filter((r) => r.url.endsWith('/api/v1/messages'));
    await poll(() => sent().length).toBe(2);
    const [first, second] = sent().map((r) => JSON.parse(r.body ?? '{}'));
    expect(second.ciphertext).not.toBe(first.ciphertext);
    expect(second.pow.challenge).not.toBe(first.pow.challenge);
  });

  it('asks for the directory, the settings and libsodium side by side', async () => {
    const watched = await openPage(setup.browser);
    const { page, requests } = watched;
    const releases = [
      await hold(page, '**/api/v1/supporters'),
      await hold(page, '**/api/v1/site'),
      await hold(page, LIBSODIUM),
    ];
    await page.goto(`${setup.relay.url}/write?to=${setup.directory.anne.id}`, {
      waitUntil: 'commit',
    });
    // Each is asked for while the others are held: none waits for another.
    await poll(
      () =>
        asked(requests, '/api/v1/supporters') &&
        asked(requests, '/api/v1/site') &&
        asked(requests, LIBSODIUM),
    ).toBe(true);
    for (const release of releases) release();
    await page.locator('#write-compose').waitFor();
  });
});

describe('the home and mailbox pages start', () => {
  it('home asks for the directory and the settings side by side, and no libsodium', async () => {
    const watched = await openPage(setup.browser);
    const { page, requests } = watched;
    const releases = [await hold(page, '**/api/v1/supporters'), await hold(page, '**/api/v1/site')];
    await page.goto(`${setup.relay.url}/`, { waitUntil: 'commit' });
    await poll(() => asked(requests, '/api/v1/supporters') && asked(requests, '/api/v1/site')).toBe(
      true,
    );
    for (const release of releases) release();
    await page.getByRole('link', { name: 'Write to Anne Berg' }).waitFor();
    expect(asked(requests, LIBSODIUM)).toBe(false);
  });

  it('mailbox: the code form is usable before libsodium arrives, which loads as the page starts', async () => {
    const watched = await openPage(setup.browser);
    const { page, requests } = watched;
    const release = await hold(page, LIBSODIUM);
    await page.goto(`${setup.relay.url}/mailbox`);
    const input = page.getByRole('textbox', { name: 'Reply code' });
    await input.fill('0410-6105-0R3G-G28A-1C60-T3GF');
    expect(await input.inputValue()).toBe('0410-6105-0R3G-G28A-1C60-T3GF');
    await poll(() => asked(requests, LIBSODIUM)).toBe(true);
    release();
    await checkPage(watched, 'doctor-mailbox-before-libsodium');
  });

  it('home draws the first screen of cards at once and the rest just after', async () => {
    // Last in this file: the supporters it adds stay in the directory.
    const extra = FIRST_CARDS + 2;
    for (let i = 0; i < extra; i++) {
      await joinSupporter(setup.relay, {
        profile: { ...PROFILES.bjorn, name: `Supporter ${String(i + 1).padStart(2, '0')}` },
        wholeProfile: true,
      });
    }
    const total = extra + 3;
    const watched = await openPage(setup.browser);
    const { page } = watched;
    // Every count of cards the list has had, in order.
    await page.addInitScript(() => {
      const counts: number[] = [];
      Object.assign(window, { cardCounts: counts });
      new MutationObserver(() => {
        const count = document.getElementById('directory-list')?.children.length ?? 0;
        if (count > 0 && counts.at(-1) !== count) counts.push(count);
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(`${setup.relay.url}/`);
    await poll(() => page.locator('#directory-list > li').count()).toBe(total);
    expect(
      await page.evaluate(() => (window as unknown as { cardCounts: number[] }).cardCounts),
    ).toEqual([FIRST_CARDS, total]);
    expect(await page.locator('#directory-status').textContent()).toContain(String(total));
    await checkPage(watched, 'doctor-home-long-directory');
  });
});
