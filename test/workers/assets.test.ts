/**
 * The web client on Workers (src/worker.ts, the ASSETS binding): the same
 * caching headers as on Node (src/asset-caching.ts), compression left to
 * Cloudflare, and the build's brotli and gzip copies never uploaded
 * (web/dist/.assetsignore).
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { IMMUTABLE } from '../../src/asset-caching.ts';
import worker from '../../src/worker.ts';

async function get(path: string, headers: Record<string, string> = {}): Promise<Response> {
  return worker.fetch(new Request(`http://relay.test${path}`, { headers }), env);
}

async function assetPaths(): Promise<string[]> {
  const response = await get('/.well-known/peer-relay-assets.json');
  expect(response.status).toBe(200);
  const manifest = (await response.json()) as { assets: { path: string }[] };
  return manifest.assets.map((asset) => asset.path);
}

describe('the web client on Workers', () => {
  it('keeps hashed chunks a year, pages never, and has the rest revalidated', async () => {
    const paths = await assetPaths();
    const chunks = paths.filter((path) => path.startsWith('/assets/chunks/'));
    expect(chunks.length).toBeGreaterThan(5);
    for (const path of chunks) {
      const response = await get(path);
      await response.body?.cancel();
      expect(response.status, path).toBe(200);
      expect(response.headers.get('Cache-Control'), path).toBe(IMMUTABLE);
      expect(response.headers.get('Vary'), path).toBe('Accept-Encoding');
    }
    for (const path of ['/', '/write', '/supporter/join']) {
      const response = await get(path);
      expect(await response.text(), path).toContain('<!doctype html>');
      expect(response.headers.get('Cache-Control'), path).toBe('no-store');
    }
    for (const path of ['/assets/write.js', '/assets/main.css', '/favicon.svg']) {
      const response = await get(path);
      await response.body?.cancel();
      expect(response.headers.get('Cache-Control'), path).toBe('no-cache');
      expect(response.headers.get('Vary'), path).toBe('Accept-Encoding');
      const etag = response.headers.get('ETag');
      expect(etag, path).toBeTruthy();
      const again = await get(path, { 'If-None-Match': etag ?? '' });
      expect(again.status, path).toBe(304);
      expect(again.headers.get('Cache-Control'), path).toBe('no-cache');
    }
  });

  it('serves no compressed copy of the build, by name or by Accept-Encoding', async () => {
    for (const path of [
      '/assets/write.js.br',
      '/assets/write.js.gz',
      '/index.html.br',
      '/.assetsignore',
    ]) {
      const response = await get(path);
      expect(response.status, path).toBe(404);
      expect(await response.json(), path).toMatchObject({ error: { code: 'not_found' } });
    }
    const response = await get('/assets/write.js', { 'Accept-Encoding': 'br, gzip' });
    expect(response.headers.get('Content-Encoding')).toBeNull();
    expect(response.headers.get('Content-Type')).toMatch(/^text\/javascript/);
    expect(await response.text()).not.toContain('\u0000');
  });
});
