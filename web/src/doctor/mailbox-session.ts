/**
 * @module
 * An open mailbox, in memory only: the keys derived from the reply code,
 * what the relay holds (the status of every message sent, and replies), and
 * the replies. Replies are opened here with the supporter's key. They stay
 * on the relay, and are shown every time the code is entered, until the
 * doctor deletes them (PROTOCOL.md §10.4: acknowledged on deletion, never
 * on showing). A reply counts as the supporter's only when the key it opened
 * with is confirmed by the service (./confirmation.ts): a confirmed directory
 * entry's, or, for someone who has left, the key the doctor's own kept copy
 * says their first message was sealed to.
 */
import type { MailboxView, Supporter } from '../../../src/wire/api.ts';
import { api } from '../api';
import {
  fingerprint,
  fromB64,
  type MailboxKeys,
  openOwnCopy,
  openReply,
  ProtocolError,
  toB64,
} from '../protocol';
import { isConfirmed, VERIFIES_ENTRIES } from './confirmation';
import { loadDirectory } from './use-directory';

export interface OpenedReply {
  name: string;
  text: string;
  thread: string;
  /** The supporter's own minute, from inside the ciphertext. */
  sentAt: string;
  fingerprint: string;
  /** The key the reply was authenticated with, and the one to seal a follow-up to. */
  key: Uint8Array;
}

export interface ReplyEntry {
  id: string;
  supporterId: string;
  /** `null` for a reply that did not open with the supporter's key: never shown. */
  opened: OpenedReply | null;
  /** Whether the supporter is still in the directory and can be written to. */
  listed: boolean;
  /** Whether the key it opened with is confirmed by the service; if not, it cannot be answered. */
  confirmed: boolean;
  /** It opened with a key other than the one the doctor's first message was sealed to. */
  keyChanged: boolean;
}

/** The doctor's own kept copy of a message sent (PROTOCOL.md §10.1), opened. */
export interface OwnCopy {
  /** The sent entry's id. */
  id: string;
  supporterId: string;
  text: string;
  /** The doctor's own minute, from inside the copy. */
  sentAt: string;
  /** A first message comes before a follow-up written in the same minute. */
  first: boolean;
  /** `b64` of the key the message was sealed to, when the copy records it. */
  sealedTo?: string;
}

export interface MailboxSession {
  keys: MailboxKeys;
  expiresAt: string;
  sent: MailboxView['sent'];
  /** Directory entries of everyone written to; `null` for someone who has left. */
  listings: Map<string, Supporter | null>;
  replies: ReplyEntry[];
  /** Copies the doctor chose to keep; one that does not open is left out. */
  copies: OwnCopy[];
  /** The doctor deleted replies during this visit (so "no replies" does not mean "not yet"). */
  repliesDeleted?: boolean;
}

export function fetchContents(keys: MailboxKeys): Promise<MailboxView> {
  return api<MailboxView>('POST', '/api/v1/mailbox/open', {
    body: { id: keys.mailboxId, readToken: keys.readToken },
  });
}

/** `id`'s directory entry, kept in `known` (the session's listings); null for someone not listed. */
function listing(
  id: string,
  directory: Supporter[],
  known: Map<string, Supporter | null>,
): Supporter | null {
  if (!known.has(id)) known.set(id, directory.find((supporter) => supporter.id === id) ?? null);
  return known.get(id) ?? null;
}

/**
 * The key each supporter's first message was sealed to, by supporter id, as
 * the doctor's kept copies record it (only a kept copy does: nothing else
 * of a doctor's is stored).
 */
function firstKeys(copies: OwnCopy[]): Map<string, string> {
  const keys = new Map<string, string>();
  const oldestFirst = [...copies].sort(
    (a, b) => a.sentAt.localeCompare(b.sentAt) || Number(b.first) - Number(a.first),
  );
  for (const { supporterId, sealedTo } of oldestFirst) {
    if (sealedTo && !keys.has(supporterId)) keys.set(supporterId, sealedTo);
  }
  return keys;
}

