/**
 * @module
 * Backups of the Node relay's libSQL file, and their restore
 * (docs/deploy-node.md, "Backups and restore").
 *
 * A backup is a new SQLite file with the relay's schema (made by the same
 * migrations) into which one read transaction on the live database copies
 * what must survive: supporters with their vaults and auth-key hashes,
 * unused invites, the server secret and operator token hash, the supporters'
 * archives, their first contacts per month (what they are paid by), and
 * tombstones. Queued messages, replies, the doctors' mailboxes and sent
 * copies, sessions, spent challenges, login failures, the daily and hourly
 * counters and notification state are never read into it, so no ciphertext the relay
 * promised to delete is ever written to the file, not even to a free page.
 * Live mailboxes are kept as tombstones (the hash of the id, the hour it
 * would expire: PROTOCOL.md §10.2), so no one who saw an id can claim it
 * after a restore; the doctor gets `410 mailbox_deleted` and a new code.
 *
 * This goes to the native `libsql` binding directly: a backup needs ATTACH
 * and one transaction across statements, which the relay's own client (one
 * group-committing connection, src/db/libsql-file.ts) deliberately lacks.
 */
import {
  chownSync,
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'libsql';
import { capabilityHash } from '../crypto.ts';
import { databaseFilePath, migrationsFolder, openLibsql } from './libsql.ts';

/** The SQLite header's application id of a peer-relay backup (ASCII "prB1"). */
export const BACKUP_APPLICATION_ID = 0x70724231;

/** A refusal with a sentence for the operator; the command line prints it as it is. */
export class BackupError extends Error {
  override name = 'BackupError';
}

/** Tables copied whole or in part; every other table stays out of a backup. */
const KEPT_TABLES: readonly { table: string; where?: string }[] = [
  { table: 'supporters' },
  // A used invite is spent: an unknown token is refused the same way.
  { table: 'invites', where: 'used = 0' },
  // Alert state is relative to the counters, which are not kept.
  { table: 'settings', where: "key in ('server_secret', 'operator_token_hash')" },
  { table: 'archive_items' },
  { table: 'deleted_mailboxes' },
];

/** The database file `databaseUrl` names; a remote or in-memory database has none to back up. */
export function localDatabasePath(databaseUrl: string): string {
  const path = databaseFilePath(databaseUrl);
  if (path === null || path === ':memory:') {
    throw new BackupError(
      'DATABASE_URL does not name a local file; Turso and D1 keep their own backups (docs/deploy-node.md).',
    );
  }
  return path;
}

export interface BackupSummary {
  /** The schema the backup carries: the tag of its last migration. */
  schema: string;
  supporters: number;
  archiveItems: number;
}

interface Migration {
  tag: string;
  when: number;
}

/** This release's migrations, oldest first (drizzle-kit's journal). */
function releaseMigrations(): Migration[] {
  const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8'));
  return (journal.entries as Migration[]).map(({ tag, when }) => ({ tag, when }));
}

/** The `when` of the last migration applied to `schema` (drizzle records it as `created_at`). */
function appliedMigration(db: Database.Database, schema: 'main' | 'backup'): number | null {
  try {
    const row = db
      .prepare(`SELECT max(created_at) AS latest FROM ${schema}.__drizzle_migrations`)
      .get() as { latest: number | null } | undefined;
    return row?.latest ?? null;
  } catch {
    return null;
  }
}

function tagOf(when: number | null): string {
  return releaseMigrations().find((m) => m.when === when)?.tag ?? 'unknown';
}

function columnsOf(db: Database.Database, table: string): string {
  const columns = db.prepare(`PRAGMA backup.table_info(${table})`).all() as { name: string }[];
  return columns.map((c) => `"${c.name}"`).join(', ');
}

/** Creates `path` empty with mode 0600; refuses if anything is there already. */
function createExclusive(path: string): void {
  try {
    closeSync(openSync(path, 'wx', 0o600));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new BackupError(`${path} exists already; a backup never overwrites a file.`);
    }
    throw new BackupError(`cannot create ${path}: ${(error as Error).message}`);
  }
}

/** A pragma's one value (the binding's own `pragma(…, { simple })` returns the row). */
function pragmaValue(db: Database.Database, name: string): unknown {
  const row = db.prepare(`PRAGMA ${name}`).get() as Record<string, unknown> | undefined;
  return row?.[name];
}

/** Removes a database file this module made, with whatever SQLite left beside it. */
function removeDatabaseFile(path: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal'])
    rmSync(`${path}${suffix}`, { force: true });
}

function fsyncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Writes a backup of the database file at `databasePath` to `backupPath`,
 * a new file (mode 0600). Safe while the relay runs: one read transaction
 * sees a consistent snapshot of the WAL-mode database.
 *
 * @example
 * const summary = await writeBackup('/var/lib/peer-relay/relay.db', '/root/relay-2026-12-04.backup');
 */
