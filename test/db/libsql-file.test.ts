/**
 * The embedded libSQL client of src/db/libsql-file.ts, on real files in a
 * temporary directory, watched from a second, independent connection and
 * from the bytes of the `-wal` file. It proves group commit (writes queued in
 * one event-loop turn share one COMMIT, each still atomic and failing alone,
 * each acknowledged only once another connection can read it), that reads run
 * at once and never see a queued write, the @libsql/client result and row
 * shapes and argument binding, that cached statements are not reused across
 * schema changes, that `migrate()` is all-or-nothing, that `close()` flushes
 * first, and that `openLibsql` (pragmas, drizzle `batch`) works on top of it.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Client, createClient, LibsqlBatchError } from '@libsql/client';
import Database from 'libsql';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLibsql } from '../../src/db/libsql.ts';
import { openFileClient } from '../../src/db/libsql-file.ts';
import { invites } from '../../src/db/schema.ts';

let dir: string;
const cleanups: Array<() => void> = [];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'peer-relay-libsql-file-'));
});
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
  rmSync(dir, { recursive: true, force: true });
});

/** A client on a fresh WAL file with table `t`, and what a second connection sees of `t`. */
async function open(): Promise<{ client: Client; path: string; seen: () => number[] }> {
  const path = join(dir, 'test.db');
  const client = openFileClient(path);
  cleanups.push(() => client.close());
  await client.execute('PRAGMA journal_mode = WAL');
  await client.execute('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)');
  const other = new Database(path);
  cleanups.push(() => other.close());
  const seen = () =>
    (other.prepare('SELECT id FROM t ORDER BY id').raw(true).all() as number[][]).map(
      ([id]) => id as number,
    );
  return { client, path, seen };
}

/**
 * Transactions committed to the WAL since it was last reset: frames whose
 * salts match the WAL header and whose "database size after commit" is set.
 */
function walCommits(path: string): number {
  const wal = readFileSync(`${path}-wal`);
  if (wal.length < 32) return 0;
  const pageSize = wal.readUInt32BE(8);
  let commits = 0;
  for (let at = 32; at + 24 + pageSize <= wal.length; at += 24 + pageSize) {
    const current =
      wal.readUInt32BE(at + 8) === wal.readUInt32BE(16) &&
      wal.readUInt32BE(at + 12) === wal.readUInt32BE(20);
    if (!current) break;
    if (wal.readUInt32BE(at + 4) !== 0) commits++;
  }
  return commits;
}

const insert = (id: number, v = `v${id}`) => ({
  sql: 'INSERT INTO t (id, v) VALUES (?, ?)',
  args: [id, v],
});

function outcomes(results: PromiseSettledResult<unknown>[]): string[] {
  return results.map((r) => (r.status === 'fulfilled' ? 'ok' : String(r.reason)));
}

