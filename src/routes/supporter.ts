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
import { describe } from './openapi.ts';
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
    .post(
      '/supporters',
      describe({
        summary: 'Join with an invite (§6)',
        tag: 'Supporter',
        ok: { 201: '`{id}`' },
        errors: {
          400: ['bad_encoding', 'weak_kdf', 'unknown_value', 'invisible_characters'],
          404: ['invite_not_found'],
          409: ['login_taken'],
          410: ['invite_used', 'invite_expired'],
        },
      }),
      validate('json', registration),
      async (c) => c.json(await registerSupporter(relay, c.req.valid('json')), 201),
    )
    .post(
      '/invites/check',
      describe({
        summary: 'Whether an invite can still be used (§12)',
        tag: 'Supporter',
        ok: { 200: '`{valid: true, expiresAt}`' },
        errors: {
          400: ['bad_encoding'],
          404: ['invite_not_found'],
          410: ['invite_used', 'invite_expired'],
        },
      }),
      validate('json', inviteCheck),
      async (c) => c.json(await checkInvite(relay, c.req.valid('json').invite)),
    )
    .post(
      '/session/params',
      describe({
        summary:
          "A login's key-derivation parameters, and a proof-of-work challenge after failures (§11)",
        tag: 'Supporter',
        ok: { 200: '`{salt, opslimit, memlimit, pow?}`' },
      }),
      validate('json', loginOnly),
      async (c) => c.json(await sessionParameters(relay, c.req.valid('json').login)),
    )
    .post(
      '/session',
      describe({
        summary: 'Log in (§5, §11)',
        tag: 'Supporter',
        ok: { 200: '`{token, expiresAt, supporter, vault}`' },
        errors: {
          400: ['bad_encoding', 'bad_pow'],
          401: ['invalid_credentials'],
          403: ['supporter_inactive'],
        },
      }),
      validate('json', credentials),
      async (c) => {
        const { login, authKey, pow } = c.req.valid('json');
        return c.json(await logIn(relay, login, authKey, pow));
      },
    )
    .delete(
      '/session',
      describe({
        summary: 'Log out',
        tag: 'Supporter',
        auth: 'supporter',
        ok: { 200: '`{ok: true}`' },
      }),
      session,
      async (c) => {
        await logOut(relay, c.get('sessionToken'));
        return c.json({ ok: true });
      },
    )
    .get(
      '/inbox',
      describe({
        summary: 'Queued messages, oldest first',
        tag: 'Supporter',
        auth: 'supporter',
        ok: { 200: '`{messages: [{id, ciphertext, receivedAt}]}`' },
      }),
      session,
      async (c) => c.json(await fetchInbox(relay, c.get('supporter'))),
    )
    .post(
      '/inbox/ack',
      describe({
        summary: 'Mark messages delivered and delete their ciphertext; idempotent',
        tag: 'Supporter',
        auth: 'supporter',
        ok: { 200: '`{deleted: n}`' },
      }),
      session,
      validate('json', idsBody),
      async (c) =>
        c.json(await acknowledgeInbox(relay, c.get('supporter'), c.req.valid('json').ids)),
    )
    .post(
      '/replies',
      describe({
        summary: 'Send a reply (§4)',
        tag: 'Supporter',
        auth: 'supporter',
        ok: { 202: '`{id, expiresAt}`', 200: 'A resubmission: the stored reply' },
        errors: {
          400: ['bad_encoding', 'bad_padding'],
          404: ['mailbox_not_found'],
          409: ['duplicate_ciphertext'],
          429: ['mailbox_full'],
        },
      }),
      session,
      validate('json', reply),
      async (c) => {
        const { mailboxId, ciphertext } = c.req.valid('json');
        const { reply: stored, created } = await sendReply(
          relay,
          c.get('supporter'),
          mailboxId,
          ciphertext,
        );
        return c.json(stored, created ? 202 : 200);
      },
    )
    .get(
      '/me',
      describe({
        summary: "The caller's own account",
        tag: 'Supporter',
        auth: 'supporter',
        ok: { 200: '`Supporter` with `login`, `email?`, `notify?`' },
      }),
      session,
      (c) => c.json(toMe(c.get('supporter'), nowHour(relay))),
    )
    .patch(
      '/me',
      describe({
        summary: 'Change profile, e-mail, availability or notifications',
        tag: 'Supporter',
        auth: 'supporter',
        ok: { 200: 'The updated account' },
        errors: {
          400: [
            'unknown_value',
            'invisible_characters',
            'invalid_webhook_url',
            'webhook_not_public',
            'email_missing',
            'email_unavailable',
          ],
        },
      }),
      session,
      validate('json', meChanges),
      async (c) => {
        const { profile, ...changes } = c.req.valid('json');
        return c.json(await updateMe(relay, c.get('supporter'), { ...changes, ...profile }));
      },
    )
    .get(
      '/me/counts',
      describe({
        summary: 'First contacts per month, for compensation',
        tag: 'Supporter',
        auth: 'supporter',
        ok: { 200: '`{months: [{month, firstContacts}]}`' },
      }),
      session,
      async (c) => c.json(await firstContactsByMonth(relay, c.get('supporter'))),
    )
    .get(
      '/me/counts.csv',
      describe({
        summary: 'First contacts per month, as a CSV download',
        tag: 'Supporter',
        auth: 'supporter',
        ok: { 200: '`month,first_contacts` and a line per month' },
        media: 'text/csv',
      }),
      session,
      async (c) => {
        const { months } = await firstContactsByMonth(relay, c.get('supporter'));
        return c.body(countsCsv(months), 200, {
          'Content-Type': 'text/csv; charset=utf-8',
          'Content-Disposition': 'attachment; filename="peer-relay-first-contacts.csv"',
        });
      },
    )
    .put(
      '/me/vault',
      describe({
        summary: 'Change the passphrase (§5)',
        tag: 'Supporter',
        auth: 'supporter',
        ok: { 200: '`{ok: true}`' },
        errors: { 400: ['bad_encoding', 'weak_kdf', 'bad_pow'], 401: ['invalid_credentials'] },
      }),
      session,
      validate('json', vaultChange),
      async (c) => {
        await changeVault(relay, c.get('supporter'), c.get('sessionToken'), c.req.valid('json'));
        return c.json({ ok: true });
      },
    )
    .delete(
      '/me',
      describe({
        summary: 'Leave the service',
        tag: 'Supporter',
        auth: 'supporter',
        ok: { 200: '`{ok: true}`' },
      }),
      session,
      async (c) => {
        await leave(relay, c.get('supporter'));
        return c.json({ ok: true });
      },
    );
}
