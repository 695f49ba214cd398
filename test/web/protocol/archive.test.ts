import { describe, expect, it } from 'vitest';
import { hash, utf8 } from '../../../src/crypto';
import {
  type ArchiveEntry,
  archiveItemId,
  type DoctorMessage,
  deriveArchiveKey,
  deriveMailbox,
  fromB64,
  openArchiveItem,
  openOwnCopy,
  ProtocolError,
  sealArchiveItem,
  sealFirstContact,
  sealOwnCopy,
  toB64,
} from '../../../web/src/protocol/index';

const secretKey = Uint8Array.from({ length: 32 }, (_, i) => i);
const replyCode = Uint8Array.from({ length: 15 }, (_, i) => i + 1);

const message: DoctorMessage = {
  v: 1,
  kind: 'first-contact',
  thread: toB64(new Uint8Array(16)),
  text: 'Nights are the worst.',
  replyTo: { mailboxId: toB64(new Uint8Array(32)), publicKey: toB64(new Uint8Array(32)) },
  sentAt: '2026-11-27T14:05Z',
};
const entry: ArchiveEntry = {
  v: 1,
  kind: 'received',
  message,
  receivedAt: '2026-11-27T14:00:00Z',
};

describe('the supporter archive (PROTOCOL.md §10.3)', () => {
  it('derives archiveKey and item ids as PROTOCOL writes them (checked against the server’s BLAKE2b)', async () => {
    const key = await deriveArchiveKey(secretKey);
    expect(toB64(key)).toBe(toB64(hash(32, utf8('peer-relay/v1/archive'), secretKey)));
    expect(await archiveItemId(key, { message: 'abc' })).toBe(toB64(hash(16, utf8('m:abc'), key)));
    expect(await archiveItemId(key, { reply: 'abc' })).toBe(toB64(hash(16, utf8('r:abc'), key)));
    expect(await archiveItemId(key, { message: 'abc' })).not.toBe(
      await archiveItemId(key, { reply: 'abc' }),
    );
  });

  it('seals to 24 + 1024·n + 16 bytes and opens only with the same key', async () => {
    const key = await deriveArchiveKey(secretKey);
    const item = await sealArchiveItem(entry, key);
    expect(item.length).toBe(24 + 1024 + 16);
    expect(await openArchiveItem(item, key)).toEqual(entry);
    const long = await sealArchiveItem(
      { ...entry, message: { ...message, text: 'x'.repeat(3000) } },
      key,
    );
    expect(long.length).toBe(24 + 4 * 1024 + 16);

    const otherKey = await deriveArchiveKey(new Uint8Array(32).fill(9));
    await expect(openArchiveItem(item, otherKey)).rejects.toMatchObject({
      code: 'decryption_failed',
    });
    const tampered = item.slice();
    tampered[40] = (tampered[40] ?? 0) ^ 1;
    await expect(openArchiveItem(tampered, key)).rejects.toMatchObject({
      code: 'decryption_failed',
    });
    await expect(openArchiveItem(item.slice(1), key)).rejects.toBeInstanceOf(ProtocolError);
    await expect(openArchiveItem(item.slice(1), key)).rejects.toMatchObject({
      code: 'bad_padding',
    });
  });
});

describe("the doctor's own copy (PROTOCOL.md §10.1)", () => {
  it('is a sealed box to the reply key, the length of the message, opened with the reply code', async () => {
    const mailbox = await deriveMailbox(replyCode);
    const supporter = await deriveMailbox(new Uint8Array(15).fill(7));
    const sealed = await sealFirstContact(
      { text: 'Keep this for me.', mailbox },
      supporter.replyPublicKey,
    );
    const copy = await sealOwnCopy(sealed.message, mailbox);
    expect(copy.length).toBe(sealed.ciphertext.length);
    expect(await openOwnCopy(copy, mailbox)).toEqual(sealed.message);
    await expect(openOwnCopy(copy, supporter)).rejects.toMatchObject({ code: 'decryption_failed' });
    expect(fromB64(toB64(copy))).toEqual(copy);
  });
});
