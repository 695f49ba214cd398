/**
 * Privacy promises 2–5 of DESIGN.md, checked where they matter: in the bytes
 * of the libSQL files (relay.db, its -wal and -shm) and in every response
 * body, after the whole doctor–supporter flow has run through the relay.
 */
import { statSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { expireStaleRecords } from '../../src/domain/expiry.ts';
import {
  formatReplyCode,
  fromB64,
  openDoctorMessage,
  toB64,
} from '../../web/src/protocol/index.ts';
import {
  createInvite,
  joinSupporter,
  logIn,
  newDoctor,
  recording,
  register,
  registeredSupporter,
  registrationFor,
} from '../support/actors.ts';
import { createHarness, type Harness } from '../support/harness.ts';
import {
  filesContaining,
  leakedSecrets,
  middleSlice,
  readDatabaseFiles,
} from '../support/process-helpers.ts';
import type { ApiResponse } from '../support/transport.ts';

const harnesses: Harness[] = [];
afterEach(() => {
  // Newest first: a reopened harness shares its directory with the one before it.
  for (const harness of harnesses.splice(0).reverse()) harness.dispose();
});

async function newHarness(options: Parameters<typeof createHarness>[0] = {}): Promise<Harness> {
  const harness = await createHarness(options);
  harnesses.push(harness);
  return harness;
}

function random(): string {
  return toB64(crypto.getRandomValues(new Uint8Array(12)));
}

function walSize(harness: Harness): number {
  return statSync(`${harness.dbPath}-wal`, { throwIfNoEntry: false })?.size ?? 0;
}

/** Request headers a proxy or browser would add: none of them may be kept. */
function sentinelHeaders() {
  const tag = random();
  return {
    headers: {
      'X-Forwarded-For': '203.0.113.77',
      'CF-Connecting-IP': '198.51.100.99',
      'User-Agent': `SentinelAgent/9.9-${tag}`,
      Referer: `https://sentinel-referer.example/${tag}`,
    },
    needles: [
      '203.0.113.77',
      '198.51.100.99',
      'SentinelAgent',
      `SentinelAgent/9.9-${tag}`,
      'sentinel-referer.example',
      tag,
    ],
  };
}

interface FlowResult {
  responses: ApiResponse[];
  secrets: Record<string, string>;
  needles: string[];
}

/**
 * The whole flow, every request carrying the sentinel headers: invite, join,
 * log in, directory, proof of work, submit, inbox, ack, reply, mailbox open,
 * mailbox ack. The clock moves by odd minutes between steps.
 */
async function fullFlowWithSentinels(harness: Harness): Promise<FlowResult> {
  const { headers, needles } = sentinelHeaders();
  const responses: ApiResponse[] = [];
  // Every request the actors send carries the sentinel headers; every answer is kept.
  const relay = recording(harness, headers, responses);

  const { token: inviteToken } = await createInvite(relay, { note: 'privacy test' });
  const login = `privacy-${random()
    .slice(0, 8)
    .replace(/[^A-Za-z0-9]/g, 'x')}`;
  const registration = await registrationFor(relay, { login, invite: inviteToken });
  const { authKey } = registration.body;
  const joined = await register(relay, registration.body);
  expect(joined.status).toBe(201);
  const supporterId: string = joined.body.id;
  harness.clock.advanceHours(0.23);

  expect((await relay.request('POST', '/api/v1/session/params', { body: { login } })).status).toBe(
    200,
  );
  const session = await logIn(relay, login, authKey);
  expect(session.status).toBe(200);
  const sessionToken: string = session.body.token;
  const supporter = registeredSupporter(relay, registration, supporterId, sessionToken);

  const directory = await relay.request('GET', '/api/v1/supporters');
  expect(directory.body.supporters.map((s: { id: string }) => s.id)).toEqual([supporterId]);
  expect((await relay.request('GET', '/api/v1/pow')).status).toBe(200);

  const doctor = await newDoctor(relay);
  const messageText = `PlaintextSentinel-${random()} I cannot sleep before night shifts.`;
  const contact = `+47 ${Math.floor(10_000_000 + Math.random() * 89_999_999)}`;
  const { sealed, response: submitted } = await doctor.tryWriteTo(supporter, messageText, {
    prefs: { modalities: ['phone'], contact },
  });
  expect(submitted.status).toBe(202);
  harness.clock.advanceHours(1.71);

  const inbox = await supporter.readInbox();
  expect(inbox).toHaveLength(1);
  const opened = inbox[0]!.message;
  expect(opened.text).toBe(messageText);
  const acked = await supporter.ack([sealed.id]);
  expect(acked.body).toEqual({ deleted: 1 });
  harness.clock.advanceHours(2.42);

  const replyText = `ReplySentinel-${random()} I can call you tonight.`;
  const { reply, response: replied } = await supporter.tryReply(opened, replyText);
  expect(replied.status).toBe(202);
  harness.clock.advanceHours(0.9);

  const open = await doctor.openMailbox();
  expect(open.status).toBe(200);
  expect(open.body.replies.map((r: { id: string }) => r.id)).toEqual([reply.id]);
  expect(open.body.sent).toEqual([
    expect.objectContaining({ id: sealed.id, supporterId, status: 'delivered' }),
  ]);
  const read = await doctor.ackReplies([reply.id]);
  expect(read.body).toEqual({ deleted: 1 });
  await harness.node.checkpointIfDeleted();

  return {
    responses,
    needles,
    secrets: {
      messageText,
      contact,
      replyText,
      formattedReplyCode: formatReplyCode(doctor.replyCode),
      compactReplyCode: formatReplyCode(doctor.replyCode).replaceAll('-', ''),
      replyCodeBytes: toB64(doctor.replyCode),
      readToken: doctor.key.readToken,
      replySecretKey: toB64(doctor.mailbox.replySecretKey),
      sessionToken,
      inviteToken,
      authKey,
      supporterSecretKey: toB64(supporter.secretKey),
    },
  };
}

describe('what the relay keeps after a full flow', () => {
  it('keeps no IP address, user agent or referrer in the database files, its log or any response body', async () => {
    const harness = await newHarness();
    const logged: string[] = [];
    for (const method of ['log', 'info', 'warn', 'error'] as const) {
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
        logged.push(args.map(String).join(' '));
      });
    }
    const { responses, needles } = await fullFlowWithSentinels(harness);
    vi.restoreAllMocks();
    for (const needle of needles) {
      expect(logged.filter((line) => line.toLowerCase().includes(needle.toLowerCase()))).toEqual(
        [],
      );
    }
    const files = readDatabaseFiles(harness.dbPath);
    expect(files.map((file) => file.name)).toContain('relay.db');

    for (const needle of needles) {
      expect(filesContaining(files, needle), needle).toEqual([]);
      // Case-folded too: a header value lower-cased by some layer is still a leak.
      expect(filesContaining(files, needle.toLowerCase()), needle).toEqual([]);
      for (const response of responses) {
        expect(response.text.toLowerCase()).not.toContain(needle.toLowerCase());
        expect([...response.headers.values()].join('\n')).not.toContain(needle);
      }
    }
    expect(responses).toHaveLength(12);
    expect(harness.errors).toEqual([]);
  });

  it('keeps no message or reply text, reply code, read token, session, invite token or authKey in any form', async () => {
    const harness = await newHarness();
    const { secrets } = await fullFlowWithSentinels(harness);
    const files = readDatabaseFiles(harness.dbPath);
    expect(leakedSecrets(files, secrets)).toEqual([]);
  });

  it('stores every *_hour value as a whole UTC hour', async () => {
    const harness = await newHarness();
    await fullFlowWithSentinels(harness);
    // Leave a queued message, a live session and a spent challenge behind as well.
    const supporter = await joinSupporter(harness);
    const { body } = await (await newDoctor()).sealFor(supporter);
    expect((await harness.request('POST', '/api/v1/messages', { body })).status).toBe(202);
    await harness.request('POST', '/api/v1/session', {
      body: { login: supporter.login, authKey: toB64(new Uint8Array(32)) },
    });
    // And what PROTOCOL.md §10 keeps: a copy, an archive item, a deleted mailbox's tombstone.
    const keeper = await newDoctor(harness);
    await keeper.writeTo(supporter, 'kept', { keepCopy: true });
    const item = { id: toB64(new Uint8Array(16)), ciphertext: toB64(new Uint8Array(1064)) };
    expect((await supporter.storeArchiveItem(item)).status).toBe(200);
    expect((await (await newDoctor(harness)).writeTo(supporter, 'gone')).response.status).toBe(202);
    const leaving = await newDoctor(harness);
    await leaving.writeTo(supporter, 'then deleted');
    expect((await leaving.deleteMailbox()).status).toBe(200);

    const { client } = harness.node.store;
    const tables = await client.execute(
      "select name from sqlite_master where type = 'table' and name not like 'sqlite_%'",
    );
    let checked = 0;
    const offending: string[] = [];
    for (const { name } of tables.rows) {
      const columns = await client.execute(`pragma table_info("${String(name)}")`);
      for (const column of columns.rows) {
        const columnName = String(column.name);
        if (!columnName.endsWith('_hour') && columnName !== 'hour') continue;
        const values = await client.execute(
          `select "${columnName}" as value from "${String(name)}" where "${columnName}" is not null`,
        );
        for (const { value } of values.rows) {
          checked++;
          if (typeof value !== 'number' && typeof value !== 'bigint') {
            offending.push(`${String(name)}.${columnName} = ${String(value)} (not an integer)`);
          } else if (Number(value) % 3600 !== 0) {
            offending.push(`${String(name)}.${columnName} = ${String(value)}`);
          }
        }
      }
    }
    expect(offending).toEqual([]);
    // supporters (created, last seen), invites, sessions, mailboxes, messages
    // (received, expires, delivered), replies, archive items, tombstones… all had rows to check.
    expect(checked).toBeGreaterThanOrEqual(15);
    const rowsIn = async (table: string) =>
      Number((await client.execute(`select count(*) as n from ${table}`)).rows[0]?.n);
    expect([await rowsIn('archive_items'), await rowsIn('deleted_mailboxes')]).toEqual([1, 1]);
  });
});

