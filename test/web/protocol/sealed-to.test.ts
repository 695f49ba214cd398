/**
 * `sealedTo`, the optional addition to a doctor's message (§3) that records
 * the supporter key it was sealed to: written only when asked (the pages
 * ask when the doctor keeps a copy, §10.1), carried by the copy, and
 * checked like every other field when opened.
 */
import { describe, expect, it } from 'vitest';
import {
  deriveMailbox,
  newReplyCode,
  newSupporterKeys,
  openDoctorMessage,
  openOwnCopy,
  sealDoctorMessage,
  sealFirstContact,
  sealFollowUp,
  sealOwnCopy,
  toB64,
} from '../../../web/src/protocol/index';

async function doctorAndSupporter() {
  return {
    supporter: await newSupporterKeys(),
    mailbox: await deriveMailbox(await newReplyCode()),
  };
}

describe('sealedTo', () => {
  it('is recorded only when asked, and the doctor’s copy opens to it', async () => {
    const { supporter, mailbox } = await doctorAndSupporter();
    const plain = await sealFirstContact({ text: 'Hello', mailbox }, supporter.publicKey);
    expect(plain.message).not.toHaveProperty('sealedTo');
    const recorded = await sealFollowUp(
      plain.message.thread,
      { text: 'Me again', mailbox, recordSealedTo: true },
      supporter.publicKey,
    );
    expect(recorded.message.sealedTo).toBe(toB64(supporter.publicKey));
    const copy = await openOwnCopy(await sealOwnCopy(recorded.message, mailbox), mailbox);
    expect(copy).toEqual(recorded.message);
    const opened = await openDoctorMessage(
      recorded.ciphertext,
      supporter.publicKey,
      supporter.secretKey,
    );
    expect(opened.sealedTo).toBe(toB64(supporter.publicKey));
  });

  it('refuses a sealedTo that is not a 32-byte key', async () => {
    const { supporter, mailbox } = await doctorAndSupporter();
    const { message } = await sealFirstContact({ text: 'Hello', mailbox }, supporter.publicKey);
    await expect(
      sealDoctorMessage({ ...message, sealedTo: 'AAAA' }, supporter.publicKey),
    ).rejects.toThrow(/sealedTo/);
  });
});
