import { describe, expect, it } from 'vitest';
import { decryptSecretBox, encryptSecretBox } from '../../../web/src/crypto/libsodium';
import {
  checkArgon2,
  createVault,
  DEFAULT_MEMLIMIT,
  DEFAULT_OPSLIMIT,
  deriveVaultKeys,
  fromB64,
  fromUtf8,
  newSupporterKeys,
  openVault,
  toB64,
  toUtf8,
  unlockVault,
  type VaultRecord,
} from '../../../web/src/protocol/index';

const passphrase = 'lighthouse keeper wears green socks';

describe('supporter vault', () => {
  it('passes the Argon2id self-test, and remembers it', async () => {
    await expect(checkArgon2()).resolves.toBeUndefined();
    const started = performance.now();
    await checkArgon2();
    expect(performance.now() - started).toBeLessThan(50);
  });

  it('a created vault opens with the same passphrase to the same key', async () => {
    const keys = await newSupporterKeys();
    const created = await createVault(passphrase, keys.secretKey);
    expect(created.vault.opslimit).toBe(DEFAULT_OPSLIMIT);
    expect(created.vault.memlimit).toBe(DEFAULT_MEMLIMIT);
    expect(fromB64(created.vault.salt)).toHaveLength(16);
    const plaintext = await decryptSecretBox(fromB64(created.vault.ciphertext), created.vaultKey);
    expect(fromUtf8(plaintext!)).toBe(`{"v":1,"boxSecretKey":"${toB64(keys.secretKey)}"}`);
    expect(fromB64(created.authKey)).toHaveLength(32);

    const opened = await openVault(passphrase, created.vault);
    expect(opened.boxSecretKey).toEqual(keys.secretKey);
    expect(opened.boxPublicKey).toEqual(keys.publicKey);
    expect(opened.authKey).toBe(created.authKey);
    expect(opened.vaultKey).toEqual(created.vaultKey);
  });

  it('a wrong passphrase fails with wrong_passphrase', async () => {
    const keys = await newSupporterKeys();
    const { vault } = await createVault(passphrase, keys.secretKey);
    await expect(openVault(`${passphrase}!`, vault)).rejects.toMatchObject({
      name: 'ProtocolError',
      code: 'wrong_passphrase',
    });
  });

  it('a new salt gives a new authKey for the same passphrase', async () => {
    const keys = await newSupporterKeys();
    const a = await createVault(passphrase, keys.secretKey);
    const b = await createVault(passphrase, keys.secretKey);
    expect(a.vault.salt).not.toBe(b.vault.salt);
    expect(a.authKey).not.toBe(b.authKey);
  });

  it('the passphrase is NFKC-normalised, so composed and decomposed forms match', async () => {
    const keys = await newSupporterKeys();
    const { vault, authKey } = await createVault('caf\u00e9 ﬁve', keys.secretKey);
    const opened = await openVault('cafe\u0301 five', vault);
    expect(opened.boxSecretKey).toEqual(keys.secretKey);
    expect(opened.authKey).toBe(authKey);
  });

  it('login then unlock: deriveVaultKeys gives the authKey and a key for unlockVault', async () => {
    const keys = await newSupporterKeys();
    const created = await createVault(passphrase, keys.secretKey);
    const { salt, opslimit, memlimit } = created.vault;
    const derived = await deriveVaultKeys(passphrase, fromB64(salt), opslimit, memlimit);
    expect(derived.authKey).toBe(created.authKey);
    expect(await unlockVault(created.vault, derived.vaultKey)).toEqual(keys.secretKey);
  });

  it('a tampered vault fails like a wrong passphrase', async () => {
    const keys = await newSupporterKeys();
    const created = await createVault(passphrase, keys.secretKey);
    const ciphertext = fromB64(created.vault.ciphertext);
    ciphertext[30]! ^= 0x01;
    const tampered: VaultRecord = { ...created.vault, ciphertext: toB64(ciphertext) };
    await expect(unlockVault(tampered, created.vaultKey)).rejects.toMatchObject({
      code: 'wrong_passphrase',
    });
  });

  it('a vault that opens but holds no valid key fails with invalid_vault', async () => {
    const keys = await newSupporterKeys();
    const created = await createVault(passphrase, keys.secretKey);
    for (const content of [
      'nope',
      '{"v":2,"boxSecretKey":"AAAA"}',
      '{"v":1,"boxSecretKey":"AAAA"}',
    ]) {
      const ciphertext = await encryptSecretBox(toUtf8(content), created.vaultKey);
      const vault: VaultRecord = { ...created.vault, ciphertext: toB64(ciphertext) };
      await expect(unlockVault(vault, created.vaultKey)).rejects.toMatchObject({
        code: 'invalid_vault',
      });
    }
  });

  it.each([
    ['opslimit 2', 2, DEFAULT_MEMLIMIT],
    ['memlimit 32 MiB', DEFAULT_OPSLIMIT, 33_554_432],
    ['a fractional opslimit', 3.5, DEFAULT_MEMLIMIT],
    ['memlimit 4 GiB', DEFAULT_OPSLIMIT, 4 * 1_073_741_824],
  ])('refuses %s with weak_kdf before running Argon2id', async (_, opslimit, memlimit) => {
    const salt = new Uint8Array(16);
    await expect(deriveVaultKeys(passphrase, salt, opslimit, memlimit)).rejects.toMatchObject({
      code: 'weak_kdf',
    });
  });
});
