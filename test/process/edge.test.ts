/**
 * The Cloudflare Workers deployment, seen from Node: the edge configuration,
 * the deployable bundle (`npm run cf:build`), `npm run db:migrate` for Turso,
 * and the rules every server module keeps so that it runs in workerd (no
 * libsodium) and learns nothing about a doctor (no request metadata). The
 * Worker itself runs in workerd in test/process/protocol-workerd.test.ts and
 * test/workers/.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { createClient } from '@libsql/client';
import { afterEach, describe, expect, it } from 'vitest';
import { buildWorkerBundle, WORKER_SIZE_LIMIT } from '../../scripts/cf-build.ts';
import { variableRows } from '../../scripts/config-docs.ts';
import { ConfigError, loadEdgeDatabase } from '../../src/config.ts';
import { UNUSED_SCHEMA_VENDORS } from '../../src/routes/no-schema-vendor.ts';
import { runTool } from '../support/process-helpers.ts';

const root = new URL('../..', import.meta.url).pathname;
let dir: string | undefined;
afterEach(() => {
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('the Worker chooses its database from the configuration', () => {
  it('uses the D1 binding when DATABASE_URL is unset', () => {
    expect(loadEdgeDatabase({})).toEqual({ kind: 'd1' });
    expect(loadEdgeDatabase({ DATABASE_URL: '  ' })).toEqual({ kind: 'd1' });
  });

  it.each([
    'libsql://relay-example.turso.io',
    'https://relay-example.turso.io',
    'http://127.0.0.1:8080',
  ])('uses libSQL over HTTP for %s, with the auth token', (url) => {
    expect(loadEdgeDatabase({ DATABASE_URL: url, DATABASE_AUTH_TOKEN: 'token' })).toEqual({
      kind: 'libsql',
      url,
      authToken: 'token',
    });
  });

  it.each([
    ['a local file', 'file:./data/relay.db'],
    ['a WebSocket URL', 'wss://relay-example.turso.io'],
    ['no URL at all', 'relay-example.turso.io'],
  ])('refuses %s with a sentence naming DATABASE_URL', (_, url) => {
    expect(() => loadEdgeDatabase({ DATABASE_URL: url })).toThrow(ConfigError);
    expect(() => loadEdgeDatabase({ DATABASE_URL: url })).toThrow(/DATABASE_URL must be a libsql/);
  });
});

/** Source text without comments (which may well mention what the code must not do). */
function codeOf(file: string): string {
  return readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
}

/** Every module of src/ the relay can load; not src/cli, the operator's tools, which run only on Node. */
function serverModules(): string[] {
  const walk = (path: string): string[] =>
    readdirSync(path, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory()
        ? entry.name === 'cli' && path === join(root, 'src')
          ? []
          : walk(join(path, entry.name))
        : entry.name.endsWith('.ts')
          ? [join(path, entry.name)]
          : [],
    );
  return walk(join(root, 'src'));
}

describe('server modules', () => {
  it('never import libsodium, whose WebAssembly workerd cannot compile at run time', () => {
    const offenders = serverModules().filter((file) => /libsodium/.test(codeOf(file)));
    expect(offenders.map((file) => relative(root, file))).toEqual([]);
  });

  it('never read request.cf, the client address or the user agent', () => {
    const metadata =
      /\.cf\b|cf-connecting-ip|cf-ipcountry|true-client-ip|x-forwarded-for|x-real-ip|remoteAddress|getConnInfo|(header|get)\(\s*['"]user-agent['"]/i;
    const offenders = serverModules().filter((file) => metadata.test(codeOf(file)));
    expect(offenders.map((file) => relative(root, file))).toEqual([]);
  });
});

describe('wrangler.toml', () => {
  it('keeps Cloudflare from logging requests, sends pages through the Worker and holds no secret in [vars]', async () => {
    const { experimental_readRawConfig } = await import('wrangler');
    const { rawConfig } = experimental_readRawConfig({ config: join(root, 'wrangler.toml') });
    expect(rawConfig.observability).toEqual({
      enabled: false,
      logs: { enabled: false, invocation_logs: false },
      traces: { enabled: false },
    });
    expect(rawConfig.logpush).not.toBe(true);
    expect(rawConfig.tail_consumers ?? []).toEqual([]);
    expect(rawConfig.send_metrics).toBe(false);
    expect(rawConfig.assets).toMatchObject({ binding: 'ASSETS', run_worker_first: true });
    expect(rawConfig.triggers?.crons).toEqual(['*/5 * * * *']);
    expect(rawConfig.d1_databases?.[0]).toMatchObject({
      binding: 'DB',
      migrations_dir: 'src/db/migrations',
    });
    // Only plain-text configuration: no secret, no unknown name, nothing a Worker ignores.
    const vars = variableRows().filter((row) => row.workers === 'var');
    const misplaced = Object.keys(rawConfig.vars ?? {}).filter(
      (name) => !vars.some((row) => row.name === name),
    );
    expect(misplaced).toEqual([]);
    // The Worker leaves out the same schema converters as the Node build.
    expect(Object.keys(rawConfig.alias ?? {})).toEqual([...UNUSED_SCHEMA_VENDORS]);
  });
});

describe('npm run cf:build', () => {
  it('bundles the Worker without libsodium or WebAssembly, well inside the Workers size limit', () => {
    dir = mkdtempSync(join(tmpdir(), 'peer-relay-cf-build-'));
    const bundle = buildWorkerBundle(dir);
    const code = readFileSync(bundle.path, 'utf8');
    expect(code).not.toMatch(/libsodium/);
    expect(code).not.toMatch(/WebAssembly\.(compile|instantiate)/);
    expect(bundle.gzipBytes).toBeLessThan(WORKER_SIZE_LIMIT.free / 10);
    // Only what the relay uses: not the other schema libraries' converters,
    // whichever of them happen to be installed (wrangler.toml [alias]).
    expect(bundle.inputs.filter((input) => input.startsWith('node_modules/valibot/'))).not.toEqual(
      [],
    );
    expect(
      bundle.inputs.filter((input) => /node_modules\/(zod|effect|sury)[/-]/.test(input)),
    ).toEqual([]);
    // What Workers upload: every file of the asset list and the list itself, no compressed copy.
    const manifest = JSON.parse(
      readFileSync(join(root, 'web/dist/.well-known/peer-relay-assets.json'), 'utf8'),
    ) as { assets: unknown[] };
    expect(bundle.assets.files).toBe(manifest.assets.length + 1);
  });
});

describe('npm run db:migrate', () => {
  it('brings a libSQL database up to date with src/db/migrations and says so', async () => {
    dir = mkdtempSync(join(tmpdir(), 'peer-relay-migrate-'));
    const url = `file:${join(dir, 'relay.db')}`;
    const { stdout: output } = await runTool('migrate', [], { DATABASE_URL: url });
    expect(output).toContain('is up to date');
    const client = createClient({ url });
    const tables = await client.execute("select name from sqlite_master where type = 'table'");
    client.close();
    expect(tables.rows.map((row) => row.name)).toEqual(
      expect.arrayContaining([
        'messages',
        'mailboxes',
        'replies',
        'settings',
        '__drizzle_migrations',
      ]),
    );
  });
});
