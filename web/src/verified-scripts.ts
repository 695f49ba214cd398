/**
 * @module
 * The scripts a page loads only when it needs them (libsodium's two builds,
 * the proof-of-work worker, the passphrase word lists) are checked before
 * they run. Each is fetched as bytes, its SHA-256 compared with the digest
 * the build baked into the script asking for it (scripts/build-web.ts,
 * `__VERIFIED_SCRIPTS__`), and only then run, from a `blob:` URL of exactly
 * the bytes checked. A script that differs is refused with
 * {@link ScriptIntegrityError}, and none of it runs.
 *
 * The pages' own scripts are checked by the browser (Subresource Integrity
 * in their HTML); these cannot be, as the browser checks no integrity for a
 * dynamic `import()` or a Worker. The Content-Security-Policy requires
 * Trusted Types for scripts (`require-trusted-types-for 'script'`) and
 * allows one policy, made here, which turns only a URL this module made
 * from verified bytes into a script URL: nothing else on a page can start a
 * worker (docs/protocol.md, "Every script the pages run is verified").
 *
 * Outside a build of the pages (tests and benchmarks in Node) there is
 * nothing to check against, and the modules are imported from their source.
 */

/** The scripts loaded through this module, by the name the build gives them. */
export type VerifiedScriptName =
  | 'libsodium'
  | 'libsodium-sumo'
  | 'word-list'
  | 'word-list-nb'
  | 'pow-worker';

/** Where the build put a script, and the SHA-256 (hex) of its bytes. */
export interface VerifiedScript {
  path: string;
  sha256: string;
}

export type VerifiedScripts = Partial<Record<VerifiedScriptName, VerifiedScript>>;

/** The scripts that are modules to import (the worker is started instead). */
export type VerifiedModuleName = Exclude<VerifiedScriptName, 'pow-worker'>;

/** The name of the one Trusted Types policy the Content-Security-Policy allows. */
export const SCRIPT_POLICY_NAME = 'peer-relay-verified-script';

/** A script whose bytes are not the build's: it was not run. */
export class ScriptIntegrityError extends Error {
  override name = 'ScriptIntegrityError';
  constructor(readonly script: VerifiedScriptName) {
    super(`${script} does not match the build's SHA-256, so it was not run.`);
  }
}

// Replaced by the build with the digests of the scripts this bundle may load.
declare const __VERIFIED_SCRIPTS__: VerifiedScripts;
const manifest: VerifiedScripts | undefined =
  typeof __VERIFIED_SCRIPTS__ === 'undefined' ? undefined : __VERIFIED_SCRIPTS__;

// Replaced by the build with the operator's directory key as b64, or null.
declare const __DIRECTORY_PUBLIC_KEY__: string | null;

/**
 * The other thing a page takes from its build rather than from the relay:
 * the operator's Ed25519 public key that signs every directory entry
 * (PROTOCOL.md §13; `DIRECTORY_PUBLIC_KEY`, scripts/build-web.ts), also
 * listed in the asset manifest. Whoever can write to the relay's database
 * cannot replace it. `null` for a build without one (a first local run),
 * whose pages trust the directory as served and say so on the operator page.
 * It lives here, beside the digests, because every page loads this module:
 * alone, it would be a chunk of its own (esbuild inlines the value, leaving
 * that chunk empty).
 */
export const DIRECTORY_PUBLIC_KEY: string | null =
  typeof __DIRECTORY_PUBLIC_KEY__ === 'undefined' ? null : __DIRECTORY_PUBLIC_KEY__;

/**
 * What the build makes each module from (scripts/build-web.ts), imported as
 * it is in Node: a package, or a path from this folder. The worker is built
 * from web/src/workers/pow-worker.ts.
 */
export const VERIFIED_MODULE_SOURCES: Record<VerifiedModuleName, string> = {
  libsodium: 'libsodium-wrappers',
  'libsodium-sumo': 'libsodium-wrappers-sumo',
  'word-list': './supporter/word-list.ts',
  'word-list-nb': './supporter/word-list-nb.ts',
};

/** Trusted Types as Chromium has them (not yet in TypeScript's DOM types). */
interface ScriptUrlPolicy {
  createScriptURL(url: string): unknown;
}
interface TrustedTypesFactory {
  createPolicy(name: string, rules: { createScriptURL: (url: string) => string }): ScriptUrlPolicy;
}

