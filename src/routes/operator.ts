/**
 * @module Operator routes (Bearer operator token): invites, supporters (purging
 * their queues, signing their directory entries), health.
 */
import { Hono } from 'hono';
import { recordDirectorySignature } from '../domain/directory-signature.ts';
import {
  changeSupporter,
  createInvite,
  databaseSize,
  healthFigures,
  listSupporterHealth,
  NOT_SEEN_DAYS,
  purgeSupporterQueue,
  supportersNotSeen,
} from '../domain/operator.ts';
import type { Relay } from '../domain/relay.ts';
import type { HealthReport } from '../wire/operator.ts';
import { requireOperator } from './auth.ts';
import { describe } from './openapi.ts';
import {
  directorySignature,
  healthQuery,
  inviteRequest,
  purgeRequest,
  supporterChange,
  validate,
} from './validation.ts';

export interface InstanceInfo {
  version: string;
  startedAt: Date;
}

export function uptimeSeconds(relay: Relay, info: InstanceInfo): number {
  return Math.max(0, Math.floor((relay.clock.now().getTime() - info.startedAt.getTime()) / 1000));
}

export function operatorRoutes(relay: Relay, info: InstanceInfo) {
  return new Hono()
    .use(requireOperator(relay))
    .post(
      '/invites',
      describe({
        summary: 'Invite a supporter',
        tag: 'Operator',
        auth: 'operator',
        ok: { 201: '`{token, url, expiresAt}`' },
      }),
      validate('json', inviteRequest),
      async (c) => c.json(await createInvite(relay, c.req.valid('json')), 201),
    )
    .get(
      '/supporters',
      describe({
        summary: 'Every supporter with delivery health',
        tag: 'Operator',
        auth: 'operator',
        ok: { 200: '`{supporters: [...]}`' },
      }),
      async (c) => c.json({ supporters: await listSupporterHealth(relay) }),
    )
    .patch(
      '/supporters/:id',
      describe({
        summary: "Activate, deactivate or set a supporter's availability",
        tag: 'Operator',
        auth: 'operator',
        ok: { 200: "The supporter's health entry" },
        errors: { 404: ['supporter_not_found'] },
      }),
      validate('json', supporterChange),
      async (c) => c.json(await changeSupporter(relay, c.req.param('id'), c.req.valid('json'))),
    )
    .put(
      '/supporters/:id/signature',
      describe({
        summary: "Store the operator's signature of a directory entry (PROTOCOL.md §13)",
        tag: 'Operator',
        auth: 'operator',
        ok: { 200: '`{version}`' },
        errors: { 400: ['bad_encoding'], 404: ['supporter_not_found'], 409: ['stale_version'] },
      }),
      validate('json', directorySignature),
      async (c) =>
        c.json(await recordDirectorySignature(relay, c.req.param('id'), c.req.valid('json'))),
    )
    .post(
      '/supporters/:id/purge',
      describe({
        summary: "Purge a supporter's old queued messages",
        tag: 'Operator',
        auth: 'operator',
        ok: { 200: '`{purged: n}`' },
        errors: { 404: ['supporter_not_found'] },
      }),
      validate('json', purgeRequest),
      async (c) => c.json(await purgeSupporterQueue(relay, c.req.param('id'), c.req.valid('json'))),
    )
    .get(
      '/health',
      describe({
        summary: 'Aggregate delivery health',
        tag: 'Operator',
        auth: 'operator',
        ok: { 200: 'The figures (docs/protocol.md §9)' },
      }),
      validate('query', healthQuery),
      async (c) => {
        const notSeenDays = c.req.valid('query').notSeenDays ?? NOT_SEEN_DAYS;
        const [figures, sizeBytes, notSeen] = await Promise.all([
          healthFigures(relay),
          databaseSize(relay),
          supportersNotSeen(relay, notSeenDays),
        ]);
        const report: HealthReport = {
          ...figures,
          database: { reachable: true },
          databaseSizeBytes: sizeBytes,
          supportersNotSeen: notSeen,
          version: info.version,
          uptimeSeconds: uptimeSeconds(relay, info),
        };
        return c.json(report);
      },
    );
}
