/**
 * Tests that run inside workerd, the Workers runtime, through
 * @cloudflare/vitest-pool-workers: the server's crypto there, the Worker's
 * fetch and scheduled handlers on a local D1 migrated from
 * src/db/migrations. The `workerd` project of vitest.config.ts
 * (`npm run test:workerd`).
 */
import { existsSync } from 'node:fs';
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-pool-workers';
import { defineConfig } from 'vitest/config';
import { buildWeb } from './scripts/build-web.ts';
import { blankedDevVars } from './test/support/workerd-relay.ts';

// Nothing leaves this machine: no wrangler metrics, no request.cf download.
process.env.WRANGLER_SEND_METRICS = 'false';
process.env.CLOUDFLARE_CF_FETCH_ENABLED = 'false';

const OPERATOR_TOKEN = 'operator-token-for-workerd-tests-0123456789';

export default defineConfig(async () => {
  // wrangler.toml's assets directory must exist (`npm test` has built it by now).
  if (!existsSync('web/dist/index.html')) await buildWeb();
  const migrations = await readD1Migrations('src/db/migrations');
  return {
    plugins: [
      cloudflareTest({
        main: './src/worker.ts',
        wrangler: { configPath: './wrangler.toml' },
        miniflare: {
          bindings: {
            ...blankedDevVars(),
            TEST_MIGRATIONS: migrations,
            OPERATOR_TOKEN,
            PUBLIC_URL: 'http://127.0.0.1:8787',
            POW_DIFFICULTY: '0',
          },
        },
      }),
    ],
    test: {
      name: 'workerd',
      include: ['test/workers/**/*.test.ts'],
      setupFiles: ['test/workers/apply-migrations.ts'],
      testTimeout: 20_000,
    },
  };
});
