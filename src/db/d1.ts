/**
 * @module
 * The relay's database on Cloudflare D1, through drizzle's d1 driver and the
 * same schema as everywhere else. The schema is brought up to date outside
 * the Worker, by `wrangler d1 migrations apply` from the committed
 * drizzle-kit SQL in src/db/migrations (wrangler.toml `migrations_dir`).
 */
import { drizzle } from 'drizzle-orm/d1';
import type { D1Database } from '../worker-env.ts';
import type { Database } from './database.ts';
import * as schema from './schema.ts';

/**
 * @example
 * const db = openD1(env.DB);
 */
export function openD1(binding: D1Database): Database {
  // drizzle types its client as @cloudflare/workers-types' D1Database, which
  // this project does not load (see src/worker-env.ts); the shapes agree.
  return drizzle(binding as Parameters<typeof drizzle>[0], { schema });
}
