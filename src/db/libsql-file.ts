/**
 * @module
 * The embedded libSQL file, driven through the native `libsql` binding (the
 * engine under `@libsql/client`), for the two things that client does not
 * do and the relay's throughput needs:
 *
 * - **Statement reuse.** Each SQL text is compiled once per process and the
 *   prepared statement kept, instead of compiled again for every call.
 * - **Group commit.** Writes (a `batch`, or a single INSERT, UPDATE, DELETE or
 *   REPLACE) that arrive while the event loop is busy are committed together
 *   within a turn or two: one transaction, one WAL sync for all of them. Each
 *   write stays atomic on its own (it runs inside a savepoint, and a failing
 *   write is rolled back alone), and its promise settles only after the COMMIT
 *   has returned, so nothing is acknowledged before it is durable.
 *
 * Figures (the relay in-process, 10 submissions in flight, 2 cores; see
 * bench/README.md): with `@libsql/client`'s own file driver a submission cost
 * about 2.6 ms of CPU and the relay stored 100–140 a second, each COMMIT's
 * fsync blocking the event loop; through this client, about 1.0 ms and
 * 300 a second, and acknowledgements alike.
 *
 * Everything runs synchronously on one connection, so a read never sees a
 * write that is not committed yet: the group's transaction opens and commits
 * within one synchronous step. Reads, pragmas and DDL run at once.
 *
 * It implements `@libsql/client`'s public `Client` interface and nothing
 * else (rows have the same shape: values by index and by column name), and
 * only src/db/libsql.ts knows it is there.
 */
import { type Client, LibsqlBatchError, type ResultSet, type Row } from '@libsql/client';
import Database from 'libsql';

type Value = null | string | number | bigint | Uint8Array;
type Args = readonly unknown[] | Record<string, unknown>;
type Statement = ReturnType<Database.Database['prepare']>;
type InStatement = string | { sql: string; args?: Args | undefined };

interface Prepared {
  statement: Statement;
  /** Changes the data: joins the next group commit. */
  write: boolean;
  /** For a statement that returns rows (a SELECT, a PRAGMA that answers, or `… RETURNING`). */
  rows?: { columns: string[]; makeRow: (values: Value[]) => Row } | undefined;
}

interface PendingWrite {
  statements: readonly InStatement[];
  /** A lone statement from `execute`: its error is passed on as it is, not as a batch error. */
  single: boolean;
  resolve(results: ResultSet[]): void;
  reject(error: unknown): void;
  results?: ResultSet[] | undefined;
  error?: unknown;
}

/** Most statements the relay uses are few and fixed; acks of n ids add one text per n. */
const STATEMENT_CACHE_SIZE = 256;
/** Writes per group: bounds how long one commit step holds the event loop. */
const GROUP_LIMIT = 512;
/** Event-loop turns a flush may wait for more writes to join it. */
const MAX_WAIT_TURNS = 2;

const WRITE = /^\s*(insert|update|delete|replace)\b/i;
const SCHEMA_CHANGE = /^\s*(create|drop|alter)\b/i;

/**
 * Opens a libSQL file for the relay (src/db/libsql.ts applies the pragmas and migrations).
 *
 * @example
 * const client = openFileClient('/var/lib/peer-relay/relay.db');
 * await client.execute('PRAGMA journal_mode = WAL');
 */
export function openFileClient(path: string): Client {
  return new FileClient(path);
}

class FileClient implements Client {
  closed = false;
  readonly protocol = 'file';
  readonly #db: Database.Database;
  readonly #statements = new Map<string, Prepared>();
  #pending: PendingWrite[] = [];
  #scheduled = false;
  /** Writes pending when the flush last looked, and how many turns it has waited. */
  #seen = 0;
  #waited = 0;

  constructor(path: string) {
    this.#db = new Database(path);
    this.#db.defaultSafeIntegers(false);
  }

  execute(stmtOrSql: InStatement, args?: Args): Promise<ResultSet> {
    const statement = typeof stmtOrSql === 'string' ? { sql: stmtOrSql, args } : stmtOrSql;
    try {
      this.#checkOpen();
      if (this.#prepare(statement.sql).write) {
        return this.#enqueue([statement], true).then((results) => results[0] as ResultSet);
      }
      return Promise.resolve(this.#run(statement));
    } catch (error) {
      return Promise.reject(error);
    }
  }

  batch(statements: Array<InStatement | [string, Args?]>): Promise<ResultSet[]> {
    try {
      this.#checkOpen();
    } catch (error) {
      return Promise.reject(error);
    }
    return this.#enqueue(
      statements.map((s) => (Array.isArray(s) ? { sql: s[0], args: s[1] ?? [] } : s)),
      false,
    );
  }

