/**
 * What the doctor pages cost to load: all the JavaScript that the home,
 * compose (including the proof-of-work worker) and mailbox pages fetch stays
 * within 200 KB gzipped, the home page loads no libsodium at all, and none
 * of them ever loads the libsodium sumo build (only supporters need Argon2id).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { joinSupporter } from '../support/actors.ts';
import { checkPage, DOCTOR_JS_BUDGET, PROFILES, sendFromCompose } from './doctor-helpers.ts';
import { openPage, relayAndBrowser } from './support.ts';

const DIST = new URL('../../web/dist', import.meta.url).pathname;

const setup = relayAndBrowser({}, async (relay) => ({
  anne: await joinSupporter(relay, { profile: PROFILES.anne, wholeProfile: true }),
}));

/** The built chunk that holds libsodium's sumo build: the only one exporting Argon2id. */
function sumoChunks(): string[] {
  const chunks = join(DIST, 'assets/chunks');
  return readdirSync(chunks)
    .filter((name) =>
      readFileSync(join(chunks, name), 'utf8').includes('_crypto_pwhash_alg_argon2id13'),
    )
    .map((name) => `/assets/chunks/${name}`);
}

describe('the doctor pages bundle', () => {
  it('loads at most 200 KB of gzipped JavaScript on home, compose and mailbox, and never the sumo build', async () => {
    const sumo = sumoChunks();
    expect(sumo).toHaveLength(1);

    const watched = await openPage(setup.browser);
    const { page, context } = watched;
    page.setDefaultTimeout(10_000);
    // What the browser actually received (read as it arrives, since a page
    // that has navigated away no longer has its bodies); web/dist otherwise.
    const received = new Map<string, Promise<Buffer>>();
    context.on('response', (response) => {
      const path = new URL(response.url()).pathname;
      if (!path.endsWith('.js') || received.has(path)) return;
      received.set(
        path,
        response.body().catch(() => readFileSync(join(DIST, path))),
      );
    });
    const scripts = () => new Set(received.keys());

    await page.goto(`${setup.relay.url}/`, { waitUntil: 'networkidle' });
    const home = scripts();
    expect([...home].filter((path) => path.includes('libsodium'))).toEqual([]);
    await checkPage(watched, 'doctor-budget-home');

    // Sending loads the worker and its chunks too.
    await sendFromCompose(page, setup.relay.url, setup.anne, 'How much does this page weigh?');
    await page.waitForLoadState('networkidle');
    await checkPage(watched, 'doctor-budget-mailbox');

    const all = [...scripts()];
    expect(all).toContain('/assets/home.js');
    expect(all).toContain('/assets/write.js');
    expect(all.filter((path) => /^\/assets\/chunks\/pow-worker-\w+\.js$/.test(path))).toHaveLength(
      1,
    );
    expect(all).toContain('/assets/mailbox.js');
    for (const chunk of sumo) expect(all).not.toContain(chunk);

    let total = 0;
    for (const [path, body] of received) {
      const bytes = await body;
      // Whatever its name, no script loaded carries the sumo build's Argon2id export.
      expect(bytes.includes('_crypto_pwhash_alg_argon2id13'), path).toBe(false);
      total += gzipSync(bytes).length;
    }
    console.log(`doctor pages load ${all.length} scripts, ${(total / 1024).toFixed(1)} KB gzipped`);
    expect(total).toBeLessThanOrEqual(DOCTOR_JS_BUDGET);
    await watched.context.close();
  });
});
