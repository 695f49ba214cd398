/**
 * The Worker (src/worker.ts) running in workerd, started and stopped by a
 * test, as `npm run cf:dev` runs it: wrangler bundles it from wrangler.toml,
 * serves the web client from Workers Static Assets, and keeps a local D1
 * database migrated with `wrangler d1 migrations apply` from
 * src/db/migrations. Everything is local: bound to 127.0.0.1, no account, no
 * metrics, no request.cf download.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const root = fileURLToPath(new URL('../..', import.meta.url));
const wranglerBin = join(root, 'node_modules/wrangler/bin/wrangler.js');

/** A start that takes longer has failed (wrangler reports runtime errors as logs, not rejections). */
const START_TIMEOUT_MS = 30_000;

export interface WorkerdRelay {
  /** `http://127.0.0.1:<port>/` */
  url: URL;
  /**
   * Runs SQL on the local D1 database behind the running Worker's back, as
   * someone with access to the database could (`wrangler d1 execute`).
   */
  execute(sql: string): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Environment for wrangler: offline, silent towards Cloudflare, its debug
 * logs (which hold local test traffic) in the system's temporary directory.
 */
export function offlineWranglerEnv(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    WRANGLER_SEND_METRICS: 'false',
    CLOUDFLARE_CF_FETCH_ENABLED: 'false',
    WRANGLER_LOG_PATH: join(tmpdir(), 'peer-relay-wrangler-logs'),
    CI: 'true',
  };
}

/** Runs the wrangler CLI of node_modules, bounded in time. */
export async function wrangler(args: string[]): Promise<{ stdout: string; stderr: string }> {
  return promisify(execFile)(process.execPath, [wranglerBin, ...args], {
    cwd: root,
    env: offlineWranglerEnv(),
    timeout: 60_000,
    maxBuffer: 16 * 1024 * 1024,
  });
}

/**
 * wrangler always adds the developer's .dev.vars (written by `npm run
 * cf:dev`) to a Worker's bindings. Binding each of its names to an empty
 * string, which src/config.ts reads as unset, keeps tests independent of it.
 */
export function blankedDevVars(): Record<string, string> {
  const devVars = join(root, '.dev.vars');
  if (!existsSync(devVars)) return {};
  const names = readFileSync(devVars, 'utf8').matchAll(/^\s*([A-Za-z_]\w*)\s*=/gm);
  return Object.fromEntries(Array.from(names, ([, name]) => [name, '']));
}

/**
 * Starts the Worker with `vars` as its plain-text bindings (secrets included:
 * locally both are just strings). The local D1 database is migrated first,
 * unless the Worker is to use libSQL (`DATABASE_URL`) instead.
 */
export async function startWorkerdRelay(
  vars: Record<string, string>,
  { migrateD1 = true }: { migrateD1?: boolean } = {},
): Promise<WorkerdRelay> {
  const dir = mkdtempSync(join(tmpdir(), 'peer-relay-workerd-'));
  const state = join(dir, 'state');
  try {
    if (migrateD1) {
      await wrangler(['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', state]);
    }
    Object.assign(process.env, offlineWranglerEnv());
    const bound = { ...blankedDevVars(), ...vars };
    const { unstable_startWorker } = await import('wrangler');
    const worker = await unstable_startWorker({
      config: join(root, 'wrangler.toml'),
      envFiles: [],
      bindings: Object.fromEntries(
        Object.entries(bound).map(([name, value]) => [name, { type: 'plain_text', value }]),
      ),
      sendMetrics: false,
      dev: {
        persist: state,
        server: { hostname: '127.0.0.1', port: 0 },
        inspector: false,
        logLevel: 'error',
        watch: false,
      },
    });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error('workerd did not start in time')),
        START_TIMEOUT_MS,
      );
    });
    let url: URL;
    try {
      url = await Promise.race([worker.ready.then(() => worker.url), timeout]);
    } catch (error) {
      await worker.dispose();
      throw error;
    } finally {
      clearTimeout(timer);
    }
    return {
      url,
      async execute(sql) {
        await wrangler(['d1', 'execute', 'DB', '--local', '--persist-to', state, '--command', sql]);
      },
      async stop() {
        await worker.dispose();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