describe('deleted ciphertext leaves the database files', () => {
  it("removes a delivered message's ciphertext from relay.db and the WAL at ack and checkpoint", async () => {
    const harness = await newHarness();
    const supporter = await joinSupporter(harness);
    const { sealed, body } = await (await newDoctor()).sealFor(supporter, 'Delete me.');
    expect((await harness.request('POST', '/api/v1/messages', { body })).status).toBe(202);
    const slice = middleSlice(sealed.ciphertext);

    // The scan works: the queued ciphertext is on disk.
    await harness.node.store.checkpoint();
    expect(filesContaining(readDatabaseFiles(harness.dbPath), slice)).toEqual(['relay.db']);

    const ack = await harness.request('POST', '/api/v1/inbox/ack', {
      token: supporter.token,
      body: { ids: [sealed.id] },
    });
    expect(ack.body).toEqual({ deleted: 1 });
    await harness.node.checkpointIfDeleted();

    const files = readDatabaseFiles(harness.dbPath);
    expect(filesContaining(files, slice)).toEqual([]);
    expect(filesContaining(files, sealed.ciphertext)).toEqual([]);
    expect(walSize(harness)).toBe(0);
  });

  it('removes the ciphertext even when it was still in the WAL, not yet checkpointed, at ack', async () => {
    const harness = await newHarness();
    const supporter = await joinSupporter(harness);
    const { sealed, body } = await (await newDoctor()).sealFor(supporter, 'Only in WAL.');
    expect((await harness.request('POST', '/api/v1/messages', { body })).status).toBe(202);
    const slice = middleSlice(sealed.ciphertext);
    expect(filesContaining(readDatabaseFiles(harness.dbPath), slice)).toContain('relay.db-wal');

    await harness.request('POST', '/api/v1/inbox/ack', {
      token: supporter.token,
      body: { ids: [sealed.id] },
    });
    await harness.node.checkpointIfDeleted();

    expect(filesContaining(readDatabaseFiles(harness.dbPath), slice)).toEqual([]);
    expect(walSize(harness)).toBe(0);
  });

  it("removes an acknowledged reply's ciphertext from relay.db and the WAL", async () => {
    const harness = await newHarness();
    const supporter = await joinSupporter(harness);
    const doctor = await newDoctor();
    const { sealed, body } = await doctor.sealFor(supporter);
    await harness.request('POST', '/api/v1/messages', { body });
    await harness.request('POST', '/api/v1/inbox/ack', {
      token: supporter.token,
      body: { ids: [sealed.id] },
    });
    const { reply, response: sent } = await supporter.tryReply(
      sealed.message,
      'Reply to be deleted.',
    );
    expect(sent.status).toBe(202);
    const slice = middleSlice(reply.ciphertext);
    await harness.node.store.checkpoint();
    expect(filesContaining(readDatabaseFiles(harness.dbPath), slice)).toEqual(['relay.db']);

    const read = await harness.request('POST', '/api/v1/mailbox/ack', {
      body: { ...doctor.key, replyIds: [reply.id] },
    });
    expect(read.body).toEqual({ deleted: 1 });
    await harness.node.checkpointIfDeleted();

    const files = readDatabaseFiles(harness.dbPath);
    expect(filesContaining(files, slice)).toEqual([]);
    expect(filesContaining(files, reply.ciphertext)).toEqual([]);
    expect(walSize(harness)).toBe(0);
  });

  it("removes an undelivered message's ciphertext once it expires and the sweep has run", async () => {
    const harness = await newHarness();
    const supporter = await joinSupporter(harness);
    const { sealed, body } = await (await newDoctor()).sealFor(supporter, 'Never read.');
    await harness.request('POST', '/api/v1/messages', { body });
    const slice = middleSlice(sealed.ciphertext);
    await harness.node.store.checkpoint();
    expect(filesContaining(readDatabaseFiles(harness.dbPath), slice)).toEqual(['relay.db']);

    harness.clock.advanceHours(14 * 24 + 1);
    expect((await expireStaleRecords(harness.relay)).expiredMessages).toBe(1);
    await harness.node.checkpointIfDeleted();

    expect(filesContaining(readDatabaseFiles(harness.dbPath), slice)).toEqual([]);
    expect(walSize(harness)).toBe(0);
  });

  it("removes an unread reply's ciphertext once it expires and the sweep has run", async () => {
    const harness = await newHarness();
    const supporter = await joinSupporter(harness);
    const doctor = await newDoctor();
    const { sealed, body } = await doctor.sealFor(supporter);
    await harness.request('POST', '/api/v1/messages', { body });
    await harness.request('POST', '/api/v1/inbox/ack', {
      token: supporter.token,
      body: { ids: [sealed.id] },
    });
    const { reply } = await supporter.tryReply(sealed.message, 'Never opened.');
    const slice = middleSlice(reply.ciphertext);
    await harness.node.store.checkpoint();
    expect(filesContaining(readDatabaseFiles(harness.dbPath), slice)).toEqual(['relay.db']);

    harness.clock.advanceHours(30 * 24 + 1);
    expect((await expireStaleRecords(harness.relay)).expiredReplies).toBe(1);
    await harness.node.checkpointIfDeleted();

    expect(filesContaining(readDatabaseFiles(harness.dbPath), slice)).toEqual([]);
    expect(walSize(harness)).toBe(0);
  });
});

