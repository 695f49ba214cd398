/**
 * How the browser tests and the benchmarks start Debian's Chromium: its path
 * and flags, nothing else, so the browser project's globalSetup can import
 * it without the test helpers.
 */
import { type Browser, chromium } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * A Chromium of one's own (the benchmarks, and the test that needs flags of
 * its own: test/process/caddy.test.ts); browser tests share one: ./global-setup.ts.
 */
export function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, ...extraArgs] });
}
