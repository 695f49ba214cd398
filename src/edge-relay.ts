/**
 * @module
 * Assembles a relay on Cloudflare Workers from the Worker's bindings: the
 * configuration from `[vars]` and secrets (the same `loadConfig` as Node),
 * the database (D1, or Turso over HTTP), and the server secret kept in that
 * database. The Workers counterpart of src/node-relay.ts.
 */
import { ConfigError, loadConfig, loadEdgeDatabase } from './config.ts';
import { openD1 } from './db/d1.ts';
import type { Database } from './db/database.ts';
import { openLibsqlWeb } from './db/libsql-web.ts';
import { loadOperatorToken, loadServerSecret } from './domain/bootstrap.ts';
import type { Relay } from './domain/relay.ts';
import { SubmissionLoad } from './domain/submission-load.ts';
import { type Clock, systemClock } from './time.ts';
import type { WorkerEnv } from './worker-env.ts';

/** The string-valued bindings (`[vars]` and secrets): the relay's configuration. */
export function configVariables(env: WorkerEnv): Record<string, string> {
  const variables: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (typeof value === 'string') variables[name] = value;
  }
  return variables;
}

/** The database named by the configuration: D1 by default, Turso with a `DATABASE_URL`. */
export function openEdgeDatabase(env: WorkerEnv): Database {
  const choice = loadEdgeDatabase(configVariables(env));
  if (choice.kind === 'libsql') return openLibsqlWeb(choice.url, choice.authToken);
  if (env.DB === undefined) {
    throw new ConfigError(
      'No database: bind a D1 database as DB in wrangler.toml, or set DATABASE_URL to a libsql:// URL.',
    );
  }
  return openD1(env.DB);
}

/**
 * Builds the relay for a Worker.
 *
 * @throws ConfigError when the configuration is incomplete or wrong; the
 *   database's own error when it cannot be reached or is not migrated.
 */
export async function openEdgeRelay(env: WorkerEnv, clock: Clock = systemClock): Promise<Relay> {
  const config = loadConfig(configVariables(env));
  // On Node a missing token is generated and printed once; a Worker has no
  // console to print it to, so it must be set as a secret.
  if (config.operatorToken === undefined) {
    throw new ConfigError(
      'OPERATOR_TOKEN is not set. On Workers it must be a secret of at least 32 characters: npx wrangler secret put OPERATOR_TOKEN',
    );
  }
  const db = openEdgeDatabase(env);
  const secret = await loadServerSecret(db, config.serverSecret);
  const operator = await loadOperatorToken(db, config.operatorToken);
  return {
    db,
    clock,
    config,
    secret,
    operatorTokenHash: operator.hash,
    // Per isolate: Cloudflare runs one isolate per location (and more under
    // load), so each sees its share of a surge (see docs/deploy.md).
    load: new SubmissionLoad(config.powSurgePerMinute),
    // Nothing to do: D1 and Turso are managed SQLite services with no -wal
    // file of ours to checkpoint. Their point-in-time recovery (D1 Time
    // Travel, always on) keeps deleted rows restorable for days; see
    // docs/deploy.md, "What Cloudflare keeps".
    afterDeletion() {},
  };
}
