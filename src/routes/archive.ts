/** @module Supporter archive routes (PROTOCOL.md §10.3); all need the supporter's session. */
import { Hono } from 'hono';
import { deleteFromArchive, listArchive, storeInArchive } from '../domain/archive.ts';
import type { Relay } from '../domain/relay.ts';
import { requireSupporter, type SupporterEnv } from './auth.ts';
import { describe } from './openapi.ts';
import { archiveQuery, archiveStore, idsBody, validate } from './validation.ts';

export function archiveRoutes(relay: Relay) {
  const session = requireSupporter(relay);
  return new Hono<SupporterEnv>()
    .post(
      '/archive',
      describe({
        summary: 'Store or replace an archive item (§10.3)',
        tag: 'Archive',
        auth: 'supporter',
        ok: { 200: '`{id, expiresAt}`' },
        errors: { 400: ['bad_encoding', 'bad_padding'], 429: ['archive_full'] },
      }),
      session,
      validate('json', archiveStore),
      async (c) => c.json(await storeInArchive(relay, c.get('supporter'), c.req.valid('json'))),
    )
    .get(
      '/archive',
      describe({
        summary: 'Archive items, oldest stored first, 200 a page',
        tag: 'Archive',
        auth: 'supporter',
        ok: { 200: '`{items: [{id, ciphertext, storedAt, expiresAt}], next?}`' },
        errors: { 400: ['bad_cursor'] },
      }),
      session,
      validate('query', archiveQuery),
      async (c) =>
        c.json(await listArchive(relay, c.get('supporter'), c.req.valid('query').cursor)),
    )
    .post(
      '/archive/delete',
      describe({
        summary: 'Delete archive items; idempotent',
        tag: 'Archive',
        auth: 'supporter',
        ok: { 200: '`{deleted: n}`' },
      }),
      session,
      validate('json', idsBody),
      async (c) =>
        c.json(await deleteFromArchive(relay, c.get('supporter'), c.req.valid('json').ids)),
    );
}
