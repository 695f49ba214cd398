/**
 * One Chromium for the whole browser project: launched here as a Playwright
 * browser server, connected to by every test file (`connectBrowser()` in
 * ./support.ts, a few milliseconds instead of a launch), closed when the run
 * ends. Each test still opens its own browser profile (a fresh context).
 */
import { chromium } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The Playwright endpoint of the project's Chromium. */
    chromiumEndpoint: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await chromium.launchServer({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
  });
  project.provide('chromiumEndpoint', server.wsEndpoint());
  return () => server.close();
}
