import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  connectBrowser,
  openPage,
  type RunningRelay,
  saveScreenshot,
  startRelay,
} from './support.ts';

let relay: RunningRelay;
let browser: Browser;
beforeAll(async () => {
  relay = await startRelay();
  browser = await connectBrowser();
});
afterAll(async () => {
  await browser?.close();
  await relay?.close();
});

describe('every page', () => {
  it.each([
    ['/', 'home'],
    ['/write', 'write'],
    ['/mailbox', 'mailbox'],
    ['/supporter/join', 'join'],
    ['/supporter', 'supporter'],
  ])(
    '%s loads its script and styles, compressed, with no CSP violation and no error',
    async (path, page) => {
      const watched = await openPage(browser);
      // Chromium gets the scripts and styles brotli-compressed, and still checks their integrity.
      const encodings = new Map<string, string | null>();
      watched.page.on('response', (response) => {
        const { pathname } = new URL(response.url());
        if (/^\/assets\/.+\.(js|css)$/.test(pathname)) {
          encodings.set(pathname, response.headers()['content-encoding'] ?? null);
        }
      });
      const response = await watched.page.goto(`${relay.url}${path}`);
      expect(response?.status()).toBe(200);
      expect(response?.headers()['cache-control']).toBe('no-store');
      await expect
        .poll(() => watched.page.evaluate(() => document.documentElement.lang))
        .toBe('en');
      expect(await watched.page.getAttribute('body', 'data-page')).toBe(page);
      expect(watched.cspViolations).toEqual([]);
      expect(watched.pageErrors).toEqual([]);
      expect(watched.requests.every((r) => r.url.startsWith(relay.url))).toBe(true);
      expect(encodings.size).toBeGreaterThanOrEqual(2);
      expect([...encodings.values()]).toEqual([...encodings.values()].map(() => 'br'));
      await saveScreenshot(watched.page, `smoke-${page}`);
      await watched.context.close();
    },
  );
});
