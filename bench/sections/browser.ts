/**
 * @module
 * The pages in headless Chromium (playwright-core, as the browser tests):
 * gzip bytes of JavaScript and CSS per page, the doctor's send, proof of
 * work at the default difficulty, the supporter's vault unlock and opening
 * 100 inbox messages. The web client is built with scripts/build-web.ts into
 * bench/out/web (never web/dist), the benchmark page (bench/browser/page.ts)
 * is bundled next to it, and the relay serves both from one origin.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import * as esbuild from 'esbuild';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  type BuildResult,
  buildWeb,
  PAGES,
  verifiedScriptsDefine,
} from '../../scripts/build-web.ts';
import { launchBrowser } from '../../test/browser/chromium.ts';
import {
  createVault,
  DEFAULT_MEMLIMIT,
  DEFAULT_OPSLIMIT,
  newSupporterKeys,
  toB64,
  type VaultRecord,
} from '../../web/src/protocol/index.ts';
import type { BenchPage } from '../browser/page.ts';
import { enrolOnRelay, OPERATOR_TOKEN } from '../lib/fixtures.ts';
import { ROOT, type ServerProcess, startServer } from '../lib/processes.ts';
import { median, type Summary, summarize } from '../lib/stats.ts';
import { freshDataDir } from './server.ts';

const WEB_OUT = join(ROOT, 'bench/out/web');
/** The relay's default proof-of-work difficulty (src/config.ts). */
export const DEFAULT_DIFFICULTY = 16;

export interface BrowserOptions {
  repetitions: number;
  /** Warm seals (and sends) per repetition. */
  seals: number;
  /** Proof-of-work solves per repetition. */
  solves: number;
  /** Page sends per repetition, each in a fresh page. */
  pageSends: number;
  /** Opening 100 messages, repeated this often per repetition. */
  openRepeats: number;
}

export interface PageWeight {
  name: string;
  route: string;
  /** Loaded when the page opens (until the network is idle). */
  openJsGzip: number;
  openCssGzip: number;
  openFiles: string[];
  /** The compose page only: everything loaded by opening it and sending one message. */
  sendJsGzip?: number;
  sendFiles?: string[];
  /** Everything the page can load: its entry, static and dynamic imports, its worker. */
  reachableJsGzip: number;
  /**
   * The same without libsodium's sumo build, which only the supporter's vault
   * functions load (web/src/crypto/libsodium.ts): what a doctor page can load.
   */
  reachableWithoutArgon2JsGzip: number;
  reachableFiles: string[];
}

export interface BrowserResult {
  pages: PageWeight[] | { error: string };
  /** Per repetition: the first seal in a fresh page (libsodium loads). */
  sealColdMs: Summary;
  sealWarmMs: Summary;
  rawSealMs: Summary;
  sealAndPostMs: Summary;
  /** The compose page end to end at difficulty 0, or why it could not be measured. */
  pageSend:
    | {
        totalMs: Summary;
        challengeMs: Summary;
        solveMs: Summary;
        postMs: Summary;
        /** Total minus fetching the challenge and solving it. */
        excludingPowMs: Summary;
        /** Total minus every network wait and the worker: the page's own work. */
        pageWorkMs: Summary;
      }
    | { error: string };
  pow: {
    difficulty: number;
    /** Every solve of every repetition. */
    solveMs: Summary;
    attempts: Summary;
    /** Per repetition: time of 2^difficulty bare hashes, the expected work. */
    rawExpectedMs: Summary;
    /** Every solve's time scaled to 2^difficulty attempts, to compare with the bare hashes. */
    perExpectedAttemptsMs: Summary;
  };
  unlockColdMs: Summary;
  unlockWarmMs: Summary;
  rawArgon2Ms: Summary;
  open100Ms: Summary;
  rawOpen100Ms: Summary;
  raw: Record<string, unknown>;
}

const PASSPHRASE = 'correct horse battery staple orbit lantern';

