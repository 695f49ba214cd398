/**
 * Lifetimes (PROTOCOL.md §8) on a fake clock, enforced by the sweep
 * `expireStaleRecords`. The clock starts at 2026-11-27T14:25Z, stored as the
 * 14:00 hour; an expiry is that hour plus the lifetime, so nothing is kept
 * longer than its stated lifetime (and at most one hour less).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { expireStaleRecords } from '../../src/domain/expiry.ts';
import {
  createInvite,
  type Doctor,
  health,
  joinSupporter,
  newDoctor,
  register,
  registrationFor,
  submit,
} from '../support/actors.ts';
import { count, query, snapshot } from '../support/database.ts';
import { createHarness, type Harness, OPERATOR_TOKEN } from '../support/harness.ts';

let harness: Harness;
afterEach(() => harness?.dispose());

const DAY_HOURS = 24;
const NOTHING = {
  expiredMessages: 0,
  expiredReplies: 0,
  expiredMailboxes: 0,
  expiredArchiveItems: 0,
};

/** Advances the fake clock to `days` days (and `hours` hours) after the start, 14:25 on 27 Nov. */
function at(days: number, hours = 0): void {
  harness.clock.set(
    new Date(Date.parse('2026-11-27T14:25:00Z') + (days * DAY_HOURS + hours) * 3_600_000),
  );
}

function sweep() {
  return expireStaleRecords(harness.relay);
}

function errorBody(code: string) {
  return { error: { code, message: expect.any(String) } };
}

async function sentStatus(doctor: Doctor, id: string): Promise<string> {
  const box = await doctor.openMailbox();
  expect(box.status).toBe(200);
  const entry = box.body.sent.find((s: { id: string }) => s.id === id);
  return entry?.status ?? 'missing';
}

/** A fresh supporter's registration with `invite`, answered as it is. */
async function registerWith(invite: string) {
  return register(harness, (await registrationFor(harness, { invite })).body);
}

describe('undelivered messages', () => {
  it('expire 14 days after submission, not before: shown expired, gone from the inbox, ciphertext NULL', async () => {
    harness = await createHarness();
    let supporter = await joinSupporter(harness);
    const doctor = await newDoctor(harness);
    const { response } = await doctor.tryWriteTo(supporter);
    const id: string = response.body.id;
    expect(response.body.expiresAt).toBe('2026-12-11T14:00:00Z');

    at(13);
    expect(await sweep()).toStrictEqual(NOTHING);
    supporter = await supporter.logIn();
    expect(await sentStatus(doctor, id)).toBe('queued');
    expect(await supporter.inboxIds()).toEqual([id]);

    // An hour short of 14 days it is still within its lifetime.
    at(14, -1);
    expect(await sweep()).toStrictEqual(NOTHING);
    supporter = await supporter.logIn();
    expect(await sentStatus(doctor, id)).toBe('queued');
    expect(await supporter.inboxIds()).toEqual([id]);

    at(14);
    // At its deadline it is expired even before the sweep runs.
    expect(await sentStatus(doctor, id)).toBe('expired');
    expect(await supporter.inboxIds()).toEqual([]);

    expect(await sweep()).toStrictEqual({ ...NOTHING, expiredMessages: 1 });
    expect(
      await query(harness, 'select status, ciphertext from messages where id = ?', [id]),
    ).toStrictEqual([{ status: 'expired', ciphertext: null }]);
    expect(await sentStatus(doctor, id)).toBe('expired');
    expect((await supporter.inbox()).body).toStrictEqual({ messages: [] });

    // Too late to acknowledge: nothing is delivered.
    expect((await supporter.ack([id])).body).toStrictEqual({ deleted: 0 });
    expect(await sentStatus(doctor, id)).toBe('expired');

    const figures = await health(harness);
    expect(figures.status).toBe(200);
    expect(figures.body.last30Days.expired).toBe(1);
    expect(figures.body.last30Days.delivered).toBe(0);
    expect(figures.body.pendingMessages).toBe(0);
  });

  it('a delivered message is never marked expired', async () => {
    harness = await createHarness();
    const supporter = await joinSupporter(harness);
    const doctor = await newDoctor(harness);
    const { response } = await doctor.tryWriteTo(supporter);
    expect((await supporter.ack([response.body.id])).body).toStrictEqual({
      deleted: 1,
    });
    at(20);
    expect(await sweep()).toStrictEqual(NOTHING);
    expect(await sentStatus(doctor, response.body.id)).toBe('delivered');
    expect((await health(harness)).body.last30Days.expired).toBe(0);
  });
});

