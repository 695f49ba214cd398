/**
 * The test projects, each runnable alone (`npm run test:<name>`); `npm test`
 * runs them all after the typecheck and lint. The directory says which
 * project a test belongs to:
 *
 * - unit: one module at a time, no server, process or browser. Everything
 *   under test/ not named below, mirroring src/ and web/src/.
 * - api: the relay in-process on a temporary libSQL file with a fake clock,
 *   driven through `app.request()` or a local HTTP server (test/api/).
 * - process: child processes: the relay from its built bundle, the CLIs,
 *   wrangler and workerd, Debian's Caddy in front of the relay (with a
 *   Chromium of that test's own) (test/process/).
 * - browser: the web client in Debian's Chromium, one Chromium for the
 *   project (test/browser/).
 * - workerd: tests inside the Workers runtime (vitest.workers.config.ts).
 *
 * Worker counts are set for a 2-core machine (vitest's default there is
 * one): two test files at a time, from one queue that holds every selected
 * project, each project's longest files first once vitest has timings.
 */
import { configDefaults, defineConfig } from 'vitest/config';

/** What every Node project shares (not `extends: true`: that would repeat the root's globalSetup). */
const timeouts = { testTimeout: 30_000, hookTimeout: 60_000 };

export default defineConfig({
  test: {
    // Builds web/dist once, for the projects that serve it.
    globalSetup: ['test/global-setup.ts'],
    maxWorkers: 2,
    projects: [
      {
        test: {
          ...timeouts,
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'test/{api,process,browser,workers}/**'],
        },
      },
      {
        test: {
          ...timeouts,
          name: 'api',
          include: ['test/api/**/*.test.ts'],
          // Files share a worker's imported modules (the app, libsodium): each
          // builds its own harness, and no test mocks a module.
          isolate: false,
        },
      },
      {
        test: {
          ...timeouts,
          name: 'process',
          include: ['test/process/**/*.test.ts'],
          globalSetup: ['test/process/global-setup.ts'],
        },
      },
      {
        test: {
          ...timeouts,
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          // Two files share two cores, so a journey takes up to twice its time
          // alone: this limit is there to stop a hang, not to time the pages.
          testTimeout: 60_000,
          // As in api: each file starts its own relay and browser profiles.
          isolate: false,
          globalSetup: ['test/browser/global-setup.ts'],
        },
      },
      'vitest.workers.config.ts',
    ],
  },
});
