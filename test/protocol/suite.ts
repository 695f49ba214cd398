/**
 * The HTTP-level protocol scenarios, runtime-agnostic: the same cases run
 * against the Node assembly (test/protocol/node.test.ts) and against the
 * Worker inside workerd (test/protocol/workerd.test.ts). A target is only a
 * way to send a request; the client side is the real protocol library
 * (web/src/protocol, libsodium), which runs here in Node, so the relay under
 * test sees exactly what a browser would send.
 *
 * The relay's clock is not ours to set (workerd runs on real time), so
 * times are asserted by their relations: a message expires exactly its
 * lifetime after the hour it was received.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createVault,
  deriveMailbox,
  deriveVaultKeys,
  fromB64,
  newReplyCode,
  newSupporterKeys,
  openDoctorMessage,
  openReply,
  sealFirstContact,
  sealFollowUp,
  sealReplyTo,
  solveProofOfWork,
  toB64,
  unlockVault,
} from '../../web/src/protocol/index.ts';
import {
  type ApiResponse,
  placeholderVault,
  type RequestOptions,
  sampleProfile,
} from '../support/harness.ts';

export type SendRequest = (
  method: string,
  path: string,
  options?: RequestOptions,
) => Promise<ApiResponse>;

export interface ProtocolTarget {
  request: SendRequest;
  operatorToken: string;
  /** The relay's configured `POW_DIFFICULTY`; the scenarios need it above 0. */
  powDifficulty: number;
}

/** A request function over anything that answers a `Request` (an app or a real server). */
export function requestVia(
  origin: string,
  respond: (request: Request) => Promise<Response>,
): SendRequest {
  return async (method, path, { body, token, headers = {} } = {}) => {
    const sent: Record<string, string> = { ...headers };
    if (body !== undefined) sent['Content-Type'] ??= 'application/json';
    if (token !== undefined) sent.Authorization = `Bearer ${token}`;
    const init: RequestInit = { method, headers: sent };
    if (body !== undefined) init.body = typeof body === 'string' ? body : JSON.stringify(body);
    const response = await respond(new Request(new URL(path, origin), init));
    const text = await response.text();
    let parsed: unknown = null;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = null;
    }
    return { status: response.status, body: parsed, text, headers: response.headers };
  };
}

const HOUR_MS = 3_600_000;
const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

/** PROTOCOL.md §6: exactly `{"error": {"code", "message"}}`. */
function expectError(response: ApiResponse, status: number, code: string): void {
  expect({ status: response.status, body: response.body }).toEqual({
    status,
    body: { error: { code, message: expect.any(String) } },
  });
  expect(response.headers.get('Content-Type')).toMatch(/^application\/json/);
  expect(response.headers.get('Set-Cookie')).toBeNull();
}

/** Logins allow letters, digits and `._@+-`. */
function uniqueSuffix(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(6)), (b) =>
    b.toString(16).padStart(2, '0'),
  ).join('');
}

