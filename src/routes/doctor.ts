/** @module Anonymous routes: directory, proof of work, messages, mailbox. */
import { Hono } from 'hono';
import { listDirectory, readDirectoryEntry } from '../domain/directory.ts';
import { acknowledgeReplies, deleteMailbox, openMailbox, submitMessage } from '../domain/doctor.ts';
import { currentDifficulty, type Relay } from '../domain/relay.ts';
import { pricedChallenge } from '../domain/submission-price.ts';
import { notFound } from '../errors.ts';
import { MAX_TEXT_CHARS } from '../wire/api.ts';
import { COUNTIES, LANGUAGES, SPECIALTIES } from '../wire/vocabulary.ts';
import { describe, RELEASE_CACHE_CONTROL } from './openapi.ts';
import {
  directoryQuery,
  mailboxAck,
  mailboxKey,
  powRequest,
  submission,
  validate,
} from './validation.ts';

/** `GET /vocabulary` (PROTOCOL.md §12): the lists as the module holds them. */
const VOCABULARY_BODY = { counties: COUNTIES, specialties: SPECIALTIES, languages: LANGUAGES };

export function doctorRoutes(relay: Relay) {
  return (
    new Hono()
      .get(
        '/supporters',
        describe({
          summary: 'List active supporters, filtered by county, specialty, language, modality',
          tag: 'Directory',
          ok: { 200: '`{supporters: [Supporter]}`' },
        }),
        validate('query', directoryQuery),
        async (c) => {
          const { county, specialty, language, modality } = c.req.valid('query');
          const filter = {
            ...(county === undefined ? {} : { county }),
            ...(specialty === undefined ? {} : { specialty }),
            ...(language === undefined ? {} : { language }),
            ...(modality === undefined ? {} : { modality }),
          };
          return c.json({ supporters: await listDirectory(relay, filter) });
        },
      )
      .get(
        '/supporters/:id',
        describe({
          summary: 'One directory entry',
          tag: 'Directory',
          ok: { 200: '`Supporter`' },
          errors: { 404: ['supporter_not_found'] },
        }),
        async (c) => {
          const supporter = await readDirectoryEntry(relay, c.req.param('id'));
          if (supporter === null)
            throw notFound('supporter_not_found', 'No active supporter has this id.');
          return c.json(supporter);
        },
      )
      // Priced for the fullest recipient, so a client that names none always has enough work.
      .get(
        '/pow',
        describe({
          summary: 'A proof-of-work challenge priced for the fullest recipient (§7)',
          tag: 'Doctor',
          ok: { 200: '`{challenge, difficulty}`' },
        }),
        async (c) => c.json(await pricedChallenge(relay)),
      )
      .post(
        '/pow',
        describe({
          summary: 'A proof-of-work challenge priced for one recipient',
          tag: 'Doctor',
          ok: { 200: '`{challenge, difficulty}`' },
        }),
        validate('json', powRequest),
        async (c) => c.json(await pricedChallenge(relay, c.req.valid('json').supporterId)),
      )
      // What the pages need to know about this relay (public, the same for everyone).
      .get(
        '/site',
        describe({
          summary: 'What the pages need to know about this relay',
          tag: 'Relay',
          ok: { 200: '`{emergencyNumbers, powDifficulty, maxTextChars}`' },
        }),
        (c) =>
          c.json({
            emergencyNumbers: relay.config.emergencyNumbers,
            powDifficulty: currentDifficulty(relay),
            maxTextChars: MAX_TEXT_CHARS,
          }),
      )
      // The same for every relay of a release, so caches may keep it (app.ts keeps this header).
      .get(
        '/vocabulary',
        describe({
          summary: 'The terms profiles and filters take (§12); cacheable',
          tag: 'Directory',
          ok: { 200: '`{counties, specialties, languages}`, each `[{code, nb, en}]`' },
        }),
        (c) => {
          c.header('Cache-Control', RELEASE_CACHE_CONTROL);
          return c.json(VOCABULARY_BODY);
        },
      )
      .post(
        '/messages',
        describe({
          summary:
            "Submit a sealed message (§3), with proof of work (§7) and the doctor's copy (§10.1)",
          tag: 'Doctor',
          ok: {
            202: '`{id, status, expiresAt, copy?}`',
            200: 'A resubmission: the stored message',
          },
          errors: {
            400: ['bad_encoding', 'bad_padding', 'bad_pow'],
            403: ['mailbox_forbidden'],
            404: ['supporter_not_found'],
            409: ['duplicate_ciphertext', 'supporter_away'],
            410: ['mailbox_deleted'],
            429: ['inbox_full', 'relay_busy'],
          },
        }),
        validate('json', submission),
        async (c) => {
          const { message, created } = await submitMessage(relay, c.req.valid('json'));
          return c.json(message, created ? 202 : 200);
        },
      )
      .post(
        '/mailbox/open',
        describe({
          summary: 'Everything a reply code unlocks: replies and sent messages',
          tag: 'Doctor',
          ok: { 200: '`{expiresAt, replies, sent}`' },
          errors: { 400: ['bad_encoding'], 404: ['mailbox_not_found'] },
        }),
        validate('json', mailboxKey),
        async (c) => c.json(await openMailbox(relay, c.req.valid('json'))),
      )
      .post(
        '/mailbox/ack',
        describe({
          summary: 'Delete replies the doctor has deleted (§10.4); idempotent',
          tag: 'Doctor',
          ok: { 200: '`{deleted: n}`' },
          errors: { 400: ['bad_encoding'], 404: ['mailbox_not_found'] },
        }),
        validate('json', mailboxAck),
        async (c) => {
          const { replyIds, ...key } = c.req.valid('json');
          return c.json(await acknowledgeReplies(relay, key, replyIds));
        },
      )
      .post(
        '/mailbox/delete',
        describe({
          summary: 'Delete the mailbox for good (§10.2)',
          tag: 'Doctor',
          ok: { 200: '`{deleted: true}`' },
          errors: { 400: ['bad_encoding'], 404: ['mailbox_not_found'] },
        }),
        validate('json', mailboxKey),
        async (c) => c.json(await deleteMailbox(relay, c.req.valid('json'))),
      )
  );
}