/** Builds the web client and the benchmark page into bench/out/web; gzip bytes by file. */
async function buildPages(): Promise<Map<string, number> | { error: string }> {
  let built: Map<string, number> | { error: string };
  // The digests the bench page's libsodium loads are checked against (web/src/verified-scripts.ts).
  let verifiedScripts: BuildResult['verifiedScripts'] = {};
  // A failed build may leave its staging folder behind (scripts/build-web.ts).
  for (const stale of readdirSync(join(ROOT, 'bench/out'))) {
    if (stale.startsWith('web.building-')) {
      rmSync(join(ROOT, 'bench/out', stale), { recursive: true, force: true });
    }
  }
  try {
    const result = await buildWeb(WEB_OUT);
    verifiedScripts = result.verifiedScripts;
    built = new Map(result.files.map((file) => [file.path, file.gzipBytes]));
  } catch (error) {
    // Other work may leave web/ unbuildable for a moment; the crypto figures need only the bench page.
    built = { error: `the web client did not build: ${(error as Error).message.split('\n')[0]}` };
  }
  const benchDir = join(WEB_OUT, 'bench');
  rmSync(benchDir, { recursive: true, force: true });
  mkdirSync(benchDir, { recursive: true });
  await esbuild.build({
    entryPoints: [join(ROOT, 'bench/browser/page.ts')],
    outdir: benchDir,
    bundle: true,
    splitting: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    chunkNames: 'chunks/[name]-[hash]',
    logLevel: 'warning',
    external: ['crypto', 'path', 'fs'],
    define: verifiedScriptsDefine(verifiedScripts),
  });
  writeFileSync(
    join(benchDir, 'index.html'),
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title>' +
      '<script type="module" src="/bench/page.js"></script></head><body></body></html>',
  );
  return built;
}

