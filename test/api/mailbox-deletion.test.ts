/**
 * Deleting a mailbox (PROTOCOL.md §10.2) and the doctor's own copies
 * (§10.1), where the database itself must be looked at: which rows go, what
 * the tombstone keeps (a hash of the id and an hour, nothing else), how long
 * it lasts, and that copies and replies leave relay.db and its WAL.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { expireStaleRecords } from '../../src/domain/expiry.ts';
import { fromB64 } from '../../web/src/protocol/index.ts';
import { type Doctor, joinSupporter, newDoctor, type Supporter } from '../support/actors.ts';
import { expectError } from '../support/expect-error.ts';
import { createHarness, type Harness } from '../support/harness.ts';
import {
  filesContaining,
  leakedSecrets,
  middleSlice,
  readDatabaseFiles,
} from '../support/process-helpers.ts';

let harness: Harness | undefined;
afterEach(() => {
  harness?.dispose();
  harness = undefined;
});

async function start(): Promise<Harness> {
  harness = await createHarness();
  return harness;
}

async function rows(h: Harness, sql: string, args: string[] = []) {
  return (await h.node.store.client.execute({ sql, args })).rows;
}

async function count(h: Harness, table: string, mailboxId: string): Promise<number> {
  const [row] = await rows(h, `select count(*) as n from ${table} where mailbox_id = ?`, [
    mailboxId,
  ]);
  return Number(row?.n);
}

/** A conversation: a delivered first message with a copy, a reply, a queued follow-up with a copy. */
async function conversation(h: Harness): Promise<{
  kari: Supporter;
  doctor: Doctor;
  secrets: Uint8Array[];
  queuedId: string;
}> {
  const kari = await joinSupporter(h);
  const doctor = await newDoctor(h);
  const first = await doctor.writeTo(kari, 'First', { keepCopy: true });
  const [received] = await kari.readInbox({ acknowledge: true });
  const reply = await kari.reply(received!.message, 'Reply');
  const second = await doctor.writeTo(kari, 'Second', {
    keepCopy: true,
    thread: first.message.thread,
  });
  return {
    kari,
    doctor,
    queuedId: second.id,
    secrets: [
      fromB64(first.body.copy as string),
      fromB64(second.body.copy as string),
      reply.reply.ciphertext,
    ],
  };
}

