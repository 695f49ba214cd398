/**
 * @module
 * The operator's directory key (PROTOCOL.md §13): the Ed25519 public key
 * that signs every directory entry, baked into the page scripts by the
 * build (`DIRECTORY_PUBLIC_KEY`, scripts/build-web.ts) and listed in the
 * asset manifest. It never comes from the relay's database or an API
 * answer, so whoever can write to the database cannot replace it.
 */

// Replaced by the build with the key as b64, or null when none was configured.
declare const __DIRECTORY_PUBLIC_KEY__: string | null;

/**
 * The key as b64 (32 bytes); `null` for a build without one (a first local
 * run), whose pages trust the directory as it is and say so on the operator page.
 */
export const DIRECTORY_PUBLIC_KEY: string | null =
  typeof __DIRECTORY_PUBLIC_KEY__ === 'undefined' ? null : __DIRECTORY_PUBLIC_KEY__;
