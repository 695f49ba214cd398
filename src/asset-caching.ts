/**
 * @module
 * What a browser may keep of the web client's files, the same on Node and on
 * Workers, decided by the address alone (so a `304` gets the headers of its
 * `200`):
 *
 * - a page (an address without a file extension, or `.html`) is never kept:
 *   `no-store` (docs/protocol.md, "Whom a doctor writes to stays out of
 *   addresses");
 * - a chunk whose name carries its content hash
 *   (`/assets/chunks/<name>-<hash>.js`, scripts/build-web.ts) never changes
 *   under that name: kept for a year without asking again;
 * - anything else (`/assets/write.js`, `/assets/main.css`, the favicon, the
 *   asset list) keeps its name across builds: kept, but revalidated each
 *   time (`no-cache`), which costs a `304` when nothing changed.
 *
 * Compressible files also carry `Vary: Accept-Encoding`, whichever encoding
 * a request got, so no cache hands a brotli body to a client that did not
 * ask for one. API answers never come here, and are never compressed
 * (docs/deploy.md, "Caching and compression").
 */

/** `/assets/chunks/<name>-<hash>.js`: esbuild's `[hash]` is eight characters of A–Z and 0–9. */
const HASHED_CHUNK = /^\/assets\/chunks\/[\w-]+-[A-Z0-9]{8}\.js$/;

/** Text formats, which compress well; images other than SVG, fonts and archives are compressed already. */
const COMPRESSIBLE = /\.(?:css|html|js|json|mjs|svg|txt|webmanifest|xml)$/;

/** The compressed copies the build writes beside a file, in the order the relay prefers them. */
export const ENCODINGS = [
  { encoding: 'br', suffix: '.br' },
  { encoding: 'gzip', suffix: '.gz' },
] as const;

/** Kept a year and never revalidated (RFC 8246). */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

/** An address of a page: no file extension in its last segment (`/`, `/write`), or `.html`. */
function isPage(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return !name.includes('.') || name.endsWith('.html');
}

/** Whether the file at `path` (an address, or a file name in the build) is worth compressing. */
export function isCompressible(path: string): boolean {
  return isPage(path) || COMPRESSIBLE.test(path);
}

/**
 * The `Cache-Control` of a file of the web client served at `path`.
 *
 * @example
 * assetCacheControl('/write'); // 'no-store'
 * assetCacheControl('/assets/chunks/libsodium-HPSI5DRP.js'); // IMMUTABLE
 * assetCacheControl('/assets/write.js'); // 'no-cache'
 */
export function assetCacheControl(path: string): string {
  if (isPage(path)) return 'no-store';
  if (HASHED_CHUNK.test(path)) return IMMUTABLE;
  return 'no-cache';
}

/** Sets the caching headers above on a file's answer (`200`, or `304` on revalidation). */
export function setAssetCaching(path: string, headers: Headers): void {
  headers.set('Cache-Control', assetCacheControl(path));
  if (isCompressible(path)) headers.set('Vary', 'Accept-Encoding');
}