describe('replies', () => {
  it('an unread reply disappears 30 days after it was sent', async () => {
    harness = await createHarness();
    const supporter = await joinSupporter(harness);
    const doctor = await newDoctor(harness);
    const { sealed, response } = await doctor.tryWriteTo(supporter);
    expect((await supporter.ack([response.body.id])).body).toStrictEqual({
      deleted: 1,
    });
    const { reply, response: sent } = await supporter.tryReply(sealed.message, 'Call me');
    expect(sent.status).toBe(202);
    expect(sent.body).toStrictEqual({ id: reply.id, expiresAt: '2026-12-27T14:00:00Z' });

    const replyIds = async () =>
      (await doctor.openMailbox()).body.replies.map((r: { id: string }) => r.id);

    at(29);
    expect(await sweep()).toStrictEqual(NOTHING);
    expect(await replyIds()).toEqual([reply.id]);
    at(30, -1);
    expect(await sweep()).toStrictEqual(NOTHING);
    expect(await replyIds()).toEqual([reply.id]);

    at(30);
    expect(await replyIds()).toEqual([]);
    expect(await sweep()).toStrictEqual({ ...NOTHING, expiredReplies: 1 });
    expect(await count(harness, 'select count(*) as n from replies')).toBe(0);
    // Acknowledging it now deletes nothing; the mailbox itself lives on (it was opened).
    expect((await doctor.ackReplies([reply.id])).body).toStrictEqual({ deleted: 0 });
    expect((await health(harness)).body.last30Days.reply_expired).toBe(1);
  });
});

