/**
 * @module
 * A diagnostic build of the relay: src/node.ts bundled by esbuild into one
 * ES module run by plain `node`, without tsx. Comparing it with the relay as
 * `npm start` runs it shows what loading the sources through tsx costs in
 * start-up time and memory. Only the native `libsql` package stays outside
 * the bundle; the migrations are copied next to it, where src/db/libsql.ts
 * looks for them (`./migrations` beside the module).
 */
import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { ROOT } from './processes.ts';

/** The bundle's entry, relative to the project root. */
export const RELAY_BUNDLE = 'bench/out/relay-bundle/node.mjs';

export async function bundleRelay(): Promise<void> {
  const outdir = join(ROOT, 'bench/out/relay-bundle');
  rmSync(outdir, { recursive: true, force: true });
  await esbuild.build({
    entryPoints: [join(ROOT, 'src/node.ts')],
    outfile: join(ROOT, RELAY_BUNDLE),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['libsql'],
    logLevel: 'warning',
    // Bundled CommonJS dependencies call require(); give the ES module one.
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
  });
  cpSync(join(ROOT, 'src/db/migrations'), join(outdir, 'migrations'), { recursive: true });
}
