/**
 * @module
 * The supporter's conversations: messages from doctors and the supporter's
 * own replies, grouped by the protocol's `thread`. The relay keeps them in
 * the supporter's archive (PROTOCOL.md §10.3, {@link ./archive}); this
 * browser keeps an encrypted cache ({@link ./local-store}).
 *
 * An entry is known by its archive item id, which every device derives
 * alike from the relay's message or reply id. A conversation is deleted a
 * set number of days after its last activity (default
 * {@link DEFAULT_RETENTION_DAYS}): the relay expires archive items itself,
 * and every activity stores the whole conversation again. Peer support is
 * short, and what is not kept cannot leak.
 */
import {
  ARCHIVE_DEFAULT_DAYS,
  ARCHIVE_MAX_DAYS,
  ARCHIVE_MIN_DAYS,
} from '../../../src/wire/archive.ts';
import type { DoctorMessage, Reply } from '../protocol';
import type { LocalRecord } from './local-store';

/** Days an inactive conversation is kept unless the supporter chooses otherwise. */
export const DEFAULT_RETENTION_DAYS = ARCHIVE_DEFAULT_DAYS;
export const MIN_RETENTION_DAYS = ARCHIVE_MIN_DAYS;
export const MAX_RETENTION_DAYS = ARCHIVE_MAX_DAYS;

/** A doctor's message, opened. */
export interface ReceivedEntry {
  type: 'received';
  /** Its archive item id (b64). */
  itemId: string;
  message: DoctorMessage;
  /** The hour the relay received it (ISO). */
  receivedAt: string;
  /** When it was last stored (ISO): the relay's hour, or this browser's clock. */
  storedAt: string;
}

/** A reply the supporter sent. */
export interface SentEntry {
  type: 'sent';
  itemId: string;
  reply: Reply;
  mailboxId: string;
  storedAt: string;
}

export type Entry = ReceivedEntry | SentEntry;

export interface Conversation {
  thread: string;
  /** Oldest first. */
  entries: Entry[];
}

/** Settings kept (encrypted) next to the conversations. */
export interface LocalSettings {
  retentionDays: number;
}

export const SETTINGS_KEY = 'settings';

/** An entry as the cache keeps it: `archived` once the relay's archive holds it too. */
export interface CachedEntry {
  entry: Entry;
  archived: boolean;
}

export function entryRecord({ entry, archived }: CachedEntry): LocalRecord {
  return { key: entry.itemId, value: { ...entry, archived } };
}

/**
 * Whether `value` has an entry's shape. A record was encrypted and
 * authenticated by this supporter's own key, and an archive item by their
 * archive key, so a shape check is enough.
 */
export function isEntry(value: unknown): value is Omit<Entry, 'itemId'> {
  const entry = value as Partial<Entry> | null;
  if (!entry || typeof entry !== 'object') return false;
  if (entry.type === 'received') {
    return typeof entry.message?.thread === 'string' && typeof entry.receivedAt === 'string';
  }
  return entry.type === 'sent' && typeof entry.reply?.thread === 'string';
}

/**
 * The cached entry in a decrypted record, or null for other records and for
 * records from before the archive (keyed `m:<message id>`, see
 * {@link legacySource}).
 */
export function entryFromRecord(record: LocalRecord): CachedEntry | null {
  const value = record.value as (Entry & { archived?: boolean }) | null;
  if (!isEntry(value) || value.itemId !== record.key) return null;
  const { archived, ...entry } = value;
  return { entry, archived: archived === true };
}

/**
 * A record kept before the archive existed: keyed by its relay id, which is
 * the archive's item source (`m:` message, `r:` reply). It is uploaded once.
 */
export function legacySource(
  record: LocalRecord,
): { source: { message: string } | { reply: string }; entry: Omit<Entry, 'itemId'> } | null {
  const match = /^([mr]):(.+)$/.exec(record.key);
  if (!match?.[2] || !isEntry(record.value)) return null;
  const { id: _id, ...entry } = record.value as Omit<Entry, 'itemId'> & { id?: string };
  return { source: match[1] === 'm' ? { message: match[2] } : { reply: match[2] }, entry };
}

