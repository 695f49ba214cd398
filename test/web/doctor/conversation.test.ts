/**
 * The order of a conversation on the mailbox page: per supporter, in the
 * order they first appear; within one, by the senders' own minute, a
 * first message before a follow-up of the same minute.
 */
import { describe, expect, it } from 'vitest';
import {
  conversationItems,
  type MailboxSession,
  type OwnCopy,
  type ReplyEntry,
} from '../../../web/src/doctor/mailbox-session.ts';

function reply(id: string, supporterId: string, sentAt: string | null): ReplyEntry {
  return {
    id,
    supporterId,
    listed: true,
    confirmed: true,
    keyChanged: false,
    opened: sentAt
      ? { name: supporterId, text: id, thread: 't', sentAt, fingerprint: '', key: new Uint8Array() }
      : null,
  };
}

function own(id: string, supporterId: string, sentAt: string, first = false): OwnCopy {
  return { id, supporterId, text: id, sentAt, first };
}

function order(replies: ReplyEntry[], copies: OwnCopy[]): string[] {
  const session = { replies, copies } as unknown as MailboxSession;
  return conversationItems(session).map((item) =>
    item.kind === 'reply' ? `r:${item.reply.id}` : `o:${item.copy.id}`,
  );
}

describe('conversationItems', () => {
  it('groups by supporter and orders by the senders’ minute', () => {
    expect(
      order(
        [reply('a1', 'anne', '2026-12-02T10:05Z'), reply('b1', 'bjorn', '2026-12-02T09:00Z')],
        [
          own('a0', 'anne', '2026-12-02T08:00Z', true),
          own('a2', 'anne', '2026-12-02T11:00Z'),
          own('b0', 'bjorn', '2026-12-02T07:00Z', true),
        ],
      ),
    ).toEqual(['o:a0', 'r:a1', 'o:a2', 'o:b0', 'r:b1']);
  });

  it('puts a first message before a follow-up of the same minute, whatever the relay’s order', () => {
    expect(
      order(
        [],
        [own('f', 'anne', '2026-12-02T08:00Z'), own('m', 'anne', '2026-12-02T08:00Z', true)],
      ),
    ).toEqual(['o:m', 'o:f']);
  });

  it('keeps a reply that did not open, after the opened ones of its supporter', () => {
    expect(order([reply('x', 'anne', null), reply('a1', 'anne', '2026-12-02T10:00Z')], [])).toEqual(
      ['r:a1', 'r:x'],
    );
  });
});
