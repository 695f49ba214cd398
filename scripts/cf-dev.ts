/**
 * @module
 * `npm run cf:dev`: the Worker (src/worker.ts) locally in workerd, offline.
 * Builds the web client, applies src/db/migrations to the local D1 database
 * (.wrangler/state) with `wrangler d1 migrations apply --local`, makes sure
 * .dev.vars (git-ignored; wrangler's file for local secrets) holds an
 * OPERATOR_TOKEN — generated and printed once, like the Node relay's first
 * start — and runs `wrangler dev --local` on http://127.0.0.1:8787.
 *
 * The Cron Trigger does not fire locally; run the scheduled work with
 * `curl "http://127.0.0.1:8787/__scheduled?cron=*%2F5+*+*+*+*"`.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { newToken } from '../src/crypto.ts';
import { buildWeb } from './build-web.ts';
import { root, wranglerForeground, wranglerSync } from './wrangler-offline.ts';

const port = process.env.PORT ?? '8787';
const devVars = join(root, '.dev.vars');

await buildWeb();
wranglerSync(['d1', 'migrations', 'apply', 'DB', '--local']);

const existing = existsSync(devVars) ? readFileSync(devVars, 'utf8') : '';
if (!/^OPERATOR_TOKEN=/m.test(existing)) {
  const token = newToken();
  const separator = existing === '' || existing.endsWith('\n') ? '' : '\n';
  writeFileSync(devVars, `${existing}${separator}OPERATOR_TOKEN=${token}\n`, { mode: 0o600 });
  console.log(`Operator token for local runs (kept in .dev.vars; shown once): ${token}`);
}

wranglerForeground([
  'dev',
  '--local',
  '--ip',
  '127.0.0.1',
  '--port',
  port,
  '--var',
  `PUBLIC_URL:http://127.0.0.1:${port}`,
  '--test-scheduled',
  '--show-interactive-dev-session=false',
]);
