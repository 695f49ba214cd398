/**
 * A stand-in for Turso on 127.0.0.1: the part of libSQL's remote protocol
 * (Hrana 2 over HTTP, JSON) that `@libsql/client/web` speaks, executed on a
 * local SQLite file through `@libsql/client`. It lets the Worker's Turso
 * path (src/db/libsql-web.ts) run end to end without a network. It checks
 * the bearer token as Turso does, and serves one request at a time, so a
 * batch's BEGIN … COMMIT is never interleaved with another.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Client, createClient, type InValue, type Transaction } from '@libsql/client';

type HranaValue =
  | { type: 'null' }
  | { type: 'integer'; value: string }
  | { type: 'float'; value: number }
  | { type: 'text'; value: string }
  | { type: 'blob'; base64: string };

interface HranaStmt {
  sql?: string;
  /** A text stored earlier with `store_sql` (the client's SQL cache). */
  sql_id?: number;
  args?: HranaValue[];
  named_args?: { name: string; value: HranaValue }[];
}

type HranaCondition =
  | { type: 'ok' | 'error'; step: number }
  | { type: 'not'; cond: HranaCondition }
  | { type: 'and' | 'or'; conds: HranaCondition[] }
  | { type: 'is_autocommit' };

type HranaRequest =
  | { type: 'execute'; stmt: HranaStmt }
  | { type: 'batch'; batch: { steps: { condition?: HranaCondition; stmt: HranaStmt }[] } }
  | { type: 'sequence'; sql: string }
  | { type: 'store_sql'; sql_id: number; sql: string }
  | { type: 'close_sql'; sql_id: number }
  | { type: 'close' }
  | { type: 'get_autocommit' };

export interface LibsqlHttpServer {
  url: string;
  /** Every SQL text received, in order (to show which driver the relay used). */
  statements: string[];
  stop(): Promise<void>;
}

function fromHrana(value: HranaValue): InValue {
  switch (value.type) {
    case 'null':
      return null;
    case 'integer':
      return BigInt(value.value);
    case 'float':
      return value.value;
    case 'text':
      return value.value;
    case 'blob':
      return Buffer.from(value.base64, 'base64');
  }
}

function toHrana(value: unknown): HranaValue {
  if (value === null || value === undefined) return { type: 'null' };
  if (typeof value === 'bigint') return { type: 'integer', value: String(value) };
  if (typeof value === 'number') return { type: 'float', value };
  if (typeof value === 'string') return { type: 'text', value };
  if (value instanceof ArrayBuffer) {
    return { type: 'blob', base64: Buffer.from(value).toString('base64') };
  }
  throw new TypeError(`cannot encode ${typeof value}`);
}

/** Texts stored with `store_sql`, by id. */
type SqlCache = Map<number, string>;

function sqlOf(stmt: HranaStmt, cache: SqlCache): string {
  return stmt.sql ?? cache.get(stmt.sql_id ?? -1) ?? '';
}

const EMPTY_RESULT = { cols: [], rows: [], affected_row_count: 0, last_insert_rowid: null };

async function execute(
  client: Client | Transaction,
  stmt: HranaStmt,
  statements: string[],
  cache: SqlCache,
) {
  const sql = sqlOf(stmt, cache);
  statements.push(sql);
  const args =
    stmt.named_args !== undefined && stmt.named_args.length > 0
      ? Object.fromEntries(stmt.named_args.map((arg) => [arg.name, fromHrana(arg.value)]))
      : (stmt.args ?? []).map(fromHrana);
  const result = await client.execute({ sql, args });
  return {
    cols: result.columns.map((name, i) => ({ name, decltype: result.columnTypes[i] ?? null })),
    rows: result.rows.map((row) =>
      Array.from({ length: result.columns.length }, (_, i) => toHrana(row[i])),
    ),
    affected_row_count: result.rowsAffected,
    last_insert_rowid: result.lastInsertRowid === undefined ? null : String(result.lastInsertRowid),
  };
}

function errorOf(error: unknown) {
  return { message: error instanceof Error ? error.message : String(error), code: 'SQLITE_ERROR' };
}

