/**
 * @module
 * The crypto boundary of the web client: the only module in `web/` that
 * imports libsodium. It speaks in algorithms (BLAKE2b, sealed boxes,
 * Ed25519, Argon2id); `web/src/protocol/` turns these into the product's
 * words (reply codes, mailboxes, vaults, signed directory entries). Every
 * helper awaits the library itself, so callers never have to think about
 * WebAssembly initialisation.
 *
 * Both builds are loaded only when first needed, each a script of its own
 * that is checked against the build's SHA-256 before it runs
 * (../verified-scripts.ts): doctor pages never download the much larger sumo
 * build, which is needed only for `crypto_pwhash` (the supporter vault).
 */
import { importVerified } from '../verified-scripts';

/** The standard libsodium.js API (everything except `crypto_pwhash`). */
export type Sodium = typeof import('libsodium-wrappers').default;

/** The sumo libsodium.js API, a superset of {@link Sodium} with `crypto_pwhash`. */
export type SodiumSumo = typeof import('libsodium-wrappers-sumo').default;

/** An X25519 key pair for `crypto_box`. */
export interface BoxKeyPair {
  publicKey: Uint8Array;
  secretKey: Uint8Array;
}

/** A synchronous BLAKE2b, for hot loops where awaiting per call would dominate. */
export type SyncHash = (length: number, message: Uint8Array) => Uint8Array;

/** Bytes `crypto_box_seal` adds: an ephemeral public key (32) and a MAC (16). */
export const SEALED_BOX_OVERHEAD = 48;
/** Nonce length of `crypto_box_easy` and `crypto_secretbox_easy` (XSalsa20). */
export const NONCE_BYTES = 24;
/** MAC length of `crypto_box_easy` and `crypto_secretbox_easy` (Poly1305). */
export const MAC_BYTES = 16;
/** Length of X25519 public and secret keys. */
export const BOX_KEY_BYTES = 32;
/** Salt length `crypto_pwhash` requires. */
export const ARGON2_SALT_BYTES = 16;

let sodiumPromise: Promise<Sodium> | undefined;
let sodiumSumoPromise: Promise<SodiumSumo> | undefined;

/**
 * Load and initialise the standard libsodium.js build, once.
 *
 * A failed load is not memoised, so a flaky network can be retried.
 */
export function loadSodium(): Promise<Sodium> {
  sodiumPromise ??= importVerified<{ default: Sodium }>('libsodium').then(
    async ({ default: sodium }) => {
      await sodium.ready;
      return sodium;
    },
    (error: unknown) => {
      sodiumPromise = undefined;
      throw error;
    },
  );
  return sodiumPromise;
}

/**
 * Load and initialise the sumo libsodium.js build, once. Only the supporter
 * vault needs it (Argon2id); see the module note on bundle splitting.
 */
export function loadSodiumSumo(): Promise<SodiumSumo> {
  sodiumSumoPromise ??= importVerified<{ default: SodiumSumo }>('libsodium-sumo').then(
    async ({ default: sodium }) => {
      await sodium.ready;
      return sodium;
    },
    (error: unknown) => {
      sodiumSumoPromise = undefined;
      throw error;
    },
  );
  return sodiumSumoPromise;
}

/**
 * BLAKE2b (`crypto_generichash`) of `message`, `length` bytes long, optionally keyed.
 *
 * @example
 * const id = await hash(16, ciphertext);
 */
export async function hash(
  length: number,
  message: Uint8Array,
  key?: Uint8Array,
): Promise<Uint8Array> {
  const sodium = await loadSodium();
  return sodium.crypto_generichash(length, message, key ?? null);
}

/**
 * A synchronous, unkeyed BLAKE2b bound to the loaded library, for proof-of-work
 * style loops that hash millions of times.
 */
export async function loadSyncHash(): Promise<SyncHash> {
  const sodium = await loadSodium();
  return (length, message) => sodium.crypto_generichash(length, message, null);
}

