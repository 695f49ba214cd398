/**
 * @module
 * The supporter vault (PROTOCOL.md §5): the supporter's box secret key,
 * encrypted under a key derived from their passphrase, stored by the server.
 * One Argon2id run yields two independent keys: `vaultKey` opens the vault and
 * never leaves the browser; `authKey` logs in, and the server keeps only its
 * hash. So the server can authenticate a supporter without ever being able to
 * open the vault, and a database leak gives an attacker only offline Argon2id
 * guessing.
 */
import * as v from 'valibot';
import {
  ARGON2_SALT_BYTES,
  argon2id,
  BOX_KEY_BYTES,
  type BoxKeyPair,
  boxKeyPair,
  boxPublicKeyOf,
  decryptSecretBox,
  encryptSecretBox,
  hash,
  randomBytes,
} from '../crypto/libsodium';
import { fromB64, fromUtf8, toB64, toUtf8 } from './encoding';
import { ProtocolError } from './protocol-error';

/** Default (and minimum) Argon2id operations limit. */
export const DEFAULT_OPSLIMIT = 3;
/** Default (and minimum) Argon2id memory limit: 64 MiB. */
export const DEFAULT_MEMLIMIT = 67_108_864;

// Refuse parameters a server could use to make our keys cheap to guess
// (too low) or to exhaust the browser (too high).
const MAX_OPSLIMIT = 32;
const MAX_MEMLIMIT = 1_073_741_824;

/** The vault as the HTTP API carries it: binary values `b64`. */
export interface VaultRecord {
  salt: string;
  opslimit: number;
  memlimit: number;
  /** `b64(nonce || crypto_secretbox_easy(…))`. */
  ciphertext: string;
}

/** The two keys derived from a passphrase. */
export interface VaultKeys {
  /** Opens the vault; never leaves the browser. */
  vaultKey: Uint8Array;
  /** `b64`, sent to log in (`POST /session`); the server stores its hash. */
  authKey: string;
}

/** A newly created vault, and the keys to register or re-key with. */
export interface CreatedVault extends VaultKeys {
  vault: VaultRecord;
}

/** An opened vault. */
export interface OpenedVault extends VaultKeys {
  boxSecretKey: Uint8Array;
  /** Derived from the secret key; compare it with the published key. */
  boxPublicKey: Uint8Array;
}

// §9: an engine that computes Argon2id wrongly would lock supporters out (or
// worse, derive a weak key) without any error, so it must prove itself first.
const ARGON2_VECTOR = {
  passphrase: 'correct horse battery staple',
  salt: Uint8Array.from({ length: 16 }, (_, i) => i),
  master: 'DRo8ZSPI8G5OCvnFFapbVEjP69aDjy1Sw9i2743cPC4',
};

let argon2Checked: Promise<void> | undefined;

/** A fresh supporter key pair (`crypto_box_keypair`). */
export async function newSupporterKeys(): Promise<BoxKeyPair> {
  return boxKeyPair();
}

/**
 * Run the §9 Argon2id known-answer test; throws {@link ProtocolError}
 * `argon2_self_test_failed` if this engine gets it wrong. A success is
 * remembered, so it is cheap to call before every vault operation (the first
 * call takes as long as one unlock).
 */
export function checkArgon2(): Promise<void> {
  argon2Checked ??= (async () => {
    const { passphrase, salt } = ARGON2_VECTOR;
    const master = await deriveMasterKey(passphrase, salt, DEFAULT_OPSLIMIT, DEFAULT_MEMLIMIT);
    if (toB64(master) !== ARGON2_VECTOR.master) {
      throw new ProtocolError(
        'argon2_self_test_failed',
        'This browser computes Argon2id incorrectly; the vault cannot be used safely here.',
      );
    }
  })().catch((error: unknown) => {
    argon2Checked = undefined;
    throw error;
  });
  return argon2Checked;
}

/**
 * `master = crypto_pwhash(32, utf8(NFKC(passphrase)), salt, …, ARGON2ID13)`.
 * Exported for the §9 test vector and the operator's key file
 * (./operator-key.ts), which derives its own key from it; a supporter's
 * vault uses {@link deriveVaultKeys}.
 *
 * @internal
 */
export async function deriveMasterKey(
  passphrase: string,
  salt: Uint8Array,
  opslimit: number,
  memlimit: number,
): Promise<Uint8Array> {
  if (salt.length !== ARGON2_SALT_BYTES) {
    throw new ProtocolError('invalid_vault', `The salt must be ${ARGON2_SALT_BYTES} bytes.`);
  }
  if (
    !Number.isInteger(opslimit) ||
    !Number.isInteger(memlimit) ||
    opslimit < DEFAULT_OPSLIMIT ||
    memlimit < DEFAULT_MEMLIMIT ||
    opslimit > MAX_OPSLIMIT ||
    memlimit > MAX_MEMLIMIT
  ) {
    throw new ProtocolError('weak_kdf', `Refusing Argon2id limits ${opslimit}/${memlimit}.`);
  }
  // NFKC, so the same passphrase typed on another keyboard or OS still matches.
  return argon2id(32, toUtf8(passphrase.normalize('NFKC')), salt, opslimit, memlimit);
}