export async function writeBackup(
  databasePath: string,
  backupPath: string,
): Promise<BackupSummary> {
  if (!existsSync(databasePath)) throw new BackupError(`there is no database at ${databasePath}.`);
  createExclusive(backupPath);
  try {
    // This release's schema, made by its migrations; a single file, no WAL.
    const fresh = await openLibsql(pathToFileURL(backupPath).href);
    await fresh.client.execute('PRAGMA journal_mode = DELETE');
    fresh.close();

    const db = new Database(databasePath);
    try {
      db.exec('PRAGMA busy_timeout = 5000');
      db.prepare('ATTACH DATABASE ? AS backup').run(backupPath);
      const current = appliedMigration(db, 'backup');
      db.exec('BEGIN');
      const live = appliedMigration(db, 'main');
      if (live !== current) {
        throw new BackupError(
          `the database is at schema ${tagOf(live)}, this release at ${tagOf(current)}: back up with the release that runs the relay (or run npm run db:migrate first).`,
        );
      }
      for (const { table, where } of KEPT_TABLES) {
        const columns = columnsOf(db, table);
        db.exec(
          `INSERT INTO backup.${table} (${columns}) SELECT ${columns} FROM main.${table}${where ? ` WHERE ${where}` : ''}`,
        );
      }
      // What supporters are paid by (src/domain/compensation.ts), folded to
      // months: the days a supporter was written to are not kept.
      db.exec(
        `INSERT INTO backup.supporter_daily_counts (supporter_id, day, event, count)
         SELECT supporter_id, substr(day, 1, 7) || '-01', event, sum(count)
         FROM main.supporter_daily_counts WHERE event = 'first_contact' GROUP BY 1, 2, 3`,
      );
      const tombstone = db.prepare(
        `INSERT INTO backup.deleted_mailboxes (id_hash, expires_hour) VALUES (?, ?)
         ON CONFLICT (id_hash) DO UPDATE SET expires_hour = max(expires_hour, excluded.expires_hour)`,
      );
      const mailboxes = db.prepare('SELECT id, expires_hour FROM main.mailboxes').all() as {
        id: string;
        expires_hour: number;
      }[];
      for (const mailbox of mailboxes)
        tombstone.run(capabilityHash(mailbox.id), mailbox.expires_hour);
      db.exec(`PRAGMA backup.application_id = ${BACKUP_APPLICATION_ID}`);
      const count = (table: string) =>
        (db.prepare(`SELECT count(*) AS n FROM backup.${table}`).get() as { n: number }).n;
      const summary = {
        schema: tagOf(current),
        supporters: count('supporters'),
        archiveItems: count('archive_items'),
      };
      db.exec('COMMIT');
      return summary;
    } finally {
      if (db.inTransaction) db.exec('ROLLBACK');
      db.close();
    }
  } catch (error) {
    // Only the file this call created; nothing half-written is left to be mistaken for a backup.
    removeDatabaseFile(backupPath);
    throw error;
  } finally {
    if (existsSync(backupPath)) fsyncPath(backupPath);
  }
}

/** Checks that `path` is a peer-relay backup this release can restore; returns its schema tag. */
export function inspectBackup(path: string): string {
  if (!existsSync(path)) throw new BackupError(`there is no file at ${path}.`);
  const db = new Database(path);
  try {
    let applicationId: number;
    try {
      applicationId = Number(pragmaValue(db, 'application_id'));
    } catch {
      throw new BackupError(`${path} is not a peer-relay backup (not a database file).`);
    }
    if (applicationId !== BACKUP_APPLICATION_ID) {
      throw new BackupError(`${path} is not a peer-relay backup (written by npm run backup).`);
    }
    if (pragmaValue(db, 'quick_check') !== 'ok') {
      throw new BackupError(`${path} is damaged (SQLite's quick_check failed).`);
    }
    const latest = appliedMigration(db, 'main');
    if (latest === null) {
      throw new BackupError(`${path} is damaged (it has no record of its schema).`);
    }
    if (!releaseMigrations().some((m) => m.when === latest)) {
      throw new BackupError(
        `${path} was written by a newer release (its schema is not one this release knows); restore it with that release.`,
      );
    }
    return tagOf(latest);
  } finally {
    db.close();
  }
}

/**
 * Fails unless no other process has `path` open: leaving WAL mode needs the
 * only connection (SQLite answers SQLITE_BUSY otherwise), and it also moves
 * a stale WAL into the file, so no `-wal` of the old database is left to be
 * replayed onto the restored one.
 */
function claimUnused(path: string): void {
  const db = new Database(path);
  try {
    db.exec('PRAGMA busy_timeout = 0');
    db.exec('PRAGMA journal_mode = DELETE');
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
      throw new BackupError(`${path} looks in use: stop the relay before restoring.`);
    }
    throw new BackupError(`${path} cannot be replaced: ${(error as Error).message}`);
  } finally {
    db.close();
  }
}

/**
 * Replaces the database at `databasePath` with the backup at `backupPath`,
 * atomically (a rename in the same directory), and brings it up to this
 * release's schema. The relay must be stopped.
 *
 * @returns the schema tag the backup was written at.
 */
export async function restoreBackup(backupPath: string, databasePath: string): Promise<string> {
  const from = inspectBackup(backupPath);
  if (existsSync(databasePath)) claimUnused(databasePath);
  const staging = `${databasePath}.restoring`;
  removeDatabaseFile(staging);
  try {
    mkdirSync(dirname(databasePath), { recursive: true });
    copyFileSync(backupPath, staging);
    // Run as root (systemd's DynamicUser owns the state directory): the
    // restored file takes its directory's owner, so the relay can open it.
    if (process.getuid?.() === 0) {
      const owner = statSync(dirname(databasePath));
      chownSync(staging, owner.uid, owner.gid);
    }
    const db = new Database(staging);
    // A restored database is a live one: a copy of it must not pass for a backup.
    db.exec('PRAGMA application_id = 0');
    db.close();
    const store = await openLibsql(pathToFileURL(staging).href);
    await store.checkpoint();
    store.close();
    for (const suffix of ['-wal', '-shm']) rmSync(`${databasePath}${suffix}`, { force: true });
    renameSync(staging, databasePath);
    fsyncPath(dirname(databasePath));
    return from;
  } finally {
    removeDatabaseFile(staging);
  }
}
