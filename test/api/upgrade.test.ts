/**
 * Upgrading a database made by an earlier release (migrations 0000–0002)
 * to this one (0003 hot-path indexes and `hourly_received`, 0004 and 0005
 * a counting marker added and dropped again, 0005 `received_count` folded
 * into the per-supporter counters) keeps every message as it was, seeds the
 * hourly received counts exactly, so the relay-wide ceiling
 * (SUBMISSIONS_PER_HOUR, 429 `relay_busy`) counts the messages the old
 * release received this hour; and from the release before this one (0004),
 * no notification is sent again or lost.
 *
 * The old database is built by drizzle's migrator over a copy of the
 * migrations folder trimmed to 0000–0002, as the previous release did; the
 * upgrade is `openLibsql`, as every start does.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { type Client, createClient } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql';
import { migrate } from 'drizzle-orm/libsql/migrator';
import { afterEach, describe, expect, it } from 'vitest';
import { eventTotals } from '../../src/db/counters.ts';
import { type LibsqlStore, openLibsql } from '../../src/db/libsql.ts';
import { listNotificationStates, listNotificationSubscribers } from '../../src/db/notifications.ts';
import { joinSupporter, newDoctor, submit } from '../support/actors.ts';
import { createHarness, type Harness } from '../support/harness.ts';
import { copyReleaseMigrations, migrationCount } from '../support/release-migrations.ts';

/** The migrations an earlier release shipped (0000–0002). */
const EARLIER_RELEASE = 3;
/** The migrations the previous release shipped (0000–0004). */
const PREVIOUS_RELEASE = 5;

const HOUR = 3600;
/** The FakeClock's hour, 2026-11-27T14:00Z. */
const NOW = Date.parse('2026-11-27T14:00:00Z') / 1000;

/** Messages the previous release stored: two hours ago, an hour ago and this hour, in every status. */
const OLD_MESSAGES = [
  { id: 'm-12-a', mailbox: 'box-a', status: 'delivered', received: NOW - 2 * HOUR },
  { id: 'm-12-b', mailbox: 'box-b', status: 'expired', received: NOW - 2 * HOUR },
  { id: 'm-13-a', mailbox: 'box-a', status: 'queued', received: NOW - HOUR },
  { id: 'm-14-a', mailbox: 'box-a', status: 'queued', received: NOW },
  { id: 'm-14-b', mailbox: 'box-b', status: 'delivered', received: NOW },
  { id: 'm-14-c', mailbox: 'box-c', status: 'queued', received: NOW },
] as const;

const temporary: string[] = [];
const open: { close(): void }[] = [];
let harness: Harness | undefined;

