/**
 * The HTTP-level protocol scenarios, runtime-agnostic: the same cases run
 * against the Node assembly (test/api/protocol.test.ts) and against the
 * Worker inside workerd (test/process/protocol-workerd.test.ts, and
 * protocol-workerd-turso.test.ts on libSQL over HTTP). A target is only a
 * transport (test/support/transport.ts); the client side is the test actors
 * (test/support/actors.ts) over the real protocol library (web/src/protocol,
 * libsodium), which runs here in Node, so the relay under test sees exactly
 * what a browser would send.
 *
 * The relay's clock is not ours to set (workerd runs on real time), so
 * times are asserted by their relations: a message expires exactly its
 * lifetime after the hour it was received.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  deriveVaultKeys,
  fromB64,
  openReply,
  toB64,
  unlockVault,
} from '../../web/src/protocol/index.ts';
import {
  admin,
  joinSupporter,
  logIn,
  newDoctor,
  solvedProof,
  type Transport,
} from '../support/actors.ts';
import { randomB64 } from '../support/bytes.ts';
import { expectError } from '../support/expect-error.ts';
import { CONTENT_SECURITY_POLICY, NOT_STORED } from '../support/headers.ts';
import { conversationScenarios } from './conversations.ts';

/** A relay under test, as the actors reach it, and its configured `POW_DIFFICULTY` (above 0). */
export interface ProtocolTarget extends Transport {
  powDifficulty: number;
}

const HOUR_MS = 3_600_000;
/**
 * Registers the scenarios. `start` is called once, before them; the target's
 * database may already hold other scenarios' records, so each one makes its
 * own supporters and doctors.
 */
