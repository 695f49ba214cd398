/**
 * @module
 * Builds the Node relay and its command-line tools into dist/, once, at
 * `npm install` (the `prepare` script) or `npm run build`: `dist/node.mjs`,
 * which `npm start` runs with plain `node`, and `dist/<tool>.mjs` for each
 * tool in `TOOLS`. Every package is bundled in but the native `libsql`, the
 * one runtime dependency: a release (`npm ci --omit=dev`) runs with no
 * TypeScript loader, no build tool and no libsodium, and starts fast (one
 * file to load, not hundreds; bench/). The committed migrations are copied
 * beside the bundle, where src/db/libsql.ts looks for them.
 */
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { UNUSED_SCHEMA_VENDORS } from '../src/routes/no-schema-vendor.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The command-line tools, `src/cli/<name>.ts`, each run as `node dist/<name>.mjs` by its npm script. */
export const TOOLS = [
  'backup',
  'directory-key',
  'invite',
  'migrate',
  'operator-token',
  'ops',
  'restore',
  'sign-directory',
] as const;

/** Builds into `outdir` (dist/ by default; the process tests build their own). */
export async function buildServer(outdir = join(root, 'dist')): Promise<void> {
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  await esbuild.build({
    entryPoints: [
      { in: join(root, 'src/node.ts'), out: 'node' },
      ...TOOLS.map((name) => ({ in: join(root, `src/cli/${name}.ts`), out: name })),
    ],
    outdir,
    outExtension: { '.js': '.mjs' },
    // What the relay and the tools share is built once, into chunks beside them.
    splitting: true,
    chunkNames: '[name]-[hash]',
    bundle: true,
    external: ['libsql'],
    alias: Object.fromEntries(
      UNUSED_SCHEMA_VENDORS.map((name) => [name, join(root, 'src/routes/no-schema-vendor.ts')]),
    ),
    platform: 'node',
    format: 'esm',
    target: 'node20',
    legalComments: 'none',
    logLevel: 'warning',
    // Bundled CommonJS dependencies call require(); give each ES module one.
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
  });
  cpSync(join(root, 'src/db/migrations'), join(outdir, 'migrations'), { recursive: true });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await buildServer();
}
