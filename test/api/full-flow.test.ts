import { afterEach, describe, expect, it } from 'vitest';
import {
  deriveVaultKeys,
  formatReplyCode,
  fromB64,
  openReply,
  parseReplyCode,
  toB64,
  unlockVault,
} from '../../web/src/protocol/index.ts';
import { joinSupporter, logIn, newDoctor } from '../support/actors.ts';
import { createHarness, type Harness } from '../support/harness.ts';

let harness: Harness;
afterEach(() => harness?.dispose());

describe('doctor → supporter → reply, with real crypto on a real libSQL file', () => {
  it('delivers a first contact, a reply and a follow-up, deleting ciphertext at each ack', async () => {
    harness = await createHarness({ env: { POW_DIFFICULTY: '8' } });

    // The operator invites; the supporter joins with a real vault.
    const passphrase = 'lighthouse orchard velvet compass meadow';
    const kari = await joinSupporter(harness, {
      login: 'Kari',
      email: 'kari@example.org',
      passphrase,
    });
    const supporterId = kari.id;

    // The doctor finds the supporter in the directory and writes.
    const directory = await harness.request(
      'GET',
      '/api/v1/supporters?county=Vestland&modality=video',
    );
    expect(directory.body.supporters.map((s: { id: string }) => s.id)).toEqual([supporterId]);
    const entry = directory.body.supporters[0];
    const doctor = await newDoctor(harness);
    const text = 'I have not slept properly for weeks and I am scared of making a mistake.';
    expect((await harness.request('GET', '/api/v1/pow')).body.difficulty).toBe(8);
    const { sealed, response: submit } = await doctor.writeTo(
      { id: supporterId, publicKey: fromB64(entry.boxPublicKey) },
      text,
      { prefs: { modalities: ['phone'], when: 'evenings after 17' }, pow: true },
    );
    expect(submit.body).toEqual({
      id: sealed.id,
      status: 'queued',
      expiresAt: '2026-12-11T14:00:00Z',
    });

    // The supporter logs in on "another browser": params → vault → unlock.
    const params = await harness.request('POST', '/api/v1/session/params', {
      body: { login: 'kari' },
    });
    expect(params.body).toEqual({ salt: kari.vault.salt, opslimit: 3, memlimit: 67108864 });
    const derived = await deriveVaultKeys(passphrase, fromB64(params.body.salt), 3, 67108864);
    const session = await logIn(harness, 'KARI', derived.authKey);
    expect(session.status).toBe(200);
    expect(session.body.supporter.id).toBe(supporterId);
    const secretKey = await unlockVault(session.body.vault, derived.vaultKey);
    expect(toB64(secretKey)).toBe(toB64(kari.secretKey));
    kari.token = session.body.token;

    const inbox = await kari.readInbox();
    expect(inbox).toHaveLength(1);
    expect(inbox[0]!.receivedAt).toBe('2026-11-27T14:00:00Z');
    const opened = inbox[0]!.message;
    expect(opened.text).toBe(text);
    expect(opened.prefs?.when).toBe('evenings after 17');

    const ack = await kari.ack([inbox[0]!.id]);
    expect(ack.body).toEqual({ deleted: 1 });
    expect(await kari.inboxIds()).toEqual([]);

    // The supporter replies; the doctor reads it with the code.
    harness.clock.advanceHours(3);
    const { reply, response: sent } = await kari.tryReply(
      opened,
      'Thank you for writing. I can call you tonight.',
    );
    expect(sent.status).toBe(202);
    expect(sent.body.id).toBe(reply.id);

    const typed = parseReplyCode(formatReplyCode(doctor.replyCode).toLowerCase());
    expect(typed).not.toBeNull();
    const again = await newDoctor(harness, typed as Uint8Array);
    const box = await again.openMailbox();
    expect(box.status).toBe(200);
    expect(box.body.sent).toEqual([
      expect.objectContaining({ id: sealed.id, supporterId, status: 'delivered' }),
    ]);
    expect(box.body.replies).toHaveLength(1);
    const readReply = await openReply(
      fromB64(box.body.replies[0].ciphertext),
      fromB64(entry.boxPublicKey),
      again.mailbox.replySecretKey,
    );
    expect(readReply.text).toBe('Thank you for writing. I can call you tonight.');
    expect(readReply.thread).toBe(opened.thread);

    const read = await again.ackReplies([reply.id]);
    expect(read.body).toEqual({ deleted: 1 });

    // A follow-up in the same thread reaches the supporter.
    await again.writeTo(kari, 'Tonight works.', { thread: opened.thread, pow: true });
    const [second] = await kari.readInbox();
    expect(second?.message.kind).toBe('follow-up');
    expect(second?.message.thread).toBe(opened.thread);
  });
});
