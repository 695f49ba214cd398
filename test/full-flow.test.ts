import { afterEach, describe, expect, it } from 'vitest';
import {
  createVault,
  deriveMailbox,
  deriveVaultKeys,
  formatReplyCode,
  fromB64,
  newReplyCode,
  newSupporterKeys,
  openDoctorMessage,
  openReply,
  parseReplyCode,
  sealFirstContact,
  sealFollowUp,
  sealReplyTo,
  solveProofOfWork,
  toB64,
  unlockVault,
} from '../web/src/protocol/index.ts';
import { createHarness, createInvite, type Harness, sampleProfile } from './support/harness.ts';

let harness: Harness;
afterEach(() => harness?.dispose());

describe('doctor → supporter → reply, with real crypto on a real libSQL file', () => {
  it('delivers a first contact, a reply and a follow-up, deleting ciphertext at each ack', async () => {
    harness = await createHarness({ env: { POW_DIFFICULTY: '8' } });

    // The operator invites; the supporter joins with a real vault.
    const invite = await createInvite(harness);
    const keys = await newSupporterKeys();
    const passphrase = 'lighthouse orchard velvet compass meadow';
    const created = await createVault(passphrase, keys.secretKey);
    const joined = await harness.request('POST', '/api/v1/supporters', {
      body: {
        invite,
        login: 'Kari',
        email: 'kari@example.org',
        profile: sampleProfile,
        boxPublicKey: toB64(keys.publicKey),
        vault: created.vault,
        authKey: created.authKey,
      },
    });
    expect(joined.status).toBe(201);
    const supporterId: string = joined.body.id;

    // The doctor finds the supporter in the directory and writes.
    const directory = await harness.request(
      'GET',
      '/api/v1/supporters?county=Vestland&modality=video',
    );
    expect(directory.body.supporters.map((s: { id: string }) => s.id)).toEqual([supporterId]);
    const entry = directory.body.supporters[0];
    const code = await newReplyCode();
    const mailbox = await deriveMailbox(code);
    const text = 'I have not slept properly for weeks and I am scared of making a mistake.';
    const sealed = await sealFirstContact(
      { text, prefs: { modalities: ['phone'], when: 'evenings after 17' }, mailbox },
      fromB64(entry.boxPublicKey),
    );
    const pow = await harness.request('GET', '/api/v1/pow');
    expect(pow.body.difficulty).toBe(8);
    const nonce = await solveProofOfWork(pow.body.challenge, pow.body.difficulty);
    const submit = await harness.request('POST', '/api/v1/messages', {
      body: {
        supporterId,
        ciphertext: toB64(sealed.ciphertext),
        mailbox: { id: mailbox.mailboxId, readToken: mailbox.readToken },
        pow: { challenge: pow.body.challenge, nonce },
      },
    });
    expect(submit.status).toBe(202);
    expect(submit.body).toEqual({
      id: sealed.id,
      status: 'queued',
      expiresAt: '2026-12-11T14:00:00Z',
    });

    // The supporter logs in on "another browser": params → vault → unlock.
    const params = await harness.request('POST', '/api/v1/session/params', {
      body: { login: 'kari' },
    });
    expect(params.body).toEqual({ salt: created.vault.salt, opslimit: 3, memlimit: 67108864 });
    const derived = await deriveVaultKeys(passphrase, fromB64(params.body.salt), 3, 67108864);
    const session = await harness.request('POST', '/api/v1/session', {
      body: { login: 'KARI', authKey: derived.authKey },
    });
    expect(session.status).toBe(200);
    expect(session.body.supporter.id).toBe(supporterId);
    const secretKey = await unlockVault(session.body.vault, derived.vaultKey);
    expect(toB64(secretKey)).toBe(toB64(keys.secretKey));
    const token: string = session.body.token;

    const inbox = await harness.request('GET', '/api/v1/inbox', { token });
    expect(inbox.body.messages).toHaveLength(1);
    expect(inbox.body.messages[0].receivedAt).toBe('2026-11-27T14:00:00Z');
    const opened = await openDoctorMessage(
      fromB64(inbox.body.messages[0].ciphertext),
      keys.publicKey,
      secretKey,
    );
    expect(opened.text).toBe(text);
    expect(opened.prefs?.when).toBe('evenings after 17');

    const ack = await harness.request('POST', '/api/v1/inbox/ack', {
      token,
      body: { ids: [inbox.body.messages[0].id] },
    });
    expect(ack.body).toEqual({ deleted: 1 });
    expect((await harness.request('GET', '/api/v1/inbox', { token })).body.messages).toEqual([]);

    // The supporter replies; the doctor reads it with the code.
    harness.clock.advanceHours(3);
    const reply = await sealReplyTo(
      opened,
      {
        text: 'Thank you for writing. I can call you tonight.',
        from: { id: supporterId, name: 'Kari' },
      },
      secretKey,
    );
    const sent = await harness.request('POST', '/api/v1/replies', {
      token,
      body: { mailboxId: reply.mailboxId, ciphertext: toB64(reply.ciphertext) },
    });
    expect(sent.status).toBe(202);
    expect(sent.body.id).toBe(reply.id);

    const typed = parseReplyCode(formatReplyCode(code).toLowerCase());
    expect(typed).not.toBeNull();
    const again = await deriveMailbox(typed as Uint8Array);
    const box = await harness.request('POST', '/api/v1/mailbox/open', {
      body: { id: again.mailboxId, readToken: again.readToken },
    });
    expect(box.status).toBe(200);
    expect(box.body.sent).toEqual([
      expect.objectContaining({ id: sealed.id, supporterId, status: 'delivered' }),
    ]);
    expect(box.body.replies).toHaveLength(1);
    const readReply = await openReply(
      fromB64(box.body.replies[0].ciphertext),
      fromB64(entry.boxPublicKey),
      again.replySecretKey,
    );
    expect(readReply.text).toBe('Thank you for writing. I can call you tonight.');
    expect(readReply.thread).toBe(opened.thread);

    const read = await harness.request('POST', '/api/v1/mailbox/ack', {
      body: { id: again.mailboxId, readToken: again.readToken, replyIds: [reply.id] },
    });
    expect(read.body).toEqual({ deleted: 1 });

    // A follow-up in the same thread reaches the supporter.
    const follow = await sealFollowUp(
      opened.thread,
      { text: 'Tonight works.', mailbox: again },
      keys.publicKey,
    );
    const pow2 = await harness.request('GET', '/api/v1/pow');
    const followUp = await harness.request('POST', '/api/v1/messages', {
      body: {
        supporterId,
        ciphertext: toB64(follow.ciphertext),
        mailbox: { id: again.mailboxId, readToken: again.readToken },
        pow: {
          challenge: pow2.body.challenge,
          nonce: await solveProofOfWork(pow2.body.challenge, 8),
        },
      },
    });
    expect(followUp.status).toBe(202);
    const inbox2 = await harness.request('GET', '/api/v1/inbox', { token });
    const second = await openDoctorMessage(
      fromB64(inbox2.body.messages[0].ciphertext),
      keys.publicKey,
      secretKey,
    );
    expect(second.kind).toBe('follow-up');
    expect(second.thread).toBe(opened.thread);
  });
});
