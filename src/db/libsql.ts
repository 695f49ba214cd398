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

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

/**
 * Opens the database named by `url`, configures it and brings its schema up
 * to date.
 *
 * @example
 * const store = await openLibsql('file:./data/relay.db');
 */
export async function openLibsql(url: string, authToken?: string): Promise<LibsqlStore> {
  const isFile = url.startsWith('file:');
  if (isFile && !url.startsWith('file::memory:')) {
    mkdirSync(dirname(fileURLToPath(new URL(url, `file://${process.cwd()}/`))), {
      recursive: true,
    });
  }
  // One connection: per-connection pragmas (synchronous, secure_delete) then
  // hold for every statement, and the relay never opens interactive
  // transactions that would need a second one.
  const client = createClient(
    authToken === undefined ? { url, concurrency: 1 } : { url, authToken, concurrency: 1 },
  );
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
