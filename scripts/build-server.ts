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

/**
 * The `node` flags `npm start` runs the bundle with (package.json; a test
 * keeps the two the same). Run it yourself with the same flags.
 *
 * A 1 GiB ceiling for V8's old generation: far above what the relay keeps
 * (about 20 MB live under load), and low enough that V8 collects when the
 * old generation reaches about twice its live size. With V8's default
 * ceiling here (4 GiB) it waits until about four times, so 200 concurrent
 * submissions left 60 to 70 MB of promoted garbage and 140 to 180 MB of
 * RSS; with this flag, about 130 MB (bench/, `--trace-gc`).
 */
export const SERVER_NODE_FLAGS = ['--max-old-space-size=1024'];

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
