/**
 * What a doctor's choice of supporter leaves behind (issue 15, items 4 and
 * 8): an observer of the encrypted traffic sees the same directory bytes
 * whoever was chosen, and no page asks for one supporter's entry; the
 * browser's history keeps no supporter id, and no page is kept in its cache.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Supporter } from '../support/actors.ts';
import { checkPage, poll, seedDirectory, shownReplyCode } from './doctor-helpers.ts';
import { pagesClosedAfterEach, relayAndBrowser } from './support.ts';

const setup = relayAndBrowser({}, async (relay) => ({ directory: await seedDirectory(relay) }));
const openPage = pagesClosedAfterEach(10_000);

interface Exchange {
  method: string;
  path: string;
  requestBytes: number;
  responseBody: Buffer;
}

/** From the home page: choose `supporter`, write, keep the code; the page is then on /mailbox. */
async function chooseAndWrite(page: Page, supporter: Supporter, name: string): Promise<string> {
  await page.goto(`${setup.relay.url}/`);
  await page.getByRole('link', { name: `Write to ${name}` }).click();
  await page.locator('#write-compose').waitFor();
  await page.getByRole('textbox', { name: 'Your message' }).fill('Could we talk this week?');
  await page.getByRole('button', { name: 'Encrypt and send' }).click();
  await page.locator('#write-sent').waitFor();
  const code = await shownReplyCode(page);
  await page.getByLabel('I have saved my reply code').check();
  await page.getByRole('button', { name: 'Done' }).click();
  await page.waitForURL(/\/mailbox\?lang=en$/);
  // The supporter answers, through the API.
  const session = await supporter.logIn();
  const [received] = await session.readInbox({ acknowledge: true });
  await session.reply(received!.message, `Yes, happy to. ${name}`);
  return code;
}

async function readReplies(page: Page, code: string, name: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Reply code' }).fill(code);
  await page.getByRole('button', { name: 'Open my replies' }).click();
  await poll(() => page.locator('#mailbox-replies').textContent()).toContain(
    `Yes, happy to. ${name}`,
  );
}

describe('whom a doctor chose', () => {
  it('is not told by the size of any answer: the pages ask only for the whole directory, the same bytes for either supporter', async () => {
    const journeys: Exchange[][] = [];
    for (const [supporter, name] of [
      [setup.directory.anne, 'Anne Berg'],
      [setup.directory.bjorn, 'Bjørn Dahl'],
    ] as const) {
      const watched = await openPage(setup.browser);
      const exchanges: Promise<Exchange>[] = [];
      watched.context.on('response', (response) => {
        const url = new URL(response.url());
        if (!url.pathname.startsWith('/api/')) return;
        const request = response.request();
        exchanges.push(
          response.body().then((responseBody) => ({
            method: request.method(),
            path: url.pathname + url.search,
            requestBytes: request.postDataBuffer()?.length ?? 0,
            responseBody,
          })),
        );
      });
      const code = await chooseAndWrite(watched.page, supporter, name);
      await readReplies(watched.page, code, name);
      await checkPage(
        watched,
        `doctor-traces-${supporter.id === setup.directory.anne.id ? 'a' : 'b'}`,
      );
      journeys.push(await Promise.all(exchanges));
    }

    const [toAnne, toBjorn] = journeys as [Exchange[], Exchange[]];
    for (const journey of journeys) {
      const paths = journey.map((exchange) => `${exchange.method} ${exchange.path}`);
      // Home, compose and mailbox each read the directory, and nothing else names a supporter.
      expect(paths.filter((path) => path === 'GET /api/v1/supporters').length).toBe(3);
      expect(paths.filter((path) => path.startsWith('GET /api/v1/supporters/'))).toEqual([]);
      expect(paths).toContain('POST /api/v1/messages');
      expect(paths).toContain('POST /api/v1/mailbox/open');
    }
    // The same requests either way (sorted: what a page asks for side by side
    // may be answered in either order), and every directory answer the same bytes.
    const shape = (journey: Exchange[]) => journey.map((e) => `${e.method} ${e.path}`).sort();
    expect(shape(toBjorn)).toEqual(shape(toAnne));
    const listings = [...toAnne, ...toBjorn].filter((e) => e.path === '/api/v1/supporters');
    expect(listings).toHaveLength(6);
    for (const listing of listings) {
      expect(listing.requestBytes).toBe(0);
      expect(listing.responseBody.equals(listings[0]!.responseBody)).toBe(true);
    }
    // The profiles differ in size, so single entries would have told them apart.
    const single = async (id: string) =>
      JSON.stringify((await setup.relay.harness.request('GET', `/api/v1/supporters/${id}`)).body)
        .length;
    expect(await single(setup.directory.anne.id)).not.toBe(await single(setup.directory.bjorn.id));
  });
});