  /** Schema migrations (drizzle's migrator): one transaction with foreign keys off. */
  async migrate(statements: InStatement[]): Promise<ResultSet[]> {
    this.#checkOpen();
    this.#flush();
    this.#statements.clear();
    this.#db.exec('PRAGMA foreign_keys = off');
    try {
      this.#db.exec('BEGIN IMMEDIATE');
      const results = statements.map((s) => this.#run(s));
      this.#db.exec('COMMIT');
      return results;
    } finally {
      if (this.#db.inTransaction) this.#db.exec('ROLLBACK');
      this.#statements.clear();
      this.#db.exec('PRAGMA foreign_keys = on');
    }
  }

  async executeMultiple(sql: string): Promise<void> {
    this.#checkOpen();
    this.#flush();
    this.#statements.clear();
    this.#db.exec(sql);
  }

  transaction(): never {
    throw new Error('Interactive transactions are not used by the relay; use batch().');
  }

  sync(): never {
    throw new Error('A local libSQL file has nothing to sync.');
  }

  reconnect(): void {}

  close(): void {
    if (this.closed) return;
    this.#flush();
    this.closed = true;
    this.#statements.clear();
    this.#db.close();
  }

  #checkOpen(): void {
    if (this.closed) throw new Error('The database is closed.');
  }

  #enqueue(statements: readonly InStatement[], single: boolean): Promise<ResultSet[]> {
    return new Promise((resolve, reject) => {
      this.#pending.push({ statements, single, resolve, reject });
      if (!this.#scheduled) {
        this.#scheduled = true;
        this.#waited = 0;
        this.#seen = this.#pending.length;
        setImmediate(() => this.#flushWhenSettled());
      }
    });
  }

  /**
   * Flushes once a turn of the event loop brings no new write, or after
   * MAX_WAIT_TURNS turns. A lone write is flushed at the first turn; under
   * load, requests whose data arrived during the previous commit get to
   * join this one, so one fsync covers more writes (+16% full cycles a
   * second in bench/, bench/README.md).
   */
  #flushWhenSettled(): void {
    if (this.#pending.length > this.#seen && this.#waited < MAX_WAIT_TURNS) {
      this.#seen = this.#pending.length;
      this.#waited++;
      setImmediate(() => this.#flushWhenSettled());
      return;
    }
    this.#flush();
  }

  /** Commits every pending write in one transaction, then settles their promises. */
  #flush(): void {
    this.#scheduled = false;
    while (this.#pending.length > 0) {
      for (const write of this.#settle(this.#pending.splice(0, GROUP_LIMIT))) {
        if (write.error === undefined) write.resolve(write.results ?? []);
        else write.reject(write.error);
      }
    }
  }

