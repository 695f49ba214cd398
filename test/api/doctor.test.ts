/**
 * The anonymous doctor's side of the HTTP API (PROTOCOL.md §6): the public
 * directory, submitting sealed messages, and the mailbox a reply code opens.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { hash } from '../../web/src/crypto/libsodium.ts';
import { fingerprint, fromB64, messageId, openReply, toB64 } from '../../web/src/protocol/index.ts';
import {
  type Doctor,
  health,
  joinSupporter,
  newDoctor,
  type Profile,
  sampleProfile,
  setActive,
  submit,
} from '../support/actors.ts';
import { randomB64, randomBytes, standardBase64, withTrailingBits } from '../support/bytes.ts';
import { count, query, snapshot } from '../support/database.ts';
import { createHarness, type Harness, OPERATOR_TOKEN } from '../support/harness.ts';

let harness: Harness;
afterEach(() => harness?.dispose());

/**
 * The fake clock starts at 2026-11-27T14:25Z, stored as the 14:00 hour; an
 * expiry is that hour plus the lifetime (never longer than the lifetime).
 */
const MESSAGE_EXPIRES_AT = '2026-12-11T14:00:00Z'; // 14:00 + 14 days
const MAILBOX_EXPIRES_AT = '2026-12-27T14:00:00Z'; // 14:00 + 30 days

const profiles = {
  kari: sampleProfile,
  ola: {
    name: 'Ola Hansen',
    county: 'oslo',
    town: 'Oslo',
    specialties: ['general-practice', 'anaesthesiology'],
    languages: ['nb'],
    modalities: ['video'],
  },
  ante: {
    name: 'Ante Somby',
    county: 'troms',
    town: 'Tromsø',
    specialties: ['psychiatry'],
    languages: ['se', 'nb', 'en'],
    modalities: ['phone', 'in-person'],
  },
} satisfies Record<string, Profile>;

async function directoryIds(path: string): Promise<string[]> {
  const response = await harness.request('GET', path);
  expect(response.status).toBe(200);
  return response.body.supporters.map((s: { id: string }) => s.id).sort();
}

function sorted(...ids: string[]): string[] {
  return [...ids].sort();
}

function errorBody(code: string) {
  return { error: { code, message: expect.any(String) } };
}