/** `n` bytes from libsodium's CSPRNG (`randombytes_buf`). */
export async function randomBytes(n: number): Promise<Uint8Array> {
  const sodium = await loadSodium();
  return sodium.randombytes_buf(n);
}

/** A fresh random X25519 key pair (`crypto_box_keypair`). */
export async function boxKeyPair(): Promise<BoxKeyPair> {
  const sodium = await loadSodium();
  const { publicKey, privateKey } = sodium.crypto_box_keypair();
  return { publicKey, secretKey: privateKey };
}

/** The X25519 key pair determined by a 32-byte seed (`crypto_box_seed_keypair`). */
export async function boxSeedKeyPair(seed: Uint8Array): Promise<BoxKeyPair> {
  const sodium = await loadSodium();
  const { publicKey, privateKey } = sodium.crypto_box_seed_keypair(seed);
  return { publicKey, secretKey: privateKey };
}

/** The public key belonging to an X25519 secret key (`crypto_scalarmult_base`). */
export async function boxPublicKeyOf(secretKey: Uint8Array): Promise<Uint8Array> {
  const sodium = await loadSodium();
  return sodium.crypto_scalarmult_base(secretKey);
}

/**
 * Anonymous public-key encryption (`crypto_box_seal`); the result is
 * {@link SEALED_BOX_OVERHEAD} bytes longer than `message`.
 */
export async function sealBox(
  message: Uint8Array,
  recipientPublicKey: Uint8Array,
): Promise<Uint8Array> {
  const sodium = await loadSodium();
  return sodium.crypto_box_seal(message, recipientPublicKey);
}

/**
 * Open a sealed box (`crypto_box_seal_open`), or `null` if it was not sealed to
 * this key pair or has been tampered with.
 */
export async function openSealedBox(
  ciphertext: Uint8Array,
  recipientPublicKey: Uint8Array,
  recipientSecretKey: Uint8Array,
): Promise<Uint8Array | null> {
  const sodium = await loadSodium();
  if (ciphertext.length < SEALED_BOX_OVERHEAD) return null;
  try {
    return sodium.crypto_box_seal_open(ciphertext, recipientPublicKey, recipientSecretKey);
  } catch {
    return null;
  }
}

/**
 * Authenticated public-key encryption (`crypto_box_easy`) under a fresh random
 * nonce; returns `nonce || ciphertext`.
 */
export async function encryptBox(
  message: Uint8Array,
  recipientPublicKey: Uint8Array,
  senderSecretKey: Uint8Array,
): Promise<Uint8Array> {
  const sodium = await loadSodium();
  const nonce = sodium.randombytes_buf(NONCE_BYTES);
  const box = sodium.crypto_box_easy(message, nonce, recipientPublicKey, senderSecretKey);
  return concatBytes(nonce, box);
}

/**
 * Open `nonce || ciphertext` made by {@link encryptBox} (`crypto_box_open_easy`),
 * or `null` if it was not made by `senderPublicKey`'s owner for this recipient,
 * or has been tampered with.
 */
export async function decryptBox(
  nonceAndCiphertext: Uint8Array,
  senderPublicKey: Uint8Array,
  recipientSecretKey: Uint8Array,
): Promise<Uint8Array | null> {
  const sodium = await loadSodium();
  if (nonceAndCiphertext.length < NONCE_BYTES + MAC_BYTES) return null;
  const nonce = nonceAndCiphertext.subarray(0, NONCE_BYTES);
  const box = nonceAndCiphertext.subarray(NONCE_BYTES);
  try {
    return sodium.crypto_box_open_easy(box, nonce, senderPublicKey, recipientSecretKey);
  } catch {
    return null;
  }
}

/** An Ed25519 key pair for `crypto_sign`; the secret key is 64 bytes (seed || public key). */
export interface SignKeyPair {
  publicKey: Uint8Array;
  secretKey: Uint8Array;
}

/** Length of an Ed25519 public key. */
export const SIGN_PUBLIC_KEY_BYTES = 32;
/** Length of an Ed25519 detached signature. */
export const SIGNATURE_BYTES = 64;

