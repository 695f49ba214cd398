import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Those run inside workerd: vitest.workers.config.ts (`npm run test:workerd`).
    exclude: [...configDefaults.exclude, 'test/workers/**'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