describe('directory', () => {
  async function threeSupporters() {
    const join = (profile: Profile) => joinSupporter(harness, { profile, wholeProfile: true });
    return {
      kari: await join(profiles.kari),
      ola: await join(profiles.ola),
      ante: await join(profiles.ante),
    };
  }

  it('lists every active supporter without filters', async () => {
    harness = await createHarness();
    const { kari, ola, ante } = await threeSupporters();
    expect(await directoryIds('/api/v1/supporters')).toEqual(sorted(kari.id, ola.id, ante.id));
  });

  it('lists nobody on an empty relay', async () => {
    harness = await createHarness();
    const response = await harness.request('GET', '/api/v1/supporters');
    expect(response.status).toBe(200);
    expect(response.body).toStrictEqual({ supporters: [] });
  });

  it('filters by county given as a code or either label in any case, never by part of one', async () => {
    harness = await createHarness();
    const { kari, ola } = await threeSupporters();
    expect(await directoryIds('/api/v1/supporters?county=Vestland')).toEqual([kari.id]);
    expect(await directoryIds('/api/v1/supporters?county=Oslo')).toEqual([ola.id]);
    expect(await directoryIds('/api/v1/supporters?county=vestland')).toEqual([kari.id]);
    expect(await directoryIds('/api/v1/supporters?county=%20VESTLAND%20')).toEqual([kari.id]);
    expect(await directoryIds('/api/v1/supporters?county=Vest')).toEqual([]);
    expect(await directoryIds('/api/v1/supporters?county=Nordland')).toEqual([]);
  });

  it('filters by specialty, matching any one entry of the list exactly', async () => {
    harness = await createHarness();
    const { kari, ola, ante } = await threeSupporters();
    expect(await directoryIds('/api/v1/supporters?specialty=psychiatry')).toEqual(
      sorted(kari.id, ante.id),
    );
    expect(await directoryIds('/api/v1/supporters?specialty=anaesthesiology')).toEqual([ola.id]);
    expect(await directoryIds('/api/v1/supporters?specialty=general%20practice')).toEqual([ola.id]);
    expect(await directoryIds('/api/v1/supporters?specialty=general')).toEqual([]);
  });

  it('filters by language', async () => {
    harness = await createHarness();
    const { kari, ola, ante } = await threeSupporters();
    expect(await directoryIds('/api/v1/supporters?language=en')).toEqual(sorted(kari.id, ante.id));
    expect(await directoryIds('/api/v1/supporters?language=se')).toEqual([ante.id]);
    expect(await directoryIds('/api/v1/supporters?language=nb')).toEqual(
      sorted(kari.id, ola.id, ante.id),
    );
    expect(await directoryIds('/api/v1/supporters?language=de')).toEqual([]);
  });

  it('filters by modality and refuses a modality that does not exist', async () => {
    harness = await createHarness();
    const { kari, ola, ante } = await threeSupporters();
    expect(await directoryIds('/api/v1/supporters?modality=video')).toEqual(
      sorted(kari.id, ola.id),
    );
    expect(await directoryIds('/api/v1/supporters?modality=phone')).toEqual(
      sorted(kari.id, ante.id),
    );
    expect(await directoryIds('/api/v1/supporters?modality=in-person')).toEqual(
      sorted(kari.id, ante.id),
    );
    const fax = await harness.request('GET', '/api/v1/supporters?modality=fax');
    expect(fax.status).toBe(400);
    expect(fax.body).toStrictEqual(errorBody('invalid_request'));
  });

  it('combines filters: every one must match', async () => {
    harness = await createHarness();
    const { kari, ante } = await threeSupporters();
    expect(
      await directoryIds('/api/v1/supporters?specialty=psychiatry&modality=phone&language=se'),
    ).toEqual([ante.id]);
    expect(
      await directoryIds('/api/v1/supporters?county=Vestland&specialty=psychiatry&modality=video'),
    ).toEqual([kari.id]);
    expect(await directoryIds('/api/v1/supporters?county=Oslo&modality=phone')).toEqual([]);
    expect(await directoryIds('/api/v1/supporters?county=Troms&language=en')).toEqual([ante.id]);
  });

  it('does not list a supporter an operator deactivated, and lists them again once reactivated', async () => {
    harness = await createHarness();
    const { kari, ola, ante } = await threeSupporters();
    const deactivated = await setActive(harness, ola.id, false);
    expect(deactivated.status).toBe(200);
    expect(deactivated.body.active).toBe(false);
    expect(await directoryIds('/api/v1/supporters')).toEqual(sorted(kari.id, ante.id));
    expect(await directoryIds('/api/v1/supporters?county=Oslo')).toEqual([]);
    expect(await directoryIds('/api/v1/supporters?modality=video')).toEqual([kari.id]);

    expect((await setActive(harness, ola.id, true)).status).toBe(200);
    expect(await directoryIds('/api/v1/supporters?county=Oslo')).toEqual([ola.id]);
  });

  it('answers 404 supporter_not_found for an unknown id and for a deactivated supporter', async () => {
    harness = await createHarness();
    const supporter = await joinSupporter(harness);
    expect((await harness.request('GET', `/api/v1/supporters/${supporter.id}`)).status).toBe(200);

    const unknown = await harness.request('GET', '/api/v1/supporters/no-such-supporter');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toStrictEqual(errorBody('supporter_not_found'));

    expect((await setActive(harness, supporter.id, false)).status).toBe(200);
    const inactive = await harness.request('GET', `/api/v1/supporters/${supporter.id}`);
    expect(inactive.status).toBe(404);
    expect(inactive.body).toStrictEqual(errorBody('supporter_not_found'));
    // Indistinguishable from an id that never existed.
    expect(inactive.text).toBe(unknown.text);
  });

  it('answers 404 for a supporter who left the service', async () => {
    harness = await createHarness();
    const supporter = await joinSupporter(harness);
    const left = await harness.request('DELETE', '/api/v1/me', { token: supporter.token });
    expect(left.status).toBe(200);
    const entry = await harness.request('GET', `/api/v1/supporters/${supporter.id}`);
    expect(entry.status).toBe(404);
    expect(entry.body).toStrictEqual(errorBody('supporter_not_found'));
    expect(await directoryIds('/api/v1/supporters')).toEqual([]);
  });

  it('describes a supporter exactly as PROTOCOL §6 Supporter, with the web library fingerprint', async () => {
    harness = await createHarness();
    const { kari, ola } = await threeSupporters();

    const entry = await harness.request('GET', `/api/v1/supporters/${kari.id}`);
    expect(entry.status).toBe(200);
    expect(entry.body).toStrictEqual({
      id: kari.id,
      name: 'Kari Nordmann',
      county: 'vestland',
      town: 'Bergen',
      specialties: ['psychiatry'],
      languages: ['nb', 'en'],
      modalities: ['in-person', 'phone', 'video'],
      about: 'Psychiatrist, peer supporter since 2019.',
      status: 'available',
      boxPublicKey: toB64(kari.publicKey),
      fingerprint: await fingerprint(kari.publicKey),
    });
    expect(entry.body.fingerprint).toMatch(/^\d{5} \d{5} \d{5} \d{5} \d{5}$/);

    // `about` is optional: absent, not null or empty, when the supporter gave none.
    const withoutAbout = await harness.request('GET', `/api/v1/supporters/${ola.id}`);
    expect(withoutAbout.body).toStrictEqual({
      id: ola.id,
      name: 'Ola Hansen',
      county: 'oslo',
      town: 'Oslo',
      specialties: ['general-practice', 'anaesthesiology'],
      languages: ['nb'],
      modalities: ['video'],
      status: 'available',
      boxPublicKey: toB64(ola.publicKey),
      fingerprint: await fingerprint(ola.publicKey),
    });

    // The listing carries the very same entries.
    const listing = await harness.request('GET', '/api/v1/supporters?county=Vestland');
    expect(listing.body.supporters).toStrictEqual([entry.body]);
  });

  it('shows a supporter as away with awayUntil, and available again once that hour has come', async () => {
    harness = await createHarness();
    const supporter = await joinSupporter(harness);
    const away = await supporter.update({
      status: 'away',
      awayUntil: '2026-11-28T10:00:00Z',
    });
    expect(away.status).toBe(200);

    const entry = await harness.request('GET', `/api/v1/supporters/${supporter.id}`);
    expect(entry.body.status).toBe('away');
    expect(entry.body.awayUntil).toBe('2026-11-28T10:00:00Z');
    const listed = await harness.request('GET', '/api/v1/supporters');
    expect(listed.body.supporters).toStrictEqual([entry.body]);

    harness.clock.set('2026-11-28T09:59:00Z');
    const stillAway = await harness.request('GET', `/api/v1/supporters/${supporter.id}`);
    expect(stillAway.body.status).toBe('away');
    expect(stillAway.body.awayUntil).toBe('2026-11-28T10:00:00Z');

    harness.clock.set('2026-11-28T10:00:00Z');
    const back = await harness.request('GET', `/api/v1/supporters/${supporter.id}`);
    expect(back.body.status).toBe('available');
    expect(back.body).not.toHaveProperty('awayUntil');
    const { status: _status, awayUntil: _awayUntil, ...unchanged } = entry.body;
    const { status: _backStatus, ...backRest } = back.body;
    expect(backRest).toStrictEqual(unchanged);
  });

  it('rounds an awayUntil between hours up, so the supporter is never shown back early', async () => {
    harness = await createHarness();
    const supporter = await joinSupporter(harness);
    // 09:30 UTC, written in another zone.
    const away = await supporter.update({
      status: 'away',
      awayUntil: '2026-11-28T10:30:00+01:00',
    });
    expect(away.status).toBe(200);
    const entry = await harness.request('GET', `/api/v1/supporters/${supporter.id}`);
    expect(entry.body.awayUntil).toBe('2026-11-28T10:00:00Z');

    harness.clock.set('2026-11-28T09:45:00Z');
    expect((await harness.request('GET', `/api/v1/supporters/${supporter.id}`)).body.status).toBe(
      'away',
    );
    harness.clock.set('2026-11-28T10:00:00Z');
    expect((await harness.request('GET', `/api/v1/supporters/${supporter.id}`)).body.status).toBe(
      'available',
    );
  });

  it('refuses an awayUntil without a time zone: 400 invalid_request', async () => {
    harness = await createHarness();
    const supporter = await joinSupporter(harness);
    const response = await supporter.update({
      status: 'away',
      awayUntil: '2026-11-28T10:00:00',
    });
    expect(response.status).toBe(400);
    expect(response.body).toStrictEqual(errorBody('invalid_request'));
    const entry = await harness.request('GET', `/api/v1/supporters/${supporter.id}`);
    expect(entry.body.status).toBe('available');
  });

  it('keeps a supporter away without awayUntil until they set themselves available', async () => {
    harness = await createHarness();
    const supporter = await joinSupporter(harness);
    expect((await supporter.update({ status: 'away' })).status).toBe(200);
    harness.clock.advanceHours(24 * 200);
    const entry = await harness.request('GET', `/api/v1/supporters/${supporter.id}`);
    expect(entry.body.status).toBe('away');
    expect(entry.body).not.toHaveProperty('awayUntil');

    // A fresh session: the first one has expired in those 200 days.
    const session = await harness.request('POST', '/api/v1/session', {
      body: { login: supporter.login, authKey: supporter.authKey },
    });
    expect(session.status).toBe(200);
    const available = await harness.request('PATCH', '/api/v1/me', {
      token: session.body.token,
      body: { status: 'available' },
    });
    expect(available.status).toBe(200);
    const back = await harness.request('GET', `/api/v1/supporters/${supporter.id}`);
    expect(back.body.status).toBe('available');
  });
});

