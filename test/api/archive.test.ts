/**
 * The supporter's archive (PROTOCOL.md §10.3) where a fake clock and the
 * database files are needed: the cap and its `Retry-After`, lifetimes and
 * the sweep, listing order, and deletion for good (on request, at expiry and
 * with the account), down to the bytes of relay.db and its WAL.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { expireStaleRecords } from '../../src/domain/expiry.ts';
import { fromB64, toB64 } from '../../web/src/protocol/index.ts';
import { joinSupporter, newDoctor, type Supporter } from '../support/actors.ts';
import { randomB64 } from '../support/bytes.ts';
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

async function start(env: Record<string, string> = {}): Promise<Harness> {
  harness = await createHarness({ env });
  return harness;
}

const item = () => ({ id: randomB64(16), ciphertext: randomB64(24 + 1024 + 16) });

function store(supporter: Supporter, body: object) {
  return supporter.storeArchiveItem(body);
}

async function archiveRows(h: Harness, supporterId: string): Promise<number> {
  const result = await h.node.store.client.execute({
    sql: 'select count(*) as n from archive_items where supporter_id = ?',
    args: [supporterId],
  });
  return Number(result.rows[0]?.n);
}

describe('the cap (ARCHIVE_MAX_ITEMS)', () => {
  it('refuses a new item at the cap with 429 archive_full and Retry-After until the earliest expiry; replacing always works', async () => {
    const h = await start({ ARCHIVE_MAX_ITEMS: '3' });
    const kari = await joinSupporter(h);
    const [a, b, c, d] = [item(), item(), item(), item()];
    expect((await store(kari, { ...a, expiresInDays: 1 })).status).toBe(200);
    expect((await store(kari, { ...b, expiresInDays: 2 })).status).toBe(200);
    expect((await store(kari, c)).status).toBe(200);

    const full = await store(kari, d);
    expectError(full, 429, 'archive_full');
    // Stored at 14:00, `a` expires at 14:00 the next day; it is 14:25 now.
    expect(full.headers.get('Retry-After')).toBe(String(23 * 3600 + 35 * 60));

    // Replacing at the cap works, and leaves the count as it was.
    const replaced = await store(kari, { ...b, ciphertext: item().ciphertext, expiresInDays: 5 });
    expect(replaced.status).toBe(200);
    expect(replaced.body.expiresAt).toBe('2026-12-02T14:00:00Z');
    expectError(await store(kari, d), 429, 'archive_full');

    // Another supporter's archive is counted apart.
    const ola = await joinSupporter(h);
    expect((await store(ola, d)).status).toBe(200);

    // Deleting frees a place at once; so does an item's expiry, before any sweep.
    expect((await kari.deleteArchived([c.id])).body).toEqual({ deleted: 1 });
    expect((await store(kari, d)).status).toBe(200);
    expectError(await store(kari, item()), 429, 'archive_full');
    h.clock.advanceHours(24);
    const later = await kari.logIn(); // sessions last 12 hours
    expect((await store(later, item())).status).toBe(200);
    expect(await archiveRows(h, kari.id)).toBe(4);
  });

  it('lets no two concurrent new items pass the cap', async () => {
    const h = await start({ ARCHIVE_MAX_ITEMS: '2' });
    const kari = await joinSupporter(h);
    expect((await store(kari, item())).status).toBe(200);
    const answers = await Promise.all([
      store(kari, item()),
      store(kari, item()),
      store(kari, item()),
    ]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 429, 429]);
    expect(await archiveRows(h, kari.id)).toBe(2);
  });
});

describe('lifetimes and order', () => {
  it('lists an item until its expiry hour, then the sweep deletes it (counted once)', async () => {
    const h = await start();
    let kari = await joinSupporter(h);
    const short = item();
    const stored = await store(kari, { ...short, expiresInDays: 1 });
    expect(stored.body).toEqual({ id: short.id, expiresAt: '2026-11-28T14:00:00Z' });
    const kept = item();
    expect((await store(kari, kept)).body.expiresAt).toBe('2026-12-27T14:00:00Z');

    h.clock.set('2026-11-28T13:59:00Z');
    kari = await kari.logIn(); // sessions last 12 hours
    expect((await kari.archivePage()).body.items).toHaveLength(2);
    expect((await expireStaleRecords(h.relay)).expiredArchiveItems).toBe(0);
    h.clock.set('2026-11-28T14:00:00Z');
    expect((await kari.archivePage()).body.items.map((i: { id: string }) => i.id)).toEqual([
      kept.id,
    ]);
    expect((await expireStaleRecords(h.relay)).expiredArchiveItems).toBe(1);
    expect((await expireStaleRecords(h.relay)).expiredArchiveItems).toBe(0);
    expect(await archiveRows(h, kari.id)).toBe(1);
  });

  it('lists oldest stored first, in whole hours; a replaced item moves to the end with its new hour', async () => {
    const h = await start();
    const kari = await joinSupporter(h);
    const [x, y] = [item(), item()];
    await store(kari, x);
    await store(kari, y);
    h.clock.advanceHours(1);
    await store(kari, { ...x, ciphertext: item().ciphertext });
    const listed = (await kari.archivePage()).body.items;
    expect(listed.map((i: { id: string; storedAt: string }) => [i.id, i.storedAt])).toEqual([
      [y.id, '2026-11-27T14:00:00Z'],
      [x.id, '2026-11-27T15:00:00Z'],
    ]);
  });
});

describe('deleted items leave the database files', () => {
  async function storedSlice(h: Harness, supporter: Supporter, expiresInDays = 30) {
    const body = item();
    expect((await store(supporter, { ...body, expiresInDays })).status).toBe(200);
    await h.node.store.checkpoint();
    const slice = middleSlice(fromB64(body.ciphertext));
    expect(filesContaining(readDatabaseFiles(h.dbPath), slice)).toEqual(['relay.db']);
    return { body, slice };
  }

  it('on request', async () => {
    const h = await start();
    const kari = await joinSupporter(h);
    const { body, slice } = await storedSlice(h, kari);
    expect((await kari.deleteArchived([body.id])).body).toEqual({ deleted: 1 });
    await h.node.checkpointIfDeleted();
    expect(filesContaining(readDatabaseFiles(h.dbPath), slice)).toEqual([]);
  });

  it('at expiry, once the sweep has run', async () => {
    const h = await start();
    const kari = await joinSupporter(h);
    const { slice } = await storedSlice(h, kari, 1);
    h.clock.advanceHours(24);
    expect((await expireStaleRecords(h.relay)).expiredArchiveItems).toBe(1);
    await h.node.checkpointIfDeleted();
    expect(filesContaining(readDatabaseFiles(h.dbPath), slice)).toEqual([]);
  });

  it('with the account (DELETE /me), and no other supporter loses anything', async () => {
    const h = await start();
    const kari = await joinSupporter(h);
    const ola = await joinSupporter(h);
    const { slice } = await storedSlice(h, kari);
    await storedSlice(h, kari);
    const olas = item();
    await store(ola, olas);
    expect((await kari.leave()).status).toBe(200);
    await h.node.checkpointIfDeleted();
    expect(await archiveRows(h, kari.id)).toBe(0);
    expect(filesContaining(readDatabaseFiles(h.dbPath), slice)).toEqual([]);
    expect((await ola.archivePage()).body.items.map((i: { id: string }) => i.id)).toEqual([
      olas.id,
    ]);
  });

  it('never holds the plaintext, the archive key or the secret key it derives from', async () => {
    const h = await start();
    const kari = await joinSupporter(h);
    const doctor = await newDoctor(h);
    const text = `ArchiveSentinel-${randomB64(9)} nights are the worst.`;
    await doctor.writeTo(kari, text);
    const [received] = await kari.readInbox({ acknowledge: false });
    expect((await kari.archive(received!)).response.status).toBe(200);
    const reply = await kari.reply(received!.message, `ArchivedReply-${randomB64(9)}`);
    expect((await kari.archive(reply)).response.status).toBe(200);
    await kari.ack([received!.id]);
    await h.node.checkpointIfDeleted();
    await h.node.store.checkpoint();
    const files = readDatabaseFiles(h.dbPath);
    expect(
      leakedSecrets(files, {
        text,
        replyText: reply.reply.reply.text,
        archiveKey: toB64(await kari.archiveKey()),
        secretKey: toB64(kari.secretKey),
      }),
    ).toEqual([]);
  });
});
