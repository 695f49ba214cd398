/**
 * @module
 * Operator-signed directory entries (PROTOCOL.md §13). The operator signs,
 * off the relay, what a doctor's message depends on: a supporter's id, box
 * public key and name, under a version that grows with every change. A page
 * built with the operator's public key seals only to an entry that verifies,
 * so whoever can write to the relay's database cannot put their own key next
 * to a supporter's name (SECURITY.md, "A directory the database cannot
 * forge"). The pages and the operator's tool (`npm run sign-directory`) both
 * use this module, so there is one statement and one check.
 */
import {
  BOX_KEY_BYTES,
  SIGN_PUBLIC_KEY_BYTES,
  SIGNATURE_BYTES,
  signDetached,
  verifyDetached,
} from '../crypto/libsodium';
import { fromB64, toB64, toUtf8 } from './encoding';
import { ProtocolError } from './protocol-error';

const STATEMENT_PREFIX = toUtf8('peer-relay/v1/directory-entry');
const MAX_VERSION = 0xffff_ffff;
const MAX_ID_BYTES = 0xff;
const MAX_NAME_BYTES = 0xffff;

/** The fields of a directory entry the operator signs, as the directory returns them. */
export interface SignedFields {
  id: string;
  name: string;
  /** `b64` of the supporter's 32-byte X25519 public key. */
  boxPublicKey: string;
  /** ≥ 1; grows with every change of key or name. */
  version: number;
}

/** A directory entry as a client receives it: signed or not (§6 `Supporter`). */
export interface DirectoryEntry {
  id: string;
  name: string;
  boxPublicKey: string;
  version?: number | undefined;
  signature?: string | undefined;
}

/**
 * The §13 statement: `utf8("peer-relay/v1/directory-entry") || u32be(version)
 * || u8(len id) || id || boxPublicKey || u16be(len name) || name`.
 *
 * Throws {@link ProtocolError} `invalid_entry` for a field the statement
 * cannot hold (a version outside 1..2³²−1, an id over 255 bytes, a key that
 * is not 32 bytes, a name over 65535 bytes), `bad_encoding` for a key that
 * is not `b64`.
 *
 * @example
 * directoryStatement({ id: 's_test', name: 'Dr. Test Testesen', boxPublicKey, version: 1 }).length; // 91
 */
export function directoryStatement(fields: SignedFields): Uint8Array {
  const { version } = fields;
  const id = toUtf8(fields.id);
  const key = fromB64(fields.boxPublicKey);
  const name = toUtf8(fields.name);
  if (!Number.isInteger(version) || version < 1 || version > MAX_VERSION) {
    throw new ProtocolError('invalid_entry', 'A version is a whole number from 1 to 2^32 - 1.');
  }
  if (id.length > MAX_ID_BYTES || key.length !== BOX_KEY_BYTES || name.length > MAX_NAME_BYTES) {
    throw new ProtocolError('invalid_entry', 'The entry does not fit the signed statement.');
  }
  const statement = new Uint8Array(
    STATEMENT_PREFIX.length + 4 + 1 + id.length + key.length + 2 + name.length,
  );
  const view = new DataView(statement.buffer);
  let at = 0;
  const put = (bytes: Uint8Array) => {
    statement.set(bytes, at);
    at += bytes.length;
  };
  put(STATEMENT_PREFIX);
  view.setUint32(at, version); // DataView writes big-endian unless told otherwise.
  at += 4;
  view.setUint8(at, id.length);
  at += 1;
  put(id);
  put(key);
  view.setUint16(at, name.length);
  at += 2;
  put(name);
  return statement;
}

/**
 * The operator's signature of an entry: `b64(crypto_sign_detached(statement,
 * operatorSecretKey))`. Throws as {@link directoryStatement} does.
 */
export async function signEntry(
  fields: SignedFields,
  operatorSecretKey: Uint8Array,
): Promise<string> {
  return toB64(await signDetached(directoryStatement(fields), operatorSecretKey));
}

/**
 * Whether the entry carries a valid operator signature of exactly its id,
 * key and name. An unsigned entry, or any malformed field, is simply not
 * confirmed (false); this never throws on what a relay sent.
 *
 * @example
 * const confirmed = await verifyEntry(supporter, operatorPublicKey);
 * if (!confirmed) showUnconfirmed(supporter); // no "Write to", no sealing
 */
export async function verifyEntry(
  entry: DirectoryEntry,
  operatorPublicKey: Uint8Array | string,
): Promise<boolean> {
  const { version, signature } = entry;
  if (version === undefined || signature === undefined) return false;
  try {
    const publicKey =
      typeof operatorPublicKey === 'string' ? fromB64(operatorPublicKey) : operatorPublicKey;
    const signatureBytes = fromB64(signature);
    if (signatureBytes.length !== SIGNATURE_BYTES || publicKey.length !== SIGN_PUBLIC_KEY_BYTES) {
      return false;
    }
    const statement = directoryStatement({ ...entry, version });
    return await verifyDetached(signatureBytes, statement, publicKey);
  } catch (error) {
    if (error instanceof ProtocolError) return false;
    throw error;
  }
}

/**
 * The operator's public key as configured at build time
 * (`DIRECTORY_PUBLIC_KEY`: `b64` of 32 bytes). Throws {@link ProtocolError}
 * `bad_encoding` or `invalid_entry` for anything else.
 */
export function parseOperatorPublicKey(text: string): Uint8Array {
  const key = fromB64(text.trim());
  if (key.length !== SIGN_PUBLIC_KEY_BYTES) {
    throw new ProtocolError('invalid_entry', 'An operator public key is 32 bytes.');
  }
  return key;
}