describe('mailboxes', () => {
  it('expire 30 days after their last activity: opened on day 20, kept on day 45, gone from day 50 on', async () => {
    harness = await createHarness();
    let supporter = await joinSupporter(harness);
    const doctor = await newDoctor(harness);
    const { sealed, response } = await doctor.tryWriteTo(supporter);
    expect((await supporter.ack([response.body.id])).body).toStrictEqual({
      deleted: 1,
    });
    const mailboxes = () =>
      count(harness, 'select count(*) as n from mailboxes where id = ?', [doctor.key.id]);

    at(20);
    const opened = await doctor.openMailbox();
    expect(opened.status).toBe(200);
    expect(opened.body.expiresAt).toBe('2027-01-16T14:00:00Z');

    // Checked without opening, which would extend it again.
    at(45);
    expect(await sweep()).toStrictEqual(NOTHING);
    expect(await mailboxes()).toBe(1);
    at(50, -1);
    expect(await sweep()).toStrictEqual(NOTHING);
    expect(await mailboxes()).toBe(1);

    at(50);
    const gone = await doctor.openMailbox();
    expect(gone.status).toBe(404);
    expect(gone.text).toBe((await (await newDoctor(harness)).openMailbox()).text);
    expect(await sweep()).toStrictEqual({ ...NOTHING, expiredMailboxes: 1 });
    expect(await mailboxes()).toBe(0);
    // The sent-status rows went with it.
    expect(await count(harness, 'select count(*) as n from messages')).toBe(0);
    at(51);
    expect((await doctor.openMailbox()).status).toBe(404);
    expect(await sweep()).toStrictEqual(NOTHING);

    // The supporter can no longer reply to it.
    supporter = await supporter.logIn();
    const late = await supporter.tryReply(sealed.message, 'Sorry for the delay');
    expect(late.response.status).toBe(404);
    expect(late.response.body).toStrictEqual(errorBody('mailbox_not_found'));
  });

  it('a mailbox nobody opens ends 30 days after its last message', async () => {
    harness = await createHarness();
    const supporter = await joinSupporter(harness);
    const doctor = await newDoctor(harness);
    const first = await doctor.tryWriteTo(supporter);
    const mailboxes = () => count(harness, 'select count(*) as n from mailboxes');

    // A follow-up on day 10 is activity.
    at(10);
    const follow = await submit(
      harness,
      (await doctor.sealFor(supporter, 'Still there?', { thread: first.sealed.message.thread }))
        .body,
    );
    expect(follow.status).toBe(202);

    at(31);
    // Both messages went undelivered past 14 days; the mailbox lives on.
    expect(await sweep()).toStrictEqual({ ...NOTHING, expiredMessages: 2 });
    expect(await mailboxes()).toBe(1);
    at(40, -1);
    expect(await sweep()).toStrictEqual(NOTHING);
    expect(await mailboxes()).toBe(1);

    at(40);
    expect(await sweep()).toStrictEqual({ ...NOTHING, expiredMailboxes: 1 });
    expect(await mailboxes()).toBe(0);
    expect(await count(harness, 'select count(*) as n from messages')).toBe(0);
    expect((await health(harness)).body.last30Days.expired).toBe(2);
  });

  it('a queued message inside a mailbox that ends is counted expired once', async () => {
    harness = await createHarness({ env: { MAILBOX_TTL_HOURS: '24' } });
    const supporter = await joinSupporter(harness);
    const doctor = await newDoctor(harness);
    await doctor.tryWriteTo(supporter);
    at(1);
    expect(await sweep()).toStrictEqual({ ...NOTHING, expiredMessages: 1, expiredMailboxes: 1 });
    expect(await count(harness, 'select count(*) as n from messages')).toBe(0);
    expect(await sweep()).toStrictEqual(NOTHING);
    expect((await health(harness)).body.last30Days.expired).toBe(1);
  });

  it('a code whose mailbox ended starts afresh, without the old status rows', async () => {
    harness = await createHarness();
    const supporter = await joinSupporter(harness);
    const doctor = await newDoctor(harness);
    const old = await doctor.tryWriteTo(supporter, 'old');
    at(31);
    await sweep();
    const supporterNow = await supporter.logIn();
    const fresh = await doctor.tryWriteTo(supporterNow, 'new');
    expect(fresh.response.status).toBe(202);
    const box = await doctor.openMailbox();
    expect(box.body.sent.map((s: { id: string }) => s.id)).toEqual([fresh.response.body.id]);
    expect(box.body.sent[0].id).not.toBe(old.response.body.id);
  });
});

