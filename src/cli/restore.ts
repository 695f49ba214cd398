/**
 * @module
 * `npm run restore -- <file>`: with the relay stopped, replaces the Node
 * relay's libSQL file (DATABASE_URL) with the backup in `<file>` (written by
 * `npm run backup`), in one rename, and brings it up to this release's
 * schema. Refuses a file that is not a backup, a backup from a newer
 * release, and a database that looks in use (docs/deploy-node.md).
 */
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.ts';
import { localDatabasePath, restoreBackup } from '../db/backup.ts';

const USAGE = 'usage: npm run restore -- <file>';

async function main(): Promise<void> {
  const { positionals } = parseArgs({ allowPositionals: true, strict: true });
  const [file] = positionals;
  if (file === undefined || positionals.length !== 1) throw new ConfigError(USAGE);
  const database = localDatabasePath(loadConfig(process.env).databaseUrl);
  const schema = await restoreBackup(file, database);
  console.log(`restore: ${database} now holds the backup ${file} (written at schema ${schema}).`);
}

main().catch((error: unknown) => {
  console.error(`restore: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
