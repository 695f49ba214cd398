import { describe, expect, it } from 'vitest';
import { openPage, relayAndBrowser, saveScreenshot } from './support.ts';

const setup = relayAndBrowser();

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
      const watched = await openPage(setup.browser);
      // Chromium gets the scripts and styles brotli-compressed, and still checks their integrity.
      const encodings = new Map<string, string | null>();
      watched.page.on('response', (response) => {
        const { pathname } = new URL(response.url());
        if (/^\/assets\/.+\.(js|css)$/.test(pathname)) {
          encodings.set(pathname, response.headers()['content-encoding'] ?? null);
        }
      });
      const response = await watched.page.goto(`${setup.relay.url}${path}`);
      expect(response?.status()).toBe(200);
      expect(response?.headers()['cache-control']).toBe('no-store');
      await expect
        .poll(() => watched.page.evaluate(() => document.documentElement.lang))
        .toBe('en');
      expect(await watched.page.getAttribute('body', 'data-page')).toBe(page);
      expect(watched.cspViolations).toEqual([]);
      expect(watched.pageErrors).toEqual([]);
      expect(watched.requests.every((r) => r.url.startsWith(setup.relay.url))).toBe(true);
      expect(encodings.size).toBeGreaterThanOrEqual(2);
      expect([...encodings.values()]).toEqual([...encodings.values()].map(() => 'br'));
      await saveScreenshot(watched.page, `smoke-${page}`);
      await watched.context.close();
    },
  );
});

describe('a second visit', () => {
  it('takes the hashed chunks from the cache without asking, and revalidates the rest (304)', async () => {
    const watched = await openPage(setup.browser);
    const { page, context } = watched;
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    const answers: { path: string; status: number; fromCache: boolean }[] = [];
    const servedFromCache = new Set<string>();
    cdp.on('Network.requestServedFromCache', ({ requestId }) => servedFromCache.add(requestId));
    cdp.on('Network.responseReceived', ({ requestId, response }) => {
      const { pathname } = new URL(response.url);
      if (!pathname.startsWith('/assets/')) return;
      answers.push({
        path: pathname,
        status: response.status,
        fromCache:
          response.fromDiskCache === true ||
          response.fromPrefetchCache === true ||
          servedFromCache.has(requestId),
      });
    });
    await page.goto(`${setup.relay.url}/write`, { waitUntil: 'load' });
    const first = answers.splice(0);
    expect(first.some((answer) => answer.path.startsWith('/assets/chunks/'))).toBe(true);
    expect(first.every((answer) => answer.status === 200 && !answer.fromCache)).toBe(true);

    await page.goto(`${setup.relay.url}/`, { waitUntil: 'load' });
    answers.splice(0);
    await page.goto(`${setup.relay.url}/write`, { waitUntil: 'load' });
    const chunks = answers.filter((answer) => answer.path.startsWith('/assets/chunks/'));
    const rest = answers.filter((answer) => !answer.path.startsWith('/assets/chunks/'));
    expect(chunks.map((answer) => answer.path).sort()).toEqual(
      first
        .filter((answer) => answer.path.startsWith('/assets/chunks/'))
        .map((answer) => answer.path)
        .sort(),
    );
    for (const chunk of chunks) expect(chunk, chunk.path).toMatchObject({ fromCache: true });
    expect(rest.map((answer) => answer.path)).toEqual(
      expect.arrayContaining(['/assets/main.css', '/assets/write.js']),
    );
    for (const answer of rest) expect(answer, answer.path).toMatchObject({ status: 304 });
    expect(watched.pageErrors).toEqual([]);
    await context.close();
  });
});
