/** @module Operator routes (Bearer operator token): invites, supporters, health. */
import { Hono } from 'hono';
import {
  createInvite,
  healthFigures,
  listSupporterHealth,
  setSupporterActive,
} from '../domain/operator.ts';
import type { Relay } from '../domain/relay.ts';
import { requireOperator } from './auth.ts';
import { activeChange, inviteRequest, validate } from './validation.ts';

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
    .post('/invites', validate('json', inviteRequest), async (c) =>
      c.json(await createInvite(relay, c.req.valid('json')), 201),
    )
    .get('/supporters', async (c) => c.json({ supporters: await listSupporterHealth(relay) }))
    .patch('/supporters/:id', validate('json', activeChange), async (c) =>
      c.json(await setSupporterActive(relay, c.req.param('id'), c.req.valid('json').active)),
    )
    .get('/health', async (c) =>
      c.json({
        ...(await healthFigures(relay)),
        database: { reachable: true },
        version: info.version,
        uptimeSeconds: uptimeSeconds(relay, info),
      }),
    );
}