describe('the browser keeps', () => {
  it('no supporter id in any history entry when a supporter is chosen on the home page', async () => {
    const watched = await openPage(setup.browser);
    const { page, context } = watched;
    await page.goto(`${setup.relay.url}/`);
    await page.getByRole('link', { name: 'Write to Anne Berg' }).click();
    await page.locator('#write-compose').waitFor();
    expect(await page.locator('h1').textContent()).toBe('Write to Anne Berg');
    // Handed over in the tab's name, which the compose page cleared.
    expect(await page.evaluate(() => window.name)).toBe('');
    await page.getByRole('link', { name: 'Back to the list' }).click();
    await page.getByRole('link', { name: 'Write to Bjørn Dahl' }).click();
    await page.locator('#write-compose').waitFor();
    expect(await page.locator('h1').textContent()).toBe('Write to Bjørn Dahl');

    // The tab's whole session history as the browser holds it, with the
    // address first asked for in each entry.
    const cdp = await context.newCDPSession(page);
    const { entries } = (await cdp.send('Page.getNavigationHistory')) as {
      entries: { url: string; userTypedURL: string }[];
    };
    expect(entries.map((entry) => entry.url)).toEqual([
      'about:blank',
      `${setup.relay.url}/?lang=en`,
      `${setup.relay.url}/write?lang=en`,
      `${setup.relay.url}/?lang=en`,
      `${setup.relay.url}/write?lang=en`,
    ]);
    expect(await page.evaluate(() => history.length)).toBe(entries.length);
    for (const entry of entries) {
      for (const id of [setup.directory.anne.id, setup.directory.bjorn.id]) {
        expect(entry.url).not.toContain(id);
        expect(entry.userTypedURL).not.toContain(id);
      }
    }
    await checkPage(watched, 'doctor-traces-history');
  });

  it('no supporter id in the address of an older `?to=` link once its page has loaded', async () => {
    const watched = await openPage(setup.browser);
    const { page } = watched;
    await page.goto(`${setup.relay.url}/write?to=${setup.directory.bjorn.id}&lang=en`);
    await page.locator('#write-compose').waitFor();
    expect(await page.locator('h1').textContent()).toBe('Write to Bjørn Dahl');
    expect(page.url()).toBe(`${setup.relay.url}/write?lang=en`);
    expect(await page.evaluate(() => location.href)).toBe(`${setup.relay.url}/write?lang=en`);
    await checkPage(watched, 'doctor-traces-old-link');
  });

  it('no page in its cache: every page is no-store, and coming back fetches it again', async () => {
    const watched = await openPage(setup.browser);
    const { page, context } = watched;
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    const documents: { url: string; cacheControl: string | undefined; fromCache: boolean }[] = [];
    const servedFromCache = new Set<string>();
    cdp.on('Network.requestServedFromCache', ({ requestId }) => servedFromCache.add(requestId));
    cdp.on('Network.responseReceived', ({ requestId, type, response }) => {
      if (type !== 'Document') return;
      const headers = Object.fromEntries(
        Object.entries(response.headers).map(([key, value]) => [key.toLowerCase(), value]),
      );
      documents.push({
        url: response.url,
        cacheControl: headers['cache-control'],
        fromCache: response.fromDiskCache === true || servedFromCache.has(requestId),
      });
    });

    await page.goto(`${setup.relay.url}/`);
    await page.getByRole('link', { name: 'Write to Anne Berg' }).click();
    await page.locator('#write-compose').waitFor();
    for (const path of ['/mailbox', '/']) {
      await page.goto(`${setup.relay.url}${path}`, { waitUntil: 'load' });
    }
    await page.goBack({ waitUntil: 'load' });
    await page.goBack({ waitUntil: 'load' });
    expect(new URL(page.url()).pathname).toBe('/write');

    expect(documents.map((doc) => new URL(doc.url).pathname)).toEqual([
      '/',
      '/write',
      '/mailbox',
      '/',
      '/mailbox',
      '/write',
    ]);
    for (const doc of documents) {
      expect(doc.cacheControl, doc.url).toBe('no-store');
      expect(doc.fromCache, doc.url).toBe(false);
      expect(doc.url).not.toContain(setup.directory.anne.id);
    }
    // What the page itself saw of its own load: fetched over the network, not restored.
    const navigation = await page.evaluate(() => {
      const [entry] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
      return { type: entry?.type, transferSize: entry?.transferSize ?? 0 };
    });
    expect(navigation.type).toBe('back_forward');
    expect(navigation.transferSize).toBeGreaterThan(0);
    await checkPage(watched, 'doctor-traces-cache');
  });
});
