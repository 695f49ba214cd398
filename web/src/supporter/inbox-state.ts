/**
 * @module
 * The inbox while logged in: conversations opened here and kept encrypted
 * in this browser ({@link ./local-store}). New messages are opened, stored,
 * and acknowledged only once that write has succeeded, because the relay
 * deletes a message at acknowledgement. Replies are encrypted to the
 * doctor's reply key and kept locally too. Everything is dropped at logout.
 */
import type { InboxAnswer } from '../../../src/wire/supporter.ts';
import { RelayError } from '../api';
import type { MessageKey } from '../i18n';
import { fromB64, openDoctorMessage } from '../protocol';
import {
  type Conversation,
  DEFAULT_RETENTION_DAYS,
  type Entry,
  entryFromRecord,
  entryKey,
  entryRecord,
  entryThread,
  expiredThreads,
  groupConversations,
  type ReceivedEntry,
  SETTINGS_KEY,
  settingsFromRecord,
} from './conversations';
import { type LocalStore, openLocalStore } from './local-store';
import type { Draft } from './replies';
import { call, onSessionEnd, SessionEnded, session, touch } from './session';

export type InboxStatus = { key: MessageKey; params?: Record<string, number> } | null;

/** What the inbox holds; read after reading `revision` in a component. */
export const inbox = {
  entries: new Map<string, Entry>(),
  conversations: [] as Conversation[],
  /** Entry keys fetched during this check ("new"). */
  fresh: new Set<string>(),
  /** Threads holding something that could not be stored in this browser. */
  unsaved: new Set<string>(),
  /** Replies being written, by thread ({@link ./replies}). */
  drafts: new Map<string, Draft>(),
  warnings: new Map<MessageKey, Record<string, number>>(),
  retentionDays: DEFAULT_RETENTION_DAYS,
  checking: false,
  status: null as InboxStatus,
};

onSessionEnd(() => {
  inbox.entries.clear();
  inbox.conversations = [];
  inbox.fresh.clear();
  inbox.unsaved.clear();
  inbox.drafts.clear();
  inbox.warnings.clear();
  inbox.retentionDays = DEFAULT_RETENTION_DAYS;
  inbox.checking = false;
  inbox.status = null;
  touch();
});

export function regroup(): void {
  inbox.conversations = groupConversations(inbox.entries.values());
  touch();
}

export async function openStore(): Promise<LocalStore | null> {
  const current = session.value;
  if (!current) return null;
  if (current.store) return current.store;
  try {
    current.store = await openLocalStore(current.boxSecretKey);
    inbox.warnings.delete('supporter.warning.noStore');
  } catch {
    inbox.warnings.set('supporter.warning.noStore', {});
  }
  touch();
  return current.store;
}

/** Loads what this browser kept, and deletes conversations past their time. */
export async function loadStored(): Promise<void> {
  const store = await openStore();
  if (!store) return;
  try {
    const { records } = await store.readAll();
    for (const record of records) {
      const settings = settingsFromRecord(record);
      if (settings) inbox.retentionDays = settings.retentionDays;
      const entry = entryFromRecord(record);
      if (entry) inbox.entries.set(entryKey(entry), entry);
    }
  } catch {
    inbox.warnings.set('supporter.warning.noStore', {});
  }
  regroup();
  await applyRetention();
}

export async function applyRetention(): Promise<void> {
  const expired = new Set(expiredThreads(inbox.conversations, inbox.retentionDays, new Date()));
  if (expired.size === 0) return;
  const keys = [...inbox.entries.values()]
    .filter((entry) => expired.has(entryThread(entry)))
    .map(entryKey);
  for (const key of keys) inbox.entries.delete(key);
  for (const thread of expired) inbox.drafts.delete(thread);
  regroup();
  await session.value?.store?.deleteKeys(keys).catch(() => {});
}

