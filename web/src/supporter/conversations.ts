/**
 * @module
 * The supporter's conversations: messages from doctors and the supporter's
 * own replies, grouped by the protocol's `thread`, as kept in memory and in
 * the encrypted local store ({@link ./local-store}).
 *
 * A conversation is deleted from the browser a set number of days after its
 * last activity (default {@link DEFAULT_RETENTION_DAYS}); peer support is
 * short, and what is not kept cannot leak.
 */
import type { DoctorMessage, Reply } from '../protocol';
import type { LocalRecord } from './local-store';

/** Days an inactive conversation is kept in the browser unless changed. */
export const DEFAULT_RETENTION_DAYS = 30;
export const MIN_RETENTION_DAYS = 1;
export const MAX_RETENTION_DAYS = 365;

/** A doctor's message, opened. */
export interface ReceivedEntry {
  type: 'received';
  /** The relay's message id. */
  id: string;
  message: DoctorMessage;
  /** The hour the relay received it (ISO). */
  receivedAt: string;
  /** When this browser stored it (ISO, local clock). */
  storedAt: string;
}

/** A reply the supporter sent. */
export interface SentEntry {
  type: 'sent';
  /** The relay's reply id. */
  id: string;
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

/** The local-store key of an entry: its kind and relay id. */
export function entryKey(entry: Entry): string {
  return `${entry.type === 'received' ? 'm' : 'r'}:${entry.id}`;
}

export function entryRecord(entry: Entry): LocalRecord {
  return { key: entryKey(entry), value: entry };
}

/**
 * The entry in a decrypted record, or null for other records. The record
 * was encrypted and authenticated by this supporter's own key, so a shape
 * check is enough.
 */
export function entryFromRecord(record: LocalRecord): Entry | null {
  const value = record.value as Partial<Entry> | null;
  if (!value || typeof value !== 'object' || typeof value.id !== 'string') return null;
  if (value.type === 'received' && typeof value.message?.thread === 'string') {
    return value as ReceivedEntry;
  }
  if (value.type === 'sent' && typeof value.reply?.thread === 'string') return value as SentEntry;
  return null;
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

/** The last time this browser stored something in the conversation. */
export function lastActivity(conversation: Conversation): number {
  return Math.max(...conversation.entries.map((entry) => Date.parse(entry.storedAt) || 0));
}

/**
 * Groups entries by thread: each conversation's entries oldest first, the
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
    if (!group.has(entryKey(entry))) group.set(entryKey(entry), entry);
  }
  const conversations = [...byThread].map(([thread, group]) => ({
    thread,
    entries: [...group.values()].sort(
      (a, b) => entryTime(a) - entryTime(b) || Date.parse(a.storedAt) - Date.parse(b.storedAt),
    ),
  }));
  return conversations.sort((a, b) => latestTime(b) - latestTime(a));
}

function latestTime(conversation: Conversation): number {
  return Math.max(...conversation.entries.map(entryTime));
}

/** Threads whose last activity is more than `retentionDays` before `now`. */
export function expiredThreads(
  conversations: Conversation[],
  retentionDays: number,
  now: Date,
): string[] {
  const cutoff = now.getTime() - retentionDays * 86_400_000;
  return conversations
    .filter((conversation) => lastActivity(conversation) < cutoff)
    .map((conversation) => conversation.thread);
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
