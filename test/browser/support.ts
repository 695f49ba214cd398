/**
 * Browser tests: the real relay (Node assembly on a temporary libSQL file,
 * fake clock) serving the built web client on 127.0.0.1, driven by Debian's
 * Chromium through playwright-core (one Chromium for all files, launched by
 * ./global-setup.ts). Helpers collect what a test must check on every page:
 * CSP violations, every request the page made, axe findings, and a
 * screenshot kept as an artefact in test-results/screenshots.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import {
  type Browser,
  type BrowserContext,
  chromium,
  type Download,
  type Page,
} from 'playwright-core';
import { afterAll, afterEach, beforeAll, inject } from 'vitest';
import { createApp } from '../../src/app.ts';
import { staticFiles } from '../../src/static-files.ts';
import { createHarness, type Harness } from '../support/harness.ts';
import { overHttp, type Transport } from '../support/transport.ts';

const root = new URL('../..', import.meta.url).pathname;
export const SCREENSHOTS = join(root, 'test-results/screenshots');

/** The phone the journeys are walked on (an iPhone 12–15 class viewport). */
export const PHONE = { width: 390, height: 844 };

/**
 * The relay on its URL. It is also the transport test actors seed it through
 * (over real HTTP, dated by the harness's fake clock), as a page would reach it.
 */
export interface RunningRelay extends Transport {
  url: string;
  harness: Harness;
  close(): Promise<void>;
}

/** Where a relay serves the web client from: web/dist (built by test/global-setup.ts) unless told. */
export interface RelayOptions {
  /** Another build of the web client, e.g. one with a directory key. */
  webDist?: string;
}

/** Starts the relay with the built web client. */
export async function startRelay(
  env: Record<string, string> = {},
  options: RelayOptions = {},
): Promise<RunningRelay> {
  const harness = await createHarness({ env });
  const app = createApp({
    relay: harness.relay,
    version: 'test',
    startedAt: harness.clock.now(),
    assets: staticFiles(options.webDist ?? join(root, 'web/dist')),
    logError: (error) => harness.errors.push(error),
  });
  const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    ...overHttp(url, harness.operatorToken, { clock: harness.clock }),
    url,
    harness,
    close: () =>
      new Promise<void>((resolve) => {
        if ('closeAllConnections' in server) server.closeAllConnections();
        server.close(() => {
          harness.dispose();
          resolve();
        });
      }),
  };
}

/**
 * A connection to the browser project's Chromium (./global-setup.ts).
 * Closing it closes only the browser profiles this file opened.
 */
export function connectBrowser(): Promise<Browser> {
  return chromium.connect(inject('chromiumEndpoint'));
}

/** What a test file shares: its relay and its connection to Chromium. */
export interface RelayAndBrowser {
  relay: RunningRelay;
  browser: Browser;
}

/**
 * A relay (with `env`) and the shared Chromium for one test file: started
 * before its tests, closed after them. `seed` prepares the relay before any
 * test runs; what it returns, if anything, is on the fixture too (e.g.
 * `setup.directory`). `options` may name another build to serve, and
 * `beforeStart` makes it (e.g. a build with a directory key) before the relay starts.
 * Call it at the top level of a test file; read the fields inside tests.
 */
export function relayAndBrowser<Seeded extends object = object>(
  env: Record<string, string> = {},
  // biome-ignore lint/suspicious/noConfusingVoidType: a seed that only prepares the relay returns nothing.
  seed?: (relay: RunningRelay) => Promise<Seeded | void>,
  options: RelayOptions & { beforeStart?: () => Promise<unknown> } = {},
): RelayAndBrowser & Seeded {
  const setup = {} as RelayAndBrowser & Seeded;
  beforeAll(async () => {
    await options.beforeStart?.();
    setup.relay = await startRelay(env, options);
    setup.browser = await connectBrowser();
    Object.assign(setup, await seed?.(setup.relay));
  });
  afterAll(async () => {
    await setup.browser?.close();
    await setup.relay?.close();
  });
  return setup;
}

export interface CapturedRequest {
  method: string;
  url: string;
  body: string | null;
}

export interface WatchedPage {
  page: Page;
  context: BrowserContext;
  /** `securitypolicyviolation` events seen on any page of this context. */
  cspViolations: string[];
  /** Every request the pages made over the network (not `blob:` reads), with URL and body. */
  requests: CapturedRequest[];
  /** Uncaught errors and console errors. */
  pageErrors: string[];
}

/**
 * A fresh browser profile (context) with one page, watched for CSP
 * violations, requests and errors.
 */
export async function openPage(
  browser: Browser,
  options: { viewport?: { width: number; height: number }; locale?: string } = {},
): Promise<WatchedPage> {
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 900 },
    locale: options.locale ?? 'en-GB',
    acceptDownloads: true,
  });
  const cspViolations: string[] = [];
  const requests: CapturedRequest[] = [];
  const pageErrors: string[] = [];
  await context.exposeBinding('__reportCspViolation', (_source, text: string) => {
    cspViolations.push(text);
  });
  // Init scripts are injected by the browser, not the page, so the CSP does not apply to them.
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __reportCspViolation: (text: string) => void })
        .__reportCspViolation;
      report(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  context.on('request', (request) => {
    // A blob: URL is the page reading bytes it already holds (a verified script), not a request.
    if (request.url().startsWith('blob:')) return;
    requests.push({ method: request.method(), url: request.url(), body: request.postData() });
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  return { page, context, cspViolations, requests, pageErrors };
}

/**
 * An `openPage` whose browser profiles are all closed after each test, pass
 * or fail, so a failed test cannot leave a page (or Argon2id's memory) in use
 * for the next one. Call it at the top level of a test file.
 */
export function pagesClosedAfterEach(defaultTimeoutMs?: number): typeof openPage {
  const opened: WatchedPage[] = [];
  afterEach(async () => {
    for (const watched of opened.splice(0)) await watched.context.close();
  });
  return async (...args) => {
    const watched = await openPage(...args);
    if (defaultTimeoutMs !== undefined) watched.page.setDefaultTimeout(defaultTimeoutMs);
    opened.push(watched);
    return watched;
  };
}

/** A download's contents as text (the browser is shared, not local: it has no path here). */
export async function downloadedText(download: Download): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}

const axeSource = readFileSync(join(root, 'node_modules/axe-core/axe.min.js'), 'utf8');

export interface AxeFinding {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/** Runs axe-core in the page and returns its serious and critical findings. */
export async function seriousAxeFindings(page: Page): Promise<AxeFinding[]> {
  // evaluate() runs through the DevTools protocol, outside the page's CSP.
  await page.evaluate(axeSource);
  const results = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (options: object) => Promise<unknown> } }).axe;
    return (await axe.run({ resultTypes: ['violations'] })) as {
      violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[];
    };
  });
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }));
}

/** Saves a full-page screenshot as a test artefact. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