/** JavaScript files a built file refers to: `./x.js`, `../x.js` or `/assets/x.js` string literals. */
function referencedFiles(path: string): string[] {
  const text = readFileSync(join(WEB_OUT, path), 'utf8');
  const found = new Set<string>();
  for (const match of text.matchAll(/["'`]((?:\.{1,2}\/|\/assets\/)[\w./-]+\.js)["'`]/g)) {
    const target = match[1]!;
    found.add(
      target.startsWith('/') ? target.slice(1) : posix.normalize(posix.join(dirname(path), target)),
    );
  }
  return [...found];
}

function reachableFrom(entry: string): string[] {
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const path = queue.pop()!;
    if (seen.has(path)) continue;
    seen.add(path);
    queue.push(...referencedFiles(path));
  }
  return [...seen].sort();
}

/** The sumo build is the one with Argon2id; only the supporter's vault functions load it. */
function isArgon2Build(path: string): boolean {
  return readFileSync(join(WEB_OUT, path), 'utf8').includes('_crypto_pwhash_alg_argon2id13');
}

async function weighPages(
  browser: Browser,
  relay: ServerProcess,
  gzip: Map<string, number>,
  supporterId: string,
): Promise<PageWeight[]> {
  const weights: PageWeight[] = [];
  const size = (files: string[]) => files.reduce((sum, file) => sum + (gzip.get(file) ?? 0), 0);
  const js = (files: string[]) => files.filter((file) => file.endsWith('.js'));
  for (const page of PAGES) {
    const context = await browser.newContext();
    const loaded = new Set<string>();
    context.on('request', (request) => {
      const path = new URL(request.url()).pathname.slice(1);
      if (/\.(js|css)$/.test(path)) loaded.add(path);
    });
    let sent: string[] | undefined;
    try {
      const tab = await context.newPage();
      const route = page.name === 'write' ? `${page.route}?to=${supporterId}` : page.route;
      await tab.goto(`${relay.url}${route}`, { waitUntil: 'networkidle' });
      const open = [...loaded].sort();
      if (page.name === 'write') {
        try {
          await submitComposeForm(tab);
          await tab.waitForLoadState('networkidle');
          sent = [...loaded].sort();
        } catch {
          sent = undefined;
        }
      }
      const reachable = reachableFrom(`assets/${page.name}.js`);
      const withoutArgon2 = reachable.filter((file) => !isArgon2Build(file));
      weights.push({
        name: page.name,
        route: page.route,
        openJsGzip: size(js(open)),
        openCssGzip: size(open.filter((file) => file.endsWith('.css'))),
        openFiles: open,
        ...(sent === undefined ? {} : { sendJsGzip: size(js(sent)), sendFiles: sent }),
        reachableJsGzip: size(reachable),
        reachableWithoutArgon2JsGzip: size(withoutArgon2),
        reachableFiles: reachable,
      });
    } finally {
      await context.close();
    }
  }
  return weights;
}

async function benchPage(browser: Browser, relay: ServerProcess): Promise<[BrowserContext, Page]> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${relay.url}/bench/index.html`);
  await page.waitForSelector('body[data-ready="true"]', { state: 'attached', timeout: 30_000 });
  return [context, page];
}

function call<K extends keyof BenchPage>(
  page: Page,
  name: K,
  ...args: Parameters<BenchPage[K]>
): Promise<Awaited<ReturnType<BenchPage[K]>>> {
  return page.evaluate(
    ([method, params]) => {
      const bench = (window as unknown as { bench: Record<string, (...a: unknown[]) => unknown> })
        .bench;
      return bench[method as string]!(...(params as unknown[]));
    },
    [name, args] as const,
  ) as Promise<Awaited<ReturnType<BenchPage[K]>>>;
}

/** Phases of one send from the compose page, from the page's own clock and resource timings. */
export interface PageSend {
  /** Form submitted → reply code on screen. */
  totalMs: number;
  /** `POST /api/v1/pow` (priced for the recipient), request to last byte. */
  challengeMs: number;
  /** Challenge received → submission sent: the worker starting and solving. */
  solveMs: number;
  /** `POST /api/v1/messages`, request to last byte. */
  postMs: number;
}

/** Submits the compose form and resolves when the reply code is on screen. */
function submitComposeForm(page: Page): Promise<PageSend> {
  return page.evaluate(
    () =>
      new Promise<PageSend>((resolve, reject) => {
        const code = document.querySelector('#write-code');
        const form = document.querySelector<HTMLFormElement>('#write-form');
        const text = document.querySelector<HTMLTextAreaElement>('#write-text');
        if (code === null || form === null || text === null) {
          reject(new Error('the compose page has no #write-form, #write-text or #write-code'));
          return;
        }
        text.value = 'I would like to talk to someone about work. Evenings suit me.';
        text.dispatchEvent(new Event('input', { bubbles: true }));
        const timer = setTimeout(() => reject(new Error('no reply code within 15 s')), 15_000);
        performance.clearResourceTimings();
        const started = performance.now();
        const observer = new MutationObserver(() => {
          if ((code.textContent ?? '').trim() === '') return;
          const totalMs = performance.now() - started;
          observer.disconnect();
          clearTimeout(timer);
          const entries = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
          const pow = entries.find((e) => e.name.endsWith('/api/v1/pow'));
          const post = entries.find((e) => e.name.endsWith('/api/v1/messages'));
          resolve({
            totalMs,
            challengeMs: pow ? pow.responseEnd - pow.startTime : 0,
            solveMs: pow && post ? Math.max(0, post.startTime - pow.responseEnd) : 0,
            postMs: post ? post.responseEnd - post.startTime : 0,
          });
        });
        observer.observe(code, { childList: true, characterData: true, subtree: true });
        form.requestSubmit();
      }),
  );
}

/**
 * The compose page, end to end in a fresh page: the time from submitting
 * the form to the reply code on screen. The relay runs at difficulty 0, so
 * there is nothing to solve, but the page still fetches a challenge and
 * starts its proof-of-work worker (which loads libsodium); those phases are
 * measured from resource timings and reported apart.
 */
async function sendFromComposePage(
  browser: Browser,
  relay: ServerProcess,
  supporterId: string,
): Promise<PageSend> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${relay.url}/write?to=${supporterId}`, { waitUntil: 'networkidle' });
    await page.waitForSelector('#write-compose:not([hidden])', { timeout: 15_000 });
    return await submitComposeForm(page);
  } finally {
    await context.close();
  }
}

