/**
 * The protocol scenarios of PROTOCOL.md §10 (conversations that last), run
 * by the shared suite (./suite.ts) against every runtime: the doctor's own
 * copy, mailbox deletion, and the supporter's archive. Expiry needs a clock
 * the suite cannot set; test/api/archive.test.ts covers it.
 */
import { describe, expect, it } from 'vitest';
import { toB64 } from '../../web/src/protocol/index.ts';
import { joinSupporter, newDoctor, solvedProof, type Transport } from '../support/actors.ts';
import { randomB64 } from '../support/bytes.ts';
import { expectError } from '../support/expect-error.ts';
import type { ProtocolTarget } from './suite.ts';

const HOUR_MS = 3_600_000;
/** A well-formed archive item of `blocks` KiB that the relay cannot tell from a real one. */
const opaqueItem = (blocks = 1) => randomB64(24 + 1024 * blocks + 16);
const itemId = () => randomB64(16);

export function conversationScenarios(current: () => ProtocolTarget): void {
  const send: Transport['request'] = (method, path, options) =>
    current().request(method, path, options);
  const proof = () => solvedProof(current(), current().powDifficulty);
  /** Whole hours from the relay's current hour until `iso`. */
  const hoursUntil = (iso: string) =>
    Math.round(
      (Date.parse(iso) - Math.floor(current().clock.now().getTime() / HOUR_MS) * HOUR_MS) / HOUR_MS,
    );

  describe("the doctor's own copy (§10.1)", () => {
    it('is stored with the mailbox entry, returned on open, and the first one is kept on resubmission', async () => {
      const supporter = await joinSupporter(current());
      const doctor = await newDoctor(current());
      const text = 'Please keep what I wrote so I can read it again.';
      const { body, sealed, response } = await doctor.writeTo(supporter, text, {
        keepCopy: true,
        pow: await proof(),
      });
      expect(response.body).toEqual({
        id: sealed.id,
        status: 'queued',
        expiresAt: expect.any(String),
        copy: true,
      });
      // The supporter gets the message, never the copy.
      const inbox = (await supporter.inbox()).body.messages;
      expect(inbox).toEqual([
        expect.objectContaining({ id: sealed.id, ciphertext: body.ciphertext }),
      ]);
      expect(JSON.stringify(inbox)).not.toContain(body.copy);

      const copies = await doctor.readOwnCopies();
      expect(copies.get(sealed.id)).toEqual(sealed.message);
      const opened = await doctor.openMailbox();
      expect(opened.body.sent).toEqual([
        expect.objectContaining({ id: sealed.id, copy: body.copy }),
      ]);

      // A retry with another copy is answered as the first, and keeps the first copy.
      const otherCopy = (await doctor.sealFor(supporter, text, { keepCopy: true })).body.copy;
      const again = await send('POST', '/api/v1/messages', { body: { ...body, copy: otherCopy } });
      expect(again.status).toBe(200);
      expect(again.body).toEqual(response.body);
      expect((await doctor.openMailbox()).body.sent[0].copy).toBe(body.copy);

      // Without a copy: no `copy` key, in the answer or in the mailbox.
      const plain = await doctor.writeTo(supporter, 'No copy of this one.', { pow: await proof() });
      expect(Object.keys(plain.response.body).sort()).toEqual(['expiresAt', 'id', 'status']);
      const entry = (await doctor.openMailbox()).body.sent.find(
        (sent: { id: string }) => sent.id === plain.id,
      );
      expect(entry).toBeDefined();
      expect('copy' in entry).toBe(false);
    });

    it('refuses a copy outside the 1 KiB buckets with 400 bad_padding, and another spelling with 400 bad_encoding', async () => {
      const supporter = await joinSupporter(current());
      const { body } = await (await newDoctor(current())).sealFor(supporter);
      expectError(
        await send('POST', '/api/v1/messages', {
          body: { ...body, copy: randomB64(1024 + 40), pow: await proof() },
        }),
        400,
        'bad_padding',
      );
      expectError(
        await send('POST', '/api/v1/messages', {
          body: { ...body, copy: `${randomB64(1024 + 48)}=`, pow: await proof() },
        }),
        400,
        'bad_encoding',
      );
      expect(await supporter.inboxIds()).toEqual([]);
    });
  });

  describe('deleting a mailbox (§10.2)', () => {
    it('deletes replies, copies and sent entries, leaves queued messages with the supporter, and refuses the id afterwards', async () => {
      const supporter = await joinSupporter(current());
      const doctor = await newDoctor(current());
      const first = await doctor.writeTo(supporter, 'First.', {
        keepCopy: true,
        pow: await proof(),
      });
      const [received] = await supporter.readInbox({ acknowledge: true });
      await supporter.reply(received!.message, 'I can call tonight.');
      const second = await doctor.writeTo(supporter, 'Still queued.', {
        keepCopy: true,
        thread: first.message.thread,
        pow: await proof(),
      });

      // Unknown mailbox and wrong token: 404 exactly as mailbox/open.
      const stranger = await newDoctor(current());
      expectError(await stranger.deleteMailbox(), 404, 'mailbox_not_found');
      expectError(
        await doctor.withKey({ id: doctor.key.id, readToken: randomB64(32) }).deleteMailbox(),
        404,
        'mailbox_not_found',
      );
      expect((await doctor.openMailbox()).body.replies).toHaveLength(1);

      const deleted = await doctor.deleteMailbox();
      expect(deleted.status).toBe(200);
      expect(deleted.body).toEqual({ deleted: true });
      expectError(await doctor.openMailbox(), 404, 'mailbox_not_found');
      expectError(await doctor.ackReplies([]), 404, 'mailbox_not_found');
      expectError(await doctor.deleteMailbox(), 404, 'mailbox_not_found');

      // The queued message is the supporter's now; the doctor's mailbox is not.
      expect(await supporter.inboxIds()).toEqual([second.id]);
      const queued = await supporter.openMessage(second.id);
      expect(queued.text).toBe('Still queued.');
      expectError((await supporter.tryReply(queued)).response, 404, 'mailbox_not_found');

      // A retry of the queued submission is answered before anything else (without the copy).
      const retry = await send('POST', '/api/v1/messages', { body: second.body });
      expect(retry.status).toBe(200);
      expect(retry.body).toEqual({ id: second.id, status: 'queued', expiresAt: second.expiresAt });

      // Anything new from that id, or a retry whose record went with the mailbox: 410.
      const again = await doctor.tryWriteTo(supporter, 'Hello again.', { pow: await proof() });
      expectError(again.response, 410, 'mailbox_deleted');
      expectError(
        await send('POST', '/api/v1/messages', { body: { ...first.body, pow: await proof() } }),
        410,
        'mailbox_deleted',
      );
      // A new reply code works as ever.
      await (await newDoctor(current())).writeTo(supporter, 'A new code.', { pow: await proof() });
    });
  });

  describe("the supporter's archive (§10.3)", () => {
    it('stores an opened message and a sent reply, lists and opens them, and replaces instead of duplicating', async () => {
      const supporter = await joinSupporter(current());
      const doctor = await newDoctor(current());
      await doctor.writeTo(supporter, 'Archive this conversation.', { pow: await proof() });
      const [received] = await supporter.readInbox();
      const stored = await supporter.archive(received!);
      expect(stored.response.status, stored.response.text).toBe(200);
      expect(stored.response.body).toEqual({ id: stored.id, expiresAt: expect.any(String) });
      expect(hoursUntil(stored.response.body.expiresAt)).toBe(30 * 24);
      expect((await supporter.ack([received!.id])).body).toEqual({ deleted: 1 });

      const reply = await supporter.reply(received!.message, 'Tonight at eight?');
      const kept = await supporter.archive(reply, { expiresInDays: 1 });
      expect(hoursUntil(kept.response.body.expiresAt)).toBe(24);

      // "Another browser": only the archive and the secret key.
      const elsewhere = await supporter.logIn();
      const items = await elsewhere.readArchive();
      expect(items.map((item) => item.id).sort()).toEqual([stored.id, kept.id].sort());
      const byKind = Object.fromEntries(items.map((item) => [item.entry.kind, item.entry]));
      expect(byKind.received).toEqual({
        v: 1,
        kind: 'received',
        message: received!.message,
        receivedAt: received!.receivedAt,
      });
      expect(byKind.sent).toEqual({
        v: 1,
        kind: 'sent',
        mailboxId: doctor.key.id,
        reply: reply.reply.reply,
      });
      for (const item of items) {
        expect(item.storedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:00:00Z$/);
        expect(item.expiresAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:00:00Z$/);
      }

      // The same source stored again (a second device) replaces the item.
      const replaced = await elsewhere.archive(received!, { expiresInDays: 90 });
      expect(replaced.id).toBe(stored.id);
      expect(replaced.response.status).toBe(200);
      const after = await supporter.readArchive();
      expect(after).toHaveLength(2);
      expect(after.find((item) => item.id === stored.id)?.expiresAt).toBe(
        replaced.response.body.expiresAt,
      );
      expect(hoursUntil(replaced.response.body.expiresAt)).toBe(90 * 24);
    });

    it("keeps each supporter's items to themselves: listing, deleting and the same id", async () => {
      const kari = await joinSupporter(current());
      const ola = await joinSupporter(current());
      const id = itemId();
      const karis = opaqueItem(2);
      expect((await kari.storeArchiveItem({ id, ciphertext: karis })).status).toBe(200);
      expect((await ola.archivePage()).body).toEqual({ items: [] });
      expect((await ola.deleteArchived([id])).body).toEqual({ deleted: 0 });
      // Ids are scoped to their supporter: Ola may hold the same one.
      expect((await ola.storeArchiveItem({ id, ciphertext: opaqueItem() })).status).toBe(200);
      const listed = (await kari.archivePage()).body.items;
      expect(listed).toEqual([
        { id, ciphertext: karis, storedAt: expect.any(String), expiresAt: expect.any(String) },
      ]);
      expect((await kari.deleteArchived([id, itemId()])).body).toEqual({ deleted: 1 });
      expect((await kari.deleteArchived([id])).body).toEqual({ deleted: 0 });
      expect((await kari.archivePage()).body).toEqual({ items: [] });
      expect((await ola.archivePage()).body.items.map((item: { id: string }) => item.id)).toEqual([
        id,
      ]);
    });

    it('pages 200 items at a time, oldest stored first, with a cursor that pages only the caller’s own items', async () => {
      const kari = await joinSupporter(current());
      const ola = await joinSupporter(current());
      const ids: string[] = [];
      for (let i = 0; i < 201; i++) {
        const id = itemId();
        ids.push(id);
        expect((await kari.storeArchiveItem({ id, ciphertext: opaqueItem() })).status).toBe(200);
      }
      await ola.storeArchiveItem({ id: itemId(), ciphertext: opaqueItem() });
      const first = await kari.archivePage();
      expect(first.body.items).toHaveLength(200);
      expect(typeof first.body.next).toBe('string');
      const second = await kari.archivePage(first.body.next);
      expect(second.body.items).toHaveLength(1);
      expect('next' in second.body).toBe(false);
      const listed = [...first.body.items, ...second.body.items].map(
        (item: { id: string; storedAt: string }) => item,
      );
      expect(listed.map((item) => item.id).sort()).toEqual([...ids].sort());
      const order = listed.map((item) => `${item.storedAt} ${item.id}`);
      expect(order).toEqual([...order].sort());
      // Kari's cursor in Ola's hands pages through Ola's items only.
      const foreign = await ola.archivePage(first.body.next);
      expect(foreign.status).toBe(200);
      for (const item of foreign.body.items) expect(ids).not.toContain(item.id);
    });

    it('refuses malformed items with PROTOCOL errors and needs a session', async () => {
      const supporter = await joinSupporter(current());
      const store = (body: unknown) => supporter.storeArchiveItem(body);
      const id = itemId();
      expectError(await store({ id, ciphertext: randomB64(24 + 1024 + 15) }), 400, 'bad_padding');
      // A sealed-box length (§3) is not an archive item's.
      expectError(await store({ id, ciphertext: randomB64(1024 + 48) }), 400, 'bad_padding');
      expectError(await store({ id, ciphertext: opaqueItem(17) }), 400, 'bad_padding');
      expectError(await store({ id: `${id}=`, ciphertext: opaqueItem() }), 400, 'bad_encoding');
      expectError(
        await store({ id: randomB64(32), ciphertext: opaqueItem() }),
        400,
        'invalid_request',
      );
      for (const expiresInDays of [0, 91, 1.5, '30']) {
        expectError(
          await store({ id, ciphertext: opaqueItem(), expiresInDays }),
          400,
          'invalid_request',
        );
      }
      expectError(await supporter.archivePage('not-a-cursor!'), 400, 'bad_cursor');
      expectError(
        await supporter.archivePage(toB64(new TextEncoder().encode('1.x; drop'))),
        400,
        'bad_cursor',
      );
      expectError(
        await supporter.deleteArchived('nope' as unknown as string[]),
        400,
        'invalid_request',
      );
      expect((await supporter.archivePage()).body).toEqual({ items: [] });

      const body = { id, ciphertext: opaqueItem() };
      expectError(await send('POST', '/api/v1/archive', { body }), 401, 'unauthorized');
      expectError(await send('GET', '/api/v1/archive'), 401, 'unauthorized');
      expectError(
        await send('POST', '/api/v1/archive/delete', { body: { ids: [id] }, token: randomB64(32) }),
        401,
        'unauthorized',
      );
    });
  });
}
