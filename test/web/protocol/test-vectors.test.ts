/**
 * PROTOCOL.md §9: every test vector, reproduced exactly. These pin the wire
 * format; if one fails, the implementation no longer interoperates.
 */
import { describe, expect, it } from 'vitest';
import {
  deriveMailbox,
  deriveVaultKeys,
  fingerprint,
  formatReplyCode,
  messageId,
  padMessage,
  parseReplyCode,
  toB64,
  toUtf8,
} from '../../../web/src/protocol/index';
import { deriveMasterKey } from '../../../web/src/protocol/vault';

const R = Uint8Array.from({ length: 15 }, (_, i) => i + 1);

describe('§9 test vectors', () => {
  it('formats R = 01..0f as the reply code', () => {
    expect(formatReplyCode(R)).toBe('0410-6105-0R3G-G28A-1C60-T3GF');
    expect(parseReplyCode('0410-6105-0R3G-G28A-1C60-T3GF')).toEqual(R);
  });

  it('derives mailboxId, readToken and replyPublicKey from R', async () => {
    const mailbox = await deriveMailbox(R);
    expect(mailbox.mailboxId).toBe('rsNPKlN91iTXSDFKKlR0aO8qlDuGGYGM7H29xRwHBM4');
    expect(mailbox.readToken).toBe('cCI14r-R_-g3U1iBxdeOrw1UGS-GPPz1kN8I2_9Ck3c');
    expect(toB64(mailbox.replyPublicKey)).toBe('HZyyOfxSqvDPOFryK8zoZqms5cQVzJLS5k3fmlGPYTY');
    expect(mailbox.replySecretKey).toHaveLength(32);
  });

  it('fingerprints the public key 00..1f', async () => {
    const boxPublicKey = Uint8Array.from({ length: 32 }, (_, i) => i);
    expect(await fingerprint(boxPublicKey)).toBe('87299 73579 52098 19480 11273');
  });

  it('derives master, vaultKey and authKey from the passphrase vector', async () => {
    const salt = Uint8Array.from({ length: 16 }, (_, i) => i);
    const passphrase = 'correct horse battery staple';
    const master = await deriveMasterKey(passphrase, salt, 3, 67108864);
    expect(toB64(master)).toBe('DRo8ZSPI8G5OCvnFFapbVEjP69aDjy1Sw9i2743cPC4');
    const { vaultKey, authKey } = await deriveVaultKeys(passphrase, salt, 3, 67108864);
    expect(toB64(vaultKey)).toBe('Q0rbd1sb2I1q2KiuAppBnO1FFXxrBwrXSK7EP73EiMM');
    expect(authKey).toBe('Yfm-4uvLBOz5ntsg7MZtMQ8ESTluWwJ1nfOzLVh6B9A');
  });

  it('gives the ciphertext "abc" the id z0q3kcYrjSshCckCdSh4Fg', async () => {
    expect(await messageId(toUtf8('abc'))).toBe('z0q3kcYrjSshCckCdSh4Fg');
  });

  it('pads {"a":1} to one block: the JSON, 0x80, then 1016 zero bytes', async () => {
    const padded = await padMessage(toUtf8('{"a":1}'));
    const expected = new Uint8Array(1024);
    expected.set([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x31, 0x7d, 0x80]);
    expect(padded).toEqual(expected);
  });
});