describe('POST /api/v1/messages', () => {
  it('queues a sealed message: 202 with id b64(H(16, ciphertext)), status queued and expiresAt', async () => {
    harness = await createHarness();
    const supporter = await joinSupporter(harness);
    const doctor = await newDoctor(harness);
    const { sealed, response } = await doctor.tryWriteTo(supporter);
    expect(response.status).toBe(202);
    expect(response.body).toStrictEqual({
      id: toB64(await hash(16, sealed.ciphertext)),
      status: 'queued',
      expiresAt: MESSAGE_EXPIRES_AT,
    });
    expect(response.body.id).toBe(await messageId(sealed.ciphertext));

    const inbox = await supporter.inbox();
    expect(inbox.body.messages).toStrictEqual([
      {
        id: response.body.id,
        ciphertext: toB64(sealed.ciphertext),
        receivedAt: '2026-11-27T14:00:00Z',
      },
    ]);
  });

  it('answers an identical resubmission 200 with the same record and stores no duplicate', async () => {
    harness = await createHarness();
    const supporter = await joinSupporter(harness);
    const doctor = await newDoctor(harness);
    const { body, response } = await doctor.tryWriteTo(supporter);
    expect(response.status).toBe(202);

    harness.clock.advanceHours(2);
    const again = await submit(harness, body);
    expect(again.status).toBe(200);
    expect(again.body).toStrictEqual(response.body);
    const third = await submit(harness, body);
    expect(third.status).toBe(200);
    expect(third.body).toStrictEqual(response.body);

    expect(await supporter.inboxIds()).toEqual([response.body.id]);
    expect(await count(harness, 'select count(*) as n from messages')).toBe(1);
    const figures = await health(harness);
    expect(figures.body.last30Days.submitted).toBe(1);
  });

  it('answers a resubmission after delivery 200 delivered, without queueing it again', async () => {
    harness = await createHarness();
    const supporter = await joinSupporter(harness);
    const doctor = await newDoctor(harness);
    const { body, response } = await doctor.tryWriteTo(supporter);
    expect((await supporter.ack([response.body.id])).body).toStrictEqual({
      deleted: 1,
    });

    const again = await submit(harness, body);
    expect(again.status).toBe(200);
    expect(again.body).toStrictEqual({
      id: response.body.id,
      status: 'delivered',
      expiresAt: MESSAGE_EXPIRES_AT,
    });
    expect(await supporter.inboxIds()).toEqual([]);
    const rows = await query(harness, 'select status, ciphertext from messages');
    expect(rows).toStrictEqual([{ status: 'delivered', ciphertext: null }]);
  });

  it('refuses the same ciphertext from a different mailbox: 409 duplicate_ciphertext', async () => {
    harness = await createHarness();
    const supporter = await joinSupporter(harness);
    const doctor = await newDoctor(harness);
    const other = await newDoctor(harness);
    const { body, response } = await doctor.tryWriteTo(supporter);
    expect(response.status).toBe(202);

    const copied = await submit(harness, { ...body, mailbox: other.key });
    expect(copied.status).toBe(409);
    expect(copied.body).toStrictEqual(errorBody('duplicate_ciphertext'));
    expect(await supporter.inboxIds()).toEqual([response.body.id]);
    // The copier's mailbox was not created.
    expect((await other.openMailbox()).status).toBe(404);
    expect(await count(harness, 'select count(*) as n from mailboxes')).toBe(1);
  });

  it('answers 404 supporter_not_found for an unknown supporter', async () => {
    harness = await createHarness();
    const supporter = await joinSupporter(harness);
    const doctor = await newDoctor(harness);
    const { body } = await doctor.sealFor(supporter);
    const response = await submit(harness, { ...body, supporterId: 'no-such-supporter' });
    expect(response.status).toBe(404);
    expect(response.body).toStrictEqual(errorBody('supporter_not_found'));
  });

  it('answers 404 supporter_not_found for a deactivated supporter', async () => {
    harness = await createHarness();
    const supporter = await joinSupporter(harness);
    expect((await setActive(harness, supporter.id, false)).status).toBe(200);
    const { response } = await (await newDoctor(harness)).tryWriteTo(supporter);
    expect(response.status).toBe(404);
    expect(response.body).toStrictEqual(errorBody('supporter_not_found'));
    expect(await count(harness, 'select count(*) as n from messages')).toBe(0);
  });

  it('answers 409 supporter_away while the supporter is away, and 202 once they are back', async () => {
    harness = await createHarness();
    const supporter = await joinSupporter(harness);
    expect(
      (await supporter.update({ status: 'away', awayUntil: '2026-11-28T00:00:00Z' })).status,
    ).toBe(200);
    const doctor = await newDoctor(harness);
    const { body, response } = await doctor.tryWriteTo(supporter);
    expect(response.status).toBe(409);
    expect(response.body).toStrictEqual(errorBody('supporter_away'));
    expect(await count(harness, 'select count(*) as n from messages')).toBe(0);

    harness.clock.set('2026-11-28T00:00:00Z');
    const later = await submit(harness, body);
    expect(later.status).toBe(202);
    expect(await supporter.inboxIds()).toEqual([later.body.id]);
  });

  it("answers 429 inbox_full with Retry-After once the supporter's queue is at its cap", async () => {
    harness = await createHarness({ env: { INBOX_CAP: '3' } });
    const supporter = await joinSupporter(harness);
    const other = await joinSupporter(harness);
    const accepted: string[] = [];
    for (let i = 0; i < 3; i++) {
      const { response } = await (await newDoctor(harness)).tryWriteTo(supporter, `#${i}`);
      expect(response.status).toBe(202);
      accepted.push(response.body.id);
    }
    const doctor = await newDoctor(harness);
    const { body, response } = await doctor.tryWriteTo(supporter, 'one too many');
    expect(response.status).toBe(429);
    expect(response.body).toStrictEqual(errorBody('inbox_full'));
    expect(response.headers.get('Retry-After')).toMatch(/^[1-9]\d*$/);
    expect((await supporter.inboxIds()).sort()).toEqual(accepted.sort());
    expect((await doctor.openMailbox()).status).toBe(404);

    // The cap is per supporter: another one still receives.
    expect((await doctor.tryWriteTo(other)).response.status).toBe(202);

    // Delivering one message frees one place.
    expect((await supporter.ack([accepted[0]!])).body).toStrictEqual({
      deleted: 1,
    });
    const retried = await submit(harness, body);
    expect(retried.status).toBe(202);
    const full = await (await newDoctor(harness)).tryWriteTo(supporter, 'full again');
    expect(full.response.status).toBe(429);
  });

  it.each([
    ['1024 + 47 bytes', 1024 + 47],
    ['1024 + 49 bytes', 1024 + 49],
    ['48 bytes (no block)', 48],
    ['17 blocks + 48 bytes', 17 * 1024 + 48],
    ['2048 + 47 bytes', 2048 + 47],
    ['0 bytes', 0],
  ])('refuses a ciphertext of %s with 400 bad_padding', async (_label, length) => {
    harness = await createHarness();
    const supporter = await joinSupporter(harness);
    const doctor = await newDoctor(harness);
    const response = await submit(harness, {
      supporterId: supporter.id,
      ciphertext: randomB64(length),
      mailbox: doctor.key,
    });
    expect(response.status).toBe(400);
    expect(response.body).toStrictEqual(errorBody('bad_padding'));
    expect(await count(harness, 'select count(*) as n from messages')).toBe(0);
    expect(await count(harness, 'select count(*) as n from mailboxes')).toBe(0);
  });

  it('accepts every length 1024·n + 48 from one block to sixteen', async () => {
    harness = await createHarness();
    const supporter = await joinSupporter(harness);
    const doctor = await newDoctor(harness);
    for (const blocks of [1, 2, 15, 16]) {
      const response = await submit(harness, {
        supporterId: supporter.id,
        ciphertext: randomB64(1024 * blocks + 48),
        mailbox: doctor.key,
      });
      expect(response.status, `${blocks} blocks`).toBe(202);
    }
    expect(await supporter.inboxIds()).toHaveLength(4);
  });

  describe('refuses any spelling other than base64url without padding: 400 bad_encoding', () => {
    const length = 1024 + 48; // 1072 = 3·357 + 1: two trailing characters, 4 unused bits
    const cases: [string, (bytes: Uint8Array) => string][] = [
      [
        "the standard alphabet's '+'",
        (bytes) => {
          bytes.set([0xfb, 0xef, 0xbe], 0); // '++++'
          return standardBase64(bytes, false);
        },
      ],
      [
        "the standard alphabet's '/'",
        (bytes) => {
          bytes.set([0xff, 0xff, 0xff], 0); // '////'
          return standardBase64(bytes, false);
        },
      ],
      ["'=' padding", (bytes) => `${toB64(bytes)}==`],
      ['fully standard base64 with padding', (bytes) => standardBase64(bytes, true)],
      ['non-zero trailing bits', (bytes) => withTrailingBits(bytes)],
      ['a line break inside', (bytes) => `${toB64(bytes).slice(0, 76)}\n${toB64(bytes).slice(76)}`],
    ];

    it.each(cases)('in the ciphertext: %s', async (_label, spell) => {
      harness = await createHarness();
      const supporter = await joinSupporter(harness);
      const doctor = await newDoctor(harness);
      const ciphertext = spell(randomBytes(length));
      const response = await submit(harness, {
        supporterId: supporter.id,
        ciphertext,
        mailbox: doctor.key,
      });
      expect(response.status).toBe(400);
      expect(response.body).toStrictEqual(errorBody('bad_encoding'));
      expect(await count(harness, 'select count(*) as n from messages')).toBe(0);
    });

    it('in the mailbox id and the read token', async () => {
      harness = await createHarness();
      const supporter = await joinSupporter(harness);
      const doctor = await newDoctor(harness);
      const { body } = await doctor.sealFor(supporter);
      const idBytes = fromB64(doctor.key.id);
      const tokenBytes = fromB64(doctor.key.readToken);
      const spellings = [
        { ...doctor.key, id: `${doctor.key.id}=` },
        {
          ...doctor.key,
          id: standardBase64(Uint8Array.of(0xff, 0xff, 0xff, ...idBytes.slice(3)), false),
        },
        { ...doctor.key, id: withTrailingBits(idBytes) },
        { ...doctor.key, readToken: `${doctor.key.readToken}=` },
        { ...doctor.key, readToken: withTrailingBits(tokenBytes) },
      ];
      for (const mailbox of spellings) {
        const response = await submit(harness, { ...body, mailbox });
        expect(response.status, JSON.stringify(mailbox)).toBe(400);
        expect(response.body).toStrictEqual(errorBody('bad_encoding'));
      }
      expect(await count(harness, 'select count(*) as n from messages')).toBe(0);
      expect(await count(harness, 'select count(*) as n from mailboxes')).toBe(0);
    });
  });

  it('refuses a wrong read token for an existing mailbox: 403 mailbox_forbidden', async () => {
    harness = await createHarness();
    const supporter = await joinSupporter(harness);
    const doctor = await newDoctor(harness);
    const first = await doctor.tryWriteTo(supporter);
    expect(first.response.status).toBe(202);

    const impostor = { id: doctor.key.id, readToken: randomB64(32) };
    const { body } = await doctor.withKey(impostor).sealFor(supporter, 'not me');
    const response = await submit(harness, body);
    expect(response.status).toBe(403);
    expect(response.body).toStrictEqual(errorBody('mailbox_forbidden'));

    expect(await supporter.inboxIds()).toEqual([first.response.body.id]);
    const box = await doctor.openMailbox();
    expect(box.status).toBe(200);
    expect(box.body.sent.map((s: { id: string }) => s.id)).toEqual([first.response.body.id]);
    // The impostor's token did not replace the real one.
    expect((await doctor.withKey(impostor).openMailbox()).status).toBe(404);
  });

  it('refuses a body with missing or mistyped fields: 400 invalid_request', async () => {
    harness = await createHarness();
    const supporter = await joinSupporter(harness);
    const doctor = await newDoctor(harness);
    const { body } = await doctor.sealFor(supporter);
    const { supporterId: _s, ...noSupporter } = body;
    const { ciphertext: _c, ...noCiphertext } = body;
    const { mailbox: _m, ...noMailbox } = body;
    const broken: unknown[] = [
      {},
      noSupporter,
      noCiphertext,
      noMailbox,
      { ...body, mailbox: { id: doctor.key.id } },
      { ...body, mailbox: { readToken: doctor.key.readToken } },
      { ...body, supporterId: 42 },
      { ...body, supporterId: '' },
      { ...body, ciphertext: null },
      { ...body, mailbox: { ...doctor.key, id: randomB64(31) } },
      { ...body, mailbox: { ...doctor.key, readToken: randomB64(33) } },
      { ...body, pow: { challenge: randomB64(38) } },
      [body],
    ];
    for (const request of broken) {
      const response = await submit(harness, request);
      expect(response.status, JSON.stringify(request).slice(0, 120)).toBe(400);
      expect(response.body).toStrictEqual(errorBody('invalid_request'));
    }
    expect(await count(harness, 'select count(*) as n from messages')).toBe(0);
    expect(await count(harness, 'select count(*) as n from mailboxes')).toBe(0);
  });

  it('stores nothing for a rejected submission: inbox, mailboxes and counters unchanged', async () => {
    harness = await createHarness();
    const supporter = await joinSupporter(harness);
    const away = await joinSupporter(harness);
    const inactive = await joinSupporter(harness);
    expect((await away.update({ status: 'away' })).status).toBe(200);
    expect((await setActive(harness, inactive.id, false)).status).toBe(200);
    const doctor = await newDoctor(harness);
    const first = await doctor.tryWriteTo(supporter);
    expect(first.response.status).toBe(202);
    const before = await snapshot(harness);
    const inboxBefore = (await supporter.inbox()).body;

    const stranger = await newDoctor(harness);
    const rejected: [number, string, unknown][] = [
      [
        404,
        'supporter_not_found',
        { ...(await stranger.sealFor(supporter)).body, supporterId: 'no-such-supporter' },
      ],
      [409, 'supporter_away', (await stranger.sealFor(away)).body],
      [404, 'supporter_not_found', (await stranger.sealFor(inactive)).body],
      [409, 'duplicate_ciphertext', { ...first.body, mailbox: stranger.key }],
      [
        403,
        'mailbox_forbidden',
        (await doctor.withKey({ ...doctor.key, readToken: randomB64(32) }).sealFor(supporter)).body,
      ],
      [
        400,
        'bad_padding',
        { supporterId: supporter.id, ciphertext: randomB64(1024 + 47), mailbox: stranger.key },
      ],
      [
        400,
        'bad_encoding',
        {
          supporterId: supporter.id,
          ciphertext: `${randomB64(1024 + 48)}==`,
          mailbox: stranger.key,
        },
      ],
      [400, 'invalid_request', { supporterId: supporter.id, mailbox: stranger.key }],
    ];

    for (const [status, code, request] of rejected) {
      const response = await submit(harness, request);
      expect(response.status, code).toBe(status);
      expect(response.body).toStrictEqual(errorBody(code));
    }

    expect(await snapshot(harness)).toStrictEqual(before);
    expect((await supporter.inbox()).body).toStrictEqual(inboxBefore);
    expect(await away.inboxIds()).toEqual([]);
    expect((await stranger.openMailbox()).status).toBe(404);
  });
});