/** `blob:` URLs made here from verified bytes: the only URLs the policy accepts. */
const verifiedUrls = new Set<string>();
const loading = new Map<VerifiedScriptName, Promise<string>>();

/**
 * The policy, made as soon as this module runs: the CSP allows the name
 * once, so no script that might run later can take it (`mount()` imports
 * this module on every page). `null` where the browser has no Trusted Types.
 */
const policy: ScriptUrlPolicy | null =
  (globalThis as { trustedTypes?: TrustedTypesFactory }).trustedTypes?.createPolicy(
    SCRIPT_POLICY_NAME,
    {
      createScriptURL(url) {
        if (!verifiedUrls.has(url)) throw new TypeError(`${url} is not a verified script.`);
        return url;
      },
    },
  ) ?? null;

function hex(bytes: ArrayBuffer): string {
  return Array.from(new Uint8Array(bytes), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

async function fetchVerified(name: VerifiedScriptName, script: VerifiedScript): Promise<string> {
  // Absolute: a worker started from a blob: URL has no base to resolve a path against.
  const response = await fetch(new URL(script.path, globalThis.location.origin), {
    credentials: 'omit',
  });
  // Worded as the browser's own failed import(), which the pages take for a
  // network failure that a retry cures (web/src/supporter/errors.ts).
  if (!response.ok) throw new TypeError(`Failed to fetch dynamically imported module ${name}.`);
  const bytes = await response.arrayBuffer();
  if (hex(await crypto.subtle.digest('SHA-256', bytes)) !== script.sha256) {
    throw new ScriptIntegrityError(name);
  }
  const url = URL.createObjectURL(new Blob([bytes], { type: 'text/javascript' }));
  verifiedUrls.add(url);
  return url;
}

/**
 * The `blob:` URL of `name`'s verified bytes, fetched once: again after a
 * network failure, never after bytes that differ (they would be refused
 * again; the page asks the doctor to reload).
 */
function verifiedUrl(name: VerifiedScriptName): Promise<string> {
  let url = loading.get(name);
  if (url !== undefined) return url;
  const script = manifest?.[name];
  if (script === undefined) return Promise.reject(new ScriptIntegrityError(name));
  url = fetchVerified(name, script).catch((error: unknown) => {
    if (!(error instanceof ScriptIntegrityError)) loading.delete(name);
    throw error;
  });
  loading.set(name, url);
  return url;
}

/**
 * Imports a module the build checked: rejects with {@link ScriptIntegrityError}
 * if its bytes differ, and with a `TypeError` if it cannot be fetched.
 *
 * @example
 * const { default: sodium } = await importVerified<{ default: Sodium }>('libsodium');
 */
export async function importVerified<T>(name: VerifiedModuleName): Promise<T> {
  if (manifest === undefined)
    return (await import(/* @vite-ignore */ VERIFIED_MODULE_SOURCES[name])) as T;
  return (await import(/* @vite-ignore */ await verifiedUrl(name))) as T;
}

/**
 * The `blob:` URL of a module's verified bytes, for a worker this page
 * starts: the worker runs the copy the page checked (see
 * {@link adoptVerifiedModule}) instead of downloading it a second time.
 */
export function verifiedModuleUrl(name: VerifiedModuleName): Promise<string> {
  return verifiedUrl(name);
}

/**
 * In a worker: takes the `blob:` URL its page made from bytes it verified
 * ({@link verifiedModuleUrl}) as `name`, so {@link importVerified} runs
 * exactly that copy. Only the page that started the worker can post to it,
 * and the page's own code is checked by the browser (Subresource Integrity).
 */
export function adoptVerifiedModule(name: VerifiedModuleName, url: string): void {
  if (!url.startsWith('blob:')) throw new ScriptIntegrityError(name);
  loading.set(name, Promise.resolve(url));
}

/**
 * Fetches and checks `name` ahead of its use, so that using it later starts
 * at once. A failure is met again, and reported, by that use.
 */
export function prefetchVerified(name: VerifiedScriptName): void {
  verifiedUrl(name).catch(() => {});
}

/** Starts the verified proof-of-work worker (a module worker). */
export async function startVerifiedWorker(name: 'pow-worker'): Promise<Worker> {
  const url = await verifiedUrl(name);
  const trusted = policy?.createScriptURL(url) ?? url;
  // A TrustedScriptURL is accepted wherever a script URL string is.
  return new Worker(trusted as string, { type: 'module' });
}
