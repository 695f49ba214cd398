import { describe, expect, it } from 'vitest';
import {
  deriveMailbox,
  fingerprint,
  fromB64,
  newReplyCode,
  newSupporterKeys,
} from '../../../web/src/protocol/index';

describe('deriveMailbox', () => {
  it('is deterministic: the same code always finds the same mailbox', async () => {
    const code = await newReplyCode();
    const a = await deriveMailbox(code);
    const b = await deriveMailbox(code.slice());
    expect(b).toEqual(a);
    expect(fromB64(a.mailboxId)).toHaveLength(32);
    expect(fromB64(a.readToken)).toHaveLength(32);
  });

  it('keeps the mailbox id, read token and reply key independent', async () => {
    const mailbox = await deriveMailbox(await newReplyCode());
    const values = [mailbox.mailboxId, mailbox.readToken];
    expect(new Set(values).size).toBe(2);
    expect(fromB64(mailbox.mailboxId)).not.toEqual(mailbox.replyPublicKey);
  });

  it('gives different codes different mailboxes', async () => {
    const a = await deriveMailbox(await newReplyCode());
    const b = await deriveMailbox(await newReplyCode());
    expect(a.mailboxId).not.toBe(b.mailboxId);
    expect(a.readToken).not.toBe(b.readToken);
  });

  it('refuses a code that is not 15 bytes', async () => {
    await expect(deriveMailbox(new Uint8Array(16))).rejects.toThrow(RangeError);
  });
});

describe('fingerprint', () => {
  it('is five groups of five digits, different for different keys', async () => {
    const a = await fingerprint((await newSupporterKeys()).publicKey);
    const b = await fingerprint((await newSupporterKeys()).publicKey);
    expect(a).toMatch(/^\d{5}( \d{5}){4}$/);
    expect(a).not.toBe(b);
  });
});