export function settingsFromRecord(record: LocalRecord): LocalSettings | null {
  const days = (record.value as Partial<LocalSettings> | null)?.retentionDays;
  return record.key === SETTINGS_KEY && typeof days === 'number' && isRetentionDays(days)
    ? { retentionDays: days }
    : null;
}

export function isRetentionDays(days: number): boolean {
  return Number.isInteger(days) && days >= MIN_RETENTION_DAYS && days <= MAX_RETENTION_DAYS;
}

export function entryThread(entry: Entry): string {
  return entry.type === 'received' ? entry.message.thread : entry.reply.thread;
}

/** When the entry was written, by its author's clock (minute precision). */
export function entryTime(entry: Entry): number {
  const sentAt = entry.type === 'received' ? entry.message.sentAt : entry.reply.sentAt;
  const time = Date.parse(sentAt);
  return Number.isNaN(time) ? Date.parse(entry.storedAt) : time;
}

/**
 * Groups entries by thread: each conversation's entries oldest first (by
 * their authors' minutes, then {@link turn}), the
 * conversations with the most recent activity first. The same entry twice
 * (a message fetched again because its acknowledgement was lost) counts once.
 */
export function groupConversations(entries: Iterable<Entry>): Conversation[] {
  const byThread = new Map<string, Map<string, Entry>>();
  for (const entry of entries) {
    const thread = entryThread(entry);
    let group = byThread.get(thread);
    if (!group) {
      group = new Map();
      byThread.set(thread, group);
    }
    if (!group.has(entry.itemId)) group.set(entry.itemId, entry);
  }
  const conversations = [...byThread].map(([thread, group]) => ({
    thread,
    entries: [...group.values()].sort(
      (a, b) =>
        entryTime(a) - entryTime(b) ||
        turn(a) - turn(b) ||
        Date.parse(a.storedAt) - Date.parse(b.storedAt),
    ),
  }));
  return conversations.sort((a, b) => latestTime(b) - latestTime(a));
}

/**
 * Order within the same minute, which is all the authors' clocks tell: a
 * conversation begins with the first contact, and a reply answers what
 * came before it.
 */
function turn(entry: Entry): number {
  if (entry.type === 'sent') return 2;
  return entry.message.kind === 'first-contact' ? 0 : 1;
}

function latestTime(conversation: Conversation): number {
  return Math.max(...conversation.entries.map(entryTime));
}

/** The newest message from the doctor: where a reply goes, and their latest wishes. */
export function latestReceived(conversation: Conversation): ReceivedEntry | undefined {
  return conversation.entries.filter((entry) => entry.type === 'received').at(-1);
}

/** The newest contact preferences the doctor gave in this conversation, if any. */
export function latestPrefs(conversation: Conversation): DoctorMessage['prefs'] {
  const withPrefs = conversation.entries.filter(
    (entry): entry is ReceivedEntry => entry.type === 'received' && !!entry.message.prefs,
  );
  return withPrefs.at(-1)?.message.prefs;
}

/**
 * The retention the supporter chose, as their archive shows it: every item
 * is stored to expire that many days after its store (PROTOCOL.md §10.3
 * `expiresInDays`), so the most recently stored item tells a browser that
 * has not kept the setting itself. Null for an empty archive.
 */
export function retentionFromArchive(
  items: { storedAt: string; expiresAt: string }[],
): number | null {
  let latest: { storedAt: number; days: number } | null = null;
  for (const item of items) {
    const storedAt = Date.parse(item.storedAt);
    const days = Math.round((Date.parse(item.expiresAt) - storedAt) / 86_400_000);
    if (!isRetentionDays(days)) continue;
    if (!latest || storedAt > latest.storedAt) latest = { storedAt, days };
  }
  return latest?.days ?? null;
}
