import { describe, expect, it } from 'vitest';
import {
  ARGON2_SALT_BYTES,
  BOX_KEY_BYTES,
  boxKeyPair,
  boxPublicKeyOf,
  decryptBox,
  decryptSecretBox,
  encryptBox,
  encryptSecretBox,
  loadSodium,
  loadSodiumSumo,
  MAC_BYTES,
  NONCE_BYTES,
  openSealedBox,
  randomBytes,
  SEALED_BOX_OVERHEAD,
  sealBox,
  unpad,
} from '../../../web/src/crypto/libsodium';

describe('libsodium boundary', () => {
  it('loads each build once', async () => {
    expect(await loadSodium()).toBe(await loadSodium());
    expect(await loadSodiumSumo()).toBe(await loadSodiumSumo());
  });

  it('its size constants are the library’s own', async () => {
    const sodium = await loadSodium();
    const sumo = await loadSodiumSumo();
    expect(SEALED_BOX_OVERHEAD).toBe(sodium.crypto_box_SEALBYTES);
    expect(NONCE_BYTES).toBe(sodium.crypto_box_NONCEBYTES);
    expect(NONCE_BYTES).toBe(sodium.crypto_secretbox_NONCEBYTES);
    expect(MAC_BYTES).toBe(sodium.crypto_box_MACBYTES);
    expect(MAC_BYTES).toBe(sodium.crypto_secretbox_MACBYTES);
    expect(BOX_KEY_BYTES).toBe(sodium.crypto_box_PUBLICKEYBYTES);
    expect(BOX_KEY_BYTES).toBe(sodium.crypto_box_SECRETKEYBYTES);
    expect(ARGON2_SALT_BYTES).toBe(sumo.crypto_pwhash_SALTBYTES);
  });

  it('derives the public key from a secret key', async () => {
    const pair = await boxKeyPair();
    expect(await boxPublicKeyOf(pair.secretKey)).toEqual(pair.publicKey);
  });

  it('open helpers return null instead of throwing on failure', async () => {
    const alice = await boxKeyPair();
    const bob = await boxKeyPair();
    const message = await randomBytes(10);

    const sealed = await sealBox(message, bob.publicKey);
    expect(await openSealedBox(sealed, bob.publicKey, bob.secretKey)).toEqual(message);
    expect(await openSealedBox(sealed, alice.publicKey, alice.secretKey)).toBeNull();
    expect(await openSealedBox(new Uint8Array(3), bob.publicKey, bob.secretKey)).toBeNull();

    const boxed = await encryptBox(message, bob.publicKey, alice.secretKey);
    expect(await decryptBox(boxed, alice.publicKey, bob.secretKey)).toEqual(message);
    expect(await decryptBox(boxed, bob.publicKey, bob.secretKey)).toBeNull();
    expect(await decryptBox(boxed.subarray(0, 39), alice.publicKey, bob.secretKey)).toBeNull();

    const key = await randomBytes(32);
    const secret = await encryptSecretBox(message, key);
    expect(await decryptSecretBox(secret, key)).toEqual(message);
    expect(await decryptSecretBox(secret, await randomBytes(32))).toBeNull();

    expect(await unpad(new Uint8Array(1024), 1024)).toBeNull();
  });
});
