/**
 * No existence oracle for mailboxes (issue 15, PROTOCOL.md §6, §10.2): a
 * wrong read token for a known mailbox is answered byte for byte as a
 * mailbox no one ever made, by open, ack and delete alike.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { toB64 } from '../../web/src/protocol/index.ts';
import { joinSupporter, newDoctor } from '../support/actors.ts';
import { randomBytes } from '../support/bytes.ts';
import { createHarness, type Harness } from '../support/harness.ts';

let harness: Harness | undefined;
afterEach(() => {
  harness?.dispose();
  harness = undefined;
});

const ENDPOINTS = [
  { path: '/api/v1/mailbox/open', extra: {} },
  { path: '/api/v1/mailbox/ack', extra: { replyIds: [] } },
  { path: '/api/v1/mailbox/delete', extra: {} },
];

describe('a wrong read token answers as an unknown mailbox', () => {
  it.each(ENDPOINTS)(
    '$path: same status and body, and the mailbox is untouched',
    async ({ path, extra }) => {
      harness = await createHarness();
      const h = harness;
      const supporter = await joinSupporter(h);
      const doctor = await newDoctor(h);
      const { sealed } = await doctor.writeTo(supporter);
      await supporter.reply(sealed.message, 'a reply');
      const random = () => toB64(randomBytes(32));
      const ask = async (key: { id: string; readToken: string }) => {
        const response = await h.request('POST', path, { body: { ...key, ...extra } });
        return {
          status: response.status,
          type: response.headers.get('Content-Type'),
          text: response.text,
        };
      };
      const wrongToken = await ask({ id: doctor.key.id, readToken: random() });
      const unknown = await ask({ id: random(), readToken: random() });
      expect(wrongToken.status).toBe(404);
      expect(wrongToken).toStrictEqual(unknown);
      const opened = await doctor.openMailbox();
      expect(opened.status).toBe(200);
      expect(opened.body.replies).toHaveLength(1);
    },
  );
});