/**
 * Derive the vault key and the login key from a passphrase and the
 * parameters the server returned (`POST /session/params`).
 *
 * Throws {@link ProtocolError} `weak_kdf` for limits below the defaults.
 *
 * @example
 * const params = await api.sessionParams(login);
 * const { authKey, vaultKey } = await deriveVaultKeys(passphrase, fromB64(params.salt), params.opslimit, params.memlimit);
 * const session = await api.login(login, authKey);
 * const boxSecretKey = await unlockVault(session.vault, vaultKey);
 */
export async function deriveVaultKeys(
  passphrase: string,
  salt: Uint8Array,
  opslimit: number,
  memlimit: number,
): Promise<VaultKeys> {
  await checkArgon2();
  const master = await deriveMasterKey(passphrase, salt, opslimit, memlimit);
  const [vaultKey, authKey] = await Promise.all([
    hash(32, toUtf8('peer-relay/v1/vault'), master),
    hash(32, toUtf8('peer-relay/v1/auth'), master),
  ]);
  master.fill(0);
  return { vaultKey, authKey: toB64(authKey) };
}

/**
 * Encrypt a supporter's box secret key under a new passphrase, with a fresh
 * salt and the default limits. Used at registration and on passphrase change
 * (send `authKey` as `newAuthKey` then).
 */
export async function createVault(
  passphrase: string,
  boxSecretKey: Uint8Array,
): Promise<CreatedVault> {
  if (boxSecretKey.length !== BOX_KEY_BYTES) {
    throw new RangeError(`A box secret key is ${BOX_KEY_BYTES} bytes, got ${boxSecretKey.length}.`);
  }
  const salt = await randomBytes(ARGON2_SALT_BYTES);
  const keys = await deriveVaultKeys(passphrase, salt, DEFAULT_OPSLIMIT, DEFAULT_MEMLIMIT);
  const plaintext = toUtf8(JSON.stringify({ v: 1, boxSecretKey: toB64(boxSecretKey) }));
  const ciphertext = await encryptSecretBox(plaintext, keys.vaultKey);
  plaintext.fill(0);
  return {
    vault: {
      salt: toB64(salt),
      opslimit: DEFAULT_OPSLIMIT,
      memlimit: DEFAULT_MEMLIMIT,
      ciphertext: toB64(ciphertext),
    },
    ...keys,
  };
}

/**
 * Open a vault with an already derived vault key, e.g. after logging in with
 * the `authKey` from the same {@link deriveVaultKeys} call. Throws
 * {@link ProtocolError} `wrong_passphrase` if the key does not open it, or
 * `invalid_vault` if its content is malformed.
 */
export async function unlockVault(vault: VaultRecord, vaultKey: Uint8Array): Promise<Uint8Array> {
  const plaintext = await decryptSecretBox(fromB64(vault.ciphertext), vaultKey);
  if (plaintext === null) {
    throw new ProtocolError('wrong_passphrase', 'The passphrase does not open this vault.');
  }
  let content: unknown;
  try {
    content = JSON.parse(fromUtf8(plaintext));
  } catch (cause) {
    throw new ProtocolError('invalid_vault', 'The vault does not hold JSON.', { cause });
  } finally {
    plaintext.fill(0);
  }
  const boxSecretKey = readBoxSecretKey(content);
  if (boxSecretKey === null) {
    throw new ProtocolError('invalid_vault', 'The vault does not hold a box secret key.');
  }
  return boxSecretKey;
}

/**
 * Open a vault with a passphrase: {@link deriveVaultKeys} then
 * {@link unlockVault}. Throws {@link ProtocolError} `wrong_passphrase` on a
 * wrong passphrase.
 */
export async function openVault(passphrase: string, vault: VaultRecord): Promise<OpenedVault> {
  const keys = await deriveVaultKeys(
    passphrase,
    fromB64(vault.salt),
    vault.opslimit,
    vault.memlimit,
  );
  const boxSecretKey = await unlockVault(vault, keys.vaultKey);
  return { boxSecretKey, boxPublicKey: await boxPublicKeyOf(boxSecretKey), ...keys };
}

const vaultContentSchema = v.object({
  v: v.literal(1),
  boxSecretKey: v.pipe(
    v.string(),
    v.check((key) => {
      try {
        return fromB64(key).length === BOX_KEY_BYTES;
      } catch {
        return false;
      }
    }),
  ),
});

function readBoxSecretKey(content: unknown): Uint8Array | null {
  const result = v.safeParse(vaultContentSchema, content);
  return result.success ? fromB64(result.output.boxSecretKey) : null;
}
