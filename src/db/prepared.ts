/**
 * @module
 * Queries on the request path, built once per database handle. Building a
 * query is most of drizzle's cost (a 25-column select takes ~150 µs to build
 * and ~13 µs to run prepared; bench/, README "Performance"), so the queries
 * every submission, inbox fetch and acknowledgement run are prepared with
 * placeholders the first time and reused. Writes that go into a `batch`
 * cannot be prepared in drizzle; those are SQL text instead (`textRun` in
 * database.ts).
 */
import type { Database } from './database.ts';

/**
 * Wraps a query factory so each database handle builds its query once.
 *
 * @example
 * const byId = prepared((db) =>
 *   db.select().from(messages).where(eq(messages.id, sql.placeholder('id'))).prepare(),
 * );
 * const row = await byId(db).get({ id });
 */
export function prepared<Query>(build: (db: Database) => Query): (db: Database) => Query {
  const queries = new WeakMap<Database, Query>();
  return (db) => {
    let query = queries.get(db);
    if (query === undefined) {
      query = build(db);
      queries.set(db, query);
    }
    return query;
  };
}
