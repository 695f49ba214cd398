import { afterEach, describe, expect, it } from 'vitest';
import { fromB64, openReply, toB64 } from '../../web/src/protocol/index.ts';
import {
  admin,
  createInvite,
  health,
  joinSupporter,
  logIn,
  newDoctor,
  placeholderVault,
  register,
  registrationFor,
  sampleProfile,
} from '../support/actors.ts';
import { randomB64 } from '../support/bytes.ts';
import { tableRows } from '../support/database.ts';
import { expectError } from '../support/expect-error.ts';
import { createHarness, type Harness } from '../support/harness.ts';

let harness: Harness;
afterEach(() => harness?.dispose());

const ids = (list: { id: string }[]) => list.map((item) => item.id).sort();

describe('joining with an invite', () => {
  it('registers a supporter with 201 and a random id that the directory lists', async () => {
    harness = await createHarness();
    const first = await registrationFor(harness, { login: 'kari' });
    const second = await registrationFor(harness, { login: 'ola' });
    const a = await register(harness, first.body);
    const b = await register(harness, second.body);
    expect(a.status).toBe(201);
    expect(a.body).toEqual({ id: expect.any(String) });
    expect(b.status).toBe(201);
    expect(a.body.id).not.toBe(b.body.id);
    expect(a.body.id).not.toContain('kari');
    const entry = await harness.request('GET', `/api/v1/supporters/${a.body.id}`);
    expect(entry.status).toBe(200);
    expect(entry.body).toMatchObject({
      id: a.body.id,
      name: sampleProfile.name,
      status: 'available',
      boxPublicKey: first.body.boxPublicKey,
    });
  });

  it('spends an invite once: a second registration with it is 410 invite_used', async () => {
    harness = await createHarness();
    const invite = (await createInvite(harness)).token;
    const first = await registrationFor(harness, { login: 'kari', invite });
    expect((await register(harness, first.body)).status).toBe(201);
    const second = await registrationFor(harness, { login: 'ola', invite });
    expectError(await register(harness, second.body), 410, 'invite_used');
    expectError(await logIn(harness, 'ola', second.body.authKey), 401, 'invalid_credentials');
  });

  it('lets exactly one of two racing registrations spend the same invite; the other gets 410 invite_used', async () => {
    harness = await createHarness();
    const invite = (await createInvite(harness)).token;
    const kari = await registrationFor(harness, { login: 'kari', invite });
    const ola = await registrationFor(harness, { login: 'ola', invite });
    const results = await Promise.all([register(harness, kari.body), register(harness, ola.body)]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 410]);
    expectError(results.find((r) => r.status === 410)!, 410, 'invite_used');
    const directory = await harness.request('GET', '/api/v1/supporters');
    expect(ids(directory.body.supporters)).toEqual([
      results.find((r) => r.status === 201)!.body.id,
    ]);
  });

  it('lets exactly one of two racing registrations take the same login; the loser keeps an unspent invite', async () => {
    harness = await createHarness();
    const first = await registrationFor(harness, { login: 'kari' });
    const second = await registrationFor(harness, { login: 'KARI' });
    const results = await Promise.all([
      register(harness, first.body),
      register(harness, second.body),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    const loser = results[0]?.status === 409 ? first : second;
    expectError(results.find((r) => r.status === 409)!, 409, 'login_taken');
    const retry = await register(harness, { ...loser.body, login: 'kari-2' });
    expect(retry.status).toBe(201);
  });

  it('refuses an invite the relay never issued with 404 invite_not_found', async () => {
    harness = await createHarness();
    const registration = await registrationFor(harness, { login: 'kari', invite: randomB64(32) });
    expectError(await register(harness, registration.body), 404, 'invite_not_found');
  });

  it('accepts an invite until 14 days after the hour it was issued in, then refuses it with 410 invite_expired', async () => {
    harness = await createHarness();
    const early = (await createInvite(harness)).token;
    const late = (await createInvite(harness)).token;
    harness.clock.advanceHours(14 * 24 - 1);
    const onTime = await registrationFor(harness, { login: 'kari', invite: early });
    expect((await register(harness, onTime.body)).status).toBe(201);
    harness.clock.advanceHours(1);
    const tooLate = await registrationFor(harness, { login: 'ola', invite: late });
    expectError(await register(harness, tooLate.body), 410, 'invite_expired');
  });

  it('refuses a login that differs only in case or Unicode width with 409 login_taken, leaving the invite unspent', async () => {
    harness = await createHarness();
    expect(
      (await register(harness, (await registrationFor(harness, { login: 'Kari' })).body)).status,
    ).toBe(201);
    const invite = (await createInvite(harness)).token;
    for (const login of ['kari', 'KARI', 'Ｋａｒｉ']) {
      const taken = await registrationFor(harness, { login, invite });
      expectError(await register(harness, taken.body), 409, 'login_taken');
    }
    const other = await registrationFor(harness, { login: 'kari2', invite });
    const joined = await register(harness, other.body);
    expect(joined.status).toBe(201);
    expect((await logIn(harness, 'KARI2', other.body.authKey)).status).toBe(200);
  });

  it('refuses key-derivation limits below opslimit 3 or 64 MiB with 400 weak_kdf', async () => {
    harness = await createHarness();
    const invite = (await createInvite(harness)).token;
    const registration = await registrationFor(harness, { login: 'kari', invite });
    const weakOps = { ...registration.body, vault: { ...registration.body.vault, opslimit: 2 } };
    expectError(await register(harness, weakOps), 400, 'weak_kdf');
    const weakMem = {
      ...registration.body,
      vault: { ...registration.body.vault, memlimit: 33_554_432 },
    };
    expectError(await register(harness, weakMem), 400, 'weak_kdf');
    // Refused requests do not spend the invite.
    expect((await register(harness, registration.body)).status).toBe(201);
  });

  it('refuses binary values that are not base64url without padding with 400 bad_encoding', async () => {
    harness = await createHarness();
    const invite = (await createInvite(harness)).token;
    const registration = await registrationFor(harness, { login: 'kari', invite });
    const padded = { ...registration.body, boxPublicKey: `${registration.body.boxPublicKey}=` };
    expectError(await register(harness, padded), 400, 'bad_encoding');
    // 0xfb bytes encode to '-' and '_' in base64url, '+' and '/' in standard base64.
    const standardAlphabet = toB64(new Uint8Array(32).fill(0xfb))
      .replaceAll('-', '+')
      .replaceAll('_', '/');
    expect(standardAlphabet).toMatch(/[+/]/);
    expectError(
      await register(harness, { ...registration.body, boxPublicKey: standardAlphabet }),
      400,
      'bad_encoding',
    );
    expect((await register(harness, registration.body)).status).toBe(201);
  });

  it('refuses missing profile fields and unknown modalities with 400 invalid_request', async () => {
    harness = await createHarness();
    const invite = (await createInvite(harness)).token;
    const registration = await registrationFor(harness, { login: 'kari', invite });
    const { name: _name, ...nameless } = registration.body.profile;
    const { county: _county, ...countyless } = registration.body.profile;
    const { profile: _profile, ...profileless } = registration.body;
    const broken = [
      { ...registration.body, profile: nameless },
      { ...registration.body, profile: countyless },
      profileless,
      {
        ...registration.body,
        profile: { ...registration.body.profile, modalities: ['carrier-pigeon'] },
      },
      { ...registration.body, profile: { ...registration.body.profile, modalities: [] } },
      { ...registration.body, profile: { ...registration.body.profile, languages: [] } },
      { ...registration.body, profile: { ...registration.body.profile, name: '   ' } },
    ];
    for (const body of broken) expectError(await register(harness, body), 400, 'invalid_request');
    expect((await register(harness, registration.body)).status).toBe(201);
  });
});

describe('session parameters', () => {
  it('returns the stored salt and limits for a registered login, in any case', async () => {
    harness = await createHarness();
    const registration = await registrationFor(harness, { login: 'Kari' });
    const vault = { ...placeholderVault(), opslimit: 4, memlimit: 134_217_728 };
    expect((await register(harness, { ...registration.body, vault })).status).toBe(201);
    for (const login of ['kari', 'KARI', ' Kari ']) {
      const params = await harness.request('POST', '/api/v1/session/params', { body: { login } });
      expect(params.status).toBe(200);
      expect(params.body).toEqual({ salt: vault.salt, opslimit: 4, memlimit: 134_217_728 });
    }
  });

  it('answers an unknown login with stable fake parameters shaped exactly like real ones', async () => {
    harness = await createHarness();
    const known = await joinSupporter(harness, { login: 'kari' });
    const params = async (login: string) =>
      harness.request('POST', '/api/v1/session/params', { body: { login } });
    const real = await params('kari');
    const ghost = await params('ghost');
    const ghostAgain = await params('ghost');
    harness.clock.advanceHours(30);
    const ghostLater = await params('GHOST');
    const phantom = await params('phantom');

    expect(real.body.salt).toBe(known.vault.salt);
    expect(ghost.status).toBe(200);
    expect(Object.keys(ghost.body).sort()).toEqual(Object.keys(real.body).sort());
    expect(ghost.body).toEqual({ salt: expect.any(String), opslimit: 3, memlimit: 67_108_864 });
    expect(fromB64(ghost.body.salt)).toHaveLength(16);
    expect(ghostAgain.body).toEqual(ghost.body);
    expect(ghostLater.body).toEqual(ghost.body);
    expect(phantom.body.salt).not.toBe(ghost.body.salt);
    expect(fromB64(phantom.body.salt)).toHaveLength(16);
  });
});

describe('logging in', () => {
  it('answers a wrong key and an unknown login with the same 401 invalid_credentials body', async () => {
    harness = await createHarness();
    const kari = await joinSupporter(harness, { login: 'kari' });
    const wrongKey = await logIn(harness, 'kari', randomB64(32));
    const unknown = await logIn(harness, 'nobody-here', kari.authKey);
    expectError(wrongKey, 401, 'invalid_credentials');
    expectError(unknown, 401, 'invalid_credentials');
    expect(unknown.text).toBe(wrongKey.text);
    const right = await logIn(harness, 'Kari', kari.authKey);
    expect(right.status).toBe(200);
    expect(right.body).toEqual({
      token: expect.any(String),
      expiresAt: '2026-11-28T02:00:00Z',
      supporter: expect.objectContaining({ id: kari.id, name: kari.name }),
      vault: kari.vault,
    });
  });
  // What repeated failures lead to (a proof of work, never a lockout): login-proof.test.ts.
});

describe('supporter sessions', () => {
  it('keeps a session for 12 hours from the hour it began and answers 401 unauthorized after', async () => {
    harness = await createHarness();
    const kari = await joinSupporter(harness);
    harness.clock.advanceHours(11);
    expect((await harness.request('GET', '/api/v1/me', { token: kari.token })).status).toBe(200);
    harness.clock.advanceHours(1);
    expectError(
      await harness.request('GET', '/api/v1/me', { token: kari.token }),
      401,
      'unauthorized',
    );
    expectError(
      await harness.request('GET', '/api/v1/inbox', { token: kari.token }),
      401,
      'unauthorized',
    );
  });

  it('logs out one session with DELETE /session and leaves the others open', async () => {
    harness = await createHarness();
    const kari = await joinSupporter(harness);
    const other = await logIn(harness, kari.login, kari.authKey);
    const out = await harness.request('DELETE', '/api/v1/session', { token: kari.token });
    expect(out.status).toBe(200);
    expectError(
      await harness.request('GET', '/api/v1/inbox', { token: kari.token }),
      401,
      'unauthorized',
    );
    expectError(
      await harness.request('DELETE', '/api/v1/session', { token: kari.token }),
      401,
      'unauthorized',
    );
    expect(
      (await harness.request('GET', '/api/v1/inbox', { token: other.body.token })).status,
    ).toBe(200);
  });

  it('answers 401 unauthorized to a missing, non-Bearer or unknown Authorization header on every supporter route', async () => {
    harness = await createHarness();
    const kari = await joinSupporter(harness);
    const routes: [string, string, unknown][] = [
      ['GET', '/api/v1/inbox', undefined],
      ['POST', '/api/v1/inbox/ack', { ids: [] }],
      ['POST', '/api/v1/replies', { mailboxId: randomB64(32), ciphertext: randomB64(1064) }],
      ['GET', '/api/v1/me', undefined],
      ['PATCH', '/api/v1/me', { town: 'Oslo' }],
      [
        'PUT',
        '/api/v1/me/vault',
        { authKey: kari.authKey, newAuthKey: randomB64(32), vault: placeholderVault() },
      ],
      ['DELETE', '/api/v1/me', undefined],
      ['DELETE', '/api/v1/session', undefined],
    ];
    const headerVariants: (Record<string, string> | undefined)[] = [
      undefined,
      { Authorization: 'Basic x' },
      { Authorization: `Basic ${kari.token}` },
      { Authorization: 'Bearer garbage' },
      { Authorization: 'Bearer ' },
      { Authorization: kari.token },
      { Authorization: `Bearer ${kari.token.slice(0, -1)}` },
      { Authorization: `Bearer ${kari.token} ${kari.token}` },
    ];
    for (const [method, path, body] of routes) {
      for (const headers of headerVariants) {
        const response = await harness.request(method, path, {
          ...(body === undefined ? {} : { body }),
          ...(headers === undefined ? {} : { headers }),
        });
        expectError(response, 401, 'unauthorized');
      }
    }
    // None of those reached the account: it is still there, unchanged.
    const me = await harness.request('GET', '/api/v1/me', { token: kari.token });
    expect(me.status).toBe(200);
    expect(me.body.town).toBe(sampleProfile.town);
  });
});

describe('the inbox', () => {
  it("shows a supporter only their own messages, and acking another supporter's ids deletes nothing", async () => {
    harness = await createHarness();
    const a = await joinSupporter(harness, { login: 'anna' });
    const b = await joinSupporter(harness, { login: 'bjorn' });
    const doctor = await newDoctor(harness);
    const toA = await doctor.writeTo(a, 'for A');
    const other = await newDoctor(harness);
    const toB1 = await other.writeTo(b, 'for B, one');
    const toB2 = await (await newDoctor(harness)).writeTo(b, 'for B, two');

    const inboxA = await harness.request('GET', '/api/v1/inbox', { token: a.token });
    expect(ids(inboxA.body.messages)).toEqual([toA.id]);
    const stolen = await a.ack([toB1.id, toB2.id]);
    expect(stolen.status).toBe(200);
    expect(stolen.body).toEqual({ deleted: 0 });

    const inboxB = await harness.request('GET', '/api/v1/inbox', { token: b.token });
    expect(ids(inboxB.body.messages)).toEqual([toB1.id, toB2.id].sort());
    const box = await other.openMailbox();
    expect(box.body.sent).toEqual([expect.objectContaining({ id: toB1.id, status: 'queued' })]);
    // A's own message is untouched as well.
    expect(
      ids((await harness.request('GET', '/api/v1/inbox', { token: a.token })).body.messages),
    ).toEqual([toA.id]);
  });

  it('delivers each message exactly once when acks race, from one session or two', async () => {
    harness = await createHarness();
    const kari = await joinSupporter(harness);
    const secondSession = await kari.logIn();
    const firstBatch = [];
    const secondBatch = [];
    for (let i = 0; i < 3; i++) {
      firstBatch.push((await (await newDoctor(harness)).writeTo(kari, `one ${i}`)).id);
      secondBatch.push((await (await newDoctor(harness)).writeTo(kari, `two ${i}`)).id);
    }

    const sameSession = await Promise.all([kari.ack(firstBatch), kari.ack(firstBatch)]);
    expect(sameSession.map((r) => r.status)).toEqual([200, 200]);
    expect(sameSession.reduce((sum, r) => sum + r.body.deleted, 0)).toBe(3);

    const twoSessions = await Promise.all([
      kari.ack(secondBatch),
      secondSession.ack([...secondBatch].reverse()),
    ]);
    expect(twoSessions.map((r) => r.status)).toEqual([200, 200]);
    expect(twoSessions.reduce((sum, r) => sum + r.body.deleted, 0)).toBe(3);

    expect(
      (await harness.request('GET', '/api/v1/inbox', { token: kari.token })).body.messages,
    ).toEqual([]);
    const health = await admin(harness, 'GET', '/api/v1/admin/health');
    expect(health.body.last30Days.delivered).toBe(6);
    expect(health.body.pendingMessages).toBe(0);
  });

  it('counts each delivery with its ack, by how many hours it waited, and leaves no marker on the rows', async () => {
    harness = await createHarness();
    const kari = await joinSupporter(harness);
    const early = [];
    for (let i = 0; i < 2; i++) {
      early.push((await (await newDoctor(harness)).writeTo(kari, `early ${i}`)).id);
    }
    harness.clock.advanceHours(3);
    const late = (await (await newDoctor(harness)).writeTo(kari, 'late')).id;
    harness.clock.advanceHours(2);

    // One ack with every id, a repeat, and an id that is not Kari's.
    expect((await kari.ack([...early, late, randomB64(32)])).body).toEqual({
      deleted: 3,
    });
    expect((await kari.ack([...early, late])).body).toEqual({ deleted: 0 });

    const counts = (await tableRows(harness, 'daily_counts')) as { event: string; count: number }[];
    const countOf = (event: string) => counts.find((row) => row.event === event)?.count;
    expect(countOf('delivery_hours:5')).toBe(2);
    expect(countOf('delivery_hours:2')).toBe(1);
    expect(counts.filter((row) => row.event.startsWith('delivery_hours:'))).toHaveLength(2);
    // The operator's delivered figure is the sum of the buckets.
    const figures = (await health(harness)).body;
    expect([figures.last30Days.delivered, figures.totals.delivered]).toEqual([3, 3]);
    const perSupporter = (await tableRows(harness, 'supporter_daily_counts')) as {
      supporter_id: string;
      event: string;
      count: number;
    }[];
    expect(perSupporter.filter((row) => row.event === 'delivered')).toEqual([
      expect.objectContaining({ supporter_id: kari.id, count: 3 }),
    ]);
    const rows = (await tableRows(harness, 'messages')) as { status: string }[];
    expect(rows.map((row) => row.status)).toEqual(['delivered', 'delivered', 'delivered']);
  });
});

describe('replies', () => {
  it('accepts a reply with 202 and answers an identical resubmission with 200 and the same record', async () => {
    harness = await createHarness();
    const kari = await joinSupporter(harness);
    const doctor = await newDoctor(harness);
    const sent = await doctor.writeTo(kari);
    const first = await kari.tryReply(sent.message);
    expect(first.response.status).toBe(202);
    // 30 days plus the rounding hour from 14:00.
    expect(first.response.body).toEqual({ id: first.id, expiresAt: '2026-12-27T14:00:00Z' });

    harness.clock.advanceHours(2);
    const again = await harness.request('POST', '/api/v1/replies', {
      token: kari.token,
      body: first.body,
    });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.response.body);

    const box = await doctor.openMailbox();
    expect(ids(box.body.replies)).toEqual([first.id]);
    const health = await admin(harness, 'GET', '/api/v1/admin/health');
    expect(health.body.last30Days.replied).toBe(1);
  });

  it('refuses a reply to a mailbox that never wrote to this supporter, or does not exist, with 404 mailbox_not_found', async () => {
    harness = await createHarness();
    const a = await joinSupporter(harness, { login: 'anna' });
    const b = await joinSupporter(harness, { login: 'bjorn' });
    const doctor = await newDoctor(harness);
    const toB = await doctor.writeTo(b);

    const notMine = await a.tryReply(toB.message);
    expectError(notMine.response, 404, 'mailbox_not_found');
    const unknown = await harness.request('POST', '/api/v1/replies', {
      token: a.token,
      body: { mailboxId: randomB64(32), ciphertext: notMine.body.ciphertext },
    });
    expectError(unknown, 404, 'mailbox_not_found');
    expect(unknown.text).toBe(notMine.response.text);
    expect((await doctor.openMailbox()).body.replies).toEqual([]);
  });

  it('refuses a stored reply ciphertext resent to another mailbox with 409 duplicate_ciphertext', async () => {
    harness = await createHarness();
    const kari = await joinSupporter(harness);
    const first = await (await newDoctor(harness)).writeTo(kari);
    const secondDoctor = await newDoctor(harness);
    const second = await secondDoctor.writeTo(kari);
    const reply = await kari.tryReply(first.message);
    expect(reply.response.status).toBe(202);
    const redirected = await harness.request('POST', '/api/v1/replies', {
      token: kari.token,
      body: { mailboxId: second.message.replyTo.mailboxId, ciphertext: reply.body.ciphertext },
    });
    expectError(redirected, 409, 'duplicate_ciphertext');
    expect((await secondDoctor.openMailbox()).body.replies).toEqual([]);
  });

  it('refuses a reply with the length of a doctor message (1024 + 48) with 400 bad_padding', async () => {
    harness = await createHarness();
    const kari = await joinSupporter(harness);
    const sent = await (await newDoctor(harness)).writeTo(kari);
    const response = await harness.request('POST', '/api/v1/replies', {
      token: kari.token,
      body: { mailboxId: sent.message.replyTo.mailboxId, ciphertext: randomB64(1024 + 48) },
    });
    expectError(response, 400, 'bad_padding');
  });
});

