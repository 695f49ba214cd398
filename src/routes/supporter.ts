/** @module Supporter routes: joining, sessions, inbox, replies, own account and counts. */
import { Hono } from 'hono';
import {
  changeVault,
  checkInvite,
  leave,
  logIn,
  logOut,
  registerSupporter,
  sessionParameters,
  toMe,
  updateMe,
} from '../domain/accounts.ts';
import { countsCsv, firstContactsByMonth } from '../domain/compensation.ts';
import { acknowledgeInbox, fetchInbox, sendReply } from '../domain/inbox.ts';
import { nowHour, type Relay } from '../domain/relay.ts';
import { requireSupporter, type SupporterEnv } from './auth.ts';
import {
  credentials,
  idsBody,
  inviteCheck,
  loginOnly,
  meChanges,
  registration,
  reply,
  validate,
  vaultChange,
} from './validation.ts';

export function supporterRoutes(relay: Relay) {
  const session = requireSupporter(relay);
  return new Hono<SupporterEnv>()
    .post('/supporters', validate('json', registration), async (c) =>
      c.json(await registerSupporter(relay, c.req.valid('json')), 201),
    )
    .post('/invites/check', validate('json', inviteCheck), async (c) =>
      c.json(await checkInvite(relay, c.req.valid('json').invite)),
    )
    .post('/session/params', validate('json', loginOnly), async (c) =>
      c.json(await sessionParameters(relay, c.req.valid('json').login)),
    )
    .post('/session', validate('json', credentials), async (c) => {
      const { login, authKey, pow } = c.req.valid('json');
      return c.json(await logIn(relay, login, authKey, pow));
    })
    .delete('/session', session, async (c) => {
      await logOut(relay, c.get('sessionToken'));
      return c.json({ ok: true });
    })
    .get('/inbox', session, async (c) => c.json(await fetchInbox(relay, c.get('supporter'))))
    .post('/inbox/ack', session, validate('json', idsBody), async (c) =>
      c.json(await acknowledgeInbox(relay, c.get('supporter'), c.req.valid('json').ids)),
    )
    .post('/replies', session, validate('json', reply), async (c) => {
      const { mailboxId, ciphertext } = c.req.valid('json');
      const { reply: stored, created } = await sendReply(
        relay,
        c.get('supporter'),
        mailboxId,
        ciphertext,
      );
      return c.json(stored, created ? 202 : 200);
    })
    .get('/me', session, (c) => c.json(toMe(c.get('supporter'), nowHour(relay))))
    .patch('/me', session, validate('json', meChanges), async (c) => {
      const { profile, ...changes } = c.req.valid('json');
      return c.json(await updateMe(relay, c.get('supporter'), { ...changes, ...profile }));
    })
    .get('/me/counts', session, async (c) =>
      c.json(await firstContactsByMonth(relay, c.get('supporter'))),
    )
    .get('/me/counts.csv', session, async (c) => {
      const { months } = await firstContactsByMonth(relay, c.get('supporter'));
      return c.body(countsCsv(months), 200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': 'attachment; filename="peer-relay-first-contacts.csv"',
      });
    })
    .put('/me/vault', session, validate('json', vaultChange), async (c) => {
      await changeVault(relay, c.get('supporter'), c.get('sessionToken'), c.req.valid('json'));
      return c.json({ ok: true });
    })
    .delete('/me', session, async (c) => {
      await leave(relay, c.get('supporter'));
      return c.json({ ok: true });
    });
}
