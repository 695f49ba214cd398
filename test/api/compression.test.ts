/**
 * The web client's files on Node (src/static-files.ts, src/asset-caching.ts):
 * brotli and gzip copies made at build time and chosen by Accept-Encoding,
 * each decoding to exactly the bytes the asset list describes; what a browser
 * may keep (no-store pages, immutable hashed chunks, ETag and 304 for the
 * rest); and API answers never compressed, whatever the request accepts.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { IMMUTABLE } from '../../src/asset-caching.ts';
import { staticFiles } from '../../src/static-files.ts';
import { createHarness, type Harness, OPERATOR_TOKEN } from '../support/harness.ts';

const DIST = 'web/dist';

let harness: Harness;
let app: Hono;
let assets: { path: string; sha256: string; bytes: number }[];

beforeAll(async () => {
  harness = await createHarness();
  app = createApp({
    relay: harness.relay,
    version: 'test',
    startedAt: harness.clock.now(),
    assets: staticFiles(DIST),
  });
  assets = (
    JSON.parse(readFileSync(join(DIST, '.well-known/peer-relay-assets.json'), 'utf8')) as {
      assets: typeof assets;
    }
  ).assets;
});
afterAll(() => harness?.dispose());

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function get(path: string, headers: Record<string, string> = {}, method = 'GET') {
  const response = await app.request(path, { method, headers });
  return { response, body: new Uint8Array(await response.arrayBuffer()) };
}

/** The text formats the build compresses (src/asset-caching.ts). */
const compressible = () =>
  assets.filter((asset) => /\.(css|html|js|json|svg|txt)$/.test(asset.path));

describe('compressed copies', () => {
  it('are served by Accept-Encoding and decode to exactly the bytes the asset list describes', async () => {
    expect(compressible().length).toBeGreaterThan(20);
    for (const asset of compressible()) {
      const plain = await get(asset.path);
      const type = plain.response.headers.get('Content-Type');
      for (const [accept, encoding, decode] of [
        ['br, gzip', 'br', brotliDecompressSync],
        ['gzip', 'gzip', gunzipSync],
        ['gzip, deflate, br, zstd', 'br', brotliDecompressSync],
        ['br;q=0, gzip;q=1', 'gzip', gunzipSync],
      ] as const) {
        const { response, body } = await get(asset.path, { 'Accept-Encoding': accept });
        const label = `${asset.path} (${accept})`;
        expect(response.status, label).toBe(200);
        expect(response.headers.get('Vary'), label).toBe('Accept-Encoding');
        expect(response.headers.get('Content-Type'), label).toBe(type);
        expect(response.headers.get('Content-Length'), label).toBe(String(body.length));
        const sent = response.headers.get('Content-Encoding');
        // A copy that would not be smaller is not made (robots.txt's gzip, say): the file itself goes.
        expect([encoding, null], label).toContain(sent);
        if (sent === null) {
          expect(existsSync(join(DIST, `${asset.path}${encoding === 'br' ? '.br' : '.gz'}`))).toBe(
            false,
          );
          expect(sha256(body), label).toBe(asset.sha256);
          continue;
        }
        expect(body.length, label).toBeLessThan(asset.bytes);
        expect(sha256(decode(body)), label).toBe(asset.sha256);
      }
    }
  });

  it('are made for nearly every file: brotli for all, gzip for all but the tiniest', async () => {
    const copies = (suffix: string) =>
      compressible().filter((a) => existsSync(join(DIST, a.path + suffix)));
    expect(copies('.br')).toHaveLength(compressible().length);
    expect(copies('.gz').length).toBeGreaterThanOrEqual(compressible().length - 1);
  });

  it('are not sent without Accept-Encoding, nor when it refuses them; the answer still varies with it', async () => {
    for (const headers of [
      {},
      { 'Accept-Encoding': 'identity' },
      { 'Accept-Encoding': 'br;q=0, gzip;q=0' },
    ]) {
      const { response, body } = await get(`/assets/chunks/${libsodium()}`, headers);
      expect(response.headers.get('Content-Encoding')).toBeNull();
      expect(response.headers.get('Vary')).toBe('Accept-Encoding');
      expect(response.headers.get('Content-Length')).toBe(String(body.length));
      expect(sha256(body)).toBe(assets.find((a) => a.path.endsWith(libsodium()))?.sha256);
    }
  });

  it('are never listed in the asset list, and never fetched by their own name', async () => {
    expect(
      assets.filter(
        (asset) => /\.(br|gz)$/.test(asset.path) || asset.path.includes('assetsignore'),
      ),
    ).toEqual([]);
    for (const path of [
      '/assets/home.js.br',
      '/assets/home.js.gz',
      '/index.html.br',
      '/assets/home.js%2Ebr',
      '/.assetsignore',
      // Decoded by the router to `/../package.json` and `/../../package.json`.
      '/..%2Fpackage.json',
      '/..%2F..%2Fpackage.json',
    ]) {
      const { response, body } = await get(path, { 'Accept-Encoding': 'br, gzip' });
      expect(response.status, path).toBe(404);
      expect(response.headers.get('Content-Encoding'), path).toBeNull();
      expect(JSON.parse(new TextDecoder().decode(body)), path).toMatchObject({
        error: { code: 'not_found' },
      });
    }
  });

  it('stay out of the Workers upload: .assetsignore names them', () => {
    expect(readFileSync(join(DIST, '.assetsignore'), 'utf8').split('\n')).toEqual([
      '*.br',
      '*.gz',
      '',
    ]);
    const walk = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) =>
        statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)) : [join(dir, name)],
      );
    for (const copy of walk(DIST).filter((file) => /\.(br|gz)$/.test(file))) {
      expect(existsSync(copy.replace(/\.(br|gz)$/, '')), copy).toBe(true);
    }
  });
});

