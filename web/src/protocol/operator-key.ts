/**
 * @module
 * The operator's directory signing key at rest (PROTOCOL.md §13): an Ed25519
 * key pair made on the operator's own machine, its secret key encrypted
 * under a passphrase exactly as a supporter's vault is (§5: Argon2id with the
 * vault's limits, then `crypto_secretbox`), in a JSON file that never goes
 * near the relay. Only the operator's tools use this (`npm run
 * directory-key`, `npm run sign-directory`); the pages know only the public
 * key, built in.
 */
import * as v from 'valibot';
import {
  ARGON2_SALT_BYTES,
  decryptSecretBox,
  encryptSecretBox,
  hash,
  randomBytes,
  SIGN_PUBLIC_KEY_BYTES,
  type SignKeyPair,
  signKeyPair,
} from '../crypto/libsodium';
import { fromB64, toB64, toUtf8 } from './encoding';
import { ProtocolError } from './protocol-error';
import { checkArgon2, DEFAULT_MEMLIMIT, DEFAULT_OPSLIMIT, deriveMasterKey } from './vault';

/** What `npm run directory-key` writes: everything but the secret key is in the clear. */
export interface OperatorKeyFile {
  v: 1;
  kind: 'peer-relay-directory-key';
  /** `b64` of the 32-byte Ed25519 public key: `DIRECTORY_PUBLIC_KEY`. */
  publicKey: string;
  salt: string;
  opslimit: number;
  memlimit: number;
  /** `b64(nonce || crypto_secretbox_easy(secretKey, nonce, fileKey))`. */
  ciphertext: string;
}

const SECRET_KEY_BYTES = 64;
// Not the vault's "peer-relay/v1/vault": a key of one purpose never opens the other.
const FILE_KEY_LABEL = 'peer-relay/v1/directory-key-file';

const b64Bytes = (length?: number) =>
  v.pipe(
    v.string(),
    v.check((text) => {
      try {
        const bytes = fromB64(text);
        return length === undefined || bytes.length === length;
      } catch {
        return false;
      }
    }),
  );

const keyFileSchema = v.object({
  v: v.literal(1),
  kind: v.literal('peer-relay-directory-key'),
  publicKey: b64Bytes(SIGN_PUBLIC_KEY_BYTES),
  salt: b64Bytes(ARGON2_SALT_BYTES),
  opslimit: v.pipe(v.number(), v.integer()),
  memlimit: v.pipe(v.number(), v.integer()),
  ciphertext: b64Bytes(),
});

async function fileKey(
  passphrase: string,
  file: Pick<OperatorKeyFile, 'salt' | 'opslimit' | 'memlimit'>,
) {
  await checkArgon2();
  const master = await deriveMasterKey(
    passphrase,
    fromB64(file.salt),
    file.opslimit,
    file.memlimit,
  );
  const key = await hash(32, toUtf8(FILE_KEY_LABEL), master);
  master.fill(0);
  return key;
}

/**
 * A new operator key pair, its secret key locked under `passphrase` (a fresh
 * salt, the vault's default limits).
 *
 * @example
 * const file = await createOperatorKey(passphrase);
 * console.log(`DIRECTORY_PUBLIC_KEY=${file.publicKey}`);
 */
export async function createOperatorKey(passphrase: string): Promise<OperatorKeyFile> {
  const keys = await signKeyPair();
  const kdf = {
    salt: toB64(await randomBytes(ARGON2_SALT_BYTES)),
    opslimit: DEFAULT_OPSLIMIT,
    memlimit: DEFAULT_MEMLIMIT,
  };
  const ciphertext = await encryptSecretBox(keys.secretKey, await fileKey(passphrase, kdf));
  keys.secretKey.fill(0);
  return {
    v: 1,
    kind: 'peer-relay-directory-key',
    publicKey: toB64(keys.publicKey),
    ...kdf,
    ciphertext: toB64(ciphertext),
  };
}

/**
 * The key pair in a key file (parsed JSON). Throws {@link ProtocolError}
 * `invalid_vault` for a file that is not one, `weak_kdf` for limits below
 * the vault's, `wrong_passphrase` when the passphrase does not open it.
 */
export async function openOperatorKey(content: unknown, passphrase: string): Promise<SignKeyPair> {
  const parsed = v.safeParse(keyFileSchema, content);
  if (!parsed.success) {
    throw new ProtocolError('invalid_vault', 'This is not a peer-relay directory key file.');
  }
  const file = parsed.output;
  const secretKey = await decryptSecretBox(
    fromB64(file.ciphertext),
    await fileKey(passphrase, file),
  );
  if (secretKey === null) {
    throw new ProtocolError('wrong_passphrase', 'The passphrase does not open this key file.');
  }
  const publicKey = fromB64(file.publicKey);
  // An Ed25519 secret key ends with its public key: a file whose halves disagree was altered.
  const embedded = secretKey.subarray(SECRET_KEY_BYTES - SIGN_PUBLIC_KEY_BYTES);
  if (secretKey.length !== SECRET_KEY_BYTES || toB64(embedded) !== file.publicKey) {
    throw new ProtocolError('invalid_vault', 'The key file holds a key other than its public key.');
  }
  return { publicKey, secretKey };
}