describe('the libSQL file client (group commit, statement cache)', () => {
  it('commits twenty concurrent batches in one transaction, each with its own result', async () => {
    const { client, path, seen } = await open();
    // The counter counts: three awaited writes are three commits.
    const start = walCommits(path);
    for (const id of [1, 2, 3]) await client.batch([insert(id)]);
    expect(walCommits(path)).toBe(start + 3);

    const ids = Array.from({ length: 20 }, (_, i) => 100 + i);
    const results = await Promise.all(ids.map((id) => client.batch([insert(id)])));

    expect(walCommits(path)).toBe(start + 4);
    expect(results.map((r) => [r.length, r[0]?.rowsAffected, r[0]?.lastInsertRowid])).toEqual(
      ids.map((id) => [1, 1, BigInt(id)]),
    );
    expect(seen()).toEqual([1, 2, 3, ...ids]);
  });

  it('lets writes that keep arriving in the next turn join the same commit', async () => {
    const { client, path, seen } = await open();
    const before = walCommits(path);
    const writes = [client.batch([insert(1)]), client.batch([insert(2)])];
    setImmediate(() => writes.push(client.batch([insert(3)])));
    await new Promise((resolve) => setImmediate(resolve));
    await Promise.all(writes);
    expect(walCommits(path) - before).toBe(1);
    expect(seen()).toEqual([1, 2, 3]);
  });

  it('acknowledges a write only once another connection can read it', async () => {
    const { client, seen } = await open();
    const batch = client.batch([insert(1), insert(2)]);
    const single = client.execute(insert(3));
    expect(seen()).toEqual([]);
    await batch;
    expect(seen()).toEqual([1, 2, 3]);
    await single;
  });

  it('rolls back only the failing batch of a group, first statement included', async () => {
    const { client, path, seen } = await open();
    await client.execute(insert(1));
    const start = walCommits(path);

    const [before, failing, after] = await Promise.allSettled([
      client.batch([insert(10), insert(11)]),
      client.batch([insert(20), insert(1, 'duplicate')]),
      client.batch([insert(30)]),
    ]);

    expect(walCommits(path)).toBe(start + 1);
    expect(before?.status).toBe('fulfilled');
    expect(after?.status).toBe('fulfilled');
    expect(failing?.status).toBe('rejected');
    const error = (failing as PromiseRejectedResult).reason;
    expect(error).toBeInstanceOf(LibsqlBatchError);
    expect(error.message).toMatch(/UNIQUE constraint failed: t\.id/);
    expect(error.statementIndex).toBe(1);
    expect(seen()).toEqual([1, 10, 11, 30]);
  });

  it('rejects a failing single execute() with the plain error, others in its group unaffected', async () => {
    const { client, seen } = await open();
    await client.execute(insert(1));

    const results = await Promise.allSettled([
      client.execute(insert(2)),
      client.execute(insert(1, 'duplicate')),
      client.execute(insert(3)),
    ]);

    expect(outcomes(results)).toEqual(['ok', expect.stringMatching(/UNIQUE constraint/), 'ok']);
    const error = (results[1] as PromiseRejectedResult).reason;
    expect(error).not.toBeInstanceOf(LibsqlBatchError);
    expect(error.code).toBe('SQLITE_CONSTRAINT_PRIMARYKEY');
    expect(seen()).toEqual([1, 2, 3]);
  });

  it('runs a read at once, without seeing a write queued before it', async () => {
    const { client } = await open();
    const order: string[] = [];
    const write = client.execute(insert(1)).then(() => order.push('write'));
    const read = client.execute('SELECT count(*) AS n FROM t').then((r) => {
      order.push('read');
      return r.rows[0]?.n;
    });

    expect(await read).toBe(0);
    await write;
    expect(order).toEqual(['read', 'write']);
    expect((await client.execute('SELECT count(*) AS n FROM t')).rows[0]?.n).toBe(1);
  });

  it('returns RETURNING rows, rowsAffected and lastInsertRowid', async () => {
    const { client } = await open();
    const returned = await client.execute({
      sql: 'INSERT INTO t (v) VALUES (?) RETURNING id, v',
      args: ['a'],
    });
    expect(returned.columns).toEqual(['id', 'v']);
    expect(returned.rows.map((row) => ({ ...row }))).toEqual([{ id: 1, v: 'a' }]);

    const [batched] = await client.batch([
      { sql: 'INSERT INTO t (v) VALUES (?), (?) RETURNING id', args: ['b', 'c'] },
    ]);
    expect(batched?.rows.map((row) => row.id)).toEqual([2, 3]);

    const plain = await client.execute('INSERT INTO t (v) VALUES (?)', ['d']);
    expect(plain.lastInsertRowid).toBe(4n);
    expect(plain.rowsAffected).toBe(1);

    const updated = await client.execute('UPDATE t SET v = ? WHERE id > ?', ['x', 1]);
    expect(updated.rowsAffected).toBe(3);
    expect((await client.execute('DELETE FROM t WHERE v = ?', ['x'])).rowsAffected).toBe(3);
  });

  it('shapes rows as @libsql/client does: values by index, enumerable named columns', async () => {
    const { client, path } = await open();
    const sql = "SELECT 1 AS a, 'x' AS b, NULL AS c, 2.5 AS d";
    const row = (await client.execute(sql)).rows[0]!;

    expect(row[0]).toBe(1);
    expect(row.b).toBe('x');
    expect(row.length).toBe(4);
    expect({ ...row }).toEqual({ a: 1, b: 'x', c: null, d: 2.5 });
    expect(Object.keys(row)).toEqual(['a', 'b', 'c', 'd']);
    expect(Array.prototype.slice.call(row)).toEqual([1, 'x', null, 2.5]);
    expect(JSON.parse(JSON.stringify(row))).toEqual({ a: 1, b: 'x', c: null, d: 2.5 });

    const reference = createClient({ url: `file:${path}` });
    cleanups.push(() => reference.close());
    const theirs = (await reference.execute(sql)).rows[0]!;
    expect({ ...row }).toEqual({ ...theirs });
    expect(Array.prototype.slice.call(row)).toEqual(Array.prototype.slice.call(theirs));
    expect(row.length).toBe(theirs.length);
  });

  it('binds blobs, Uint8Array views and booleans, and refuses undefined', async () => {
    const { client, seen } = await open();
    await client.execute('CREATE TABLE b (id INTEGER PRIMARY KEY, x BLOB, f INTEGER)');
    const view = new Uint8Array([9, 4, 5, 6, 9]).subarray(1, 4);
    expect(Buffer.isBuffer(view)).toBe(false);
    await client.batch([
      { sql: 'INSERT INTO b VALUES (1, ?, ?)', args: [Buffer.from([1, 2, 3]), true] },
      { sql: 'INSERT INTO b VALUES (2, ?, ?)', args: [view, false] },
    ]);

    const { rows } = await client.execute('SELECT typeof(x) AS type, x, f FROM b ORDER BY id');
    expect(rows.map((row) => [row.type, [...new Uint8Array(row.x as ArrayBuffer)], row.f])).toEqual(
      [
        ['blob', [1, 2, 3], 1],
        ['blob', [4, 5, 6], 0],
      ],
    );

    // The types forbid it, but untyped callers can still pass it.
    const missing = [undefined] as unknown as [null];
    await expect(client.execute('SELECT ?', missing)).rejects.toThrow(TypeError);
    await expect(client.execute('INSERT INTO t VALUES (1, ?)', missing)).rejects.toThrow(TypeError);
    expect(seen()).toEqual([]);
  });

  it('prepares a cached SELECT again after DDL, so it sees a new column', async () => {
    const { client } = await open();
    await client.execute(insert(1));
    expect((await client.execute('SELECT * FROM t')).columns).toEqual(['id', 'v']);

    await client.execute('ALTER TABLE t ADD COLUMN c TEXT');
    const after = await client.execute('SELECT * FROM t');
    expect(after.columns).toEqual(['id', 'v', 'c']);
    expect({ ...after.rows[0] }).toEqual({ id: 1, v: 'v1', c: null });
  });

  it('migrate() applies its statements in one transaction: a failing one leaves none applied', async () => {
    const { client } = await open();
    const tables = async () =>
      (await client.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"))
        .rows;

    await expect(
      client.migrate([
        'CREATE TABLE m (id INTEGER PRIMARY KEY)',
        'INSERT INTO m VALUES (1)',
        insert(1),
        'INSERT INTO no_such_table VALUES (1)',
      ]),
    ).rejects.toThrow(/no such table/);
    expect((await tables()).map((row) => row.name)).toEqual(['t']);
    expect((await client.execute('SELECT count(*) AS n FROM t')).rows[0]?.n).toBe(0);

    await client.migrate(['CREATE TABLE m (id INTEGER PRIMARY KEY)', 'INSERT INTO m VALUES (1)']);
    expect((await tables()).map((row) => row.name)).toEqual(['m', 't']);
  });

  it('close() commits queued writes first, and later calls reject', async () => {
    const { client, path } = await open();
    const pending = client.batch([insert(1)]);
    client.close();
    await expect(pending).resolves.toHaveLength(1);

    const reopened = new Database(path);
    cleanups.push(() => reopened.close());
    expect(reopened.prepare('SELECT id, v FROM t').raw(true).all()).toEqual([[1, 'v1']]);

    await expect(client.execute('SELECT 1')).rejects.toThrow('The database is closed.');
    await expect(client.batch([insert(2)])).rejects.toThrow('The database is closed.');
    await expect(client.migrate([insert(2)])).rejects.toThrow('The database is closed.');
  });

  it('openLibsql applies WAL, synchronous=FULL and secure_delete on the file', async () => {
    const store = await openLibsql(`file:${join(dir, 'relay.db')}`);
    cleanups.push(() => store.close());
    const pragma = async (name: string) =>
      (await store.client.execute(`PRAGMA ${name}`)).rows[0]?.[0];

    expect(store.isFile).toBe(true);
    expect(await pragma('journal_mode')).toBe('wal');
    expect(await pragma('synchronous')).toBe(2);
    expect(await pragma('secure_delete')).toBe(1);
    expect(await pragma('foreign_keys')).toBe(1);
  });

  it('drizzle batch() through openLibsql is atomic', async () => {
    const store = await openLibsql(`file:${join(dir, 'relay.db')}`);
    cleanups.push(() => store.close());
    const { db } = store;

    await expect(
      db.batch([
        db.insert(invites).values({ tokenHash: 'first', expiresHour: 1 }),
        db.insert(invites).values({ tokenHash: 'first', expiresHour: 2 }),
      ]),
    ).rejects.toThrow(/UNIQUE constraint failed: invites\.token_hash/);
    expect(await db.select().from(invites)).toEqual([]);

    await db.batch([
      db.insert(invites).values({ tokenHash: 'a', expiresHour: 1 }),
      db.insert(invites).values({ tokenHash: 'b', expiresHour: 2 }),
    ]);
    expect((await db.select().from(invites)).map((invite) => invite.tokenHash).sort()).toEqual([
      'a',
      'b',
    ]);
  });

  // A failure that ends the whole transaction, not just one statement, must still
  // fail only its own write; a schema change that is rolled back must not leave
  // statements prepared against it.

  it('fails alone a write whose OR ROLLBACK conflict clause ends the transaction', async () => {
    const { client, seen } = await open();
    await client.execute(insert(1));

    const results = await Promise.allSettled([
      client.execute(insert(2)),
      client.execute({ sql: 'INSERT OR ROLLBACK INTO t (id, v) VALUES (?, ?)', args: [1, 'dup'] }),
      client.batch([insert(3)]),
    ]);

    expect(outcomes(results)).toEqual(['ok', expect.stringMatching(/UNIQUE constraint/), 'ok']);
    expect(seen()).toEqual([1, 2, 3]);
  });

  it('fails alone a write that breaks a deferred foreign key', async () => {
    const { client, seen } = await open();
    await client.execute('PRAGMA foreign_keys = ON');
    await client.execute(
      'CREATE TABLE child (id INTEGER PRIMARY KEY, parent INTEGER REFERENCES t (id) DEFERRABLE INITIALLY DEFERRED)',
    );
    await client.execute(insert(1));

    const results = await Promise.allSettled([
      client.execute(insert(2)),
      client.execute('INSERT INTO child VALUES (1, 99)'),
      client.batch([insert(3)]),
    ]);

    expect(outcomes(results)).toEqual(['ok', expect.stringMatching(/FOREIGN KEY/), 'ok']);
    expect(seen()).toEqual([1, 2, 3]);
  });

  it('does not keep a statement prepared against DDL that a failed batch rolled back', async () => {
    const { client } = await open();
    await client.execute(insert(1));

    await expect(
      client.batch(['ALTER TABLE t ADD COLUMN c TEXT', 'SELECT * FROM t', insert(1)]),
    ).rejects.toThrow(/UNIQUE constraint/);

    const after = await client.execute('SELECT * FROM t');
    expect(after.columns).toEqual(['id', 'v']);
    expect({ ...after.rows[0] }).toEqual({ id: 1, v: 'v1' });
  });

  it('fails a whole group at once when the file is locked past busy_timeout, then writes again', async () => {
    const { client, path, seen } = await open();
    await client.execute('PRAGMA busy_timeout = 20');
    const holder = new Database(path);
    cleanups.push(() => holder.close());
    holder.exec('BEGIN IMMEDIATE');

    const results = await Promise.allSettled([
      client.batch([insert(1)]),
      client.execute(insert(2)),
      client.batch([insert(3), insert(4)]),
    ]);
    expect(outcomes(results)).toEqual([
      expect.stringMatching(/locked|busy/i),
      expect.stringMatching(/locked|busy/i),
      expect.stringMatching(/locked|busy/i),
    ]);

    holder.exec('ROLLBACK');
    await client.batch([insert(5)]);
    expect(seen()).toEqual([5]);
  });
});
