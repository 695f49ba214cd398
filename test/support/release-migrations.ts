/**
 * @module
 * The migrations folder as an earlier release shipped it, for upgrade tests:
 * the database is built by drizzle's migrator over that copy, as the release
 * did, and then opened by this one.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const MIGRATIONS = fileURLToPath(new URL('../../src/db/migrations', import.meta.url));

/** Copies the first `count` migrations and their journal into `folder`, and returns it. */
export function copyReleaseMigrations(count: number, folder: string): string {
  mkdirSync(join(folder, 'meta'), { recursive: true });
  const journal = JSON.parse(readFileSync(join(MIGRATIONS, 'meta', '_journal.json'), 'utf8'));
  journal.entries = journal.entries.slice(0, count);
  for (const { tag } of journal.entries) {
    copyFileSync(join(MIGRATIONS, `${tag}.sql`), join(folder, `${tag}.sql`));
  }
  writeFileSync(join(folder, 'meta', '_journal.json'), JSON.stringify(journal));
  return folder;
}

/** How many migrations this release has. */
export function migrationCount(): number {
  return JSON.parse(readFileSync(join(MIGRATIONS, 'meta', '_journal.json'), 'utf8')).entries.length;
}
