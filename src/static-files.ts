/**
 * @module
 * The web client's files on Node (`web/dist`, built by scripts/build-web.ts),
 * as a Hono middleware. Workers serve the same files from their ASSETS
 * binding (src/worker.ts); the caching headers of both are set in
 * src/asset-caching.ts.
 *
 * - The build writes brotli (`.br`) and gzip (`.gz`) copies of the
 *   compressible files; a request's `Accept-Encoding` picks brotli, then
 *   gzip, else the file itself. Content-Type stays the file's own.
 * - Every answer carries a strong `ETag`: the file's SHA-256 (the digest in
 *   `/.well-known/peer-relay-assets.json`), suffixed with the encoding of a
 *   compressed copy. A matching `If-None-Match` is answered `304` without a
 *   body. The tag is the same for everyone, so it identifies no one.
 * - Only the names the build publishes are served: no hidden file (bar
 *   `/.well-known/`), no `..` (even percent-encoded: the router decodes the
 *   path first), no `.br`/`.gz` copy by its own name. Anything else falls
 *   through to the JSON 404.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { MiddlewareHandler } from 'hono';
import { getMimeType } from 'hono/utils/mime';
import { ENCODINGS, isCompressible } from './asset-caching.ts';

/**
 * Addresses that may name a file of the build: segments of letters, digits,
 * `_`, `-` and `.` not starting with a dot (so no `..` and no hidden file),
 * or `.well-known`; never a name ending in an encoded copy's suffix.
 */
const SERVABLE_PATH = /^(?:\/(?:\.well-known|[\w-][\w.-]*))*\/?$/;
const ENCODED_COPY = /\.(?:br|gz)$/;

/** The encodings `header` accepts (`Accept-Encoding`; `q=0` refuses one). */
function acceptedEncodings(header: string | undefined): Set<string> {
  const accepted = new Set<string>();
  for (const part of header?.split(',') ?? []) {
    const [name = '', ...parameters] = part.split(';').map((piece) => piece.trim().toLowerCase());
    const q = parameters.find((parameter) => parameter.startsWith('q='));
    if (q === undefined || Number(q.slice(2)) > 0) accepted.add(name);
  }
  return accepted;
}

/** `If-None-Match` matches `etag` (weak comparison, RFC 9110 §13.1.2). */
function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (ifNoneMatch === undefined) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

interface FoundFile {
  file: string;
  /** Changes when the file does: its inode, size and modification time. */
  version: string;
}

/** A file of the build, or null: a page's address names its folder's index.html. */
async function findFile(root: string, path: string): Promise<FoundFile | null> {
  let file = join(root, path);
  try {
    let stats = await stat(file);
    if (stats.isDirectory()) {
      file = join(file, 'index.html');
      stats = await stat(file);
    }
    if (!stats.isFile()) return null;
    return { file, version: `${stats.ino}:${stats.size}:${stats.mtimeMs}` };
  } catch {
    return null;
  }
}

/** The compressed copy of `file` to send, if the build wrote one that `accepted` allows. */
async function chooseEncoding(
  file: string,
  accepted: Set<string>,
): Promise<(typeof ENCODINGS)[number] | undefined> {
  for (const candidate of ENCODINGS) {
    if (!accepted.has(candidate.encoding)) continue;
    // The build skips a copy that would not be smaller than the file.
    const copy = await stat(file + candidate.suffix).catch(() => null);
    if (copy?.isFile()) return candidate;
  }
  return undefined;
}

/**
 * Serves the build in `root`.
 *
 * @example
 * createApp({ relay, version, startedAt, assets: staticFiles('web/dist') });
 */
export function staticFiles(root: string): MiddlewareHandler {
  // The SHA-256 of each file, until the file changes (a new build is a new file).
  const digests = new Map<string, { version: string; sha256: string }>();
  const sha256Of = async ({ file, version }: FoundFile) => {
    const known = digests.get(file);
    if (known?.version === version) return known.sha256;
    const sha256 = createHash('sha256')
      .update(await readFile(file))
      .digest('hex');
    digests.set(file, { version, sha256 });
    return sha256;
  };

  return async function staticFiles(c, next) {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    const path = c.req.path;
    if (!SERVABLE_PATH.test(path) || ENCODED_COPY.test(path)) return next();
    const found = await findFile(root, path);
    if (found === null) return next();

    const copy = isCompressible(found.file)
      ? await chooseEncoding(found.file, acceptedEncodings(c.req.header('Accept-Encoding')))
      : undefined;
    const sha256 = await sha256Of(found);
    const etag = copy === undefined ? `"${sha256}"` : `"${sha256}-${copy.encoding}"`;
    if (matchesEtag(c.req.header('If-None-Match'), etag)) {
      return c.body(null, 304, { ETag: etag });
    }
    const body = await readFile(found.file + (copy?.suffix ?? ''));
    const headers: Record<string, string> = {
      'Content-Type': getMimeType(found.file) ?? 'application/octet-stream',
      'Content-Length': String(body.length),
      ETag: etag,
    };
    if (copy !== undefined) headers['Content-Encoding'] = copy.encoding;
    return c.body(new Uint8Array(body.buffer, body.byteOffset, body.length), 200, headers);
  };
}
