/**
 * Types for the tests that run inside workerd: the pool's `cloudflare:test`
 * module, and the bindings vitest.workers.config.ts gives the Worker.
 */
/// <reference types="@cloudflare/vitest-pool-workers/types" />
import type { D1Migration } from 'cloudflare:test';
import type { D1Database, Fetcher, WorkerEnv } from '../../src/worker-env.ts';

declare global {
  namespace Cloudflare {
    interface Env extends WorkerEnv {
      DB: D1Database;
      ASSETS: Fetcher;
      OPERATOR_TOKEN: string;
      TEST_MIGRATIONS: D1Migration[];
    }
  }
}