export function protocolScenarios(start: () => Promise<ProtocolTarget>): void {
  let target: ProtocolTarget;
  beforeAll(async () => {
    target = await start();
    expect(target.powDifficulty).toBeGreaterThan(0);
  });

  const send: Transport['request'] = (method, path, options) =>
    target.request(method, path, options);
  /** A proof of work at no less than the configured difficulty. */
  const proof = () => solvedProof(target, target.powDifficulty);
  /** A sealed first contact from a fresh doctor, not sent. */
  const doctorSubmission = async (supporter: { id: string; publicKey: Uint8Array }) =>
    (await newDoctor(target)).sealFor(supporter);

  describe('doctor → supporter → reply → follow-up', () => {
    it('delivers a first contact, a reply and a follow-up with real crypto, deleting ciphertext at each ack', async () => {
      // The operator invites; the supporter joins with a real vault.
      const passphrase = 'lighthouse orchard velvet compass meadow';
      const kari = await joinSupporter(target, { passphrase, profile: { county: 'Finnmark' } });
      const supporterId = kari.id;

      // The doctor finds the supporter in the directory and writes, with proof of work.
      const directory = await send('GET', '/api/v1/supporters?county=Finnmark&modality=video');
      const entry = directory.body.supporters.find((s: { id: string }) => s.id === supporterId);
      expect(entry.boxPublicKey).toBe(toB64(kari.publicKey));
      const doctor = await newDoctor(target);
      const text = 'I have not slept properly for weeks and I am scared of making a mistake.';
      const { sealed, response: submit } = await doctor.writeTo(
        { id: supporterId, publicKey: fromB64(entry.boxPublicKey) },
        text,
        { prefs: { modalities: ['phone'], when: 'evenings after 17' }, pow: await proof() },
      );
      expect(submit.body).toEqual({
        id: sealed.id,
        status: 'queued',
        expiresAt: expect.any(String),
      });

      // The supporter logs in on "another browser": params → vault → unlock.
      const params = await send('POST', '/api/v1/session/params', {
        body: { login: kari.login.toUpperCase() },
      });
      expect(params.body).toEqual({ salt: kari.vault.salt, opslimit: 3, memlimit: 67108864 });
      const derived = await deriveVaultKeys(passphrase, fromB64(params.body.salt), 3, 67108864);
      const session = await logIn(target, kari.login, derived.authKey);
      expect(session.status).toBe(200);
      const secretKey = await unlockVault(session.body.vault, derived.vaultKey);
      expect(toB64(secretKey)).toBe(toB64(kari.secretKey));
      kari.token = session.body.token;

      const inbox = await kari.readInbox();
      expect(inbox).toHaveLength(1);
      const [received] = inbox;
      expect(received!.receivedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:00:00Z$/);
      // Lifetimes count from the stored hour (PROTOCOL.md §8: 14 days).
      expect(Date.parse(submit.body.expiresAt) - Date.parse(received!.receivedAt)).toBe(
        336 * HOUR_MS,
      );
      const opened = received!.message;
      expect(opened.text).toBe(text);
      expect(opened.prefs?.when).toBe('evenings after 17');

      const ack = await kari.ack([received!.id]);
      expect(ack.body).toEqual({ deleted: 1 });
      expect(await kari.inboxIds()).toEqual([]);

      // The supporter replies; the doctor reads it with the reply code.
      const replyText = 'Thank you for writing. I can call you tonight.';
      const { reply, response: sent } = await kari.tryReply(opened, replyText);
      expect(sent.status, sent.text).toBe(202);
      expect(sent.body.id).toBe(reply.id);

      const box = await doctor.openMailbox();
      expect(box.status).toBe(200);
      expect(box.body.sent).toEqual([
        expect.objectContaining({ id: sealed.id, supporterId, status: 'delivered' }),
      ]);
      expect(box.body.replies).toHaveLength(1);
      const readReply = await openReply(
        fromB64(box.body.replies[0].ciphertext),
        fromB64(entry.boxPublicKey),
        doctor.mailbox.replySecretKey,
      );
      expect(readReply.text).toBe(replyText);
      expect(readReply.thread).toBe(opened.thread);
      const read = await doctor.ackReplies([reply.id]);
      expect(read.body).toEqual({ deleted: 1 });

      // A follow-up in the same thread reaches the supporter.
      await doctor.writeTo(kari, 'Tonight works.', { thread: opened.thread, pow: await proof() });
      const [second] = await kari.readInbox();
      expect(second?.message.kind).toBe('follow-up');
      expect(second?.message.thread).toBe(opened.thread);
      expect(second?.message.text).toBe('Tonight works.');
    });

    it('answers an identical resubmission 200 with the same record, before looking at the spent proof', async () => {
      const supporter = await joinSupporter(target);
      const { body, sealed } = await doctorSubmission(supporter);
      const withProof = { ...body, pow: await proof() };
      const first = await send('POST', '/api/v1/messages', { body: withProof });
      expect(first.status, first.text).toBe(202);
      const again = await send('POST', '/api/v1/messages', { body: withProof });
      expect(again.status).toBe(200);
      expect(again.body).toEqual(first.body);
      expect(again.body.id).toBe(sealed.id);
      expect(await supporter.inboxIds()).toEqual([sealed.id]);
    });
  });

  describe('PROTOCOL.md error codes', () => {
    it('refuses another base64 spelling with 400 bad_encoding', async () => {
      const supporter = await joinSupporter(target);
      const { body } = await doctorSubmission(supporter);
      const padded = { ...body, ciphertext: `${body.ciphertext}=`, pow: await proof() };
      expectError(await send('POST', '/api/v1/messages', { body: padded }), 400, 'bad_encoding');
      const standard = {
        ...body,
        ciphertext: body.ciphertext.replaceAll('-', '+').replaceAll('_', '/'),
      };
      if (standard.ciphertext !== body.ciphertext) {
        expectError(
          await send('POST', '/api/v1/messages', { body: { ...standard, pow: await proof() } }),
          400,
          'bad_encoding',
        );
      }
    });

    it('refuses a ciphertext outside the 1 KiB buckets with 400 bad_padding', async () => {
      const supporter = await joinSupporter(target);
      const { body } = await doctorSubmission(supporter);
      const response = await send('POST', '/api/v1/messages', {
        body: { ...body, ciphertext: randomB64(1024 + 47), pow: await proof() },
      });
      expectError(response, 400, 'bad_padding');
    });

    it('refuses a missing, forged or reused proof of work with 400 bad_pow', async () => {
      const supporter = await joinSupporter(target);
      const { body } = await doctorSubmission(supporter);
      expectError(await send('POST', '/api/v1/messages', { body }), 400, 'bad_pow');
      const solved = await proof();
      expectError(
        await send('POST', '/api/v1/messages', {
          body: { ...body, pow: { ...solved, challenge: randomB64(48) } },
        }),
        400,
        'bad_pow',
      );
      const accepted = await send('POST', '/api/v1/messages', { body: { ...body, pow: solved } });
      expect(accepted.status).toBe(202);
      // The same proof for another message is a replay.
      const other = await doctorSubmission(supporter);
      expectError(
        await send('POST', '/api/v1/messages', { body: { ...other.body, pow: solved } }),
        400,
        'bad_pow',
      );
    });

    it('answers unknown things with 404: supporter, mailbox (or wrong token), route', async () => {
      const supporter = await joinSupporter(target);
      const { body } = await doctorSubmission(supporter);
      expectError(
        await send('POST', '/api/v1/messages', {
          body: { ...body, supporterId: 'no-such-supporter', pow: await proof() },
        }),
        404,
        'supporter_not_found',
      );
      expectError(
        await send('GET', '/api/v1/supporters/no-such-supporter'),
        404,
        'supporter_not_found',
      );
      expectError(
        await send('POST', '/api/v1/mailbox/open', { body: body.mailbox }),
        404,
        'mailbox_not_found',
      );
      expect(
        (await send('POST', '/api/v1/messages', { body: { ...body, pow: await proof() } })).status,
      ).toBe(202);
      expectError(
        await send('POST', '/api/v1/mailbox/open', {
          body: { id: body.mailbox.id, readToken: randomB64(32) },
        }),
        404,
        'mailbox_not_found',
      );
      expectError(await send('GET', '/api/v1/no-such-route'), 404, 'not_found');
    });

    it('answers missing or wrong credentials with 401', async () => {
      expectError(await send('GET', '/api/v1/inbox'), 401, 'unauthorized');
      expectError(
        await send('GET', '/api/v1/inbox', { token: randomB64(32) }),
        401,
        'unauthorized',
      );
      expectError(await send('GET', '/api/v1/admin/health'), 401, 'unauthorized');
      expectError(
        await send('GET', '/api/v1/admin/health', { token: randomB64(32) }),
        401,
        'unauthorized',
      );
      expectError(
        await send('POST', '/api/v1/session', {
          body: { login: 'nobody', authKey: randomB64(32) },
        }),
        401,
        'invalid_credentials',
      );
    });

    it('answers a known path with the wrong method 405, a body over 64 KiB 413, malformed JSON 400', async () => {
      expectError(await send('PUT', '/api/v1/pow', { body: {} }), 405, 'method_not_allowed');
      const huge = `{"padding":"${'a'.repeat(64 * 1024)}"}`;
      expectError(await send('POST', '/api/v1/messages', { body: huge }), 413, 'payload_too_large');
      expectError(
        await send('POST', '/api/v1/session/params', { body: '{"login": "kari",' }),
        400,
        'invalid_json',
      );
    });
  });

  describe('headers', () => {
    it('sends the Content-Security-Policy with a page, keeps it out of caches, and sets no cookie', async () => {
      const page = await send('GET', '/');
      expect(page.status).toBe(200);
      expect(page.headers.get('Content-Type')).toMatch(/^text\/html/);
      expect(page.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(page.headers.get('X-Frame-Options')).toBe('DENY');
      expect(page.headers.get('Referrer-Policy')).toBe('no-referrer');
      expect(page.headers.get('Cache-Control')).toBe('no-store');
      expect(page.headers.get('Set-Cookie')).toBeNull();
      const missing = await send('GET', '/no/such/page');
      expectError(missing, 404, 'not_found');
      expect(missing.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
    });

    it('marks every API answer no-store, no-transform and sets no cookie on any of them', async () => {
      const responses = [
        await send('GET', '/api/v1/supporters'),
        await send('GET', '/api/v1/pow'),
        await send('GET', '/api/v1/inbox'),
        await send('POST', '/api/v1/session', { body: { login: 'x', authKey: randomB64(32) } }),
      ];
      for (const response of responses) {
        expect(response.headers.get('Cache-Control')).toBe(NOT_STORED);
        expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
        expect(response.headers.get('Set-Cookie')).toBeNull();
      }
    });
  });

  conversationScenarios(() => target);

  describe('operator', () => {
    it('serves /metrics only with the operator token', async () => {
      expectError(await send('GET', '/metrics'), 401, 'unauthorized');
      expectError(await send('GET', '/metrics', { token: randomB64(32) }), 401, 'unauthorized');
      const metrics = await admin(target, 'GET', '/metrics');
      expect(metrics.status).toBe(200);
      expect(metrics.headers.get('Content-Type')).toMatch(/^text\/plain; version=0\.0\.4/);
      expect(metrics.headers.get('Cache-Control')).toBe(NOT_STORED);
      expect(metrics.text).toMatch(/^peer_relay_pending_messages \d+$/m);
    });

    it('reports liveness and a reachable database', async () => {
      expect((await send('GET', '/healthz')).body).toEqual({ status: 'ok' });
      expect((await send('GET', '/readyz')).body).toEqual({ status: 'ready' });
    });
  });
}
