/**
 * @module
 * Bundles the web client (`web/`) into static files in `web/dist`, which the
 * relay serves: one ES module per page, shared chunks split out, the
 * stylesheet, and the HTML pages. Nothing here is inline, so the pages run
 * under a strict Content-Security-Policy.
 *
 * What a page loads only when needed (libsodium's builds, the proof-of-work
 * worker, the word lists) is built first, each as one whole file, and the
 * SHA-256 of each is baked into the scripts that load it
 * (`__VERIFIED_SCRIPTS__`), which check it before running it
 * (web/src/verified-scripts.ts). So the sumo build, needed only for
 * Argon2id, loads only on supporter pages.
 *
 * The operator's directory key (`DIRECTORY_PUBLIC_KEY`, PROTOCOL.md §13) is
 * baked into every page script (`__DIRECTORY_PUBLIC_KEY__`) and named in the
 * asset manifest; a value that is not b64 of 32 bytes stops the build.
 *
 * Beside each text file go a brotli and a gzip copy, which the Node relay
 * sends by `Accept-Encoding` (src/static-files.ts); the asset list and the
 * integrity digests describe the uncompressed files.
 *
 * Run at `npm install` (scripts/prepare.mjs), by `npm run build`, which prints
 * sizes, and by the tests.
 */
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import * as esbuild from 'esbuild';
import { ENCODINGS, isCompressible } from '../src/asset-caching.ts';
import {
  VERIFIED_MODULE_SOURCES,
  type VerifiedModuleName,
  type VerifiedScript,
  type VerifiedScriptName,
  type VerifiedScripts,
} from '../web/src/verified-scripts.ts';
import { checkDirectoryKey, DirectoryKeyError } from './directory-public-key.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const web = join(root, 'web');

const PRODUCT = 'Peer support for doctors';

/**
 * The pages: `web/src/pages/<name>.tsx` renders the page into the shell
 * `web/pages/app.html`, served at `route`. `title` is the English tab title
 * until the script runs (it then follows the page's language).
 */
export const PAGES = [
  { name: 'home', route: '/', title: 'Find a peer supporter' },
  { name: 'write', route: '/write', title: 'Write to a peer supporter' },
  { name: 'mailbox', route: '/mailbox', title: 'Your replies' },
  { name: 'join', route: '/supporter/join', title: 'Join as a peer supporter' },
  { name: 'supporter', route: '/supporter', title: 'Your supporter inbox' },
  { name: 'operator', route: '/operator', title: 'Operator' },
] as const;
/** The proof-of-work worker; the other scripts checked before they run are in web/src/verified-scripts.ts. */
const WORKER_SOURCE = join(web, 'src/workers/pow-worker.ts');

/** A file the relay serves, by path relative to outdir, with the bytes a client receives. */
export interface BuiltFile {
  path: string;
  bytes: number;
  /** Sent to a client that accepts gzip: the `.gz` copy, or the file itself when there is none. */
  gzipBytes: number;
  /** Sent to a client that accepts brotli: the `.br` copy, or the file itself when there is none. */
  brBytes: number;
}

export interface BuildResult {
  outdir: string;
  /** Every file the relay serves (not the compressed copies beside them). */
  files: BuiltFile[];
  /** What the pages' scripts check before running them (for other bundles of web/ code: the bench page). */
  verifiedScripts: VerifiedScripts;
  /** The directory key baked into the pages, or null. */
  directoryPublicKey: string | null;
}

export interface BuildOptions {
  /**
   * The operator's directory key as b64 (32 bytes), or `null` for a build
   * without one; by default `DIRECTORY_PUBLIC_KEY` from the environment.
   */
  directoryPublicKey?: string | null;
}

/** Options every bundle of web/ code shares. */
const BUNDLE_OPTIONS = {
  absWorkingDir: root,
  bundle: true,
  format: 'esm',
  target: 'es2022',
  minify: true,
  sourcemap: false,
  metafile: true,
  legalComments: 'none',
  logLevel: 'warning',
  jsx: 'automatic',
  jsxImportSource: 'preact',
  // libsodium.js mentions Node built-ins behind runtime checks it never takes in a browser.
  external: ['crypto', 'path', 'fs'],
} as const satisfies esbuild.BuildOptions;

/**
 * The `define` that bakes `scripts` into a bundle as `__VERIFIED_SCRIPTS__`,
 * and the directory key, if any, as `__DIRECTORY_PUBLIC_KEY__`.
 */
export function verifiedScriptsDefine(
  scripts: VerifiedScripts,
  directoryPublicKey: string | null = null,
): Record<string, string> {
  return {
    __VERIFIED_SCRIPTS__: JSON.stringify(scripts),
    __DIRECTORY_PUBLIC_KEY__: JSON.stringify(directoryPublicKey),
  };
}

