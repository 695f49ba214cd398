/**
 * Upgrading a database from the previous release (migrations 0000–0006) to
 * this one (0007: `sent_copies`, `deleted_mailboxes`, `archive_items`,
 * PROTOCOL.md §10): the old mailbox opens as before, with no copies; a
 * message sent after the upgrade keeps its copy; the old supporter's
 * archive works; and the old mailbox can be deleted like a new one.
 *
 * As in upgrade.test.ts, the old database is built by drizzle's migrator
 * over the migrations the previous release shipped, and upgraded at start.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql';
import { migrate } from 'drizzle-orm/libsql/migrator';
import { afterEach, expect, it } from 'vitest';
import { capabilityHash } from '../../src/crypto.ts';
import { fromB64 } from '../../web/src/protocol/index.ts';
import { type Doctor, logIn, newDoctor, placeholderVault, Supporter } from '../support/actors.ts';
import { randomB64 } from '../support/bytes.ts';
import { createHarness, type Harness } from '../support/harness.ts';
import { copyReleaseMigrations, migrationCount } from '../support/release-migrations.ts';

/** The migrations the previous release shipped (0000–0006). */
const PREVIOUS_RELEASE = 7;
/** The FakeClock's hour, 2026-11-27T14:00Z. */
const NOW = Date.parse('2026-11-27T14:00:00Z') / 1000;
const HOUR = 3600;

const temporary: string[] = [];
let harness: Harness | undefined;
afterEach(() => {
  harness?.dispose();
  harness = undefined;
  for (const dir of temporary.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temporary.push(dir);
  return dir;
}

/** A database at 0006 with a supporter (known auth key), `doctor`'s mailbox, a delivered and a queued message. */
async function previousReleaseDatabase(doctor: Doctor, authKey: string): Promise<string> {
  const dir = tempDir('peer-relay-upgrade-');
  const client = createClient({ url: `file:${join(dir, 'relay.db')}` });
  try {
    const migrationsFolder = copyReleaseMigrations(
      PREVIOUS_RELEASE,
      tempDir('peer-relay-migrations-'),
    );
    await migrate(drizzle(client), { migrationsFolder });
    await client.execute({
      sql: `insert into supporters (id, login, name, county, town, specialties, languages,
          modalities, box_public_key, vault_salt, vault_opslimit, vault_memlimit,
          vault_ciphertext, auth_key_hash, created_hour)
        values ('sup-old', 'old-timer', 'Ola Nordmann', 'vestland', 'Bergen', '["psychiatry"]',
          '["nb"]', '["phone"]', ?, 'salt', 3, 67108864, 'vault', ?, ?)`,
      args: [randomB64(32), capabilityHash(authKey), NOW - 48 * HOUR],
    });
    await client.execute({
      sql: 'insert into mailboxes (id, read_token_hash, expires_hour) values (?, ?, ?)',
      args: [doctor.key.id, capabilityHash(doctor.key.readToken), NOW + 700 * HOUR],
    });
    for (const [id, status, ciphertext] of [
      ['old-delivered', 'delivered', null],
      ['old-queued', 'queued', new Uint8Array(1072)],
    ] as const) {
      await client.execute({
        sql: `insert into messages (id, supporter_id, mailbox_id, ciphertext, status,
            received_hour, expires_hour) values (?, 'sup-old', ?, ?, ?, ?, ?)`,
        args: [id, doctor.key.id, ciphertext, status, NOW - 2 * HOUR, NOW + 300 * HOUR],
      });
    }
  } finally {
    client.close();
  }
  return dir;
}

it('keeps the old mailbox without copies, stores copies and archive items after the upgrade, and deletes the old mailbox', async () => {
  const doctor = await newDoctor();
  const authKey = randomB64(32);
  const dir = await previousReleaseDatabase(doctor, authKey);
  harness = await createHarness({ dir });
  const h = harness;
  const { rows } = await h.node.store.client.execute(
    'select count(*) as n from __drizzle_migrations',
  );
  expect(Number(rows[0]?.n)).toBe(migrationCount());

  const returning = await newDoctor(h, doctor.replyCode);
  const before = await returning.openMailbox();
  expect(before.status, before.text).toBe(200);
  expect(before.body.sent.map((sent: object) => [Object.keys(sent).includes('copy')])).toEqual([
    [false],
    [false],
  ]);

  // The old supporter logs in and uses the archive.
  const session = await logIn(h, 'old-timer', authKey);
  expect(session.status, session.text).toBe(200);
  // Its keys are not known here; the relay never needs them.
  const ola = new Supporter(
    h,
    {
      id: 'sup-old',
      login: 'old-timer',
      name: 'Ola Nordmann',
      authKey,
      publicKey: new Uint8Array(32),
      secretKey: new Uint8Array(32),
      vault: placeholderVault(),
    },
    session.body.token,
  );
  const item = { id: randomB64(16), ciphertext: randomB64(24 + 1024 + 16) };
  expect((await ola.storeArchiveItem(item)).status).toBe(200);
  expect((await ola.archivePage()).body.items.map((i: { id: string }) => i.id)).toEqual([item.id]);

  // A message after the upgrade keeps its copy; then the whole mailbox goes.
  const entry = (await h.request('GET', '/api/v1/supporters/sup-old')).body;
  const sent = await returning.writeTo(
    { id: 'sup-old', publicKey: fromB64(entry.boxPublicKey) },
    'After the upgrade',
    { keepCopy: true },
  );
  expect(sent.response.body.copy).toBe(true);
  expect((await returning.readOwnCopies()).get(sent.id)?.text).toBe('After the upgrade');
  expect((await returning.deleteMailbox()).body).toEqual({ deleted: true });
  const left = await h.node.store.client.execute({
    sql: 'select id from messages where mailbox_id = ? order by id',
    args: [doctor.key.id],
  });
  expect(left.rows.map((row) => row.id)).toEqual(['old-queued', sent.id].sort());
});