function randomB64(length: number): string {
  return toB64(crypto.getRandomValues(new Uint8Array(length)));
}

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

  const send: SendRequest = (method, path, options) => target.request(method, path, options);
  const asOperator = (method: string, path: string, body?: unknown) =>
    send(method, path, { token: target.operatorToken, ...(body === undefined ? {} : { body }) });

  async function invite(): Promise<string> {
    const response = await asOperator('POST', '/api/v1/admin/invites', {});
    expect(response.status, response.text).toBe(201);
    return response.body.token;
  }

  /** A supporter with real keys and a placeholder vault, logged in. */
  async function joinSupporter() {
    const keys = await newSupporterKeys();
    const login = `supporter-${uniqueSuffix()}`;
    const authKey = randomB64(32);
    const joined = await send('POST', '/api/v1/supporters', {
      body: {
        invite: await invite(),
        login,
        profile: sampleProfile,
        boxPublicKey: toB64(keys.publicKey),
        vault: placeholderVault(),
        authKey,
      },
    });
    expect(joined.status, joined.text).toBe(201);
    const session = await send('POST', '/api/v1/session', { body: { login, authKey } });
    expect(session.status, session.text).toBe(200);
    return { id: joined.body.id as string, token: session.body.token as string, ...keys };
  }

  async function proof(): Promise<{ challenge: string; nonce: string }> {
    const pow = await send('GET', '/api/v1/pow');
    expect(pow.status).toBe(200);
    expect(pow.body.difficulty).toBeGreaterThanOrEqual(target.powDifficulty);
    return {
      challenge: pow.body.challenge,
      nonce: await solveProofOfWork(pow.body.challenge, pow.body.difficulty),
    };
  }

  async function doctorSubmission(supporter: { id: string; publicKey: Uint8Array }) {
    const mailbox = await deriveMailbox(await newReplyCode());
    const sealed = await sealFirstContact({ text: 'Hello', mailbox }, supporter.publicKey);
    const body = {
      supporterId: supporter.id,
      ciphertext: toB64(sealed.ciphertext),
      mailbox: { id: mailbox.mailboxId, readToken: mailbox.readToken },
    };
    return { mailbox, sealed, body };
  }

  describe('doctor → supporter → reply → follow-up', () => {
    it('delivers a first contact, a reply and a follow-up with real crypto, deleting ciphertext at each ack', async () => {
      // The operator invites; the supporter joins with a real vault.
      const keys = await newSupporterKeys();
      const passphrase = 'lighthouse orchard velvet compass meadow';
      const created = await createVault(passphrase, keys.secretKey);
      const login = `kari-${uniqueSuffix()}`;
      const joined = await send('POST', '/api/v1/supporters', {
        body: {
          invite: await invite(),
          login,
          profile: { ...sampleProfile, county: 'Finnmark' },
          boxPublicKey: toB64(keys.publicKey),
          vault: created.vault,
          authKey: created.authKey,
        },
      });
      expect(joined.status, joined.text).toBe(201);
      const supporterId: string = joined.body.id;

      // The doctor finds the supporter in the directory and writes, with proof of work.
      const directory = await send('GET', '/api/v1/supporters?county=Finnmark&modality=video');
      const entry = directory.body.supporters.find((s: { id: string }) => s.id === supporterId);
      expect(entry.boxPublicKey).toBe(toB64(keys.publicKey));
      const code = await newReplyCode();
      const mailbox = await deriveMailbox(code);
      const text = 'I have not slept properly for weeks and I am scared of making a mistake.';
      const sealed = await sealFirstContact(
        { text, prefs: { modalities: ['phone'], when: 'evenings after 17' }, mailbox },
        fromB64(entry.boxPublicKey),
      );
      const submit = await send('POST', '/api/v1/messages', {
        body: {
          supporterId,
          ciphertext: toB64(sealed.ciphertext),
          mailbox: { id: mailbox.mailboxId, readToken: mailbox.readToken },
          pow: await proof(),
        },
      });
      expect(submit.status, submit.text).toBe(202);
      expect(submit.body).toEqual({
        id: sealed.id,
        status: 'queued',
        expiresAt: expect.any(String),
      });

      // The supporter logs in on "another browser": params → vault → unlock.
      const params = await send('POST', '/api/v1/session/params', {
        body: { login: login.toUpperCase() },
      });
      expect(params.body).toEqual({ salt: created.vault.salt, opslimit: 3, memlimit: 67108864 });
      const derived = await deriveVaultKeys(passphrase, fromB64(params.body.salt), 3, 67108864);
      const session = await send('POST', '/api/v1/session', {
        body: { login, authKey: derived.authKey },
      });
      expect(session.status).toBe(200);
      const secretKey = await unlockVault(session.body.vault, derived.vaultKey);
      expect(toB64(secretKey)).toBe(toB64(keys.secretKey));
      const token: string = session.body.token;

      const inbox = await send('GET', '/api/v1/inbox', { token });
      expect(inbox.body.messages).toHaveLength(1);
      const [received] = inbox.body.messages;
      expect(received.receivedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:00:00Z$/);
      // Lifetimes count from the stored hour (PROTOCOL.md §8: 14 days).
      expect(Date.parse(submit.body.expiresAt) - Date.parse(received.receivedAt)).toBe(
        336 * HOUR_MS,
      );
      const opened = await openDoctorMessage(
        fromB64(received.ciphertext),
        keys.publicKey,
        secretKey,
      );
      expect(opened.text).toBe(text);
      expect(opened.prefs?.when).toBe('evenings after 17');

      const ack = await send('POST', '/api/v1/inbox/ack', { token, body: { ids: [received.id] } });
      expect(ack.body).toEqual({ deleted: 1 });
      expect((await send('GET', '/api/v1/inbox', { token })).body.messages).toEqual([]);

      // The supporter replies; the doctor reads it with the reply code.
      const reply = await sealReplyTo(
        opened,
        {
          text: 'Thank you for writing. I can call you tonight.',
          from: { id: supporterId, name: 'Kari' },
        },
        secretKey,
      );
      const sent = await send('POST', '/api/v1/replies', {
        token,
        body: { mailboxId: reply.mailboxId, ciphertext: toB64(reply.ciphertext) },
      });
      expect(sent.status, sent.text).toBe(202);
      expect(sent.body.id).toBe(reply.id);

      const box = await send('POST', '/api/v1/mailbox/open', {
        body: { id: mailbox.mailboxId, readToken: mailbox.readToken },
      });
      expect(box.status).toBe(200);
      expect(box.body.sent).toEqual([
        expect.objectContaining({ id: sealed.id, supporterId, status: 'delivered' }),
      ]);
      expect(box.body.replies).toHaveLength(1);
      const readReply = await openReply(
        fromB64(box.body.replies[0].ciphertext),
        fromB64(entry.boxPublicKey),
        mailbox.replySecretKey,
      );
      expect(readReply.text).toBe('Thank you for writing. I can call you tonight.');
      expect(readReply.thread).toBe(opened.thread);
      const read = await send('POST', '/api/v1/mailbox/ack', {
        body: { id: mailbox.mailboxId, readToken: mailbox.readToken, replyIds: [reply.id] },
      });
      expect(read.body).toEqual({ deleted: 1 });

      // A follow-up in the same thread reaches the supporter.
      const follow = await sealFollowUp(
        opened.thread,
        { text: 'Tonight works.', mailbox },
        keys.publicKey,
      );
      const followUp = await send('POST', '/api/v1/messages', {
        body: {
          supporterId,
          ciphertext: toB64(follow.ciphertext),
          mailbox: { id: mailbox.mailboxId, readToken: mailbox.readToken },
          pow: await proof(),
        },
      });
      expect(followUp.status, followUp.text).toBe(202);
      const inbox2 = await send('GET', '/api/v1/inbox', { token });
      const second = await openDoctorMessage(
        fromB64(inbox2.body.messages[0].ciphertext),
        keys.publicKey,
        secretKey,
      );
      expect(second.kind).toBe('follow-up');
      expect(second.thread).toBe(opened.thread);
      expect(second.text).toBe('Tonight works.');
    });

    it('answers an identical resubmission 200 with the same record, before looking at the spent proof', async () => {
      const supporter = await joinSupporter();
      const { body, sealed } = await doctorSubmission(supporter);
      const withProof = { ...body, pow: await proof() };
      const first = await send('POST', '/api/v1/messages', { body: withProof });
      expect(first.status, first.text).toBe(202);
      const again = await send('POST', '/api/v1/messages', { body: withProof });
      expect(again.status).toBe(200);
      expect(again.body).toEqual(first.body);
      expect(again.body.id).toBe(sealed.id);
      const inbox = await send('GET', '/api/v1/inbox', { token: supporter.token });
      expect(inbox.body.messages.map((m: { id: string }) => m.id)).toEqual([sealed.id]);
    });
  });

  describe('PROTOCOL.md error codes', () => {
    it('refuses another base64 spelling with 400 bad_encoding', async () => {
      const supporter = await joinSupporter();
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
      const supporter = await joinSupporter();
      const { body } = await doctorSubmission(supporter);
      const response = await send('POST', '/api/v1/messages', {
        body: { ...body, ciphertext: randomB64(1024 + 47), pow: await proof() },
      });
      expectError(response, 400, 'bad_padding');
    });

    it('refuses a missing, forged or reused proof of work with 400 bad_pow', async () => {
      const supporter = await joinSupporter();
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
      const supporter = await joinSupporter();
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
    it('sends the Content-Security-Policy with a page, and no cookie', async () => {
      const page = await send('GET', '/');
      expect(page.status).toBe(200);
      expect(page.headers.get('Content-Type')).toMatch(/^text\/html/);
      expect(page.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(page.headers.get('X-Frame-Options')).toBe('DENY');
      expect(page.headers.get('Referrer-Policy')).toBe('no-referrer');
      expect(page.headers.get('Set-Cookie')).toBeNull();
      const missing = await send('GET', '/no/such/page');
      expectError(missing, 404, 'not_found');
      expect(missing.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
    });

    it('marks every API answer no-store and sets no cookie on any of them', async () => {
      const responses = [
        await send('GET', '/api/v1/supporters'),
        await send('GET', '/api/v1/pow'),
        await send('GET', '/api/v1/inbox'),
        await send('POST', '/api/v1/session', { body: { login: 'x', authKey: randomB64(32) } }),
      ];
      for (const response of responses) {
        expect(response.headers.get('Cache-Control')).toBe('no-store');
        expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
        expect(response.headers.get('Set-Cookie')).toBeNull();
      }
    });
  });

  describe('operator', () => {
    it('serves /metrics only with the operator token', async () => {
      expectError(await send('GET', '/metrics'), 401, 'unauthorized');
      expectError(await send('GET', '/metrics', { token: randomB64(32) }), 401, 'unauthorized');
      const metrics = await send('GET', '/metrics', { token: target.operatorToken });
      expect(metrics.status).toBe(200);
      expect(metrics.headers.get('Content-Type')).toMatch(/^text\/plain; version=0\.0\.4/);
      expect(metrics.headers.get('Cache-Control')).toBe('no-store');
      expect(metrics.text).toMatch(/^peer_relay_pending_messages \d+$/m);
    });

    it('reports liveness and a reachable database', async () => {
      expect((await send('GET', '/healthz')).body).toEqual({ status: 'ok' });
      expect((await send('GET', '/readyz')).body).toEqual({ status: 'ready' });
    });
  });
}
