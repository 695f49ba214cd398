/**
 * @module
 * Opening the embedded libSQL file (the default) or a remote libSQL/Turso
 * database from Node, applying the committed drizzle-kit migrations, and the
 * file-level care that privacy promise 3 needs: WAL with `synchronous=FULL`
 * (messages are few and precious), `secure_delete` so freed pages are zeroed,
 * and a TRUNCATE checkpoint so old page images leave the `-wal` file.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Client, createClient } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql';
import { migrate } from 'drizzle-orm/libsql/migrator';
import type { Database } from './database.ts';
import { openFileClient } from './libsql-file.ts';
import * as schema from './schema.ts';

export interface LibsqlStore {
  db: Database;
  client: Client;
  /** True for a local file (pragmas and checkpoints apply). */
  isFile: boolean;
  /** Moves every WAL page into the database file and empties the WAL. */
  checkpoint(): Promise<void>;
  close(): void;
}

/** The committed drizzle-kit migrations (and their journal, `meta/_journal.json`). */
export const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

/**
 * The path of the local file a `file:` URL names (relative to the working
 * directory), `:memory:` for an in-memory one, or `null` for a remote URL.
 */
export function databaseFilePath(url: string): string | null {
  if (!url.startsWith('file:')) return null;
  if (url.startsWith('file::memory:')) return ':memory:';
  return fileURLToPath(new URL(url, `file://${process.cwd()}/`));
}

/**
 * Opens the database named by `url`, configures it and brings its schema up
 * to date.
 *
 * @example
 * const store = await openLibsql('file:./data/relay.db');
 */
export async function openLibsql(url: string, authToken?: string): Promise<LibsqlStore> {
  const path = databaseFilePath(url);
  const isFile = path !== null;
  let client: Client;
  if (isFile) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    // One connection, so per-connection pragmas (synchronous, secure_delete)
    // hold for every statement; writes are group-committed (src/db/libsql-file.ts).
    client = openFileClient(path);
  } else {
    client = createClient(authToken === undefined ? { url } : { url, authToken });
  }
  if (isFile) {
    await client.execute('PRAGMA journal_mode = WAL');
    await client.execute('PRAGMA synchronous = FULL');
    await client.execute('PRAGMA secure_delete = ON');
    await client.execute('PRAGMA busy_timeout = 5000');
  }
  const db = drizzle(client, { schema });
  await migrate(db, { migrationsFolder });
  return {
    db,
    client,
    isFile,
    async checkpoint() {
      if (isFile) await client.execute('PRAGMA wal_checkpoint(TRUNCATE)');
    },
    close: () => client.close(),
  };
}
