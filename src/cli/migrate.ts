/**
 * @module
 * `npm run db:migrate`: brings the libSQL database named by DATABASE_URL
 * (with DATABASE_AUTH_TOKEN for Turso) up to date with the committed
 * migrations in src/db/migrations, then exits. The Node relay does this at
 * every start; a Worker cannot read migration files, so a Turso database
 * behind the Worker is migrated with this before deploying. (D1 uses
 * `npx wrangler d1 migrations apply DB --remote` on the same files.)
 */
import { loadConfig } from '../config.ts';
import { openLibsql } from '../db/libsql.ts';

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const store = await openLibsql(config.databaseUrl, config.databaseAuthToken);
  store.close();
  // The host only: a URL could carry credentials in its query.
  const where = store.isFile ? config.databaseUrl : new URL(config.databaseUrl).host;
  console.log(`db:migrate: ${where} is up to date.`);
}

main().catch((error: unknown) => {
  console.error(`db:migrate: ${error instanceof Error ? error.name : 'error'}: could not migrate.`);
  if (error instanceof Error) console.error(error.message.split('\n')[0]);
  process.exit(1);
});
