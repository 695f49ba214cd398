/**
 * @module
 * `npm run cf:build`: the deployable Worker bundle, without deploying:
 * builds the web client, runs `wrangler deploy --dry-run --outdir
 * dist/worker`, and reports the bundle's size against the Workers limits.
 * Refuses a bundle that contains libsodium: workerd cannot compile its
 * WebAssembly at run time, and the server never needs it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildWeb, isServedFile } from './build-web.ts';
import { root, wranglerSync } from './wrangler-offline.ts';

export interface WorkerBundle {
  path: string;
  bytes: number;
  gzipBytes: number;
  /** The source files esbuild put in the bundle, relative to the project root. */
  inputs: string[];
  assets: { files: number; bytes: number };
}

/** Compressed Worker size limits (developers.cloudflare.com/workers/platform/limits). */
export const WORKER_SIZE_LIMIT = { free: 3 * 1024 * 1024, paid: 10 * 1024 * 1024 };

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/** Builds the bundle into `outdir` (web/dist must exist) and measures it. */
export function buildWorkerBundle(outdir = join(root, 'dist/worker')): WorkerBundle {
  const metafile = join(outdir, 'meta.json');
  wranglerSync(['deploy', '--dry-run', '--outdir', outdir, '--metafile', metafile], true);
  const path = join(outdir, 'worker.js');
  const code = readFileSync(path);
  const { inputs } = JSON.parse(readFileSync(metafile, 'utf8')) as { inputs: object };
  // What wrangler uploads: not the compressed copies (web/dist/.assetsignore).
  const assetFiles = filesUnder(join(root, 'web/dist')).filter((file) =>
    isServedFile(basename(file)),
  );
  return {
    path,
    bytes: code.length,
    gzipBytes: gzipSync(code).length,
    inputs: Object.keys(inputs),
    assets: {
      files: assetFiles.length,
      bytes: assetFiles.reduce((sum, file) => sum + statSync(file).size, 0),
    },
  };
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

if (process.argv[1] !== undefined && import.meta.filename === process.argv[1]) {
  await buildWeb();
  const bundle = buildWorkerBundle();
  if (/libsodium/.test(readFileSync(bundle.path, 'utf8'))) {
    console.error(
      'cf:build: the Worker bundle contains libsodium; server code must not import it.',
    );
    process.exit(1);
  }
  const share = ((bundle.gzipBytes / WORKER_SIZE_LIMIT.free) * 100).toFixed(1);
  console.log(`Worker bundle: ${relative(root, bundle.path)}`);
  console.log(`  ${kib(bundle.bytes)} minified, ${kib(bundle.gzipBytes)} gzipped`);
  console.log(`  ${share}% of the 3 MiB compressed limit of the Workers free plan (10 MiB paid)`);
  console.log(
    `Static assets: ${bundle.assets.files} files, ${kib(bundle.assets.bytes)} (web/dist)`,
  );
}
