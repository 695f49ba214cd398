/**
 * @module
 * Bundles the web client (`web/`) into static files in `web/dist`, which the
 * relay serves: one ES module per page, shared chunks split out (so the
 * libsodium sumo build, needed only for Argon2id, loads only on supporter
 * pages), the stylesheet, and the HTML pages. Nothing here is inline, so the
 * pages run under a strict Content-Security-Policy.
 *
 * Run by `npm start` and by the browser tests; `npm run build` prints sizes.
 */
import {
  cpSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const web = join(root, 'web');

/**
 * The pages: `web/pages/<name>.html` (the page's `<main>`) is put into
 * `web/pages/layout.html` and served at `route`; `web/src/pages/<name>.ts`
 * becomes its script. `title` is the English title (the script translates).
 */
export const PAGES = [
  { name: 'home', route: '/', title: 'Peer support for doctors' },
  { name: 'write', route: '/write', title: 'Write to a peer supporter' },
  { name: 'mailbox', route: '/mailbox', title: 'Your replies' },
  { name: 'join', route: '/supporter/join', title: 'Join as a peer supporter' },
  { name: 'supporter', route: '/supporter', title: 'Supporter inbox' },
] as const;
/** Web Worker entry points. */
export const WORKER_ENTRIES = ['pow-worker'] as const;

export interface BuildResult {
  outdir: string;
  /** Bytes of each emitted file, raw and gzipped, by path relative to outdir. */
  files: { path: string; bytes: number; gzipBytes: number }[];
}

export async function buildWeb(outdir = join(web, 'dist')): Promise<BuildResult> {
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(join(outdir, 'assets'), { recursive: true });
  const entryPoints = [
    ...PAGES.map(({ name }) => ({ in: join(web, 'src/pages', `${name}.ts`), out: name })),
    ...WORKER_ENTRIES.map((name) => ({ in: join(web, 'src/workers', `${name}.ts`), out: name })),
    { in: join(web, 'styles/main.css'), out: 'main' },
  ];
  await esbuild.build({
    entryPoints,
    outdir: join(outdir, 'assets'),
    bundle: true,
    splitting: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    sourcemap: false,
    chunkNames: 'chunks/[name]-[hash]',
    legalComments: 'none',
    logLevel: 'warning',
    // libsodium.js mentions Node built-ins behind runtime checks it never takes in a browser.
    external: ['crypto', 'path', 'fs'],
  });
  cpSync(join(web, 'public'), outdir, { recursive: true });
  const layout = readFileSync(join(web, 'pages/layout.html'), 'utf8');
  for (const page of PAGES) {
    const main = readFileSync(join(web, 'pages', `${page.name}.html`), 'utf8');
    const html = layout
      .replaceAll('{{title}}', page.title)
      .replaceAll('{{page}}', page.name)
      .replace('{{main}}', main.trim());
    const dir = join(outdir, page.route);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'index.html'), html);
  }
  return { outdir, files: listFiles(outdir) };
}

function listFiles(dir: string, base = dir): BuildResult['files'] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return listFiles(path, base);
    const content = readFileSync(path);
    return [
      { path: relative(base, path), bytes: content.length, gzipBytes: gzipSync(content).length },
    ];
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const result = await buildWeb();
  if (process.argv.includes('--report')) {
    for (const file of result.files) {
      console.log(
        `${file.path.padEnd(48)} ${String(file.bytes).padStart(9)} B  ${String(file.gzipBytes).padStart(8)} B gzip`,
      );
    }
  }
  console.log(
    `web client built in ${relative(root, result.outdir)}/ (${result.files.length} files)`,
  );
}
