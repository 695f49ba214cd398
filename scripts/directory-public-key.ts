/**
 * @module
 * The operator's directory key as the build takes it (`DIRECTORY_PUBLIC_KEY`,
 * PROTOCOL.md §13): checked here with the protocol's own parser, so a
 * mistyped key stops the build with a sentence instead of producing pages
 * that refuse every supporter.
 */
import { parseOperatorPublicKey } from '../web/src/protocol/directory-entry.ts';
import { ProtocolError } from '../web/src/protocol/protocol-error.ts';

/** A directory key the build refuses: it says what is wrong in one sentence. */
export class DirectoryKeyError extends Error {
  override name = 'DirectoryKeyError';
}

const PRINTED = 'set it to the public key `npm run directory-key` printed.';

/**
 * `value` checked as the operator's directory key: exactly 32 bytes in b64
 * (base64url without padding, one spelling only), returned without
 * surrounding whitespace; null for none.
 */
export function checkDirectoryKey(value: string | null | undefined): string | null {
  const key = value?.trim();
  if (!key) return null;
  try {
    parseOperatorPublicKey(key);
  } catch (error) {
    if (!(error instanceof ProtocolError)) throw error;
    throw new DirectoryKeyError(
      error.code === 'bad_encoding'
        ? `DIRECTORY_PUBLIC_KEY is not base64url without padding: ${PRINTED}`
        : `DIRECTORY_PUBLIC_KEY is not the 32 bytes of an Ed25519 public key: ${PRINTED}`,
    );
  }
  return key;
}
