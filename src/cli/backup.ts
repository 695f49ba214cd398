/**
 * @module
 * `npm run backup -- <file>`: writes a backup of the Node relay's libSQL
 * file (DATABASE_URL) to `<file>`, a new file readable by its owner only.
 * Safe while the relay runs. What is kept, and what never is:
 * src/db/backup.ts and docs/deploy-node.md, "Backups and restore".
 */
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.ts';
import { localDatabasePath, writeBackup } from '../db/backup.ts';

const USAGE = 'usage: npm run backup -- <file>';

async function main(): Promise<void> {
  const { positionals } = parseArgs({ allowPositionals: true, strict: true });
  const [file] = positionals;
  if (file === undefined || positionals.length !== 1) throw new ConfigError(USAGE);
  const database = localDatabasePath(loadConfig(process.env).databaseUrl);
  const summary = await writeBackup(database, file);
  console.log(
    `backup: wrote ${file} (schema ${summary.schema}; ${summary.supporters} supporters, ${summary.archiveItems} archive items).`,
  );
}

main().catch((error: unknown) => {
  console.error(`backup: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
