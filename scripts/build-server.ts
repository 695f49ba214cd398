/**
 * @module
 * Bundles the Node relay (src/node.ts) into one ES module, dist/node.mjs,
 * which `npm start` runs with plain `node`: no TypeScript loader at run time,
 * so the relay starts in a fraction of the time and memory (bench/). Only the
 * native `libsql` package stays outside the bundle; the committed migrations
 * are copied beside it, where src/db/libsql.ts looks for them.
 */
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The production entry, relative to the project root. */
export const SERVER_BUNDLE = 'dist/node.mjs';

export async function buildServer(outfile = join(root, SERVER_BUNDLE)): Promise<string> {
  const outdir = join(outfile, '..');
  rmSync(join(outdir, 'migrations'), { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  await esbuild.build({
    entryPoints: [join(root, 'src/node.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['libsql'],
    legalComments: 'none',
    logLevel: 'warning',
    // Bundled CommonJS dependencies call require(); give the ES module one.
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
  });
  cpSync(join(root, 'src/db/migrations'), join(outdir, 'migrations'), { recursive: true });
  return outfile;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await buildServer();
}
