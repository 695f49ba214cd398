/**
 * @module
 * Baseline B and the minimal cycle: the relay's submit, inbox and ack
 * written as plainly as possible against the same store, a libSQL file with
 * exactly the relay's pragmas (WAL, synchronous=FULL, secure_delete, one
 * connection; src/db/libsql.ts). No validation, no authentication beyond
 * naming the supporter, no counters, no proof of work, no checkpoints. It
 * takes the relay's request bodies, so both are driven by the same load.
 *
 * - `POST /api/v1/messages`: inserts one row holding the decoded ciphertext
 *   (baseline B, the store ceiling);
 * - `GET /api/v1/inbox` with `Authorization: Bearer <supporterId>`;
 * - `POST /api/v1/inbox/ack` `{ids}`: marks delivered and drops the ciphertext.
 *
 * `DATABASE_URL` names the file, `PORT` the port (127.0.0.1 only).
 */
import { randomUUID } from 'node:crypto';
import { serve } from '@hono/node-server';
import { createClient } from '@libsql/client';
import { Hono } from 'hono';

const client = createClient({
  url: process.env.DATABASE_URL ?? 'file:bench/out/minimal.db',
  concurrency: 1,
});
await client.execute('PRAGMA journal_mode = WAL');
await client.execute('PRAGMA synchronous = FULL');
await client.execute('PRAGMA secure_delete = ON');
await client.execute('PRAGMA busy_timeout = 5000');
// The relay's messages table and the index its inbox query uses.
await client.execute(`create table if not exists messages (
  id text primary key, supporter_id text not null, mailbox_id text not null, ciphertext blob,
  status text not null, received_hour integer not null, expires_hour integer not null)`);
await client.execute(
  'create index if not exists messages_supporter_status on messages (supporter_id, status)',
);

const HOUR = 3600;
const hourNow = () => Math.floor(Date.now() / 1000 / HOUR) * HOUR;

interface Submission {
  supporterId: string;
  ciphertext: string;
  mailbox: { id: string };
}

const app = new Hono();
app.get('/readyz', (c) => c.json({ status: 'ready' }));
app.post('/api/v1/messages', async (c) => {
  const body = await c.req.json<Submission>();
  const id = randomUUID();
  const hour = hourNow();
  await client.execute({
    sql: 'insert into messages values (?, ?, ?, ?, ?, ?, ?)',
    args: [
      id,
      body.supporterId,
      body.mailbox.id,
      Buffer.from(body.ciphertext, 'base64url'),
      'queued',
      hour,
      hour + 336 * HOUR,
    ],
  });
  return c.json({ id, status: 'queued' }, 202);
});
app.get('/api/v1/inbox', async (c) => {
  const supporterId = c.req.header('Authorization')?.slice('Bearer '.length) ?? '';
  const { rows } = await client.execute({
    sql: `select id, ciphertext, received_hour from messages
          where supporter_id = ? and status = 'queued' order by received_hour, id`,
    args: [supporterId],
  });
  return c.json({
    messages: rows.map((row) => ({
      id: row.id,
      ciphertext: Buffer.from(row.ciphertext as ArrayBuffer).toString('base64url'),
      receivedAt: new Date(Number(row.received_hour) * 1000).toISOString(),
    })),
  });
});
app.post('/api/v1/inbox/ack', async (c) => {
  const supporterId = c.req.header('Authorization')?.slice('Bearer '.length) ?? '';
  const { ids } = await c.req.json<{ ids: string[] }>();
  if (ids.length === 0) return c.json({ deleted: 0 });
  const result = await client.execute({
    sql: `update messages set status = 'delivered', ciphertext = null
          where supporter_id = ? and status = 'queued' and id in (${ids.map(() => '?').join(',')})`,
    args: [supporterId, ...ids],
  });
  return c.json({ deleted: result.rowsAffected });
});

serve({ fetch: app.fetch, hostname: '127.0.0.1', port: Number(process.env.PORT ?? 8791) }, () => {
  console.log('minimal-store listening');
});

// Exit normally on SIGTERM, so `node --cpu-prof` writes its profile.
process.on('SIGTERM', () => process.exit(0));
