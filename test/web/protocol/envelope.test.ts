import { describe, expect, it } from 'vitest';
import { boxKeyPair, encryptBox, pad, sealBox } from '../../../web/src/crypto/libsodium';
import {
  type DoctorMessage,
  deriveMailbox,
  fromB64,
  isDoctorMessageLength,
  isReplyLength,
  MAX_TEXT_CHARS,
  messageId,
  minuteTimestamp,
  newReplyCode,
  newSupporterKeys,
  newThreadId,
  openDoctorMessage,
  openReply,
  type Reply,
  sealDoctorMessage,
  sealFirstContact,
  sealFollowUp,
  sealReply,
  sealReplyTo,
  toB64,
  toUtf8,
} from '../../../web/src/protocol/index';

const supporterFrom = { id: 'sup_7Kq2', name: 'Dr. Aoife Byrne' };

async function doctorAndSupporter() {
  const supporter = await newSupporterKeys();
  const mailbox = await deriveMailbox(await newReplyCode());
  return { supporter, mailbox };
}

async function sampleMessage(text = 'I could use someone to talk to.'): Promise<DoctorMessage> {
  const { mailbox } = await doctorAndSupporter();
  return {
    v: 1,
    kind: 'first-contact',
    thread: await newThreadId(),
    text,
    replyTo: { mailboxId: mailbox.mailboxId, publicKey: toB64(mailbox.replyPublicKey) },
    sentAt: '2026-11-27T14:05Z',
  };
}

async function sampleReply(text = 'Happy to talk. Thursday evening?'): Promise<Reply> {
  return {
    v: 1,
    kind: 'reply',
    thread: await newThreadId(),
    text,
    from: supporterFrom,
    sentAt: '2026-11-27T18:40Z',
  };
}

/** Seal arbitrary JSON as if a buggy or hostile client had sent it. */
async function sealRaw(json: unknown, supporterPublicKey: Uint8Array): Promise<Uint8Array> {
  return sealBox(await pad(toUtf8(JSON.stringify(json)), 1024), supporterPublicKey);
}

