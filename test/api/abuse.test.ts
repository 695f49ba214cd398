import { afterEach, describe, expect, it } from 'vitest';
import { SubmissionLoad } from '../../src/domain/submission-load.ts';
import { joinSupporter, newDoctor, solvedProof, submit } from '../support/actors.ts';
import { query } from '../support/database.ts';
import { createHarness, type Harness } from '../support/harness.ts';

let harness: Harness | undefined;
afterEach(() => {
  harness?.dispose();
  harness = undefined;
});

describe('proof-of-work difficulty under a surge', () => {
  it('adds one bit past the threshold and one per doubling, capped, and falls back', () => {
    const load = new SubmissionLoad(10);
    const t0 = new Date('2026-11-27T14:00:05Z');
    for (let i = 0; i < 10; i++) load.record(t0);
    expect(load.surgeBits(t0)).toBe(0);
    load.record(t0);
    expect(load.surgeBits(t0)).toBe(1);
    for (let i = 0; i < 9; i++) load.record(t0);
    expect(load.surgeBits(t0)).toBe(2); // 20 a minute: one doubling past 10
    for (let i = 0; i < 5000; i++) load.record(t0);
    expect(load.surgeBits(t0)).toBe(8);
    // The next minute still remembers the surge; two minutes later it has passed.
    expect(load.surgeBits(new Date('2026-11-27T14:01:30Z'))).toBe(8);
    expect(load.surgeBits(new Date('2026-11-27T14:02:01Z'))).toBe(0);
  });

  it('raises the difficulty /pow asks for when submissions exceed the threshold, then lowers it', async () => {
    harness = await createHarness({ env: { POW_DIFFICULTY: '2', POW_SURGE_PER_MINUTE: '3' } });
    const supporter = await joinSupporter(harness);
    expect((await harness.request('GET', '/api/v1/pow')).body.difficulty).toBe(2);
    for (let i = 0; i < 4; i++) {
      const doctor = await newDoctor(harness);
      const { response } = await doctor.tryWriteTo(supporter, `surge ${i}`, { pow: true });
      expect(response.status).toBe(202);
    }
    expect((await harness.request('GET', '/api/v1/pow')).body.difficulty).toBe(3);
    expect((await harness.request('GET', '/api/v1/site')).body.powDifficulty).toBe(3);
    harness.clock.advanceHours(1);
    expect((await harness.request('GET', '/api/v1/pow')).body.difficulty).toBe(2);
  });

  it('requires a proof during a surge even when the configured difficulty is 0', async () => {
    harness = await createHarness({ env: { POW_DIFFICULTY: '0', POW_SURGE_PER_MINUTE: '1' } });
    const supporter = await joinSupporter(harness);
    for (let i = 0; i < 2; i++) {
      const { body } = await (await newDoctor()).sealFor(supporter, `calm ${i}`);
      expect((await harness.request('POST', '/api/v1/messages', { body })).status).toBe(202);
    }
    const { body } = await (await newDoctor()).sealFor(supporter, 'in the surge');
    const refused = await harness.request('POST', '/api/v1/messages', { body });
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('bad_pow');
    const proven = await submit(harness, { ...body, pow: await solvedProof(harness) });
    expect(proven.status).toBe(202);
  });
});

describe('global submission ceiling', () => {
  it('answers 429 relay_busy past the hourly ceiling and takes the same body next hour', async () => {
    harness = await createHarness({
      env: { SUBMISSIONS_PER_HOUR: '2', POW_SURGE_PER_MINUTE: '1000' },
    });
    const a = await joinSupporter(harness);
    const b = await joinSupporter(harness);
    for (const supporter of [a, b]) {
      const { body } = await (await newDoctor()).sealFor(supporter);
      expect((await harness.request('POST', '/api/v1/messages', { body })).status).toBe(202);
    }
    const { body } = await (await newDoctor()).sealFor(b, 'third this hour');
    const busy = await harness.request('POST', '/api/v1/messages', { body });
    expect(busy.status).toBe(429);
    expect(busy.body.error.code).toBe('relay_busy');
    expect(busy.headers.get('Retry-After')).toBe('2100'); // 14:25 → 15:00
    const inbox = await harness.request('GET', '/api/v1/inbox', { token: b.token });
    expect(inbox.body.messages).toHaveLength(1);
    const health = await harness.request('GET', '/api/v1/admin/health', {
      token: 'operator-token-for-tests-0123456789abcdef',
    });
    expect(health.body.last30Days.rate_limited).toBe(1);

    harness.clock.advanceHours(1);
    expect((await harness.request('POST', '/api/v1/messages', { body })).status).toBe(202);
  });
});

