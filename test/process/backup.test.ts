/**
 * `npm run backup` and `npm run restore` (src/cli/backup.ts, restore.ts) as
 * an operator runs them, against the relay's bundle running on a libSQL
 * file: what comes back after backup → wipe → restore (the supporter and
 * their archive), what never does (the ciphertext of messages and replies,
 * searched in the files' bytes), and the refusals.
 */
import {
  chownSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql';
import { migrate } from 'drizzle-orm/libsql/migrator';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BACKUP_APPLICATION_ID } from '../../src/db/backup.ts';
import { fromB64 } from '../../web/src/protocol/index.ts';
import { joinSupporter, newDoctor, overHttp } from '../support/actors.ts';
import {
  filesContaining,
  freePort,
  middleSlice,
  readDatabaseFiles,
  runTool,
  startRelay,
  stopStartedRelays,
} from '../support/process-helpers.ts';
import {
  copyReleaseMigrations,
  MIGRATIONS,
  migrationCount,
} from '../support/release-migrations.ts';

const OPERATOR_TOKEN = 'operator-token-for-backup-tests-0123456789abcdef';
/** A hang guard for the tests that start relays and three CLIs , not a timing. */
const CLI_TEST_TIMEOUT_MS = 120_000;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'peer-relay-backup-'));
});
afterEach(async () => {
  await stopStartedRelays();
  rmSync(dir, { recursive: true, force: true });
});

function relaySettings(dbPath: string, port: number): Record<string, string> {
  return {
    DATABASE_URL: `file:${dbPath}`,
    PORT: String(port),
    OPERATOR_TOKEN,
    POW_DIFFICULTY: '0',
  };
}

async function rowCounts(dbPath: string, tables: string[]): Promise<Record<string, number>> {
  const client = createClient({ url: `file:${dbPath}` });
  try {
    const counts: Record<string, number> = {};
    for (const table of tables) {
      const result = await client.execute(`SELECT count(*) AS n FROM ${table}`);
      counts[table] = Number(result.rows[0]?.n);
    }
    return counts;
  } finally {
    client.close();
  }
}

