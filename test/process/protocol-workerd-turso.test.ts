/**
 * The shared protocol scenarios (suite.ts) against the Worker inside workerd
 * with its other storage: libSQL over HTTP (Turso) through
 * `@libsql/client/web`, chosen by DATABASE_URL. A local stand-in server
 * (test/support/libsql-http-server.ts) plays Turso on 127.0.0.1, on a file
 * migrated as `npm run db:migrate` migrates a Turso database.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { afterAll, describe, expect, it } from 'vitest';
import { openLibsql } from '../../src/db/libsql.ts';
import { protocolScenarios } from '../protocol/suite.ts';
import { type LibsqlHttpServer, startLibsqlHttpServer } from '../support/libsql-http-server.ts';
import { overHttp } from '../support/transport.ts';
import { startWorkerdRelay, type WorkerdRelay } from '../support/workerd-relay.ts';

const OPERATOR_TOKEN = 'operator-token-for-workerd-turso-0123456789';
const DATABASE_AUTH_TOKEN = 'turso-database-token-for-tests';

const dir = mkdtempSync(join(tmpdir(), 'peer-relay-turso-'));
const fileUrl = `file:${join(dir, 'relay.db')}`;
let libsql: LibsqlHttpServer | undefined;
let relay: WorkerdRelay | undefined;
afterAll(async () => {
  await relay?.stop();
  await libsql?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('the protocol on Cloudflare Workers with Turso (workerd, libSQL over HTTP)', () => {
  protocolScenarios(async () => {
    (await openLibsql(fileUrl)).close();
    libsql = await startLibsqlHttpServer(fileUrl, DATABASE_AUTH_TOKEN);
    relay = await startWorkerdRelay(
      {
        OPERATOR_TOKEN,
        POW_DIFFICULTY: '8',
        PUBLIC_URL: 'http://127.0.0.1:8787',
        DATABASE_URL: libsql.url,
        DATABASE_AUTH_TOKEN,
      },
      { migrateD1: false },
    );
    return { ...overHttp(relay.url.origin, OPERATOR_TOKEN), powDifficulty: 8 };
  });

  it('kept its records in the libSQL database, with ciphertext only where undelivered', async () => {
    expect(libsql?.statements.some((sql) => /^insert into "?messages"?[\s(]/i.test(sql))).toBe(
      true,
    );
    const client = createClient({ url: fileUrl });
    const rows = await client.execute(
      'select status, ciphertext is null as deleted from messages order by id',
    );
    client.close();
    expect(rows.rows.length).toBeGreaterThan(0);
    for (const row of rows.rows) {
      expect(row.deleted).toBe(row.status === 'queued' ? 0 : 1);
    }
  });
});
