/**
 * The operator's directory key file (web/src/protocol/operator-key.ts): it
 * opens only with its passphrase, to a key pair that signs what its public
 * key verifies, and a file that was altered or is not one is refused.
 */
import { describe, expect, it } from 'vitest';
import { signKeyPair } from '../../../web/src/crypto/libsodium';
import { fromB64, signEntry, toB64, verifyEntry } from '../../../web/src/protocol/index';
import {
  createOperatorKey,
  type OperatorKeyFile,
  openOperatorKey,
} from '../../../web/src/protocol/operator-key';

const passphrase = 'harbour lantern quietly folds maps';
const entry = {
  id: 's_1',
  name: 'Kari Nordmann',
  boxPublicKey: toB64(new Uint8Array(32)),
  version: 1,
};

describe('the operator key file', () => {
  it('holds the secret key under the passphrase, with the vault limits, and opens to a working key pair', async () => {
    const file = await createOperatorKey(passphrase);
    expect(file).toMatchObject({
      v: 1,
      kind: 'peer-relay-directory-key',
      opslimit: 3,
      memlimit: 67108864,
    });
    expect(fromB64(file.publicKey)).toHaveLength(32);
    expect(JSON.stringify(file)).not.toContain(passphrase);
    const keys = await openOperatorKey(JSON.parse(JSON.stringify(file)), passphrase);
    expect(toB64(keys.publicKey)).toBe(file.publicKey);
    const signature = await signEntry(entry, keys.secretKey);
    expect(await verifyEntry({ ...entry, signature }, file.publicKey)).toBe(true);

    await expect(openOperatorKey(file, `${passphrase}!`)).rejects.toMatchObject({
      code: 'wrong_passphrase',
    });
  });

  it('refuses a file whose public key was swapped, one with weak limits, and one that is not a key file', async () => {
    const file = await createOperatorKey(passphrase);
    const swapped: OperatorKeyFile = { ...file, publicKey: toB64((await signKeyPair()).publicKey) };
    await expect(openOperatorKey(swapped, passphrase)).rejects.toMatchObject({
      code: 'invalid_vault',
    });
    await expect(openOperatorKey({ ...file, opslimit: 1 }, passphrase)).rejects.toMatchObject({
      code: 'weak_kdf',
    });
    for (const notAFile of [null, {}, { ...file, kind: 'vault' }, { ...file, salt: 'AAAA' }]) {
      await expect(openOperatorKey(notAFile, passphrase)).rejects.toMatchObject({
        code: 'invalid_vault',
      });
    }
  });
});