/**
 * What the doctor is told about a reply that opened with `keyB64`: whether
 * that key is confirmed by the service (the directory entry's, verified; or,
 * for someone who has left, the key the first message was sealed to), and
 * whether it differs from the key the first message was sealed to.
 */
async function judge(
  keyB64: string,
  listed: Supporter | null,
  firstKey: string | undefined,
): Promise<Pick<ReplyEntry, 'confirmed' | 'keyChanged'>> {
  return {
    confirmed: listed
      ? await isConfirmed(listed)
      : !VERIFIES_ENTRIES || (firstKey !== undefined && firstKey === keyB64),
    keyChanged: firstKey !== undefined && firstKey !== keyB64,
  };
}

async function openOne(
  reply: MailboxView['replies'][number],
  keys: MailboxKeys,
  listed: Supporter | null,
  firstKey: string | undefined,
): Promise<ReplyEntry> {
  const unopened = {
    id: reply.id,
    supporterId: reply.supporterId,
    opened: null,
    listed: false,
    confirmed: false,
    keyChanged: false,
  };
  // The directory's key, the one the doctor's message was sealed to; the
  // key sent with the reply only for a supporter who has since left.
  const keyB64 = listed?.boxPublicKey ?? reply.boxPublicKey;
  if (!keyB64) return unopened;
  try {
    const key = fromB64(keyB64);
    const opened = await openReply(fromB64(reply.ciphertext), key, keys.replySecretKey);
    if (opened.from.id !== reply.supporterId) throw new ProtocolError('invalid_message', 'sender');
    return {
      id: reply.id,
      supporterId: reply.supporterId,
      listed: listed !== null,
      ...(await judge(keyB64, listed, firstKey)),
      opened: {
        name: opened.from.name,
        text: opened.text,
        thread: opened.thread,
        sentAt: opened.sentAt,
        fingerprint: await fingerprint(key),
        key,
      },
    };
  } catch {
    return unopened;
  }
}

/**
 * A reply shown before, as it stands now: judged again (the directory may
 * have changed since), and opened again if the directory's key is no
 * longer the one it was opened with.
 */
async function again(
  known: ReplyEntry,
  reply: MailboxView['replies'][number],
  keys: MailboxKeys,
  listed: Supporter | null,
  firstKey: string | undefined,
): Promise<ReplyEntry> {
  if (!known.opened) return known;
  const keyB64 = toB64(known.opened.key);
  if (listed && listed.boxPublicKey !== keyB64) return openOne(reply, keys, listed, firstKey);
  return { ...known, listed: listed !== null, ...(await judge(keyB64, listed, firstKey)) };
}

/**
 * Takes in what the relay holds: the session to show. A reply already
 * opened in `previous` is not opened again while the directory's key is
 * the one it opened with, only judged again.
 */
export async function absorb(
  contents: MailboxView,
  keys: MailboxKeys,
  previous: MailboxSession | null,
): Promise<MailboxSession> {
  // Names and away status of everyone written to, fresh each time, from the
  // whole directory (never one entry: see ./use-directory.ts).
  const directory = await loadDirectory(true);
  const listings = new Map<string, Supporter | null>();
  for (const entry of contents.sent) listing(entry.supporterId, directory, listings);
  const kept = new Map(previous?.copies.map((copy) => [copy.id, copy]));
  const copies: OwnCopy[] = [];
  for (const entry of contents.sent) {
    if (!entry.copy) continue;
    const known = kept.get(entry.id);
    if (known) {
      copies.push(known);
      continue;
    }
    try {
      const message = await openOwnCopy(fromB64(entry.copy), keys);
      copies.push({
        id: entry.id,
        supporterId: entry.supporterId,
        text: message.text,
        sentAt: message.sentAt,
        first: message.kind === 'first-contact',
        ...(message.sealedTo ? { sealedTo: message.sealedTo } : {}),
      });
    } catch {
      // Not a copy this code made: nothing to show.
    }
  }
  const sealedTo = firstKeys(copies);
  const shown = new Map(previous?.replies.map((reply) => [reply.id, reply]));
  const replies: ReplyEntry[] = [];
  for (const reply of contents.replies) {
    const listed = listing(reply.supporterId, directory, listings);
    const firstKey = sealedTo.get(reply.supporterId);
    const known = shown.get(reply.id);
    replies.push(
      known
        ? await again(known, reply, keys, listed, firstKey)
        : await openOne(reply, keys, listed, firstKey),
    );
  }
  return { keys, expiresAt: contents.expiresAt, sent: contents.sent, listings, replies, copies };
}