describe('the sweep', () => {
  /** A queued message, an unread reply and two mailboxes, all due by day 31. */
  async function dueRecords() {
    const supporter = await joinSupporter(harness);
    const silent = await newDoctor(harness);
    await silent.tryWriteTo(supporter, 'never read');
    const answered = await newDoctor(harness);
    const { sealed, response } = await answered.tryWriteTo(supporter, 'read');
    await supporter.ack([response.body.id]);
    const sent = await supporter.tryReply(sealed.message, 'never opened');
    expect(sent.response.status).toBe(202);
    at(31);
  }

  const DUE = { ...NOTHING, expiredMessages: 1, expiredReplies: 1, expiredMailboxes: 2 };

  it('is idempotent: a second run returns zeros and changes nothing', async () => {
    harness = await createHarness();
    await dueRecords();
    expect(await sweep()).toStrictEqual(DUE);
    const after = await snapshot(harness);
    const figures = (await health(harness)).body;
    expect(figures.last30Days).toMatchObject({ expired: 1, reply_expired: 1 });

    expect(await sweep()).toStrictEqual(NOTHING);
    expect(await snapshot(harness)).toStrictEqual(after);
    expect((await health(harness)).body.last30Days).toStrictEqual(figures.last30Days);
    expect(await sweep()).toStrictEqual(NOTHING);
    expect(await snapshot(harness)).toStrictEqual(after);
  });

  it('two sweeps at once expire each record exactly once', async () => {
    harness = await createHarness();
    await dueRecords();
    const results = await Promise.all([sweep(), sweep()]);
    expect({
      expiredMessages: results[0].expiredMessages + results[1].expiredMessages,
      expiredReplies: results[0].expiredReplies + results[1].expiredReplies,
      expiredMailboxes: results[0].expiredMailboxes + results[1].expiredMailboxes,
      expiredArchiveItems: results[0].expiredArchiveItems + results[1].expiredArchiveItems,
    }).toStrictEqual(DUE);
    expect((await health(harness)).body.last30Days).toMatchObject({ expired: 1, reply_expired: 1 });
  });

  it("forgets the received counts of past hours and keeps the current hour's", async () => {
    harness = await createHarness();
    const supporter = await joinSupporter(harness);
    const hour = Date.parse('2026-11-27T14:00:00Z') / 1000;
    const sendMessages = async (n: number) => {
      for (let i = 0; i < n; i++) {
        const { response } = await (await newDoctor(harness)).tryWriteTo(supporter);
        expect(response.status).toBe(202);
      }
    };
    const hourlyReceived = () =>
      query(harness, 'select hour, count from hourly_received order by hour');

    await sendMessages(2); // 14:25
    harness.clock.advanceHours(1);
    await sendMessages(1); // 15:25
    harness.clock.advanceHours(1);
    await sendMessages(3); // 16:25

    // Submitting does not drop past hours; only the sweep does.
    expect(await hourlyReceived()).toStrictEqual([
      { hour, count: 2 },
      { hour: hour + 3600, count: 1 },
      { hour: hour + 7200, count: 3 },
    ]);
    expect(await sweep()).toStrictEqual(NOTHING);
    expect(await hourlyReceived()).toStrictEqual([{ hour: hour + 7200, count: 3 }]);
    // Again in the same hour: the current hour's count stays.
    expect(await sweep()).toStrictEqual(NOTHING);
    expect(await hourlyReceived()).toStrictEqual([{ hour: hour + 7200, count: 3 }]);
  });

  it('does nothing on a fresh relay', async () => {
    harness = await createHarness();
    const before = await snapshot(harness);
    expect(await sweep()).toStrictEqual(NOTHING);
    expect(await snapshot(harness)).toStrictEqual(before);
  });
});

describe('sessions', () => {
  it('a supporter session lasts 12 hours, then gets 401 on /api/v1/inbox', async () => {
    harness = await createHarness();
    const supporter = await joinSupporter(harness);
    const session = await harness.request('POST', '/api/v1/session', {
      body: { login: supporter.login, authKey: supporter.authKey },
    });
    expect(session.body.expiresAt).toBe('2026-11-28T02:00:00Z');
    const token: string = session.body.token;

    at(0, 11);
    expect((await harness.request('GET', '/api/v1/inbox', { token })).status).toBe(200);

    at(0, 12);
    const expired = await harness.request('GET', '/api/v1/inbox', { token });
    expect(expired.status).toBe(401);
    expect(expired.body).toStrictEqual(errorBody('unauthorized'));
    expect(
      (await harness.request('POST', '/api/v1/inbox/ack', { token, body: { ids: [] } })).status,
    ).toBe(401);

    await sweep();
    expect(await count(harness, 'select count(*) as n from sessions')).toBe(0);
    expect((await harness.request('GET', '/api/v1/inbox', { token })).status).toBe(401);
    // Logging in again works.
    const again = await supporter.logIn();
    expect((await again.inbox()).status).toBe(200);
  });
});