describe('POST /mailbox/delete', () => {
  it('deletes replies, copies and sent-status rows, keeps the queued message, and leaves only a hashed tombstone', async () => {
    const h = await start();
    const { kari, doctor, secrets, queuedId } = await conversation(h);
    const id = doctor.key.id;
    await h.node.store.checkpoint();
    for (const secret of secrets) {
      expect(filesContaining(readDatabaseFiles(h.dbPath), middleSlice(secret))).toEqual([
        'relay.db',
      ]);
    }

    expect((await doctor.deleteMailbox()).body).toEqual({ deleted: true });
    expect(await rows(h, 'select id from mailboxes where id = ?', [id])).toHaveLength(0);
    expect(await count(h, 'replies', id)).toBe(0);
    expect(await count(h, 'sent_copies', id)).toBe(0);
    expect(
      (await rows(h, 'select id, status from messages where mailbox_id = ?', [id])).map((row) => [
        row.id,
        row.status,
      ]),
    ).toEqual([[queuedId, 'queued']]);
    const tombstones = await rows(h, 'select * from deleted_mailboxes');
    expect(tombstones).toHaveLength(1);
    expect(Object.keys(tombstones[0]!).sort()).toEqual(['expires_hour', 'id_hash']);
    expect(tombstones[0]!.id_hash).not.toBe(id);
    // The mailbox lived 30 days from its last activity (the reply, this hour).
    expect(Number(tombstones[0]!.expires_hour)).toBe(Date.parse('2026-12-27T14:00:00Z') / 1000);

    // Once the supporter has the queued message, the sweep removes its sent-status row,
    // and then nothing in the files holds the mailbox id, the copies or the reply.
    expect((await kari.readInbox({ acknowledge: true })).map((m) => m.id)).toEqual([queuedId]);
    await expireStaleRecords(h.relay);
    expect(await count(h, 'messages', id)).toBe(0);
    await h.node.checkpointIfDeleted();
    const files = readDatabaseFiles(h.dbPath);
    expect(filesContaining(files, id)).toEqual([]);
    expect(filesContaining(files, fromB64(id))).toEqual([]);
    expect(leakedSecrets(files, { readToken: doctor.key.readToken })).toEqual([]);
    for (const secret of secrets) expect(filesContaining(files, middleSlice(secret))).toEqual([]);
  });

  it('keeps the id unusable until the mailbox would have expired, then forgets it (PROTOCOL.md §8)', async () => {
    const h = await start();
    const { kari, doctor } = await conversation(h);
    await doctor.deleteMailbox();

    h.clock.set('2026-12-27T13:59:00Z');
    const session = await kari.logIn();
    await expireStaleRecords(h.relay);
    expectError((await doctor.tryWriteTo(session, 'Is it me?')).response, 410, 'mailbox_deleted');

    h.clock.set('2026-12-27T14:00:00Z');
    await expireStaleRecords(h.relay);
    expect(await rows(h, 'select * from deleted_mailboxes')).toHaveLength(0);
    // Like any expired mailbox id, it can now start a new mailbox.
    expect((await doctor.tryWriteTo(session, 'A fresh start.')).response.status).toBe(202);
  });

  it('refuses a replyTo of a deleted mailbox to the supporter with 404, like any unknown mailbox', async () => {
    const h = await start();
    const kari = await joinSupporter(h);
    const doctor = await newDoctor(h);
    await doctor.writeTo(kari, 'Hello');
    const [received] = await kari.readInbox({ acknowledge: true });
    await doctor.deleteMailbox();
    expectError((await kari.tryReply(received!.message)).response, 404, 'mailbox_not_found');
  });
});

describe("the doctor's copy", () => {
  it('goes with its mailbox when the mailbox expires, from the rows and the files', async () => {
    const h = await start();
    const kari = await joinSupporter(h);
    const doctor = await newDoctor(h);
    const { body } = await doctor.writeTo(kari, 'Keep me', { keepCopy: true });
    const slice = middleSlice(fromB64(body.copy as string));
    expect(await count(h, 'sent_copies', doctor.key.id)).toBe(1);
    // The message row itself holds the message, not the copy.
    const [message] = await rows(h, 'select ciphertext from messages where mailbox_id = ?', [
      doctor.key.id,
    ]);
    expect(Buffer.from(message!.ciphertext as ArrayBuffer).includes(Buffer.from(slice))).toBe(
      false,
    );

    h.clock.advanceHours(30 * 24);
    expect((await expireStaleRecords(h.relay)).expiredMailboxes).toBe(1);
    expect(await count(h, 'sent_copies', doctor.key.id)).toBe(0);
    await h.node.checkpointIfDeleted();
    expect(filesContaining(readDatabaseFiles(h.dbPath), slice)).toEqual([]);
  });

  it('is not counted: the counters after a message with a copy equal those after one without', async () => {
    const counters = async (keepCopy: boolean) => {
      const h = await createHarness();
      try {
        const kari = await joinSupporter(h);
        await (await newDoctor(h)).writeTo(kari, 'Count me once', { keepCopy });
        const all = async (table: string) =>
          (await rows(h, `select day, event, count from ${table} order by day, event`)).map(
            (row) => `${row.day} ${row.event} ${row.count}`,
          );
        return [...(await all('daily_counts')), ...(await all('supporter_daily_counts'))];
      } finally {
        h.dispose();
      }
    };
    expect(await counters(true)).toEqual(await counters(false));
  });
});
