/**
 * @module
 * Runs the project's pinned wrangler (4.86.0) fully locally: no account, no
 * usage metrics, no download of request.cf data. Shared by `npm run cf:dev`
 * and `npm run cf:build`.
 */
import { type SpawnSyncReturns, spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));
const wranglerBin = join(root, 'node_modules/wrangler/bin/wrangler.js');

export const offlineEnv: NodeJS.ProcessEnv = {
  ...process.env,
  WRANGLER_SEND_METRICS: 'false',
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
};

/**
 * Runs wrangler to completion.
 *
 * @throws Error with wrangler's output (when captured) if it fails.
 */
export function wranglerSync(args: string[], capture = false): SpawnSyncReturns<string> {
  const result = spawnSync(process.execPath, [wranglerBin, ...args], {
    cwd: root,
    env: offlineEnv,
    encoding: 'utf8',
    stdio: capture ? 'pipe' : 'inherit',
    timeout: 120_000,
  });
  if (result.status !== 0) {
    const output = capture ? `\n${result.stdout ?? ''}${result.stderr ?? ''}` : '';
    throw new Error(`wrangler ${args.slice(0, 2).join(' ')} failed${output}`);
  }
  return result;
}

/** Runs wrangler in the foreground until it exits, passing Ctrl-C on. */
export function wranglerForeground(args: string[]): void {
  const child = spawn(process.execPath, [wranglerBin, ...args], {
    cwd: root,
    env: offlineEnv,
    stdio: 'inherit',
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => child.kill(signal));
  }
  child.on('exit', (code) => process.exit(code ?? 0));
}