/**
 * Builds `source` as one self-contained module (no shared chunks: it runs
 * from a blob: URL, where no relative import resolves) into
 * `assets/chunks/<name>-<hash>.js`, with `known` baked in; returns its entry.
 */
async function buildVerifiedScript(
  assets: string,
  name: VerifiedScriptName,
  source: string,
  known: VerifiedScripts,
): Promise<VerifiedScript> {
  const { metafile } = await esbuild.build({
    ...BUNDLE_OPTIONS,
    entryPoints: [{ in: source, out: `chunks/${name}` }],
    entryNames: '[dir]/[name]-[hash]',
    outdir: assets,
    define: verifiedScriptsDefine(known),
  });
  const [output] = Object.keys(metafile.outputs).filter((path) => path.endsWith('.js'));
  if (output === undefined) throw new Error(`esbuild emitted nothing for ${name}`);
  const path = join(root, output);
  return {
    path: `/assets/${relative(assets, path)}`,
    sha256: createHash('sha256').update(readFileSync(path)).digest('hex'),
  };
}

/**
 * Builds into a fresh folder and then swaps it in, so a relay or a test run
 * serving `outdir` never sees a half-written build.
 */
export async function buildWeb(
  outdir = join(web, 'dist'),
  options: BuildOptions = {},
): Promise<BuildResult> {
  // Checked before anything is written, so a bad key leaves the last build in place.
  const directoryPublicKey = checkDirectoryKey(
    options.directoryPublicKey === undefined
      ? process.env.DIRECTORY_PUBLIC_KEY
      : options.directoryPublicKey,
  );
  const staging = `${outdir}.building-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  const assets = join(staging, 'assets');
  mkdirSync(assets, { recursive: true });
  const verifiedScripts: VerifiedScripts = Object.fromEntries(
    await Promise.all(
      Object.entries(VERIFIED_MODULE_SOURCES).map(async ([name, source]) => {
        const entry = source.startsWith('.') ? join(web, 'src', source) : source;
        return [name, await buildVerifiedScript(assets, name as VerifiedModuleName, entry, {})];
      }),
    ),
  );
  // Last, with the others' digests baked in: it runs only the libsodium its
  // page checked against them (adoptVerifiedModule), and its own digest covers them.
  verifiedScripts['pow-worker'] = await buildVerifiedScript(
    assets,
    'pow-worker',
    WORKER_SOURCE,
    verifiedScripts,
  );
  const entryPoints = [
    ...PAGES.map(({ name }) => ({ in: join(web, 'src/pages', `${name}.tsx`), out: name })),
    { in: join(web, 'styles/main.css'), out: 'main' },
  ];
  const { metafile } = await esbuild.build({
    ...BUNDLE_OPTIONS,
    entryPoints,
    outdir: assets,
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    define: verifiedScriptsDefine(verifiedScripts, directoryPublicKey),
  });
  cpSync(join(web, 'public'), staging, { recursive: true });
  const shell = readFileSync(join(web, 'pages/app.html'), 'utf8');
  const sri = (asset: string) => integrity(readFileSync(join(staging, asset)));
  for (const page of PAGES) {
    const script = `assets/${page.name}.js`;
    // The browser checks each of these against the build before running it.
    const preloads = staticImports(metafile, script)
      .map((chunk) => `<link rel="modulepreload" href="/${chunk}" integrity="${sri(chunk)}" />`)
      .join('\n    ');
    const html = shell
      .replaceAll('{{title}}', fullTitle(page.title))
      .replaceAll('{{page}}', page.name)
      .replace('{{script-integrity}}', sri(script))
      .replace('{{style-integrity}}', sri('assets/main.css'))
      .replace('{{preloads}}', preloads);
    const dir = join(staging, page.route);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'index.html'), html);
  }
  writeAssetManifest(staging, listFiles(staging), directoryPublicKey);
  await writeCompressedCopies(staging, listFiles(staging));
  // Workers Static Assets compress by themselves: the copies are not uploaded.
  writeFileSync(
    join(staging, '.assetsignore'),
    ENCODINGS.map(({ suffix }) => `*${suffix}\n`).join(''),
  );
  const retired = `${outdir}.old-${process.pid}`;
  if (existsSync(outdir)) renameSync(outdir, retired);
  renameSync(staging, outdir);
  rmSync(retired, { recursive: true, force: true });
  return { outdir, files: listFiles(outdir), verifiedScripts, directoryPublicKey };
}

/** The tab title before the script runs, as the page sets it: "Your replies · Peer support for doctors". */
function fullTitle(title: string): string {
  return title === PRODUCT ? PRODUCT : `${title} · ${PRODUCT}`;
}

/** `sha384-…`: the Subresource Integrity form of a file's digest. */
function integrity(content: Buffer): string {
  return `sha384-${createHash('sha384').update(content).digest('base64')}`;
}

/** Chunks an entry imports statically (transitively), as paths relative to the build. */
function staticImports(metafile: esbuild.Metafile, entry: string): string[] {
  const prefix = Object.keys(metafile.outputs)[0]?.split('assets/')[0] ?? '';
  const seen = new Set<string>();
  const visit = (output: string) => {
    for (const imported of metafile.outputs[output]?.imports ?? []) {
      if (imported.kind !== 'import-statement' || seen.has(imported.path)) continue;
      seen.add(imported.path);
      visit(imported.path);
    }
  };
  visit(`${prefix}${entry}`);
  return [...seen].map((path) => path.slice(prefix.length));
}

/**
 * `/.well-known/peer-relay-assets.json`: the SHA-256 of every file the relay
 * serves from this build, so anyone can compare what their browser received
 * with the published build (docs/verifying-builds.md), and the directory
 * key the pages verify entries with (`null` when none).
 */
function writeAssetManifest(
  dir: string,
  files: BuiltFile[],
  directoryPublicKey: string | null,
): void {
  const assets = files.map((file) => {
    const content = readFileSync(join(dir, file.path));
    return {
      path: `/${file.path}`,
      sha256: createHash('sha256').update(content).digest('hex'),
      integrity: integrity(content),
      bytes: file.bytes,
    };
  });
  mkdirSync(join(dir, '.well-known'), { recursive: true });
  writeFileSync(
    join(dir, '.well-known/peer-relay-assets.json'),
    `${JSON.stringify({ version: packageVersion(), directoryPublicKey, assets }, null, 2)}\n`,
  );
}

function packageVersion(): string {
  return (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string })
    .version;
}

/**
 * Brotli (quality 11) and gzip (level 9) copies beside each compressible
 * file, served by `Accept-Encoding` (src/static-files.ts); a copy that would
 * not be smaller is not written.
 */
async function writeCompressedCopies(dir: string, files: BuiltFile[]): Promise<void> {
  const compressors = {
    br: (content: Buffer) =>
      promisify(brotliCompress)(content, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
          [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
        },
      }),
    gzip: (content: Buffer) => promisify(gzip)(content, { level: constants.Z_BEST_COMPRESSION }),
  };
  const jobs = files
    .filter((file) => isCompressible(file.path))
    .flatMap((file) => {
      const path = join(dir, file.path);
      const content = readFileSync(path);
      return ENCODINGS.map(async ({ encoding, suffix }) => {
        const compressed = await compressors[encoding](content);
        if (compressed.length < content.length) writeFileSync(path + suffix, compressed);
      });
    });
  await Promise.all(jobs);
}

/**
 * Whether a file name in the build is one the relay serves (and Workers
 * upload): not a compressed copy, not `.assetsignore`.
 */
export function isServedFile(name: string): boolean {
  return name !== '.assetsignore' && !ENCODINGS.some(({ suffix }) => name.endsWith(suffix));
}

function listFiles(dir: string, base = dir): BuiltFile[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return listFiles(path, base);
    if (!isServedFile(name)) return [];
    const bytes = statSync(path).size;
    const copySize = (suffix: string) =>
      existsSync(path + suffix) ? statSync(path + suffix).size : bytes;
    return [
      { path: relative(base, path), bytes, gzipBytes: copySize('.gz'), brBytes: copySize('.br') },
    ];
  });
}

/** Prints every asset's SHA-256 and SRI digest, then the bytes sent raw, gzipped and brotli-compressed. */
export function reportBuild(result: BuildResult): void {
  const manifest = JSON.parse(
    readFileSync(join(result.outdir, '.well-known/peer-relay-assets.json'), 'utf8'),
  ) as { assets: { path: string; sha256: string; integrity: string }[] };
  for (const asset of manifest.assets)
    console.log(`${asset.sha256}  ${asset.path}  ${asset.integrity}`);
  console.log(
    `\ndirectory key: ${result.directoryPublicKey ?? 'none (entries are not verified)'}\n`,
  );
  for (const file of result.files) {
    console.log(
      `${file.path.padEnd(48)} ${String(file.bytes).padStart(9)} B  ${String(file.gzipBytes).padStart(8)} B gzip  ${String(file.brBytes).padStart(8)} B br`,
    );
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const result = await buildWeb().catch((error: unknown) => {
    if (!(error instanceof DirectoryKeyError)) throw error;
    console.error(error.message);
    process.exit(1);
  });
  if (process.argv.includes('--report')) reportBuild(result);
  console.log(
    `web client built in ${relative(root, result.outdir)}/ (${result.files.length} files)`,
  );
}