describe('doctor messages', () => {
  it('a first contact opens to exactly what was sealed, with prefs', async () => {
    const { supporter, mailbox } = await doctorAndSupporter();
    const sealed = await sealFirstContact(
      {
        text: 'Night shifts are wearing me down.',
        prefs: {
          modalities: ['phone', 'video'],
          when: 'evenings after 17',
          contact: '087 123 4567',
        },
        mailbox,
        sentAt: new Date('2026-11-27T14:05:42.123Z'),
      },
      supporter.publicKey,
    );
    expect(sealed.message).toEqual({
      v: 1,
      kind: 'first-contact',
      thread: sealed.message.thread,
      text: 'Night shifts are wearing me down.',
      prefs: { modalities: ['phone', 'video'], when: 'evenings after 17', contact: '087 123 4567' },
      replyTo: { mailboxId: mailbox.mailboxId, publicKey: toB64(mailbox.replyPublicKey) },
      sentAt: '2026-11-27T14:05Z',
    });
    expect(fromB64(sealed.message.thread)).toHaveLength(16);
    expect(sealed.id).toBe(await messageId(sealed.ciphertext));
    const opened = await openDoctorMessage(
      sealed.ciphertext,
      supporter.publicKey,
      supporter.secretKey,
    );
    expect(opened).toEqual(sealed.message);
  });

  it('a follow-up keeps the thread and omits absent prefs', async () => {
    const { supporter, mailbox } = await doctorAndSupporter();
    const first = await sealFirstContact({ text: 'Hello', mailbox }, supporter.publicKey);
    const next = await sealFollowUp(
      first.message.thread,
      { text: 'Me again', mailbox },
      supporter.publicKey,
    );
    const opened = await openDoctorMessage(
      next.ciphertext,
      supporter.publicKey,
      supporter.secretKey,
    );
    expect(opened.kind).toBe('follow-up');
    expect(opened.thread).toBe(first.message.thread);
    expect(opened).not.toHaveProperty('prefs');
  });

  it('sealing the same message twice gives different ciphertexts and ids', async () => {
    const { supporter } = await doctorAndSupporter();
    const message = await sampleMessage();
    const a = await sealDoctorMessage(message, supporter.publicKey);
    const b = await sealDoctorMessage(message, supporter.publicKey);
    expect(a).not.toEqual(b);
    expect(await messageId(a)).not.toBe(await messageId(b));
  });

  it.each([
    ['a short text', 1, 1],
    ['about 2 KiB of text', 2000, 3],
    ['8000 ASCII characters', 8000, 9],
  ])('%s seals to 1024·n + 48 bytes', async (_, chars, blocks) => {
    const { supporter } = await doctorAndSupporter();
    const ciphertext = await sealDoctorMessage(
      await sampleMessage('x'.repeat(chars)),
      supporter.publicKey,
    );
    expect(ciphertext).toHaveLength(1024 * blocks + 48);
    expect(isDoctorMessageLength(ciphertext.length)).toBe(true);
  });

  it('8000 two-byte characters fill all 16 blocks and still open', async () => {
    const { supporter } = await doctorAndSupporter();
    const message = await sampleMessage('é'.repeat(MAX_TEXT_CHARS));
    const ciphertext = await sealDoctorMessage(message, supporter.publicKey);
    expect(ciphertext).toHaveLength(1024 * 16 + 48);
    const opened = await openDoctorMessage(ciphertext, supporter.publicKey, supporter.secretKey);
    expect(opened.text).toBe(message.text);
  });

  it('counts characters as code points, so 8000 emoji are within the text limit', async () => {
    const { supporter } = await doctorAndSupporter();
    // 8000 code points but 16000 UTF-16 units and 32000 UTF-8 bytes: too big
    // for 16 blocks, so refused for size, not for character count.
    await expect(
      sealDoctorMessage(await sampleMessage('🩺'.repeat(MAX_TEXT_CHARS)), supporter.publicKey),
    ).rejects.toMatchObject({ name: 'ProtocolError', code: 'message_too_long' });
    const ciphertext = await sealDoctorMessage(
      await sampleMessage('🩺'.repeat(3000)),
      supporter.publicKey,
    );
    expect(ciphertext).toHaveLength(1024 * 12 + 48);
  });

  it('refuses text that would exceed 16 blocks', async () => {
    const { supporter } = await doctorAndSupporter();
    await expect(
      sealDoctorMessage(await sampleMessage('€'.repeat(MAX_TEXT_CHARS)), supporter.publicKey),
    ).rejects.toMatchObject({ code: 'message_too_long' });
  });

  it('refuses text over 8000 characters even if it would fit', async () => {
    const { supporter } = await doctorAndSupporter();
    await expect(
      sealDoctorMessage(await sampleMessage('x'.repeat(MAX_TEXT_CHARS + 1)), supporter.publicKey),
    ).rejects.toMatchObject({ code: 'message_too_long' });
  });

  it('refuses to seal a malformed message', async () => {
    const { supporter } = await doctorAndSupporter();
    const message = await sampleMessage();
    await expect(
      sealDoctorMessage({ ...message, text: '' }, supporter.publicKey),
    ).rejects.toMatchObject({ code: 'invalid_message' });
    await expect(
      sealDoctorMessage({ ...message, thread: 'short' }, supporter.publicKey),
    ).rejects.toMatchObject({ code: 'invalid_message' });
  });

  it('a tampered ciphertext fails with decryption_failed', async () => {
    const { supporter } = await doctorAndSupporter();
    const ciphertext = await sealDoctorMessage(await sampleMessage(), supporter.publicKey);
    for (const index of [0, 40, 100, ciphertext.length - 1]) {
      const tampered = ciphertext.slice();
      tampered[index]! ^= 0x01;
      await expect(
        openDoctorMessage(tampered, supporter.publicKey, supporter.secretKey),
      ).rejects.toMatchObject({ name: 'ProtocolError', code: 'decryption_failed' });
    }
  });

  it('a message sealed to another supporter fails with decryption_failed', async () => {
    const { supporter } = await doctorAndSupporter();
    const other = await newSupporterKeys();
    const ciphertext = await sealDoctorMessage(await sampleMessage(), other.publicKey);
    await expect(
      openDoctorMessage(ciphertext, supporter.publicKey, supporter.secretKey),
    ).rejects.toMatchObject({ code: 'decryption_failed' });
  });

  it('a ciphertext of an impossible length fails with bad_padding before decrypting', async () => {
    const { supporter } = await doctorAndSupporter();
    const ciphertext = await sealDoctorMessage(await sampleMessage(), supporter.publicKey);
    for (const bad of [
      ciphertext.subarray(0, 1071),
      new Uint8Array(48),
      new Uint8Array(17 * 1024 + 48),
    ]) {
      await expect(
        openDoctorMessage(bad, supporter.publicKey, supporter.secretKey),
      ).rejects.toMatchObject({ code: 'bad_padding' });
    }
  });

  it('invalid padding inside a valid box fails with bad_padding', async () => {
    const { supporter } = await doctorAndSupporter();
    const ciphertext = await sealBox(new Uint8Array(1024), supporter.publicKey);
    await expect(
      openDoctorMessage(ciphertext, supporter.publicKey, supporter.secretKey),
    ).rejects.toMatchObject({ code: 'bad_padding' });
  });

  it('plaintext that is not UTF-8 JSON fails with invalid_message', async () => {
    const { supporter } = await doctorAndSupporter();
    for (const plaintext of [toUtf8('not json'), Uint8Array.of(0x22, 0xff, 0x22)]) {
      const ciphertext = await sealBox(await pad(plaintext, 1024), supporter.publicKey);
      await expect(
        openDoctorMessage(ciphertext, supporter.publicKey, supporter.secretKey),
      ).rejects.toMatchObject({ code: 'invalid_message' });
    }
  });

  it.each<[string, (m: Record<string, unknown>) => unknown]>([
    ['a JSON array', () => []],
    ['v 2', (m) => ({ ...m, v: 2 })],
    ['kind reply', (m) => ({ ...m, kind: 'reply' })],
    ['a missing kind', ({ kind: _, ...m }) => m],
    ['a thread of 15 bytes', (m) => ({ ...m, thread: toB64(new Uint8Array(15)) })],
    ['a padded b64 thread', (m) => ({ ...m, thread: `${m.thread as string}==` })],
    ['an empty text', (m) => ({ ...m, text: '' })],
    ['a numeric text', (m) => ({ ...m, text: 42 })],
    ['text of 8001 characters', (m) => ({ ...m, text: 'x'.repeat(MAX_TEXT_CHARS + 1) })],
    ['an unknown modality', (m) => ({ ...m, prefs: { modalities: ['fax'] } })],
    ['a repeated modality', (m) => ({ ...m, prefs: { modalities: ['phone', 'phone'] } })],
    ['prefs null', (m) => ({ ...m, prefs: null })],
    ['a missing replyTo', ({ replyTo: _, ...m }) => m],
    [
      'a short reply key',
      (m) => ({ ...m, replyTo: { mailboxId: toB64(new Uint8Array(32)), publicKey: 'AAAA' } }),
    ],
    ['sentAt with seconds', (m) => ({ ...m, sentAt: '2026-11-27T14:05:00Z' })],
    ['sentAt in month 13', (m) => ({ ...m, sentAt: '2026-13-27T14:05Z' })],
  ])('a message with %s fails with invalid_message', async (_, mutate) => {
    const { supporter } = await doctorAndSupporter();
    const message = (await sampleMessage()) as unknown as Record<string, unknown>;
    const ciphertext = await sealRaw(mutate(message), supporter.publicKey);
    await expect(
      openDoctorMessage(ciphertext, supporter.publicKey, supporter.secretKey),
    ).rejects.toMatchObject({ code: 'invalid_message' });
  });

  it('unknown fields from a newer client are dropped, not refused', async () => {
    const { supporter } = await doctorAndSupporter();
    const message = await sampleMessage();
    const ciphertext = await sealRaw(
      { ...message, mood: 'tired', prefs: { modalities: ['video'], language: 'ga' } },
      supporter.publicKey,
    );
    const opened = await openDoctorMessage(ciphertext, supporter.publicKey, supporter.secretKey);
    expect(opened).toEqual({ ...message, prefs: { modalities: ['video'] } });
  });

  it('the error for an invalid message names the field but not its content', async () => {
    const { supporter } = await doctorAndSupporter();
    const message = await sampleMessage();
    const ciphertext = await sealRaw({ ...message, kind: 'secret-diagnosis' }, supporter.publicKey);
    const error = await openDoctorMessage(
      ciphertext,
      supporter.publicKey,
      supporter.secretKey,
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'invalid_message' });
    expect(String((error as Error).message)).toContain('kind');
    expect(String((error as Error).message)).not.toContain('secret-diagnosis');
  });
});