describe('invites', () => {
  it('an invite is valid for 14 days, then 410 invite_expired', async () => {
    harness = await createHarness();
    const created = await harness.request('POST', '/api/v1/admin/invites', {
      token: OPERATOR_TOKEN,
      body: {},
    });
    expect(created.status).toBe(201);
    const punctual = (await createInvite(harness)).token;
    const late: string = created.body.token;

    at(14, -1);
    expect((await registerWith(punctual)).status).toBe(201);

    at(14);
    const expired = await registerWith(late);
    expect(expired.status).toBe(410);
    expect(expired.body).toStrictEqual(errorBody('invite_expired'));
  });

  it('an invite with expiresInDays 1 expires after a day', async () => {
    harness = await createHarness();
    const created = await harness.request('POST', '/api/v1/admin/invites', {
      token: OPERATOR_TOKEN,
      body: { expiresInDays: 1 },
    });
    expect(created.status).toBe(201);
    at(1);
    const expired = await registerWith(created.body.token);
    expect(expired.status).toBe(410);
    expect(expired.body).toStrictEqual(errorBody('invite_expired'));
  });

  it('an expired invite is still answered 410 invite_expired after the sweep', async () => {
    harness = await createHarness();
    const invite = (await createInvite(harness)).token;
    at(15);
    await sweep();
    const expired = await registerWith(invite);
    expect(expired.status).toBe(410);
    expect(expired.body).toStrictEqual(errorBody('invite_expired'));
  });
});

describe('configurable lifetimes', () => {
  it('MESSAGE_TTL_HOURS=2: an undelivered message expires after two hours', async () => {
    harness = await createHarness({ env: { MESSAGE_TTL_HOURS: '2' } });
    const supporter = await joinSupporter(harness);
    const doctor = await newDoctor(harness);
    const { response } = await doctor.tryWriteTo(supporter);
    expect(response.body.expiresAt).toBe('2026-11-27T16:00:00Z');

    at(0, 1);
    expect(await sweep()).toStrictEqual(NOTHING);
    expect(await sentStatus(doctor, response.body.id)).toBe('queued');
    expect(await supporter.inboxIds()).toEqual([response.body.id]);

    at(0, 2);
    expect(await supporter.inboxIds()).toEqual([]);
    expect(await sweep()).toStrictEqual({ ...NOTHING, expiredMessages: 1 });
    expect(await sentStatus(doctor, response.body.id)).toBe('expired');
    expect(
      await query(harness, 'select ciphertext from messages where id = ?', [response.body.id]),
    ).toStrictEqual([{ ciphertext: null }]);
  });

  it('every lifetime follows its setting', async () => {
    harness = await createHarness({
      env: {
        REPLY_TTL_HOURS: '5',
        MAILBOX_TTL_HOURS: '48',
        SESSION_TTL_HOURS: '1',
        INVITE_TTL_HOURS: '3',
      },
    });
    const invite = await harness.request('POST', '/api/v1/admin/invites', {
      token: OPERATOR_TOKEN,
      body: {},
    });
    expect(invite.body.expiresAt).toBe('2026-11-27T17:00:00Z');
    const supporter = await joinSupporter(harness);
    const session = await harness.request('POST', '/api/v1/session', {
      body: { login: supporter.login, authKey: supporter.authKey },
    });
    expect(session.body.expiresAt).toBe('2026-11-27T15:00:00Z');

    const doctor = await newDoctor(harness);
    const { sealed, response } = await doctor.tryWriteTo(supporter);
    await supporter.ack([response.body.id]);
    const { response: sent } = await supporter.tryReply(sealed.message, 'hi');
    expect(sent.body.expiresAt).toBe('2026-11-27T19:00:00Z');
    expect((await doctor.openMailbox()).body.expiresAt).toBe('2026-11-29T14:00:00Z');

    at(0, 1);
    expect((await supporter.inbox()).status).toBe(401);
    expect((await registerWith(invite.body.token)).status).toBe(201);

    at(0, 5);
    expect(await sweep()).toStrictEqual({ ...NOTHING, expiredReplies: 1 });
    expect((await registerWith((await createInvite(harness)).token)).status).toBe(201);

    at(2, -1);
    expect(await sweep()).toStrictEqual(NOTHING);
    at(2);
    expect(await sweep()).toStrictEqual({ ...NOTHING, expiredMailboxes: 1 });
  });
});