/**
 * Deletes one supporter's replies from the relay (`mailbox/ack`) and returns
 * the session without them. Throws the relay's error, so nothing is said
 * to be deleted that is not.
 */
export async function deleteConversation(
  session: MailboxSession,
  supporterId: string,
): Promise<MailboxSession> {
  const replyIds = session.replies
    .filter((reply) => reply.supporterId === supporterId)
    .map((reply) => reply.id);
  if (replyIds.length > 0) {
    await api('POST', '/api/v1/mailbox/ack', {
      body: { id: session.keys.mailboxId, readToken: session.keys.readToken, replyIds },
    });
  }
  return {
    ...session,
    replies: session.replies.filter((reply) => reply.supporterId !== supporterId),
    repliesDeleted: session.repliesDeleted === true || replyIds.length > 0,
  };
}

/** Deletes the mailbox, its replies and copies for good (PROTOCOL.md §10.2). */
export async function deleteMailbox(keys: MailboxKeys): Promise<void> {
  await api('POST', '/api/v1/mailbox/delete', {
    body: { id: keys.mailboxId, readToken: keys.readToken },
  });
}

/** The supporter's name from the directory, else from a reply they signed. */
export function supporterName(session: MailboxSession, id: string): string | undefined {
  return (
    session.listings.get(id)?.name ??
    session.replies.find((reply) => reply.supporterId === id && reply.opened)?.opened?.name
  );
}

/** One item of a conversation on screen: a reply, or the doctor's own kept copy. */
export type ConversationItem =
  | { kind: 'reply'; reply: ReplyEntry }
  | { kind: 'own'; copy: OwnCopy };

/**
 * Replies and kept copies, per supporter (in the order they first appear),
 * each supporter's in the order their senders wrote them (`sentAt`, to the
 * minute; in the same minute a first message comes first, otherwise the
 * relay's order).
 */
export function conversationItems(session: MailboxSession): ConversationItem[] {
  const items: ConversationItem[] = [
    ...session.replies.map((reply) => ({ kind: 'reply' as const, reply })),
    ...session.copies.map((copy) => ({ kind: 'own' as const, copy })),
  ];
  const supporterOf = (item: ConversationItem) =>
    item.kind === 'reply' ? item.reply.supporterId : item.copy.supporterId;
  const minute = (item: ConversationItem) =>
    // A reply that did not open has no minute: after the others.
    item.kind === 'reply' ? (item.reply.opened?.sentAt ?? '\uffff') : item.copy.sentAt;
  const isFirst = (item: ConversationItem) => item.kind === 'own' && item.copy.first;
  const order = [...new Set(items.map(supporterOf))];
  return items
    .map((item, index) => ({ item, index }))
    .sort(
      (a, b) =>
        order.indexOf(supporterOf(a.item)) - order.indexOf(supporterOf(b.item)) ||
        minute(a.item).localeCompare(minute(b.item)) ||
        Number(isFirst(b.item)) - Number(isFirst(a.item)) ||
        a.index - b.index,
    )
    .map(({ item }) => item);
}
