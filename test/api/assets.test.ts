import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { staticFiles } from '../../src/static-files.ts';
import { createHarness, type Harness } from '../support/harness.ts';

let harness: Harness | undefined;
afterEach(() => {
  harness?.dispose();
  harness = undefined;
});

async function relayWithAssets() {
  harness = await createHarness();
  return createApp({
    relay: harness.relay,
    version: 'test',
    startedAt: harness.clock.now(),
    assets: staticFiles('web/dist'),
  });
}

interface Manifest {
  version: string;
  assets: { path: string; sha256: string; integrity: string; bytes: number }[];
}

describe('the published asset list (verifiable client)', () => {
  it('lists every served asset with the SHA-256 and SRI digest of exactly what the relay serves', async () => {
    const app = await relayWithAssets();
    const listed = await app.request('/.well-known/peer-relay-assets.json');
    expect(listed.status).toBe(200);
    const manifest = (await listed.json()) as Manifest;
    const paths = manifest.assets.map((asset) => asset.path);
    for (const page of [
      '/index.html',
      '/write/index.html',
      '/mailbox/index.html',
      '/supporter/index.html',
    ]) {
      expect(paths).toContain(page);
    }
    expect(paths.filter((path) => path.endsWith('.js')).length).toBeGreaterThan(5);
    for (const asset of manifest.assets) {
      const served = Buffer.from(await (await app.request(asset.path)).arrayBuffer());
      expect(createHash('sha256').update(served).digest('hex'), asset.path).toBe(asset.sha256);
      expect(`sha384-${createHash('sha384').update(served).digest('base64')}`).toBe(
        asset.integrity,
      );
      expect(served.length).toBe(asset.bytes);
    }
  });

  it('has every page load its script, its styles and their static imports with integrity attributes', async () => {
    const app = await relayWithAssets();
    const manifest = (await (
      await app.request('/.well-known/peer-relay-assets.json')
    ).json()) as Manifest;
    const digest = new Map(manifest.assets.map((asset) => [asset.path, asset.integrity]));
    for (const route of ['/', '/write', '/mailbox', '/supporter/join', '/supporter']) {
      const html = await (await app.request(route)).text();
      const references = [
        ...html.matchAll(/<(?:script|link)[^>]+(?:src|href)="(\/assets\/[^"]+)"[^>]*>/g),
      ];
      expect(references.length, route).toBeGreaterThanOrEqual(2);
      for (const [tag, path] of references) {
        expect(tag, `${route} ${path}`).toContain(`integrity="${digest.get(path as string)}"`);
      }
    }
  });

  it('has the scripts that load a module later carry its SHA-256, which is the digest of what the relay serves', async () => {
    const app = await relayWithAssets();
    const manifest = (await (
      await app.request('/.well-known/peer-relay-assets.json')
    ).json()) as Manifest;
    const later = manifest.assets.filter((asset) =>
      /^\/assets\/chunks\/(libsodium|libsodium-sumo|word-list|word-list-nb|pow-worker)-\w+\.js$/.test(
        asset.path,
      ),
    );
    expect(later.map((asset) => asset.path.replace(/-\w+\.js$/, '')).sort()).toEqual([
      '/assets/chunks/libsodium',
      '/assets/chunks/libsodium-sumo',
      '/assets/chunks/pow-worker',
      '/assets/chunks/word-list',
      '/assets/chunks/word-list-nb',
    ]);
    const scripts = await Promise.all(
      manifest.assets
        .filter((asset) => asset.path.endsWith('.js'))
        .map(async (asset) => ({
          path: asset.path,
          text: await (await app.request(asset.path)).text(),
        })),
    );
    for (const asset of later) {
      const carriers = scripts.filter(
        (script) => script.text.includes(asset.sha256) && script.text.includes(asset.path),
      );
      expect(carriers.length, asset.path).toBeGreaterThan(0);
    }
    // The worker carries libsodium's digest itself: it checks what it loads too.
    const worker = scripts.find((script) => script.path.includes('/pow-worker-'));
    const libsodium = later.find((asset) => /\/libsodium-\w+\.js$/.test(asset.path));
    expect(worker?.text).toContain(libsodium?.sha256);
  });
});