async function runBatch(
  client: Client,
  steps: { condition?: HranaCondition; stmt: HranaStmt }[],
  statements: string[],
  cache: SqlCache,
) {
  const results: unknown[] = [];
  const errors: unknown[] = [];
  const holds = (condition: HranaCondition): boolean => {
    switch (condition.type) {
      case 'ok':
        return results[condition.step] != null;
      case 'error':
        return errors[condition.step] != null;
      case 'not':
        return !holds(condition.cond);
      case 'and':
        return condition.conds.every(holds);
      case 'or':
        return condition.conds.some(holds);
      case 'is_autocommit':
        // A Hrana 3 condition; clients speaking Hrana 2 (as here) never send it.
        throw new Error('is_autocommit is not supported by this stand-in');
    }
  };
  // The client wraps a batch in BEGIN … COMMIT (ROLLBACK if that failed);
  // @libsql/client runs such a span as one of its transactions.
  let transaction: Transaction | undefined;
  for (const step of steps) {
    if (step.condition !== undefined && !holds(step.condition)) {
      results.push(null);
      errors.push(null);
      continue;
    }
    try {
      const control = /^\s*(BEGIN|COMMIT|END|ROLLBACK)\b/i.exec(sqlOf(step.stmt, cache))?.[1];
      if (control === undefined) {
        results.push(await execute(transaction ?? client, step.stmt, statements, cache));
      } else {
        statements.push(sqlOf(step.stmt, cache));
        if (/^BEGIN$/i.test(control)) transaction = await client.transaction('write');
        else if (transaction === undefined) throw new Error('no transaction is active');
        else if (/^ROLLBACK$/i.test(control)) await transaction.rollback();
        else await transaction.commit();
        if (!/^BEGIN$/i.test(control)) transaction = undefined;
        results.push(EMPTY_RESULT);
      }
      errors.push(null);
    } catch (error) {
      results.push(null);
      errors.push(errorOf(error));
    }
  }
  transaction?.close();
  return { step_results: results, step_errors: errors };
}

async function respond(
  client: Client,
  request: HranaRequest,
  statements: string[],
  cache: SqlCache,
) {
  switch (request.type) {
    case 'execute':
      return { type: 'execute', result: await execute(client, request.stmt, statements, cache) };
    case 'batch':
      return {
        type: 'batch',
        result: await runBatch(client, request.batch.steps, statements, cache),
      };
    case 'store_sql':
      cache.set(request.sql_id, request.sql);
      return { type: 'store_sql' };
    case 'close_sql':
      cache.delete(request.sql_id);
      return { type: 'close_sql' };
    case 'sequence':
      statements.push(request.sql);
      await client.executeMultiple(request.sql);
      return { type: 'sequence' };
    case 'close':
      return { type: 'close' };
    case 'get_autocommit':
      return { type: 'get_autocommit', is_autocommit: true };
  }
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Serves the SQLite file at `url` (`file:…`) to clients presenting `authToken`. */
export async function startLibsqlHttpServer(
  fileUrl: string,
  authToken: string,
): Promise<LibsqlHttpServer> {
  const client = createClient({ url: fileUrl, intMode: 'bigint' });
  const statements: string[] = [];
  const cache: SqlCache = new Map();
  let queue = Promise.resolve();

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const send = (status: number, body: unknown) => {
      response.writeHead(status, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (request.headers.authorization !== `Bearer ${authToken}`) return send(401, {});
    if (request.method === 'GET') return request.url === '/v2' ? send(200, {}) : send(404, {});
    if (request.method !== 'POST' || request.url !== '/v2/pipeline') return send(404, {});
    const body = JSON.parse(await readBody(request)) as { requests: HranaRequest[] };
    const results = [];
    for (const item of body.requests) {
      try {
        results.push({ type: 'ok', response: await respond(client, item, statements, cache) });
      } catch (error) {
        results.push({ type: 'error', error: errorOf(error) });
      }
    }
    const closed = body.requests.some((item) => item.type === 'close');
    send(200, { baton: closed ? null : 'stream', base_url: null, results });
  }

  const server = createServer((request, response) => {
    queue = queue.then(() =>
      handle(request, response).catch(() => {
        if (!response.headersSent) response.writeHead(500).end();
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    statements,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      client.close();
    },
  };
}
