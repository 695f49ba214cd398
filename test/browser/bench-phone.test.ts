/**
 * The phone benchmark's instruments (bench/lib/emulation.ts,
 * bench/browser/usable.ts): the emulated phone is the issue's, the
 * recorder notes an element only once it is usable, and every request on
 * the wire is recorded, a worker's included. No timings: what is checked is
 * what gets recorded, and when it becomes recorded.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, openOn, PHONE, recordRequests } from '../../bench/lib/emulation.ts';
import { connectBrowser } from './support.ts';

let origin = '';
const WATCHES = {
  watches: [
    { name: 'field', selectors: ['#field'] },
    { name: 'code', selectors: ['#code'], withText: true },
  ],
  click: '#send',
};
const PAGE = `<!doctype html><html><head><meta name="viewport" content="width=device-width, initial-scale=1"></head><body>
  <div id="box" hidden><input id="field" disabled></div>
  <p id="code"></p>
  <button id="send"><span id="inside">Send</span></button><button id="other">Other</button>
</body></html>`;
/** A worker started from a blob: URL, as the pages start theirs, fetching a gzip-encoded file. */
const WORKER =
  "fetch(location.origin + '/from-worker.txt').then((r) => r.text()).then((t) => postMessage(t));";
const GZIPPED = gzipSync('x'.repeat(1234));

let browser: Browser;
let server: Server;
/** Requests for a file the server lets every cache keep for an hour. */
let cacheableServed = 0;
beforeAll(async () => {
  browser = await connectBrowser();
  server = createServer((request, response) => {
    if (request.url === '/') response.writeHead(200, { 'content-type': 'text/html' }).end(PAGE);
    else if (request.url === '/cacheable.txt') {
      cacheableServed++;
      response.writeHead(200, { 'cache-control': 'public, max-age=3600' }).end('kept');
    } else if (request.url === '/worker.js')
      response.writeHead(200, { 'content-type': 'text/javascript' }).end(WORKER);
    else
      response
        .writeHead(200, {
          'content-type': 'text/plain',
          'content-encoding': 'gzip',
          'content-length': GZIPPED.length,
        })
        .end(GZIPPED);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

const open = (device = DESKTOP) => openOn(browser, device, WATCHES);

const noted = (page: Page) =>
  page.evaluate(() => ({
    ...(window as unknown as { __phoneBench: Record<string, number> }).__phoneBench,
  }));

describe('the emulated phone', () => {
  it("is the issue's: 390×844 at 3×, touch, a mobile user agent", async () => {
    const { context, page } = await open(PHONE);
    await page.goto(`${origin}/`);
    expect(
      await page.evaluate(() => ({
        width: innerWidth,
        height: innerHeight,
        scale: devicePixelRatio,
        touch: navigator.maxTouchPoints > 0,
        mobile: /Mobile/.test(navigator.userAgent),
      })),
    ).toEqual({ width: 390, height: 844, scale: 3, touch: true, mobile: true });
    await context.close();
  });

  it("has no cache, in its workers either: a worker's request for what the page just fetched reaches the server", async () => {
    const { context, page } = await open(PHONE);
    await page.goto(`${origin}/`);
    cacheableServed = 0;
    const fromWorker = await page.evaluate(async () => {
      await (await fetch('/cacheable.txt')).text();
      const source =
        "fetch(location.origin + '/cacheable.txt').then((r) => r.text()).then((t) => postMessage(t));";
      const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
      const worker = new Worker(url);
      return new Promise<string>((resolve) => {
        worker.onmessage = (event: MessageEvent<string>) => resolve(event.data);
      });
    });
    expect(fromWorker).toBe('kept');
    expect(cacheableServed).toBe(2);
    await context.close();
  });
});

describe('the usable-time recorder', () => {
  it('notes a field only once it is shown and enabled, and a code only once it has text', async () => {
    const { context, page } = await open();
    await page.goto(`${origin}/`);
    await page.evaluate(() => new Promise(requestAnimationFrame));
    expect(await noted(page)).toEqual({});

    await page.evaluate(() => document.getElementById('box')?.removeAttribute('hidden'));
    await page.evaluate(() => new Promise(requestAnimationFrame));
    expect((await noted(page)).field).toBeUndefined(); // shown, but still disabled

    await page.evaluate(() => document.getElementById('field')?.removeAttribute('disabled'));
    await expect.poll(async () => (await noted(page)).field).toBeGreaterThan(0);
    expect((await noted(page)).code).toBeUndefined(); // its box is there, empty

    await page.evaluate(() => {
      const code = document.getElementById('code');
      if (code) code.textContent = 'ABCD-EFGH';
    });
    await expect.poll(async () => (await noted(page)).code).toBeGreaterThan(0);
    expect(await page.evaluate(() => performance.getEntriesByName('phone-bench:code').length)).toBe(
      1,
    );
    await context.close();
  });

  it('notes the first click in (or on) the Send button, and no other click', async () => {
    const { context, page } = await open();
    await page.goto(`${origin}/`);
    await page.click('#other');
    expect((await noted(page)).click).toBeUndefined();
    await page.click('#inside');
    const first = (await noted(page)).click;
    expect(first).toBeGreaterThan(0);
    await page.click('#send');
    expect((await noted(page)).click).toBe(first);
    expect(
      await page.evaluate(() => performance.getEntriesByName('phone-bench:click').length),
    ).toBe(1);
    await context.close();
  });
});

describe('the request recorder', () => {
  it("records the page's and its worker's requests with their bytes on the wire, and nothing from blob: URLs", async () => {
    const { context, page } = await open();
    const requests = recordRequests(context);
    await page.goto(`${origin}/`);
    const fromWorker = await page.evaluate(async () => {
      const source = await (await fetch('/worker.js')).text();
      const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
      const worker = new Worker(url);
      return new Promise<string>((resolve) => {
        worker.onmessage = (event: MessageEvent<string>) => resolve(event.data);
      });
    });
    expect(fromWorker).toHaveLength(1234);
    // The worker's request may be reported finished a moment after it was read.
    await expect.poll(async () => (await requests()).length).toBe(3);
    const records = await requests();
    expect(records.map((r) => [r.path, r.kind])).toEqual([
      ['/', 'html'],
      ['/worker.js', 'other'],
      ['/from-worker.txt', 'other'],
    ]);
    // On the wire: the gzip bytes, not the 1234 the worker read.
    expect(records[2]).toMatchObject({ bytes: GZIPPED.length, encoding: 'gzip', status: 200 });
    await context.close();
  });
});
