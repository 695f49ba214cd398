/**
 * @module
 * The relay's database on a remote libSQL server (Turso) from a Worker,
 * through `@libsql/client/web`, which speaks HTTP with `fetch` only. The
 * schema is brought up to date before deploying, with `npm run db:migrate`
 * (the same drizzle-kit migrations the Node entry applies at start).
 */
import { createClient } from '@libsql/client/web';
import { drizzle } from 'drizzle-orm/libsql/web';
import type { Database } from './database.ts';
import * as schema from './schema.ts';

/**
 * Connects over HTTP(S). A `libsql://` URL is used as `https://`; a `wss://`
 * URL is refused on Workers, since a WebSocket opened in one request cannot
 * be used by the next.
 *
 * @example
 * const db = openLibsqlWeb('libsql://relay-example.turso.io', token);
 */
export function openLibsqlWeb(url: string, authToken: string | undefined): Database {
  const client = createClient(authToken === undefined ? { url } : { url, authToken });
  return drizzle(client, { schema });
}