describe('per-supporter hourly cap (issue 15)', () => {
  it('refuses the supporter flooded past SUBMISSIONS_PER_SUPPORTER_PER_HOUR with 429 inbox_full, and no one else', async () => {
    harness = await createHarness({
      env: { SUBMISSIONS_PER_SUPPORTER_PER_HOUR: '2', POW_SURGE_PER_MINUTE: '1000' },
    });
    const flooded = await joinSupporter(harness);
    const other = await joinSupporter(harness);
    for (let i = 0; i < 2; i++) {
      const { body } = await (await newDoctor()).sealFor(flooded, `junk ${i}`);
      expect((await harness.request('POST', '/api/v1/messages', { body })).status).toBe(202);
    }
    const { body } = await (await newDoctor()).sealFor(flooded, 'one too many');
    const full = await harness.request('POST', '/api/v1/messages', { body });
    expect(full.status).toBe(429);
    expect(full.body.error.code).toBe('inbox_full');
    expect(full.headers.get('Retry-After')).toBe('2100'); // 14:25 → 15:00
    for (let i = 0; i < 2; i++) {
      const honest = await (await newDoctor()).sealFor(other, `honest ${i}`);
      const response = await harness.request('POST', '/api/v1/messages', { body: honest.body });
      expect(response.status).toBe(202);
    }
    expect(await flooded.inboxIds()).toHaveLength(2);

    harness.clock.advanceHours(1);
    expect((await harness.request('POST', '/api/v1/messages', { body })).status).toBe(202);
  });
});

describe('reply cap per mailbox (issue 15)', () => {
  it('answers 429 mailbox_full past MAILBOX_REPLY_CAP unread replies, and takes one again once the doctor deletes one', async () => {
    harness = await createHarness({ env: { MAILBOX_REPLY_CAP: '2' } });
    const supporter = await joinSupporter(harness);
    const doctor = await newDoctor(harness);
    const { sealed } = await doctor.writeTo(supporter);
    const first = await supporter.reply(sealed.message, 'one');
    await supporter.reply(sealed.message, 'two');
    const third = await supporter.tryReply(sealed.message, 'three');
    expect(third.response.status).toBe(429);
    expect(third.response.body).toStrictEqual({
      error: { code: 'mailbox_full', message: expect.any(String) },
    });
    expect(third.response.headers.get('Retry-After')).toBe('3600');
    expect((await doctor.openMailbox()).body.replies).toHaveLength(2);

    expect((await doctor.ackReplies([first.id])).body).toStrictEqual({ deleted: 1 });
    expect((await supporter.tryReply(sealed.message, 'three')).response.status).toBe(202);
  });

  it('a reply does not extend its mailbox, and expires with it at the latest', async () => {
    harness = await createHarness();
    const supporter = await joinSupporter(harness);
    const doctor = await newDoctor(harness);
    const { sealed } = await doctor.writeTo(supporter);
    const before = (await doctor.openMailbox()).body.expiresAt;
    expect(before).toBe('2026-12-27T14:00:00Z'); // 30 days from the doctor's last activity
    harness.clock.advanceHours(20 * 24);
    const reply = await (await supporter.logIn()).reply(sealed.message, 'late answer');
    // Its own life (30 days) would end on 16 January; its mailbox's ends first.
    expect(reply.response.body.expiresAt).toBe(before);
    const row = await query(harness, 'select expires_hour as e from mailboxes where id = ?', [
      doctor.key.id,
    ]);
    expect(new Date(Number(row[0]?.e) * 1000).toISOString()).toBe('2026-12-27T14:00:00.000Z');
  });
});
