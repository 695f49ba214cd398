/**
 * @module
 * The one error type of the protocol layer. Its `code` names what went wrong
 * in the protocol's own terms; where the server has an error code for the same
 * condition (`bad_encoding`, `bad_padding`, `weak_kdf`) the names match, so a
 * caller can map one onto the other without a table.
 */

/** Why a protocol operation refused its input. */
export type ProtocolErrorCode =
  /** A value is not canonical base64url without padding. */
  | 'bad_encoding'
  /** A ciphertext has a length outside its 1 KiB buckets, or its padding is invalid. */
  | 'bad_padding'
  /** Authenticated decryption failed: wrong key, wrong sender or tampered bytes. */
  | 'decryption_failed'
  /** The decrypted plaintext is not a valid message of the expected kind. */
  | 'invalid_message'
  /** The text would not fit into the largest allowed ciphertext. */
  | 'message_too_long'
  /** The vault did not open with the key derived from this passphrase. */
  | 'wrong_passphrase'
  /** The vault opened but does not hold a well-formed secret key. */
  | 'invalid_vault'
  /** Key-derivation parameters below the protocol's minimum (or absurdly high). */
  | 'weak_kdf'
  /** This engine's Argon2id does not reproduce the known-answer vector. */
  | 'argon2_self_test_failed'
  /** A directory entry (or operator key) that the §13 statement cannot hold. */
  | 'invalid_entry';

/**
 * Thrown by protocol functions when input from the network, the user or
 * another client cannot be accepted.
 *
 * @example
 * try {
 *   await openReply(ciphertext, supporterKey, replySecretKey);
 * } catch (error) {
 *   if (error instanceof ProtocolError && error.code === 'decryption_failed') hideReply();
 * }
 */
export class ProtocolError extends Error {
  override readonly name = 'ProtocolError';
  readonly code: ProtocolErrorCode;

  constructor(code: ProtocolErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.code = code;
  }
}