describe('replies', () => {
  it('a reply opens with the supporter public key and the reply secret key', async () => {
    const { supporter, mailbox } = await doctorAndSupporter();
    const reply = await sampleReply();
    const ciphertext = await sealReply(reply, mailbox.replyPublicKey, supporter.secretKey);
    expect(ciphertext).toHaveLength(24 + 1024 + 16);
    expect(isReplyLength(ciphertext.length)).toBe(true);
    expect(await openReply(ciphertext, supporter.publicKey, mailbox.replySecretKey)).toEqual(reply);
  });

  it.each([
    [1, 1],
    [3000, 4],
    [8000, 8],
  ])('a reply of %i characters is 24 + 1024·%i + 16 bytes', async (chars, blocks) => {
    const { supporter, mailbox } = await doctorAndSupporter();
    const reply = await sampleReply('y'.repeat(chars));
    const ciphertext = await sealReply(reply, mailbox.replyPublicKey, supporter.secretKey);
    expect(ciphertext).toHaveLength(24 + 1024 * blocks + 16);
    expect(await openReply(ciphertext, supporter.publicKey, mailbox.replySecretKey)).toEqual(reply);
  });

  it('sealReplyTo answers in the thread, to the mailbox and key the message carries', async () => {
    const { supporter, mailbox } = await doctorAndSupporter();
    const first = await sealFirstContact({ text: 'Hello', mailbox }, supporter.publicKey);
    const message = await openDoctorMessage(
      first.ciphertext,
      supporter.publicKey,
      supporter.secretKey,
    );
    const sealed = await sealReplyTo(
      message,
      {
        text: 'Hi, glad you wrote.',
        from: supporterFrom,
        sentAt: new Date('2026-11-27T18:40:05Z'),
      },
      supporter.secretKey,
    );
    expect(sealed.mailboxId).toBe(mailbox.mailboxId);
    expect(sealed.id).toBe(await messageId(sealed.ciphertext));
    const reply = await openReply(sealed.ciphertext, supporter.publicKey, mailbox.replySecretKey);
    expect(reply).toEqual({
      v: 1,
      kind: 'reply',
      thread: first.message.thread,
      text: 'Hi, glad you wrote.',
      from: supporterFrom,
      sentAt: '2026-11-27T18:40Z',
    });
  });

  it('a reply made with another supporter key fails with decryption_failed', async () => {
    const { supporter, mailbox } = await doctorAndSupporter();
    const impostor = await newSupporterKeys();
    const ciphertext = await sealReply(
      await sampleReply(),
      mailbox.replyPublicKey,
      impostor.secretKey,
    );
    await expect(
      openReply(ciphertext, supporter.publicKey, mailbox.replySecretKey),
    ).rejects.toMatchObject({ name: 'ProtocolError', code: 'decryption_failed' });
  });

  it('a reply for another mailbox fails with decryption_failed', async () => {
    const { supporter, mailbox } = await doctorAndSupporter();
    const other = await deriveMailbox(await newReplyCode());
    const ciphertext = await sealReply(
      await sampleReply(),
      other.replyPublicKey,
      supporter.secretKey,
    );
    await expect(
      openReply(ciphertext, supporter.publicKey, mailbox.replySecretKey),
    ).rejects.toMatchObject({ code: 'decryption_failed' });
  });

  it('a tampered reply fails with decryption_failed', async () => {
    const { supporter, mailbox } = await doctorAndSupporter();
    const ciphertext = await sealReply(
      await sampleReply(),
      mailbox.replyPublicKey,
      supporter.secretKey,
    );
    for (const index of [0, 23, 24, 500, ciphertext.length - 1]) {
      const tampered = ciphertext.slice();
      tampered[index]! ^= 0x80;
      await expect(
        openReply(tampered, supporter.publicKey, mailbox.replySecretKey),
      ).rejects.toMatchObject({ code: 'decryption_failed' });
    }
  });

  it('a reply of an impossible length fails with bad_padding', async () => {
    const { supporter, mailbox } = await doctorAndSupporter();
    for (const length of [0, 40, 1024 + 48, 24 + 17 * 1024 + 16]) {
      await expect(
        openReply(new Uint8Array(length), supporter.publicKey, mailbox.replySecretKey),
      ).rejects.toMatchObject({ code: 'bad_padding' });
    }
  });

  it('a doctor message shape inside a reply box fails with invalid_message', async () => {
    const { mailbox } = await doctorAndSupporter();
    const supporter = await boxKeyPair();
    const message = await sampleMessage();
    const padded = await pad(toUtf8(JSON.stringify(message)), 1024);
    const ciphertext = await encryptBox(padded, mailbox.replyPublicKey, supporter.secretKey);
    await expect(
      openReply(ciphertext, supporter.publicKey, mailbox.replySecretKey),
    ).rejects.toMatchObject({ code: 'invalid_message' });
  });

  it('refuses to seal a reply without a sender name, or over 16 blocks', async () => {
    const { supporter, mailbox } = await doctorAndSupporter();
    const reply = await sampleReply();
    await expect(
      sealReply(
        { ...reply, from: { id: 'sup_1', name: '' } },
        mailbox.replyPublicKey,
        supporter.secretKey,
      ),
    ).rejects.toMatchObject({ code: 'invalid_message' });
    await expect(
      sealReply({ ...reply, text: '€'.repeat(6000) }, mailbox.replyPublicKey, supporter.secretKey),
    ).rejects.toMatchObject({ code: 'message_too_long' });
  });
});

