/**
 * Builds the web client once before the tests, as `npm install` does, when a
 * selected project serves it (`npm run test:unit` does without).
 */
import type { TestProject } from 'vitest/node';
import { buildWeb } from '../scripts/build-web.ts';

const SERVING_WEB_DIST = new Set(['api', 'process', 'browser', 'workerd']);

export default async function setup(project: TestProject): Promise<void> {
  if (project.vitest.projects.some((selected) => SERVING_WEB_DIST.has(selected.name))) {
    // Without a directory key whatever the shell says: tests that need one build their own.
    await buildWeb(undefined, { directoryPublicKey: null });
  }
}
