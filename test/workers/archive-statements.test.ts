/**
 * The storage of PROTOCOL.md §10 on D1 inside workerd: the archive's
 * create-or-replace under a cap (an insert that selects its row only while
 * there is room), listing in keyset order, a mailbox deleted with its
 * tombstone, and the sweep of what deleted mailboxes leave. The same
 * functions run on libSQL in every API test.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import {
  deleteArchiveItems,
  deleteExpiredArchiveItems,
  listArchiveItems,
  storeArchiveItem,
} from '../../src/db/archive.ts';
import { openD1 } from '../../src/db/d1.ts';
import { deleteMailboxForGood, hasCopy, sweepDeletedMailboxes } from '../../src/db/mailboxes.ts';
import { deliver, storeSubmission, submissionContext } from '../../src/db/messages.ts';
import { HOUR, storedSubmission } from '../support/stored-submission.ts';

async function seedSupporter(id: string): Promise<void> {
  await env.DB.prepare(
    `insert or ignore into supporters (id, login, name, county, town, specialties, languages, modalities,
      box_public_key, vault_salt, vault_opslimit, vault_memlimit, vault_ciphertext,
      auth_key_hash, created_hour)
    values (?, ?, 'Kari', 'vestland', 'Bergen', '[]', '["nb"]', '["phone"]', 'pk', 'salt', 3,
      67108864, 'vault', 'auth', 0)`,
  )
    .bind(id, id)
    .run();
}

const item = (supporterId: string, id: string, storedHour = HOUR, lifeHours = 24) => ({
  supporterId,
  id,
  ciphertext: new Uint8Array(1064).fill(id.length),
  storedHour,
  expiresHour: storedHour + lifeHours * 3600,
});

describe('the archive on D1', () => {
  it('creates under the cap, replaces at the cap, and never passes it', async () => {
    const db = openD1(env.DB);
    await seedSupporter('arch-1');
    await seedSupporter('arch-2');
    expect(await storeArchiveItem(db, item('arch-1', 'a'), 2)).toBe(true);
    expect(await storeArchiveItem(db, item('arch-1', 'b'), 2)).toBe(true);
    expect(await storeArchiveItem(db, item('arch-1', 'c'), 2)).toBe(false);
    expect(await storeArchiveItem(db, item('arch-1', 'a', HOUR + 3600), 2)).toBe(true);
    expect(await storeArchiveItem(db, item('arch-2', 'a'), 2)).toBe(true);
    // No supporter row, no item.
    expect(await storeArchiveItem(db, item('nobody', 'a'), 2)).toBe(false);

    const listed = await listArchiveItems(db, { supporterId: 'arch-1', hour: HOUR, limit: 10 });
    expect(listed.map((row) => [row.id, row.storedHour])).toEqual([
      ['b', HOUR],
      ['a', HOUR + 3600],
    ]);
    const after = await listArchiveItems(db, {
      supporterId: 'arch-1',
      hour: HOUR,
      limit: 10,
      after: { storedHour: HOUR, id: 'b' },
    });
    expect(after.map((row) => row.id)).toEqual(['a']);

    expect(await deleteArchiveItems(db, 'arch-2', ['b'])).toBe(0);
    expect(await deleteArchiveItems(db, 'arch-1', ['b', 'x'])).toBe(1);
    // `a` (arch-1, replaced an hour later) outlives arch-2's `a`.
    expect((await deleteExpiredArchiveItems(db, HOUR + 24 * 3600)).length).toBe(1);
    expect(await listArchiveItems(db, { supporterId: 'arch-2', hour: HOUR, limit: 10 })).toEqual(
      [],
    );
  });
});

describe('mailbox deletion on D1', () => {
  it('deletes the mailbox with its copies and sent-status rows, tombstones it, and the sweep clears the rest', async () => {
    const db = openD1(env.DB);
    await seedSupporter('supporter-1');
    const delivered = { ...storedSubmission('del-1'), copy: new Uint8Array(1072).fill(1) };
    const queued = storedSubmission('del-2');
    queued.message.mailboxId = delivered.mailbox.id;
    queued.mailbox = delivered.mailbox;
    expect(await storeSubmission(db, delivered)).toBe(true);
    expect(await storeSubmission(db, queued)).toBe(true);
    expect(await hasCopy(db, delivered.mailbox.id, 'del-1')).toBe(true);
    await deliver(db, {
      supporterId: 'supporter-1',
      ids: ['del-1'],
      hour: HOUR,
      day: '2027-01-15',
    });

    const deletion = {
      mailboxId: delivered.mailbox.id,
      idHash: 'hash-of-del',
      expiresHour: HOUR + 20 * 3600,
    };
    expect(await deleteMailboxForGood(db, deletion)).toBe(true);
    expect(await deleteMailboxForGood(db, deletion)).toBe(false);
    expect(await hasCopy(db, delivered.mailbox.id, 'del-1')).toBe(false);
    const rows = await env.DB.prepare('select id, status from messages where mailbox_id = ?')
      .bind(delivered.mailbox.id)
      .all<{ id: string; status: string }>();
    expect(rows.results).toEqual([{ id: 'del-2', status: 'queued' }]);
    const context = await submissionContext(db, {
      messageId: 'new',
      supporterId: 'supporter-1',
      mailboxId: delivered.mailbox.id,
      mailboxIdHash: 'hash-of-del',
      hour: HOUR,
    });
    expect(context?.mailboxDeleted).toBe(true);
    const tombstone = await env.DB.prepare('select * from deleted_mailboxes').all();
    expect(tombstone.results).toEqual([{ id_hash: 'hash-of-del', expires_hour: HOUR + 20 * 3600 }]);

    await deliver(db, {
      supporterId: 'supporter-1',
      ids: ['del-2'],
      hour: HOUR,
      day: '2027-01-15',
    });
    expect(await sweepDeletedMailboxes(db, HOUR)).toBe(1);
    expect(await sweepDeletedMailboxes(db, HOUR + 20 * 3600)).toBe(1);
    expect(await sweepDeletedMailboxes(db, HOUR + 20 * 3600)).toBe(0);
  });
});