describe('npm run backup, then npm run restore', () => {
  it(
    'brings back the supporter and their archive, and no message or reply ciphertext',
    async () => {
      const dbPath = join(dir, 'data', 'relay.db');
      const env = relaySettings(dbPath, await freePort());
      const running = await startRelay(env);
      const relay = overHttp(running.baseUrl, OPERATOR_TOKEN, { timeoutMs: 10_000 });

      const supporter = await joinSupporter(relay);
      const doctor = await newDoctor(relay);
      const delivered = await doctor.writeTo(supporter, 'Archived, then acknowledged.', {
        keepCopy: true,
      });
      const [received] = await supporter.readInbox();
      expect((await supporter.archive(received!)).response.status).toBe(200);
      expect((await supporter.ack([received!.id])).status).toBe(200);
      const reply = await supporter.reply(received!.message, 'A reply the doctor has not read.');
      const queued = await doctor.writeTo(supporter, 'Still queued when the backup is made.');

      const ciphertexts = {
        queued: middleSlice(fromB64(queued.body.ciphertext)),
        reply: middleSlice(fromB64(reply.body.ciphertext)),
        copy: middleSlice(fromB64(delivered.body.copy!)),
      };
      // The needles are real: the live database holds them now.
      for (const needle of Object.values(ciphertexts)) {
        expect(filesContaining(readDatabaseFiles(dbPath), needle)).not.toEqual([]);
      }

      const countsBefore = (
        await relay.request('GET', '/api/v1/me/counts', { token: supporter.token })
      ).body.months.at(-1).firstContacts;
      expect(countsBefore).toBeGreaterThan(0);

      // While the relay runs.
      const backupFile = join(dir, 'relay.backup');
      const backup = await runTool('backup', [backupFile], env);
      expect(backup.stderr).toBe('');
      expect(backup.stdout).toMatch(
        /^backup: wrote .*relay\.backup \(schema \d{4}_\w+; 1 supporters, 1 archive items\)\.$/m,
      );
      expect(statSync(backupFile).mode & 0o777).toBe(0o600);
      for (const [what, needle] of Object.entries(ciphertexts)) {
        expect(filesContaining(readDatabaseFiles(backupFile), needle), what).toEqual([]);
      }

      const refused = await runTool('restore', [backupFile], env);
      expect(refused.status).toBe(1);
      expect(refused.stderr).toMatch(
        /^restore: .*relay\.db looks in use: stop the relay before restoring\.$/m,
      );
      expect((await supporter.inboxIds()).length).toBe(1);

      running.signal('SIGTERM');
      expect((await running.waitForExit()).code).toBe(0);
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${dbPath}${suffix}`, { force: true });

      const restore = await runTool('restore', [backupFile], env);
      expect(restore.stderr).toBe('');
      expect(restore.status).toBe(0);
      expect(restore.stdout).toMatch(/^restore: .*relay\.db now holds the backup/m);

      await startRelay(env);
      const again = await supporter.logIn();
      const archive = await again.readArchive();
      expect(archive.map((item) => item.entry)).toEqual([
        expect.objectContaining({ kind: 'received', message: received!.message }),
      ]);
      expect(await again.inboxIds()).toEqual([]);
      // Kept by month only, for compensation.
      const counts = await relay.request('GET', '/api/v1/me/counts', { token: again.token });
      expect(counts.body.months.at(-1).firstContacts).toBe(countsBefore);
      // The mailbox is gone and its id cannot be claimed: the doctor starts again with a new code.
      expect((await doctor.openMailbox()).status).toBe(404);
      const reuse = await doctor.tryWriteTo(supporter, 'Writing again with the old code.');
      expect(reuse.response.body.error.code).toBe('mailbox_deleted');

      for (const [what, needle] of Object.entries(ciphertexts)) {
        expect(filesContaining(readDatabaseFiles(dbPath), needle), what).toEqual([]);
      }
      expect(
        await rowCounts(dbPath, ['messages', 'replies', 'mailboxes', 'sent_copies', 'sessions']),
      ).toEqual({ messages: 0, replies: 0, mailboxes: 0, sent_copies: 0, sessions: 1 });
      const kept = await rowCounts(dbPath, [
        "supporter_daily_counts WHERE event != 'first_contact' OR day NOT LIKE '%-01'",
        'daily_counts',
        'hourly_received',
      ]);
      expect(Object.values(kept)).toEqual([0, 0, 0]);
    },
    CLI_TEST_TIMEOUT_MS,
  );
});

describe('npm run restore over a stopped relay', () => {
  // systemd's DynamicUser owns /var/lib/peer-relay; the operator restores as root.
  it.runIf(process.getuid?.() === 0)(
    'replaces the database in place, owned by the owner of its directory',
    async () => {
      const data = join(dir, 'data');
      const dbPath = join(data, 'relay.db');
      const env = relaySettings(dbPath, await freePort());
      const first = await startRelay(env);
      await joinSupporter(overHttp(first.baseUrl, OPERATOR_TOKEN, { timeoutMs: 10_000 }));
      first.signal('SIGTERM');
      expect((await first.waitForExit()).code).toBe(0);

      const backupFile = join(dir, 'stopped.backup');
      expect((await runTool('backup', [backupFile], env)).stdout).toMatch(
        /1 supporters, 0 archive items/,
      );
      const second = await startRelay(env);
      const relay = overHttp(second.baseUrl, OPERATOR_TOKEN, { timeoutMs: 10_000 });
      await joinSupporter(relay);
      const directory = await relay.request('GET', '/api/v1/supporters');
      expect(directory.body.supporters).toHaveLength(2);
      second.signal('SIGTERM');
      expect((await second.waitForExit()).code).toBe(0);

      chownSync(data, 4242, 4343);
      const restore = await runTool('restore', [backupFile], env);
      expect(restore.stderr).toBe('');
      expect(restore.status).toBe(0);
      const restored = statSync(dbPath);
      expect([restored.uid, restored.gid, restored.mode & 0o777]).toEqual([4242, 4343, 0o600]);
      expect(await rowCounts(dbPath, ['supporters'])).toEqual({ supporters: 1 });
    },
    CLI_TEST_TIMEOUT_MS,
  );
});

/** A backup as the previous release wrote it: its schema, one supporter, the backup mark. */
async function previousReleaseBackup(path: string): Promise<void> {
  const client = createClient({ url: `file:${path}` });
  try {
    const migrationsFolder = copyReleaseMigrations(
      migrationCount() - 1,
      join(dir, 'previous-migrations'),
    );
    await migrate(drizzle(client), { migrationsFolder });
    await client.execute(`insert into supporters (id, login, name, county, town, specialties,
        languages, modalities, box_public_key, vault_salt, vault_opslimit, vault_memlimit,
        vault_ciphertext, auth_key_hash, created_hour)
      values ('sup-old', 'old-timer', 'Ola Nordmann', 'vestland', 'Bergen', '["psychiatry"]',
        '["nb"]', '["phone"]', 'key', 'salt', 3, 67108864, 'vault', 'hash', 0)`);
    await client.execute(`PRAGMA application_id = ${BACKUP_APPLICATION_ID}`);
  } finally {
    client.close();
  }
}

describe('schema versions', () => {
  it('restores a backup of the previous release and migrates it to this one', async () => {
    const dbPath = join(dir, 'relay.db');
    const backupFile = join(dir, 'previous.backup');
    await previousReleaseBackup(backupFile);
    const restore = await runTool('restore', [backupFile], relaySettings(dbPath, 8787));
    expect(restore.stderr).toBe('');
    const journal = JSON.parse(readFileSync(join(MIGRATIONS, 'meta', '_journal.json'), 'utf8')) as {
      entries: { tag: string; when: number }[];
    };
    const [previous, latest] = journal.entries.slice(-2);
    expect(restore.stdout).toContain(`(written at schema ${previous!.tag})`);
    const client = createClient({ url: `file:${dbPath}` });
    try {
      const applied = await client.execute(
        'SELECT max(created_at) AS latest FROM __drizzle_migrations',
      );
      expect(Number(applied.rows[0]?.latest)).toBe(latest!.when);
      const supporters = await client.execute('SELECT login FROM supporters');
      expect(supporters.rows.map((row) => row.login)).toEqual(['old-timer']);
    } finally {
      client.close();
    }
  });

  it('refuses a backup written by a newer release', async () => {
    const backupFile = join(dir, 'newer.backup');
    await previousReleaseBackup(backupFile);
    const client = createClient({ url: `file:${backupFile}` });
    await client.execute(
      "INSERT INTO __drizzle_migrations (hash, created_at) VALUES ('from-the-future', 4102444800000)",
    );
    client.close();
    const refused = await runTool(
      'restore',
      [backupFile],
      relaySettings(join(dir, 'relay.db'), 8787),
    );
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/^restore: .*newer\.backup was written by a newer release/m);
    expect(existsSync(join(dir, 'relay.db'))).toBe(false);
  });
});

describe('refusals', () => {
  it('never overwrites an existing file', async () => {
    const env = relaySettings(join(dir, 'relay.db'), 8787);
    writeFileSync(join(dir, 'relay.db'), '');
    const existing = join(dir, 'taken.backup');
    writeFileSync(existing, 'keep me');
    const run = await runTool('backup', [existing], env);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      /^backup: .*taken\.backup exists already; a backup never overwrites a file\.$/m,
    );
    expect(readFileSync(existing, 'utf8')).toBe('keep me');
  });

  it('restores neither a file that is not a database nor a copy of a live database', async () => {
    const dbPath = join(dir, 'relay.db');
    const env = relaySettings(dbPath, await freePort());
    await startRelay(env);
    await stopStartedRelays();
    const before = readFileSync(dbPath);

    const text = join(dir, 'notes.txt');
    writeFileSync(
      text,
      'not a database at all, but long enough to have a header of sorts\n'.repeat(20),
    );
    const notDatabase = await runTool('restore', [text], env);
    expect(notDatabase.status).toBe(1);
    expect(notDatabase.stderr).toMatch(
      /^restore: .*notes\.txt is not a peer-relay backup \(not a database file\)\.$/m,
    );

    const copy = join(dir, 'copy.db');
    writeFileSync(copy, before);
    const liveCopy = await runTool('restore', [copy], env);
    expect(liveCopy.status).toBe(1);
    expect(liveCopy.stderr).toMatch(
      /^restore: .*copy\.db is not a peer-relay backup \(written by npm run backup\)\.$/m,
    );

    expect(readFileSync(dbPath).equals(before)).toBe(true);
  });
});