/**
 * Fetches new messages, opens them, stores them and only then acknowledges
 * them. If the store fails, nothing is acknowledged: the relay keeps the
 * messages and they are fetched again next time.
 */
export async function refreshInbox(): Promise<void> {
  const current = session.value;
  if (!current || inbox.checking) return;
  inbox.checking = true;
  inbox.status = { key: 'supporter.inbox.checking' };
  touch();
  try {
    const { messages } = await call<InboxAnswer>('GET', '/api/v1/inbox');
    const opened: ReceivedEntry[] = [];
    let unopenable = 0;
    for (const { id, ciphertext, receivedAt } of messages) {
      try {
        const message = await openDoctorMessage(
          fromB64(ciphertext),
          current.boxPublicKey,
          current.boxSecretKey,
        );
        opened.push({
          type: 'received',
          id,
          message,
          receivedAt,
          storedAt: new Date().toISOString(),
        });
      } catch {
        unopenable++;
      }
    }
    if (session.value !== current) return;
    if (unopenable > 0) inbox.warnings.set('supporter.warning.unopenable', { count: unopenable });
    else inbox.warnings.delete('supporter.warning.unopenable');
    // "New" marks what this check brought in, not everything since logging in.
    if (opened.length > 0) inbox.fresh.clear();
    for (const entry of opened) {
      if (!inbox.entries.has(entryKey(entry))) inbox.fresh.add(entryKey(entry));
      inbox.entries.set(entryKey(entry), entry);
    }
    if (opened.length > 0) {
      const store = await openStore();
      let stored = false;
      if (store) {
        try {
          await store.putAll(opened.map(entryRecord));
          stored = true;
        } catch {
          stored = false;
        }
      }
      // Logged out meanwhile: the state below belongs to nobody any more.
      if (session.value !== current) return;
      if (stored) {
        for (const entry of opened) inbox.unsaved.delete(entryThread(entry));
        inbox.warnings.delete('supporter.warning.notSaved');
        // Only now may the relay forget them.
        await call('POST', '/api/v1/inbox/ack', { ids: opened.map((entry) => entry.id) });
      } else {
        for (const entry of opened) inbox.unsaved.add(entryThread(entry));
        inbox.warnings.set('supporter.warning.notSaved', {});
      }
    }
    if (session.value !== current) return;
    regroup();
    inbox.status =
      opened.length === 0
        ? { key: 'supporter.inbox.noneNew' }
        : { key: 'supporter.inbox.newCount', params: { count: opened.length } };
  } catch (error) {
    if (error instanceof SessionEnded || session.value !== current) return;
    inbox.status = {
      key:
        error instanceof RelayError && error.code === 'network'
          ? 'error.network'
          : 'supporter.inbox.failed',
    };
  } finally {
    if (session.value === current) {
      inbox.checking = false;
      touch();
    }
  }
}

export async function deleteThread(thread: string): Promise<void> {
  const keys = [...inbox.entries.values()]
    .filter((entry) => entryThread(entry) === thread)
    .map(entryKey);
  for (const key of keys) inbox.entries.delete(key);
  inbox.drafts.delete(thread);
  inbox.unsaved.delete(thread);
  await session.value?.store?.deleteKeys(keys).catch(() => {});
  regroup();
}

export async function deleteAll(): Promise<void> {
  inbox.entries.clear();
  inbox.drafts.clear();
  inbox.unsaved.clear();
  inbox.fresh.clear();
  await session.value?.store?.clear().catch(() => {});
  regroup();
}

/** Keeps the number of days; resolves to whether it is stored in this browser. */
export async function saveRetention(days: number): Promise<boolean> {
  inbox.retentionDays = days;
  const store = await openStore();
  let stored = true;
  try {
    if (!store) throw new Error('no store');
    await store.putAll([{ key: SETTINGS_KEY, value: { retentionDays: days } }]);
  } catch {
    stored = false;
  }
  await applyRetention();
  touch();
  return stored;
}