export async function measureBrowser(options: BrowserOptions): Promise<BrowserResult> {
  const gzip = await buildPages();
  const dir = freshDataDir();
  const relay = await startServer({
    entry: 'bench/servers/relay-web.ts',
    env: {
      WEB_ROOT: WEB_OUT,
      DATABASE_URL: `file:${join(dir, 'relay.db')}`,
      OPERATOR_TOKEN,
      POW_DIFFICULTY: '0',
      INBOX_CAP: '100000',
      SUBMISSIONS_PER_HOUR: '10000000',
      SUBMISSIONS_PER_SUPPORTER_PER_HOUR: '1000000',
      POW_SURGE_PER_MINUTE: '1000000',
    },
  });
  const browser = await launchBrowser();
  try {
    const keys = await newSupporterKeys();
    const [supporter] = await enrolOnRelay(relay.url, [keys]);
    const supporterId = supporter!.id;
    const supporterKey = toB64(keys.publicKey);
    const { vault } = await createVault(PASSPHRASE, keys.secretKey);
    const vaultRecord: VaultRecord = {
      ...vault,
      opslimit: DEFAULT_OPSLIMIT,
      memlimit: DEFAULT_MEMLIMIT,
    };

    let pages: BrowserResult['pages'];
    try {
      pages = gzip instanceof Map ? await weighPages(browser, relay, gzip, supporterId) : gzip;
    } catch (error) {
      pages = { error: (error as Error).message };
    }

    const raw = {
      sealCold: [] as number[],
      sealWarm: [] as number[],
      rawSeal: [] as number[],
      sealAndPost: [] as number[],
      pageSend: [] as PageSend[],
      pageSendError: undefined as string | undefined,
      solves: [] as { ms: number; attempts: number }[],
      rawExpected: [] as number[],
      unlockCold: [] as number[],
      unlockWarm: [] as number[],
      rawArgon2: [] as number[],
      open100: [] as number[],
      rawOpen100: [] as number[],
    };
    for (let rep = 0; rep < options.repetitions; rep++) {
      const [context, page] = await benchPage(browser, relay);
      try {
        raw.sealCold.push(await call(page, 'seal', supporterKey));
        const warm: number[] = [];
        const bare: number[] = [];
        const posted: number[] = [];
        for (let i = 0; i < options.seals; i++) {
          warm.push(await call(page, 'seal', supporterKey));
          bare.push(await call(page, 'rawSeal', supporterKey));
          posted.push(await call(page, 'sealAndPost', supporterId, supporterKey));
        }
        raw.sealWarm.push(median(warm));
        raw.rawSeal.push(median(bare));
        raw.sealAndPost.push(median(posted));

        raw.solves.push(...(await call(page, 'proofOfWork', options.solves, DEFAULT_DIFFICULTY)));
        raw.rawExpected.push(await call(page, 'rawHashes', 2 ** DEFAULT_DIFFICULTY));

        // The first unlock in a fresh page loads the sumo build and runs the Argon2id self-test.
        raw.unlockCold.push(await call(page, 'unlock', PASSPHRASE, vaultRecord));
        raw.unlockWarm.push(await call(page, 'unlock', PASSPHRASE, vaultRecord));
        raw.rawArgon2.push(await call(page, 'rawArgon2', PASSPHRASE, vaultRecord));

        const opened = await call(page, 'openMessages', 100, options.openRepeats);
        raw.open100.push(median(opened.ms));
        raw.rawOpen100.push(median(opened.rawMs));
      } finally {
        await context.close();
      }
      for (let i = 0; i < options.pageSends && raw.pageSendError === undefined; i++) {
        try {
          raw.pageSend.push(await sendFromComposePage(browser, relay, supporterId));
        } catch (error) {
          raw.pageSendError = (error as Error).message.split('\n')[0];
        }
      }
    }
    const sends = (phase: (send: PageSend) => number) => summarize(raw.pageSend.map(phase));
    return {
      pages,
      sealColdMs: summarize(raw.sealCold),
      sealWarmMs: summarize(raw.sealWarm),
      rawSealMs: summarize(raw.rawSeal),
      sealAndPostMs: summarize(raw.sealAndPost),
      pageSend:
        raw.pageSend.length > 0
          ? {
              totalMs: sends((s) => s.totalMs),
              challengeMs: sends((s) => s.challengeMs),
              solveMs: sends((s) => s.solveMs),
              postMs: sends((s) => s.postMs),
              excludingPowMs: sends((s) => s.totalMs - s.challengeMs - s.solveMs),
              pageWorkMs: sends((s) => s.totalMs - s.challengeMs - s.solveMs - s.postMs),
            }
          : { error: raw.pageSendError ?? 'not measured' },
      pow: {
        difficulty: DEFAULT_DIFFICULTY,
        solveMs: summarize(raw.solves.map((s) => s.ms)),
        attempts: summarize(raw.solves.map((s) => s.attempts)),
        rawExpectedMs: summarize(raw.rawExpected),
        perExpectedAttemptsMs: summarize(
          raw.solves.map((s) => (s.ms / s.attempts) * 2 ** DEFAULT_DIFFICULTY),
        ),
      },
      unlockColdMs: summarize(raw.unlockCold),
      unlockWarmMs: summarize(raw.unlockWarm),
      rawArgon2Ms: summarize(raw.rawArgon2),
      open100Ms: summarize(raw.open100),
      rawOpen100Ms: summarize(raw.rawOpen100),
      raw,
    };
  } finally {
    await browser.close();
    await relay.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
