/**
 * @module
 * `npm run operator-token`: replaces the generated operator token (kept only
 * as a hash in the database) with a new one and prints it once. Not needed
 * when OPERATOR_TOKEN is set in the environment.
 */
import { loadConfig } from '../config.ts';
import { openLibsql } from '../db/libsql.ts';
import { rotateOperatorToken } from '../domain/bootstrap.ts';

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  if (config.operatorToken !== undefined) {
    console.error(
      'operator-token: OPERATOR_TOKEN is set in the environment; change it there instead.',
    );
    process.exit(1);
  }
  const store = await openLibsql(config.databaseUrl, config.databaseAuthToken);
  try {
    const { generated } = await rotateOperatorToken(store.db);
    console.log(`New operator token (shown once; the old one no longer works): ${generated}`);
  } finally {
    store.close();
  }
}

main().catch((error: unknown) => {
  console.error(`operator-token: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
