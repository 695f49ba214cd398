/**
 * @module
 * The builds the servers under test run from, made the way production makes
 * them: the relay is dist/node.mjs from scripts/build-server.ts (what
 * `npm start` runs with plain node), and Hono's hello world is bundled the
 * same way, so both start without a TypeScript loader and their cold starts
 * compare like with like.
 */
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { buildServer } from '../../scripts/build-server.ts';
import { ROOT } from './processes.ts';

/** The relay as `npm start` runs it, relative to the project root. */
export const RELAY_BUNDLE = 'dist/node.mjs';
/** Baseline A, bundled like the relay. */
export const HELLO_BUNDLE = 'bench/out/hello/hello.mjs';

export async function bundleRelay(): Promise<void> {
  await buildServer();
  await esbuild.build({
    entryPoints: [join(ROOT, 'bench/servers/hello.ts')],
    outfile: join(ROOT, HELLO_BUNDLE),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
  });
}