afterEach(() => {
  harness?.dispose();
  harness = undefined;
  for (const handle of open.splice(0)) handle.close();
  for (const dir of temporary.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temporary.push(dir);
  return dir;
}

/** The migrations folder as a release shipped it: its first `count` migrations and their journal. */
function releaseMigrations(count: number): string {
  return copyReleaseMigrations(count, tempDir('peer-relay-migrations-'));
}

/** A database file at migration 0002 holding a supporter, three mailboxes and OLD_MESSAGES. */
async function previousReleaseDatabase(path: string): Promise<void> {
  const client = createClient({ url: `file:${path}` });
  try {
    await migrate(drizzle(client), { migrationsFolder: releaseMigrations(EARLIER_RELEASE) });
    await client.execute({
      sql: `insert into supporters (id, login, name, county, town, specialties, languages,
          modalities, box_public_key, vault_salt, vault_opslimit, vault_memlimit,
          vault_ciphertext, auth_key_hash, created_hour)
        values ('sup-old', 'old-timer', 'Ola Nordmann', 'Vestland', 'Bergen', '["psychiatry"]',
          '["nb"]', '["phone"]', 'pk', 'salt', 3, 67108864, 'vault', 'auth', ?)`,
      args: [NOW - 48 * HOUR],
    });
    for (const mailbox of ['box-a', 'box-b', 'box-c']) {
      await client.execute({
        sql: 'insert into mailboxes (id, read_token_hash, expires_hour) values (?, ?, ?)',
        args: [mailbox, `hash-${mailbox}`, NOW + 30 * 24 * HOUR],
      });
    }
    for (const m of OLD_MESSAGES) {
      await client.execute({
        sql: `insert into messages (id, supporter_id, mailbox_id, ciphertext, status,
            received_hour, expires_hour, delivered_hour) values (?, 'sup-old', ?, ?, ?, ?, ?, ?)`,
        args: [
          m.id,
          m.mailbox,
          m.status === 'queued' ? new TextEncoder().encode(`sealed ${m.id}`) : null,
          m.status,
          m.received,
          m.received + 14 * 24 * HOUR,
          m.status === 'delivered' ? m.received + HOUR : null,
        ],
      });
    }
  } finally {
    client.close();
  }
}

/** Every message row, ciphertext as hex so rows compare across drivers, without the new column. */
const MESSAGE_COLUMNS = `id, supporter_id, mailbox_id, hex(ciphertext) as ciphertext, status,
  received_hour, expires_hour, delivered_hour`;

async function rows(client: Client, sql: string): Promise<Record<string, unknown>[]> {
  return (await client.execute(sql)).rows.map((row) => ({ ...row }));
}

async function oldDatabase(): Promise<{ path: string; messagesBefore: Record<string, unknown>[] }> {
  const path = join(tempDir('peer-relay-upgrade-'), 'relay.db');
  await previousReleaseDatabase(path);
  const client = createClient({ url: `file:${path}` });
  try {
    const messagesBefore = await rows(
      client,
      `select ${MESSAGE_COLUMNS} from messages order by id`,
    );
    expect(messagesBefore).toHaveLength(OLD_MESSAGES.length);
    // It really is the previous release's schema.
    expect(
      await rows(client, "select name from sqlite_master where name = 'hourly_received'"),
    ).toEqual([]);
    return { path, messagesBefore };
  } finally {
    client.close();
  }
}

async function upgrade(path: string): Promise<LibsqlStore> {
  const store = await openLibsql(`file:${path}`);
  open.push(store);
  return store;
}

describe('upgrading a database from an earlier release (0002 → now)', () => {
  it('seeds hourly_received with one row per received hour, counting messages of every status', async () => {
    const { path } = await oldDatabase();
    const store = await upgrade(path);
    const seeded = [
      { hour: NOW - 2 * HOUR, count: 2 },
      { hour: NOW - HOUR, count: 1 },
      { hour: NOW, count: 3 },
    ];
    expect(
      await rows(store.client, 'select hour, count from hourly_received order by hour'),
    ).toEqual(seeded);

    // A later start applies nothing again: the counts are not seeded twice.
    store.close();
    const again = await upgrade(path);
    expect(
      await rows(again.client, 'select hour, count from hourly_received order by hour'),
    ).toEqual(seeded);
    expect(await rows(again.client, 'select count(*) as n from __drizzle_migrations')).toEqual([
      { n: migrationCount() },
    ]);
  });

  it('replaces the hot-path indexes on messages', async () => {
    const { path } = await oldDatabase();
    const store = await upgrade(path);
    const indexes = (
      await rows(store.client, "select name from sqlite_master where type = 'index' order by name")
    ).map((row) => row.name);
    expect(indexes).not.toContain('messages_supporter_status');
    expect(indexes).not.toContain('messages_received');
    expect(indexes).toContain('messages_supporter_pending');
    expect(indexes).toContain('messages_mailbox');
    expect(indexes).toContain('messages_status_expires');
    const columnsOf = async (index: string) =>
      (
        await rows(store.client, `select name from pragma_index_info('${index}') order by seqno`)
      ).map((row) => row.name);
    expect(await columnsOf('messages_supporter_pending')).toEqual([
      'supporter_id',
      'status',
      'expires_hour',
    ]);
    // Same name as before, new columns: the index was rebuilt, not left as it was.
    expect(await columnsOf('messages_mailbox')).toEqual(['mailbox_id', 'supporter_id']);
  });

  it('keeps every message row as it was, with no column that exists only to count', async () => {
    const { path, messagesBefore } = await oldDatabase();
    const store = await upgrade(path);
    const columnsOf = async (table: string) =>
      (await rows(store.client, `select name from pragma_table_info('${table}')`)).map(
        (row) => row.name,
      );
    expect(await columnsOf('messages')).not.toContain('delivered_by');
    expect(await columnsOf('supporters')).not.toContain('received_count');
    expect(await rows(store.client, `select ${MESSAGE_COLUMNS} from messages order by id`)).toEqual(
      messagesBefore,
    );
  });

  it("keeps the hourly ceiling exact: this hour's old messages count, earlier hours' do not", async () => {
    const { path } = await oldDatabase();
    // The old release received 3 messages this hour (and 3 before): room for exactly one more.
    harness = await createHarness({
      dir: dirname(path),
      env: { SUBMISSIONS_PER_HOUR: '4' },
    });
    expect(harness.dbPath).toBe(path);
    const supporter = await joinSupporter(harness);

    const first = await (await newDoctor()).sealFor(supporter, 'fourth this hour');
    expect((await submit(harness, first.body)).status).toBe(202);

    const second = await (await newDoctor()).sealFor(supporter, 'fifth this hour');
    const busy = await submit(harness, second.body);
    expect(busy.status).toBe(429);
    expect(busy.body.error.code).toBe('relay_busy');
    expect(
      await rows(
        harness.node.store.client,
        `select count from hourly_received where hour = ${NOW}`,
      ),
    ).toEqual([{ count: 4 }]);

    // The next hour starts afresh.
    harness.clock.advanceHours(1);
    expect((await submit(harness, second.body)).status).toBe(202);
  });
});

describe('upgrading a database from the previous release (0004 → now)', () => {
  /** Two supporters: one told about everything, one with two messages not told yet. */
  async function previousWithNotifications(path: string): Promise<void> {
    const client = createClient({ url: `file:${path}` });
    try {
      await migrate(drizzle(client), { migrationsFolder: releaseMigrations(PREVIOUS_RELEASE) });
      const supporters = [
        // Counted received 7, but received_count came later (0002) and says 5.
        { id: 'sup-a', received: 5, covered: 5, days: [3, 4] },
        { id: 'sup-b', received: 4, covered: 2, days: [4] },
      ];
      for (const s of supporters) {
        await client.execute({
          sql: `insert into supporters (id, login, email, name, county, town, specialties,
              languages, modalities, box_public_key, vault_salt, vault_opslimit, vault_memlimit,
              vault_ciphertext, auth_key_hash, created_hour, notify_email, received_count)
            values (?, ?, ?, 'Ola', 'Vestland', 'Bergen', '[]', '["nb"]', '["phone"]', 'pk',
              'salt', 3, 67108864, 'vault', 'auth', ?, 1, ?)`,
          args: [s.id, s.id, `${s.id}@example.org`, NOW - 48 * HOUR, s.received],
        });
        await client.execute({
          sql: `insert into notification_state (supporter_id, channel, covered_received, failures)
            values (?, 'email', ?, 0)`,
          args: [s.id, s.covered],
        });
        for (const [i, count] of s.days.entries()) {
          await client.execute({
            sql: `insert into supporter_daily_counts (supporter_id, day, event, count)
              values (?, ?, 'received', ?)`,
            args: [s.id, `2026-11-2${i}`, count],
          });
        }
      }
    } finally {
      client.close();
    }
  }

  it('keeps what each supporter was told: nothing new stays nothing new, two new stay two', async () => {
    const path = join(tempDir('peer-relay-upgrade-'), 'relay.db');
    await previousWithNotifications(path);
    const store = await upgrade(path);
    const received = new Map(
      (await listNotificationSubscribers(store.db)).map((s) => [s.id, s.receivedCount]),
    );
    const covered = new Map(
      (await listNotificationStates(store.db)).map((s) => [s.supporterId, s.coveredReceived]),
    );
    expect(received).toEqual(
      new Map([
        ['sup-a', 7],
        ['sup-b', 4],
      ]),
    );
    expect((received.get('sup-a') ?? 0) - (covered.get('sup-a') ?? 0)).toBe(0);
    expect((received.get('sup-b') ?? 0) - (covered.get('sup-b') ?? 0)).toBe(2);
  });

  it('reads the same submitted and delivered totals after their duplicate rows are gone', async () => {
    const path = join(tempDir('peer-relay-upgrade-'), 'relay.db');
    await previousWithNotifications(path);
    const client = createClient({ url: `file:${path}` });
    // The previous release counted each submission and delivery twice: relay-wide and per supporter or bucket.
    await client.execute(`insert into daily_counts (day, event, count) values
      ('2026-11-20', 'submitted', 3), ('2026-11-21', 'submitted', 8),
      ('2026-11-21', 'delivered', 5), ('2026-11-21', 'delivery_hours:0', 4),
      ('2026-11-21', 'delivery_hours:7', 1)`);
    client.close();
    const store = await upgrade(path);
    const totals = await eventTotals(store.db);
    expect([totals.get('submitted'), totals.get('delivered')]).toEqual([11, 5]);
    expect(
      await rows(
        store.client,
        "select count(*) as n from daily_counts where event in ('submitted', 'delivered')",
      ),
    ).toEqual([{ n: 0 }]);
  });
});
