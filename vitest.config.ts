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
 *   wrangler and workerd (test/process/).
 * - browser: the web client in Debian's Chromium, one Chromium for the
 *   project (test/browser/).
 * - workerd: tests inside the Workers runtime (vitest.workers.config.ts).
 */
import { configDefaults, defineConfig } from 'vitest/config';

/** What every Node project shares (not `extends: true`: that would repeat the root's globalSetup). */
const timeouts = { testTimeout: 30_000, hookTimeout: 60_000 };

export default defineConfig({
  test: {
    // Builds web/dist once, for the projects that serve it.
    globalSetup: ['test/global-setup.ts'],
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
          globalSetup: ['test/browser/global-setup.ts'],
        },
      },
      'vitest.workers.config.ts',
    ],
  },
});