/** A fresh random Ed25519 key pair (`crypto_sign_keypair`). */
export async function signKeyPair(): Promise<SignKeyPair> {
  const sodium = await loadSodium();
  const { publicKey, privateKey } = sodium.crypto_sign_keypair();
  return { publicKey, secretKey: privateKey };
}

/** The Ed25519 key pair determined by a 32-byte seed (`crypto_sign_seed_keypair`). */
export async function signSeedKeyPair(seed: Uint8Array): Promise<SignKeyPair> {
  const sodium = await loadSodium();
  const { publicKey, privateKey } = sodium.crypto_sign_seed_keypair(seed);
  return { publicKey, secretKey: privateKey };
}

/** An Ed25519 signature of `message` (`crypto_sign_detached`), {@link SIGNATURE_BYTES} long. */
export async function signDetached(
  message: Uint8Array,
  secretKey: Uint8Array,
): Promise<Uint8Array> {
  const sodium = await loadSodium();
  return sodium.crypto_sign_detached(message, secretKey);
}

/**
 * Whether `signature` is `publicKey`'s signature of `message`
 * (`crypto_sign_verify_detached`); false, never a throw, for malformed input.
 */
export async function verifyDetached(
  signature: Uint8Array,
  message: Uint8Array,
  publicKey: Uint8Array,
): Promise<boolean> {
  const sodium = await loadSodium();
  if (signature.length !== SIGNATURE_BYTES || publicKey.length !== SIGN_PUBLIC_KEY_BYTES) {
    return false;
  }
  try {
    return sodium.crypto_sign_verify_detached(signature, message, publicKey);
  } catch {
    return false;
  }
}

/**
 * Secret-key authenticated encryption (`crypto_secretbox_easy`) under a fresh
 * random nonce; returns `nonce || ciphertext`.
 */
export async function encryptSecretBox(message: Uint8Array, key: Uint8Array): Promise<Uint8Array> {
  const sodium = await loadSodium();
  const nonce = sodium.randombytes_buf(NONCE_BYTES);
  return concatBytes(nonce, sodium.crypto_secretbox_easy(message, nonce, key));
}

/**
 * Open `nonce || ciphertext` made by {@link encryptSecretBox}, or `null` if the
 * key is wrong or the data has been tampered with.
 */
export async function decryptSecretBox(
  nonceAndCiphertext: Uint8Array,
  key: Uint8Array,
): Promise<Uint8Array | null> {
  const sodium = await loadSodium();
  if (nonceAndCiphertext.length < NONCE_BYTES + MAC_BYTES) return null;
  const nonce = nonceAndCiphertext.subarray(0, NONCE_BYTES);
  const box = nonceAndCiphertext.subarray(NONCE_BYTES);
  try {
    return sodium.crypto_secretbox_open_easy(box, nonce, key);
  } catch {
    return null;
  }
}

/** ISO/IEC 7816-4 padding to a multiple of `blockSize` (`sodium_pad`). */
export async function pad(bytes: Uint8Array, blockSize: number): Promise<Uint8Array> {
  const sodium = await loadSodium();
  return sodium.pad(bytes, blockSize);
}

/** The inverse of {@link pad} (`sodium_unpad`), or `null` if the padding is invalid. */
export async function unpad(padded: Uint8Array, blockSize: number): Promise<Uint8Array | null> {
  const sodium = await loadSodium();
  try {
    return sodium.unpad(padded, blockSize);
  } catch {
    return null;
  }
}

/**
 * Argon2id v1.3 (`crypto_pwhash` with `ALG_ARGON2ID13`) from the sumo build.
 * `salt` must be {@link ARGON2_SALT_BYTES} long.
 */
export async function argon2id(
  length: number,
  password: Uint8Array,
  salt: Uint8Array,
  opslimit: number,
  memlimit: number,
): Promise<Uint8Array> {
  const sodium = await loadSodiumSumo();
  return sodium.crypto_pwhash(
    length,
    password,
    salt,
    opslimit,
    memlimit,
    sodium.crypto_pwhash_ALG_ARGON2ID13,
  );
}

function concatBytes(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}