  /** Commits a group, recording each write's results or error. */
  #settle(group: PendingWrite[]): PendingWrite[] {
    try {
      this.#control('BEGIN IMMEDIATE');
    } catch (error) {
      // Nothing ran (the file is locked by another process past busy_timeout,
      // or unwritable): every write fails, without trying each again.
      for (const write of group) write.error = error;
      return group;
    }
    try {
      this.#commit(group);
    } catch (error) {
      // The whole transaction is gone: a constraint deferred to COMMIT, an
      // `OR ROLLBACK` conflict or a failing COMMIT. Statements prepared
      // against DDL it rolled back must go, and each write is tried alone, so
      // only the one at fault fails.
      this.#statements.clear();
      if (group.length > 1) {
        for (const write of group) {
          write.results = undefined;
          write.error = undefined;
          this.#settle([write]);
        }
      } else {
        for (const write of group) write.error ??= error;
      }
    }
    return group;
  }

  #control(sql: string): void {
    this.#prepare(sql).statement.run([]);
  }

  /** Runs the group's writes in the transaction just begun, and commits. */
  #commit(group: PendingWrite[]): void {
    const control = (sql: string) => this.#control(sql);
    try {
      for (const write of group) {
        control('SAVEPOINT write');
        let index = 0;
        try {
          const results: ResultSet[] = [];
          for (; index < write.statements.length; index++) {
            results.push(this.#run(write.statements[index] as InStatement));
          }
          write.results = results;
          control('RELEASE write');
        } catch (error) {
          write.error = write.single ? error : batchError(error, index);
          if (!this.#db.inTransaction) throw error;
          control('ROLLBACK TO write');
          control('RELEASE write');
          // The write may have changed the schema before it failed.
          this.#statements.clear();
        }
      }
      control('COMMIT');
    } finally {
      if (this.#db.inTransaction) this.#db.exec('ROLLBACK');
    }
  }

  #prepare(sql: string): Prepared {
    const cached = this.#statements.get(sql);
    if (cached !== undefined) return cached;
    const schemaChange = SCHEMA_CHANGE.test(sql);
    if (schemaChange) this.#statements.clear();
    const statement = this.#db.prepare(sql);
    let rows: Prepared['rows'];
    if (statement.reader) {
      const columns = statement.columns().map((column) => column.name);
      statement.raw(true);
      rows = { columns, makeRow: rowMaker(columns) };
    }
    const prepared: Prepared = {
      statement,
      write: WRITE.test(sql),
      rows,
    };
    // DDL changes what other statements mean: never keep it or what came before.
    if (!schemaChange) {
      this.#statements.set(sql, prepared);
      if (this.#statements.size > STATEMENT_CACHE_SIZE) {
        // The first one kept goes: the hot statements come back at the next use.
        const first = this.#statements.keys().next().value as string;
        this.#statements.delete(first);
      }
    }
    return prepared;
  }

  #run(input: InStatement): ResultSet {
    const { sql, args } = typeof input === 'string' ? { sql: input, args: undefined } : input;
    const prepared = this.#prepare(sql);
    const bound = bindArgs(args);
    if (prepared.rows !== undefined) {
      const { columns, makeRow } = prepared.rows;
      const raw = prepared.statement.all(bound) as Value[][];
      return resultSet(columns, raw.map(makeRow), 0, undefined);
    }
    const info = prepared.statement.run(bound);
    return resultSet([], [], info.changes, BigInt(info.lastInsertRowid));
  }
}

function resultSet(
  columns: string[],
  rows: Row[],
  rowsAffected: number,
  lastInsertRowid: bigint | undefined,
): ResultSet {
  return {
    columns,
    columnTypes: columns.map(() => ''),
    rows,
    rowsAffected,
    lastInsertRowid,
    toJSON() {
      return { columns, rows: rows.map((row) => ({ ...row })), rowsAffected };
    },
  };
}

function batchError(error: unknown, index: number): unknown {
  if (!(error instanceof Error)) return error;
  const code = (error as { code?: unknown }).code;
  return new LibsqlBatchError(
    error.message,
    index,
    typeof code === 'string' ? code : 'UNKNOWN',
    undefined,
    undefined,
    error,
  );
}

function bindArgs(args: Args | undefined): unknown[] | Record<string, unknown> {
  if (args === undefined) return [];
  if (Array.isArray(args)) return args.map(toSql);
  const named: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(args)) {
    named[/^[@$:]/.test(name) ? name.slice(1) : name] = toSql(value);
  }
  return named;
}

/** The values `@libsql/client` accepts, as the native binding takes them. */
function toSql(value: unknown): unknown {
  if (value === undefined) throw new TypeError('undefined cannot be bound to a SQL parameter');
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof Uint8Array && !Buffer.isBuffer(value)) {
    return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  }
  if (value instanceof ArrayBuffer) return Buffer.from(value);
  if (value instanceof Date) return value.valueOf();
  return value;
}

/**
 * Rows as `@libsql/client` shapes them: values by index (not enumerable, with
 * `length`) and by column name (enumerable, so spreading a row gives a plain
 * record). One class per statement keeps building a row cheap.
 */
function rowMaker(columns: readonly string[]): (values: Value[]) => Row {
  class ResultRow {
    readonly #values: Value[];
    constructor(values: Value[]) {
      this.#values = values;
      const named = this as unknown as Record<string, Value>;
      for (let i = 0; i < columns.length; i++) {
        const column = columns[i] as string;
        if (column !== 'length' && !Object.hasOwn(named, column)) named[column] = values[i] ?? null;
      }
    }
    get length(): number {
      return this.#values.length;
    }
    static valueAt(row: ResultRow, index: number): Value {
      return row.#values[index] ?? null;
    }
  }
  for (let i = 0; i < columns.length; i++) {
    Object.defineProperty(ResultRow.prototype, i, {
      get(this: ResultRow) {
        return ResultRow.valueAt(this, i);
      },
    });
  }
  return (values) => new ResultRow(values) as unknown as Row;
}