function libsodium(): string {
  const path = assets.find((asset) => /\/libsodium-[A-Z0-9]{8}\.js$/.test(asset.path))?.path;
  if (path === undefined) throw new Error('no libsodium chunk in the build');
  return path.slice('/assets/chunks/'.length);
}

describe('what a browser may keep', () => {
  it('keeps every hashed chunk a year without asking again', async () => {
    const chunks = assets.filter((asset) => asset.path.startsWith('/assets/chunks/'));
    expect(chunks.length).toBeGreaterThan(5);
    for (const chunk of chunks) {
      const { response } = await get(chunk.path, { 'Accept-Encoding': 'br' });
      expect(response.headers.get('Cache-Control'), chunk.path).toBe(IMMUTABLE);
    }
  });

  it('never keeps a page', async () => {
    for (const path of [
      '/',
      '/write',
      '/mailbox',
      '/supporter/join',
      '/supporter',
      '/operator',
      '/write/index.html',
    ]) {
      const { response } = await get(path, { 'Accept-Encoding': 'br, gzip' });
      expect(response.headers.get('Content-Type'), path).toMatch(/^text\/html/);
      expect(response.headers.get('Content-Encoding'), path).toBe('br');
      expect(response.headers.get('Cache-Control'), path).toBe('no-store');
    }
  });

  it('revalidates the rest by ETag: 304 without a body when unchanged, per encoding', async () => {
    for (const path of [
      '/assets/write.js',
      '/assets/main.css',
      '/favicon.svg',
      '/.well-known/peer-relay-assets.json',
    ]) {
      // The asset list lists every file but itself.
      const digest = sha256(readFileSync(join(DIST, path)));
      const plain = await get(path);
      const br = await get(path, { 'Accept-Encoding': 'br' });
      for (const first of [plain, br])
        expect(first.response.headers.get('Cache-Control'), path).toBe('no-cache');
      // Strong, and the digest of the asset list, marked with the encoding of a compressed copy.
      expect(plain.response.headers.get('ETag'), path).toBe(`"${digest}"`);
      expect(br.response.headers.get('ETag'), path).toBe(`"${digest}-br"`);

      const etag = br.response.headers.get('ETag') ?? '';
      for (const method of ['GET', 'HEAD']) {
        const again = await get(
          path,
          { 'Accept-Encoding': 'br', 'If-None-Match': `"other", ${etag}` },
          method,
        );
        expect(again.response.status, `${method} ${path}`).toBe(304);
        expect(again.body.length).toBe(0);
        expect(again.response.headers.get('ETag')).toBe(etag);
        expect(again.response.headers.get('Cache-Control')).toBe('no-cache');
        expect(again.response.headers.get('Vary')).toBe('Accept-Encoding');
      }
      // The brotli copy's tag does not validate the plain file, nor a stale tag anything.
      expect((await get(path, { 'If-None-Match': etag })).response.status).toBe(200);
      expect(
        (await get(path, { 'Accept-Encoding': 'br', 'If-None-Match': '"stale"' })).response.status,
      ).toBe(200);
    }
  });

  it('answers HEAD with the headers of GET and no body', async () => {
    const { response: full } = await get('/assets/main.css', { 'Accept-Encoding': 'gzip' });
    const { response, body } = await get('/assets/main.css', { 'Accept-Encoding': 'gzip' }, 'HEAD');
    expect(response.status).toBe(200);
    expect(body.length).toBe(0);
    for (const name of [
      'Content-Type',
      'Content-Length',
      'Content-Encoding',
      'ETag',
      'Vary',
      'Cache-Control',
    ]) {
      expect(response.headers.get(name), name).toBe(full.headers.get(name));
    }
  });
});

describe('API answers (BREACH: they mix secrets with what an attacker chooses)', () => {
  it.each([
    ['/api/v1/supporters'],
    ['/api/v1/site'],
    ['/api/v1/pow'],
    ['/api/v1/vocabulary'],
    ['/api/v1/no-such-endpoint'],
    ['/api/v1/admin/health', true],
    ['/healthz'],
    ['/readyz'],
    ['/metrics', true],
  ] as [string, boolean?][])(
    '%s is never compressed, whatever the request accepts',
    async (path, operator) => {
      const { response, body } = await get(path, {
        'Accept-Encoding': 'br, gzip, deflate, zstd',
        ...(operator ? { Authorization: `Bearer ${OPERATOR_TOKEN}` } : {}),
      });
      expect(response.status, path).toBeLessThan(500);
      expect(response.headers.get('Content-Encoding'), path).toBeNull();
      // Nor on the way: every intermediary is told not to (Cloudflare's edge would compress JSON).
      expect(response.headers.get('Cache-Control'), path).toMatch(/, no-transform$/);
      // Plain text or JSON, readable as it is.
      expect(new TextDecoder('utf-8', { fatal: true }).decode(body).length).toBeGreaterThan(0);
    },
  );
});