describe('POST /api/v1/mailbox/open', () => {
  it('answers an unknown mailbox and a wrong read token with byte-identical 404 mailbox_not_found', async () => {
    harness = await createHarness();
    const supporter = await joinSupporter(harness);
    const doctor = await newDoctor(harness);
    expect((await doctor.tryWriteTo(supporter)).response.status).toBe(202);

    const unknown = await (await newDoctor(harness)).openMailbox();
    const wrongToken = await doctor
      .withKey({ id: doctor.key.id, readToken: randomB64(32) })
      .openMailbox();
    const swapped = await doctor
      .withKey({ id: doctor.key.readToken, readToken: doctor.key.id })
      .openMailbox();
    for (const response of [unknown, wrongToken, swapped]) {
      expect(response.status).toBe(404);
      expect(response.body).toStrictEqual(errorBody('mailbox_not_found'));
    }
    expect(wrongToken.text).toBe(unknown.text);
    expect(swapped.text).toBe(unknown.text);
    expect(wrongToken.headers.get('Content-Type')).toBe(unknown.headers.get('Content-Type'));
  });

  it('shows what the mailbox sent, queued until the supporter acks and delivered after', async () => {
    harness = await createHarness();
    const kari = await joinSupporter(harness);
    const ola = await joinSupporter(harness);
    const doctor = await newDoctor(harness);
    const toKari = await doctor.tryWriteTo(kari, 'to Kari');
    const toOla = await doctor.tryWriteTo(ola, 'to Ola');

    const box = await doctor.openMailbox();
    expect(box.status).toBe(200);
    expect(box.body.expiresAt).toBe(MAILBOX_EXPIRES_AT);
    expect(box.body.replies).toStrictEqual([]);
    const byId = (body: { sent: { id: string }[] }) =>
      Object.fromEntries(body.sent.map((s) => [s.id, s]));
    expect(box.body.sent).toHaveLength(2);
    expect(byId(box.body)).toStrictEqual({
      [toKari.response.body.id]: expect.objectContaining({
        id: toKari.response.body.id,
        supporterId: kari.id,
        status: 'queued',
        expiresAt: MESSAGE_EXPIRES_AT,
      }),
      [toOla.response.body.id]: expect.objectContaining({
        id: toOla.response.body.id,
        supporterId: ola.id,
        status: 'queued',
        expiresAt: MESSAGE_EXPIRES_AT,
      }),
    });

    harness.clock.advanceHours(3);
    const ack = await kari.ack([toKari.response.body.id]);
    expect(ack.body).toStrictEqual({ deleted: 1 });
    // Delivered ciphertext is deleted at once.
    expect(
      await query(harness, 'select status, ciphertext from messages where id = ?', [
        toKari.response.body.id,
      ]),
    ).toStrictEqual([{ status: 'delivered', ciphertext: null }]);

    const after = await doctor.openMailbox();
    expect(byId(after.body)[toKari.response.body.id]).toMatchObject({
      supporterId: kari.id,
      status: 'delivered',
    });
    expect(byId(after.body)[toOla.response.body.id]).toMatchObject({
      supporterId: ola.id,
      status: 'queued',
    });
    // Opening is activity: the mailbox now lives 30 days from 17:00.
    expect(after.body.expiresAt).toBe('2026-12-27T17:00:00Z');
  });

  it('lists replies whose ciphertext opens with openReply and proves the sender', async () => {
    harness = await createHarness();
    const supporter = await joinSupporter(harness);
    const other = await joinSupporter(harness);
    const doctor = await newDoctor(harness);
    const { sealed, response } = await doctor.tryWriteTo(supporter, 'Help?');
    harness.clock.advanceHours(2);
    const { reply, response: sent } = await supporter.tryReply(
      await supporter.openMessage(response.body.id),
      'I can call you tonight.',
    );
    expect(sent.status).toBe(202);

    const box = await doctor.openMailbox();
    expect(box.status).toBe(200);
    expect(box.body.replies).toStrictEqual([
      expect.objectContaining({
        id: reply.id,
        supporterId: supporter.id,
        ciphertext: toB64(reply.ciphertext),
        sentAt: '2026-11-27T16:00:00Z',
      }),
    ]);
    const opened = await openReply(
      fromB64(box.body.replies[0].ciphertext),
      supporter.publicKey,
      doctor.mailbox.replySecretKey,
    );
    expect(opened).toStrictEqual({
      v: 1,
      kind: 'reply',
      thread: sealed.message.thread,
      text: 'I can call you tonight.',
      from: { id: supporter.id, name: supporter.name },
      sentAt: '2026-11-27T16:25Z',
    });
    // Under another supporter's key the same bytes do not open: the sender is proven.
    await expect(
      openReply(
        fromB64(box.body.replies[0].ciphertext),
        other.publicKey,
        doctor.mailbox.replySecretKey,
      ),
    ).rejects.toMatchObject({ code: 'decryption_failed' });
  });
});

