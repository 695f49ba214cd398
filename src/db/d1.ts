/**
 * @module
 * The relay's database on Cloudflare D1, through drizzle's d1 driver and the
 * same schema as everywhere else. The schema is brought up to date outside
 * the Worker, by `wrangler d1 migrations apply` from the committed
 * drizzle-kit SQL in src/db/migrations (wrangler.toml `migrations_dir`).
 */
import { is } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/d1';
import { SQLiteRaw } from 'drizzle-orm/sqlite-core/query-builders/raw';
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
  const db = drizzle(binding as Parameters<typeof drizzle>[0], { schema });
  const batch = db.batch.bind(db);
  db.batch = ((queries: unknown[]) =>
    batch(
      queries.map((query) => (is(query, SQLiteRaw) ? batchableRaw(query, binding) : query)) as [
        never,
      ],
    )) as typeof db.batch;
  return db;
}

/**
 * drizzle's D1 batch expects every item to carry a prepared D1 statement,
 * which raw `db.run(sql…)` items do not (drizzle-orm issue #2277: "Cannot
 * read properties of undefined (reading 'bind')"). This gives a raw item the
 * statement it lacks; its result is mapped as drizzle would map it.
 */
function batchableRaw(raw: SQLiteRaw<unknown>, binding: D1Database) {
  const query = raw.getQuery();
  const prepared = {
    stmt: binding.prepare(query.sql),
    getQuery: () => query,
    mapResult: (result: unknown, fromBatch?: boolean) => raw.mapResult(result, fromBatch),
  };
  return { _prepare: () => prepared };
}