describe("the relay's database connection", () => {
  async function pragma(harness: Harness, name: string): Promise<unknown> {
    const result = await harness.node.store.client.execute(`PRAGMA ${name}`);
    return result.rows[0]?.[0];
  }

  it('keeps secure_delete on, WAL journaling and synchronous FULL after many requests', async () => {
    const harness = await newHarness();
    expect(await pragma(harness, 'secure_delete')).toBe(1);
    expect(await pragma(harness, 'journal_mode')).toBe('wal');
    expect(await pragma(harness, 'synchronous')).toBe(2);

    const supporter = await joinSupporter(harness);
    for (let i = 0; i < 25; i++) {
      const doctor = await newDoctor();
      const { sealed, body } = await doctor.sealFor(supporter, `message ${i}`);
      expect((await harness.request('POST', '/api/v1/messages', { body })).status).toBe(202);
      await harness.request('GET', '/api/v1/inbox', { token: supporter.token });
      await harness.request('POST', '/api/v1/inbox/ack', {
        token: supporter.token,
        body: { ids: [sealed.id] },
      });
      await harness.request('POST', '/api/v1/mailbox/open', { body: doctor.key });
      await harness.request('POST', '/api/v1/session/params', { body: { login: `x${i}-nobody` } });
    }
    await expireStaleRecords(harness.relay);
    await harness.node.checkpointIfDeleted();

    expect(await pragma(harness, 'secure_delete')).toBe(1);
    expect(await pragma(harness, 'journal_mode')).toBe('wal');
    expect(await pragma(harness, 'synchronous')).toBe(2);
    expect(harness.errors).toEqual([]);
  });

  it('keeps queued messages when the relay is closed and reopened on the same file', async () => {
    const first = await newHarness();
    const supporter = await joinSupporter(first);
    const { sealed, body } = await (await newDoctor()).sealFor(supporter, 'Still here?');
    expect((await first.request('POST', '/api/v1/messages', { body })).status).toBe(202);
    first.close();

    const second = await newHarness({ dir: first.dir });
    const inbox = await second.request('GET', '/api/v1/inbox', { token: supporter.token });
    expect(inbox.status).toBe(200);
    expect(inbox.body.messages).toEqual([
      { id: sealed.id, ciphertext: toB64(sealed.ciphertext), receivedAt: '2026-11-27T14:00:00Z' },
    ]);
    const opened = await openDoctorMessage(
      fromB64(inbox.body.messages[0].ciphertext),
      supporter.publicKey,
      supporter.secretKey,
    );
    expect(opened.text).toBe('Still here?');
    expect(await pragma(second, 'secure_delete')).toBe(1);
  });
});