describe('POST /api/v1/mailbox/ack', () => {
  async function doctorWithReplies(texts: string[]) {
    const supporter = await joinSupporter(harness);
    const doctor = await newDoctor(harness);
    const { response } = await doctor.tryWriteTo(supporter);
    const replies: string[] = [];
    for (const text of texts) {
      const { reply, response: sent } = await supporter.tryReply(
        await supporter.openMessage(response.body.id),
        text,
      );
      expect(sent.status).toBe(202);
      replies.push(reply.id);
    }
    return { supporter, doctor, replies };
  }

  async function replyIds(doctor: Doctor): Promise<string[]> {
    const box = await doctor.openMailbox();
    expect(box.status).toBe(200);
    return box.body.replies.map((r: { id: string }) => r.id).sort();
  }

  it('deletes the given replies for good and answers {deleted: n}', async () => {
    harness = await createHarness();
    const { doctor, replies } = await doctorWithReplies(['one', 'two', 'three']);
    const [one, two, three] = replies as [string, string, string];
    expect(await replyIds(doctor)).toEqual(sorted(one, two, three));

    const ack = await doctor.ackReplies([one, three]);
    expect(ack.status).toBe(200);
    expect(ack.body).toStrictEqual({ deleted: 2 });
    expect(await replyIds(doctor)).toEqual([two]);
    expect(await count(harness, 'select count(*) as n from replies')).toBe(1);
  });

  it('is idempotent: acknowledging again deletes nothing more', async () => {
    harness = await createHarness();
    const { doctor, replies } = await doctorWithReplies(['one', 'two']);
    const [one, two] = replies as [string, string];
    expect((await doctor.ackReplies([one])).body).toStrictEqual({ deleted: 1 });
    expect((await doctor.ackReplies([one])).body).toStrictEqual({ deleted: 0 });
    expect((await doctor.ackReplies([one, two, 'no-such-reply', two])).body).toStrictEqual({
      deleted: 1,
    });
    expect((await doctor.ackReplies([one, two])).body).toStrictEqual({
      deleted: 0,
    });
    expect((await doctor.ackReplies([])).body).toStrictEqual({ deleted: 0 });
    expect(await replyIds(doctor)).toEqual([]);
  });

  it("cannot delete another mailbox's replies", async () => {
    harness = await createHarness();
    const first = await doctorWithReplies(['for the first doctor']);
    const second = await doctorWithReplies(['for the second doctor']);
    const ack = await second.doctor.ackReplies([first.replies[0]!]);
    expect(ack.status).toBe(200);
    expect(ack.body).toStrictEqual({ deleted: 0 });
    expect(await replyIds(first.doctor)).toEqual([first.replies[0]]);
    expect(await replyIds(second.doctor)).toEqual([second.replies[0]]);
  });

  it('answers a wrong read token or unknown mailbox 404 mailbox_not_found and deletes nothing', async () => {
    harness = await createHarness();
    const { doctor, replies } = await doctorWithReplies(['keep me']);
    const wrong = await doctor
      .withKey({ id: doctor.key.id, readToken: randomB64(32) })
      .ackReplies(replies);
    expect(wrong.status).toBe(404);
    expect(wrong.body).toStrictEqual(errorBody('mailbox_not_found'));
    const unknown = await (await newDoctor(harness)).ackReplies(replies);
    expect(unknown.status).toBe(404);
    expect(unknown.text).toBe(wrong.text);
    expect(await replyIds(doctor)).toEqual(replies);
  });
});