describe('helpers', () => {
  it('minuteTimestamp truncates to the minute in UTC', () => {
    expect(minuteTimestamp(new Date('2026-11-27T14:05:59.999Z'))).toBe('2026-11-27T14:05Z');
    expect(minuteTimestamp(new Date('2026-11-27T23:59:00+01:00'))).toBe('2026-11-27T22:59Z');
    expect(minuteTimestamp()).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}Z$/);
  });

  it('newThreadId is b64 of 16 fresh random bytes', async () => {
    const a = await newThreadId();
    expect(fromB64(a)).toHaveLength(16);
    expect(a).not.toBe(await newThreadId());
  });

  it('message lengths are exactly the 1 KiB buckets', () => {
    expect(isDoctorMessageLength(48)).toBe(false);
    expect(isDoctorMessageLength(1024 + 48)).toBe(true);
    expect(isDoctorMessageLength(1024 + 47)).toBe(false);
    expect(isDoctorMessageLength(16 * 1024 + 48)).toBe(true);
    expect(isDoctorMessageLength(17 * 1024 + 48)).toBe(false);
    expect(isReplyLength(40)).toBe(false);
    expect(isReplyLength(24 + 1024 + 16)).toBe(true);
    expect(isReplyLength(1024 + 48)).toBe(false);
    expect(isReplyLength(24 + 16 * 1024 + 16)).toBe(true);
    expect(isReplyLength(24 + 17 * 1024 + 16)).toBe(false);
  });
});
