/**
 * @module
 * The operator's directory key as the build takes it (`DIRECTORY_PUBLIC_KEY`,
 * PROTOCOL.md §13): checked here, so a mistyped key stops the build with a
 * sentence instead of producing pages that refuse every supporter.
 */
import { fromB64 } from '../web/src/protocol/encoding.ts';

/** A directory key the build refuses: it says what is wrong in one sentence. */
export class DirectoryKeyError extends Error {
  override name = 'DirectoryKeyError';
}

/**
 * `value` checked as the operator's directory key: exactly 32 bytes in b64
 * (base64url without padding, one spelling only); null for none.
 */
export function checkDirectoryKey(value: string | null | undefined): string | null {
  if (value === undefined || value === null || value === '') return null;
  let bytes: Uint8Array;
  try {
    bytes = fromB64(value);
  } catch {
    throw new DirectoryKeyError(
      'DIRECTORY_PUBLIC_KEY is not base64url without padding: set it to the public key `npm run directory-key` printed.',
    );
  }
  if (bytes.length !== 32) {
    throw new DirectoryKeyError(
      `DIRECTORY_PUBLIC_KEY is ${bytes.length} bytes, not the 32 of an Ed25519 public key: set it to the key \`npm run directory-key\` printed.`,
    );
  }
  return value;
}