describe('GET /api/v1/site', () => {
  it('tells the pages the emergency numbers and proof-of-work difficulty, without auth', async () => {
    const harness = await createHarness({
      env: { POW_DIFFICULTY: '5', EMERGENCY_NUMBERS: '112:emergency' },
    });
    try {
      const site = await harness.request('GET', '/api/v1/site');
      expect(site.status).toBe(200);
      expect(site.body).toEqual({
        emergencyNumbers: [{ number: '112', kind: 'emergency' }],
        powDifficulty: 5,
        maxTextChars: 8000,
      });
    } finally {
      harness.dispose();
    }
  });
});

describe('counting submissions', () => {
  it('counts identical submissions racing each other once, in the same commit as the message', async () => {
    const harness = await createHarness();
    try {
      const supporter = await joinSupporter(harness);
      const { body } = await (await newDoctor()).sealFor(supporter, 'racing');
      const answers = await Promise.all(
        [1, 2, 3, 4].map(() => harness.request('POST', '/api/v1/messages', { body })),
      );
      expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 202]);
      const health = await harness.request('GET', '/api/v1/admin/health', {
        token: OPERATOR_TOKEN,
      });
      expect(health.body.last30Days.submitted).toBe(1);
      const counts = await harness.request('GET', '/api/v1/me/counts', { token: supporter.token });
      expect(counts.body.months.at(-1)).toEqual({ month: '2026-11', firstContacts: 1 });
    } finally {
      harness.dispose();
    }
  });
});