describe('own account', () => {
  it('shows the supporter their own entry with login and e-mail at GET /me', async () => {
    harness = await createHarness();
    const kari = await joinSupporter(harness, { login: 'Kari', email: 'kari@example.org' });
    const me = await harness.request('GET', '/api/v1/me', { token: kari.token });
    expect(me.status).toBe(200);
    expect(me.body).toEqual({
      id: kari.id,
      ...sampleProfile,
      status: 'available',
      boxPublicKey: toB64(kari.publicKey),
      fingerprint: expect.stringMatching(/^\d{5} \d{5} \d{5} \d{5} \d{5}$/),
      login: 'kari',
      email: 'kari@example.org',
    });
  });

  it('changes profile fields given at the top level or under profile, e-mail and away status with PATCH /me', async () => {
    harness = await createHarness();
    const kari = await joinSupporter(harness, { login: 'kari', email: 'kari@example.org' });
    const patch = (body: unknown) =>
      harness.request('PATCH', '/api/v1/me', { token: kari.token, body });

    const top = await patch({ town: 'Voss', about: 'Now in Voss.' });
    expect(top.status).toBe(200);
    expect(top.body).toMatchObject({ town: 'Voss', about: 'Now in Voss.' });
    const nested = await patch({
      profile: { county: 'rogaland', specialties: ['general-practice'], modalities: ['phone'] },
    });
    expect(nested.status).toBe(200);
    expect(nested.body).toMatchObject({
      town: 'Voss',
      county: 'rogaland',
      specialties: ['general-practice'],
      modalities: ['phone'],
    });
    expect((await patch({ email: 'kari.new@example.org' })).body.email).toBe(
      'kari.new@example.org',
    );

    const away = await patch({ status: 'away', awayUntil: '2026-12-01T09:00:00Z' });
    expect(away.status).toBe(200);
    expect(away.body).toMatchObject({ status: 'away', awayUntil: '2026-12-01T09:00:00Z' });
    const listed = await harness.request('GET', `/api/v1/supporters/${kari.id}`);
    expect(listed.body).toMatchObject({ status: 'away', awayUntil: '2026-12-01T09:00:00Z' });

    const back = await patch({ status: 'available' });
    expect(back.body.status).toBe('available');
    expect(back.body).not.toHaveProperty('awayUntil');
    // The old return date is gone: going away again without one has none.
    const awayAgain = await patch({ status: 'away' });
    expect(awayAgain.body.status).toBe('away');
    expect(awayAgain.body).not.toHaveProperty('awayUntil');

    const me = await harness.request('GET', '/api/v1/me', { token: kari.token });
    expect(me.body).toEqual({
      id: kari.id,
      ...sampleProfile,
      town: 'Voss',
      about: 'Now in Voss.',
      county: 'rogaland',
      specialties: ['general-practice'],
      modalities: ['phone'],
      status: 'away',
      boxPublicKey: toB64(kari.publicKey),
      fingerprint: expect.any(String),
      login: 'kari',
      email: 'kari.new@example.org',
    });
    const cleared = await patch({ email: '' });
    expect(cleared.status).toBe(200);
    expect(cleared.body).not.toHaveProperty('email');
  });

  it('refuses invalid PATCH /me values with 400 and changes nothing, not even the valid fields beside them', async () => {
    harness = await createHarness();
    const kari = await joinSupporter(harness, { login: 'kari', email: 'kari@example.org' });
    const before = await harness.request('GET', '/api/v1/me', { token: kari.token });
    const invalid: unknown[] = [
      { town: 'Oslo', modalities: ['fax'] },
      { town: 'Oslo', status: 'busy' },
      { town: 'Oslo', awayUntil: 'next tuesday' },
      { town: 'Oslo', email: 'not-an-email' },
      { town: 'Oslo', profile: { name: '   ' } },
      { town: 'Oslo', languages: [] },
      { town: 42 },
      { profile: 'Oslo' },
    ];
    for (const body of invalid) {
      const response = await harness.request('PATCH', '/api/v1/me', { token: kari.token, body });
      expectError(response, 400, 'invalid_request');
    }
    const notJson = await harness.request('PATCH', '/api/v1/me', {
      token: kari.token,
      body: 'town=Oslo',
    });
    expectError(notJson, 400, 'invalid_json');
    // Fields that PATCH /me does not own are not changed through it.
    await harness.request('PATCH', '/api/v1/me', {
      token: kari.token,
      body: { boxPublicKey: randomB64(32), login: 'mallory', id: 'someone-else' },
    });
    const after = await harness.request('GET', '/api/v1/me', { token: kari.token });
    expect(after.body).toEqual(before.body);
    expect((await logIn(harness, 'kari', kari.authKey)).status).toBe(200);
  });

  it('refuses a JSON body that is not an object (an array) at PATCH /me with 400 invalid_request', async () => {
    harness = await createHarness();
    const kari = await joinSupporter(harness);
    for (const body of [[{ town: 'Oslo' }], []]) {
      const response = await harness.request('PATCH', '/api/v1/me', { token: kari.token, body });
      expectError(response, 400, 'invalid_request');
    }
  });

  it('keeps everything when PUT /me/vault has the wrong current key (401 invalid_credentials) or a weak vault', async () => {
    harness = await createHarness();
    const kari = await joinSupporter(harness, { login: 'kari' });
    const other = (await logIn(harness, 'kari', kari.authKey)).body.token as string;
    const newVault = placeholderVault();
    const wrong = await harness.request('PUT', '/api/v1/me/vault', {
      token: kari.token,
      body: { authKey: randomB64(32), newAuthKey: randomB64(32), vault: newVault },
    });
    expectError(wrong, 401, 'invalid_credentials');
    const weak = await harness.request('PUT', '/api/v1/me/vault', {
      token: kari.token,
      body: {
        authKey: kari.authKey,
        newAuthKey: randomB64(32),
        vault: { ...newVault, opslimit: 2 },
      },
    });
    expectError(weak, 400, 'weak_kdf');

    expect((await harness.request('GET', '/api/v1/me', { token: kari.token })).status).toBe(200);
    expect((await harness.request('GET', '/api/v1/me', { token: other })).status).toBe(200);
    const params = await harness.request('POST', '/api/v1/session/params', {
      body: { login: 'kari' },
    });
    expect(params.body.salt).toBe(kari.vault.salt);
    const again = await logIn(harness, 'kari', kari.authKey);
    expect(again.status).toBe(200);
    expect(again.body.vault).toEqual(kari.vault);
  });

  it('changes the passphrase with PUT /me/vault: the old key fails, the new one works, other sessions end, this one stays', async () => {
    harness = await createHarness();
    const kari = await joinSupporter(harness, { login: 'kari' });
    const other = (await logIn(harness, 'kari', kari.authKey)).body.token as string;
    const newVault = { ...placeholderVault(), opslimit: 4 };
    const newAuthKey = randomB64(32);
    const changed = await harness.request('PUT', '/api/v1/me/vault', {
      token: kari.token,
      body: { authKey: kari.authKey, newAuthKey, vault: newVault },
    });
    expect(changed.status).toBe(200);

    expect((await harness.request('GET', '/api/v1/me', { token: kari.token })).status).toBe(200);
    expectError(await harness.request('GET', '/api/v1/me', { token: other }), 401, 'unauthorized');
    expectError(await logIn(harness, 'kari', kari.authKey), 401, 'invalid_credentials');
    const fresh = await logIn(harness, 'kari', newAuthKey);
    expect(fresh.status).toBe(200);
    expect(fresh.body.vault).toEqual(newVault);
    const params = await harness.request('POST', '/api/v1/session/params', {
      body: { login: 'kari' },
    });
    expect(params.body).toEqual({ salt: newVault.salt, opslimit: 4, memlimit: 67_108_864 });
  });

  it('lets a supporter leave with DELETE /me: gone from the directory, login free again, queued messages expired, sent replies still readable', async () => {
    harness = await createHarness();
    const kari = await joinSupporter(harness, { login: 'Kari', email: 'kari@example.org' });
    const doctor = await newDoctor(harness);
    const delivered = await doctor.writeTo(kari, 'first');
    expect((await kari.ack([delivered.id])).body).toEqual({ deleted: 1 });
    const reply = await kari.tryReply(delivered.message, 'I can call you tonight.');
    expect(reply.response.status).toBe(202);
    harness.clock.advanceHours(1);
    const queued = await doctor.writeTo(kari, 'second');
    const second = await newDoctor(harness);
    const queuedElsewhere = await second.writeTo(kari, 'from someone else');

    const left = await harness.request('DELETE', '/api/v1/me', { token: kari.token });
    expect(left.status).toBe(200);

    expectError(
      await harness.request('GET', `/api/v1/supporters/${kari.id}`),
      404,
      'supporter_not_found',
    );
    const directory = await harness.request('GET', '/api/v1/supporters');
    expect(ids(directory.body.supporters)).not.toContain(kari.id);
    expectError(
      await harness.request('GET', '/api/v1/me', { token: kari.token }),
      401,
      'unauthorized',
    );
    expectError(await logIn(harness, 'kari', kari.authKey), 401, 'invalid_credentials');
    const params = await harness.request('POST', '/api/v1/session/params', {
      body: { login: 'kari' },
    });
    expect(params.body.salt).not.toBe(kari.vault.salt);
    const operatorView = await admin(harness, 'GET', '/api/v1/admin/supporters');
    expect(ids(operatorView.body.supporters)).not.toContain(kari.id);

    // The login can be chosen again by someone new.
    const newcomer = await registrationFor(harness, { login: 'kari' });
    const joined = await register(harness, newcomer.body);
    expect(joined.status).toBe(201);
    expect(joined.body.id).not.toBe(kari.id);
    expect((await logIn(harness, 'KARI', newcomer.body.authKey)).body.supporter.id).toBe(
      joined.body.id,
    );

    const box = await doctor.openMailbox();
    expect(box.status).toBe(200);
    const statuses = Object.fromEntries(
      box.body.sent.map((m: { id: string; status: string }) => [m.id, m.status]),
    );
    expect(statuses).toEqual({ [delivered.id]: 'delivered', [queued.id]: 'expired' });
    const otherBox = await second.openMailbox();
    expect(otherBox.body.sent).toEqual([
      expect.objectContaining({ id: queuedElsewhere.id, status: 'expired' }),
    ]);
    expect(box.body.replies).toHaveLength(1);
    const listed = box.body.replies[0];
    expect(listed).toMatchObject({
      id: reply.id,
      supporterId: kari.id,
      boxPublicKey: toB64(kari.publicKey),
    });
    const opened = await openReply(
      fromB64(listed.ciphertext),
      fromB64(listed.boxPublicKey),
      doctor.mailbox.replySecretKey,
    );
    expect(opened.text).toBe('I can call you tonight.');
    expect(opened.from.id).toBe(kari.id);
    const health = await admin(harness, 'GET', '/api/v1/admin/health');
    expect(health.body.last30Days.expired).toBe(2);
    expect(health.body.pendingMessages).toBe(0);
  });
});
