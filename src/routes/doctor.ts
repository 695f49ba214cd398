/** @module Anonymous routes: directory, proof of work, messages, mailbox. */
import { Hono } from 'hono';
import { listDirectory, readDirectoryEntry } from '../domain/directory.ts';
import { acknowledgeReplies, deleteMailbox, openMailbox, submitMessage } from '../domain/doctor.ts';
import { currentDifficulty, type Relay } from '../domain/relay.ts';
import { pricedChallenge } from '../domain/submission-price.ts';
import { notFound } from '../errors.ts';
import { MAX_TEXT_CHARS } from '../wire/api.ts';
import { COUNTIES, LANGUAGES, SPECIALTIES } from '../wire/vocabulary.ts';
import {
  directoryQuery,
  mailboxAck,
  mailboxKey,
  powRequest,
  submission,
  validate,
} from './validation.ts';

/** An hour: long enough to spare the pages a request per view, short enough for a new release. */
export const VOCABULARY_CACHE_CONTROL = 'public, max-age=3600';

/** `GET /vocabulary` (PROTOCOL.md §12): the lists as the module holds them. */
const VOCABULARY_BODY = { counties: COUNTIES, specialties: SPECIALTIES, languages: LANGUAGES };

export function doctorRoutes(relay: Relay) {
  return (
    new Hono()
      .get('/supporters', validate('query', directoryQuery), async (c) => {
        const { county, specialty, language, modality } = c.req.valid('query');
        const filter = {
          ...(county === undefined ? {} : { county }),
          ...(specialty === undefined ? {} : { specialty }),
          ...(language === undefined ? {} : { language }),
          ...(modality === undefined ? {} : { modality }),
        };
        return c.json({ supporters: await listDirectory(relay, filter) });
      })
      .get('/supporters/:id', async (c) => {
        const supporter = await readDirectoryEntry(relay, c.req.param('id'));
        if (supporter === null)
          throw notFound('supporter_not_found', 'No active supporter has this id.');
        return c.json(supporter);
      })
      // Priced for the fullest recipient, so a client that names none always has enough work.
      .get('/pow', async (c) => c.json(await pricedChallenge(relay)))
      .post('/pow', validate('json', powRequest), async (c) =>
        c.json(await pricedChallenge(relay, c.req.valid('json').supporterId)),
      )
      // What the pages need to know about this relay (public, the same for everyone).
      .get('/site', (c) =>
        c.json({
          emergencyNumbers: relay.config.emergencyNumbers,
          powDifficulty: currentDifficulty(relay),
          maxTextChars: MAX_TEXT_CHARS,
        }),
      )
      // The same for every relay of a release, so caches may keep it (app.ts keeps this header).
      .get('/vocabulary', (c) => {
        c.header('Cache-Control', VOCABULARY_CACHE_CONTROL);
        return c.json(VOCABULARY_BODY);
      })
      .post('/messages', validate('json', submission), async (c) => {
        const { message, created } = await submitMessage(relay, c.req.valid('json'));
        return c.json(message, created ? 202 : 200);
      })
      .post('/mailbox/open', validate('json', mailboxKey), async (c) =>
        c.json(await openMailbox(relay, c.req.valid('json'))),
      )
      .post('/mailbox/ack', validate('json', mailboxAck), async (c) => {
        const { replyIds, ...key } = c.req.valid('json');
        return c.json(await acknowledgeReplies(relay, key, replyIds));
      })
      .post('/mailbox/delete', validate('json', mailboxKey), async (c) =>
        c.json(await deleteMailbox(relay, c.req.valid('json'))),
      )
  );
}
