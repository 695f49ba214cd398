/** @module Supporter archive routes (PROTOCOL.md §10.3); all need the supporter's session. */
import { Hono } from 'hono';
import { deleteFromArchive, listArchive, storeInArchive } from '../domain/archive.ts';
import type { Relay } from '../domain/relay.ts';
import { requireSupporter, type SupporterEnv } from './auth.ts';
import { archiveQuery, archiveStore, idsBody, validate } from './validation.ts';

export function archiveRoutes(relay: Relay) {
  const session = requireSupporter(relay);
  return new Hono<SupporterEnv>()
    .post('/archive', session, validate('json', archiveStore), async (c) =>
      c.json(await storeInArchive(relay, c.get('supporter'), c.req.valid('json'))),
    )
    .get('/archive', session, validate('query', archiveQuery), async (c) =>
      c.json(await listArchive(relay, c.get('supporter'), c.req.valid('query').cursor)),
    )
    .post('/archive/delete', session, validate('json', idsBody), async (c) =>
      c.json(await deleteFromArchive(relay, c.get('supporter'), c.req.valid('json').ids)),
    );
}
