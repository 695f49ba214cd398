/**
 * Brings the test's D1 database up to date from src/db/migrations, with the
 * same reading of the files as `wrangler d1 migrations apply`.
 */
import { applyD1Migrations } from 'cloudflare:test';
import { env } from 'cloudflare:workers';

await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
