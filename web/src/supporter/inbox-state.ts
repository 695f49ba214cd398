/**
 * @module
 * What the inbox holds while logged in, in memory and in this browser's
 * encrypted cache ({@link ./local-store}): the supporter's conversations,
 * which of their items the relay's archive holds, messages that do not
 * open, drafts, warnings and the retention. {@link ./inbox-sync} keeps it
 * in step with the relay. Everything is dropped at logout.
 */
import type { MessageKey } from '../i18n';
import { itemIdOf } from './archive';
import {
  type CachedEntry,
  type Conversation,
  DEFAULT_RETENTION_DAYS,
  type Entry,
  entryFromRecord,
  entryRecord,
  entryThread,
  groupConversations,
  legacySource,
  SETTINGS_KEY,
  settingsFromRecord,
} from './conversations';
import { type LocalStore, openLocalStore } from './local-store';
import type { Draft } from './replies';
import { onSessionEnd, session, touch } from './session';

export type InboxStatus = { key: MessageKey; params?: Record<string, number> } | null;

/** A message the relay holds that does not open for this supporter's key. */
export interface Unopenable {
  id: string;
  receivedAt: string;
}

/** What the inbox holds; read after reading `revision` in a component. */
export const inbox = {
  /** By archive item id. */
  entries: new Map<string, Entry>(),
  /** Item ids the relay's archive holds; the others are still to be stored there. */
  archived: new Set<string>(),
  conversations: [] as Conversation[],
  /** Item ids fetched during the latest check ("new"). */
  fresh: new Set<string>(),
  /** Threads holding something the archive does not hold yet. */
  unsaved: new Set<string>(),
  /** Listed once, then discarded at the next check (or by the supporter). */
  unopenable: new Map<string, Unopenable>(),
  /** Replies being written, by thread ({@link ./replies}). */
  drafts: new Map<string, Draft>(),
  warnings: new Map<MessageKey, Record<string, number>>(),
  retentionDays: DEFAULT_RETENTION_DAYS,
  checking: false,
  status: null as InboxStatus,
};

onSessionEnd(() => {
  inbox.entries.clear();
  inbox.archived.clear();
  inbox.conversations = [];
  inbox.fresh.clear();
  inbox.unsaved.clear();
  inbox.unopenable.clear();
  inbox.drafts.clear();
  inbox.warnings.clear();
  inbox.retentionDays = DEFAULT_RETENTION_DAYS;
  inbox.checking = false;
  inbox.status = null;
  touch();
});

export function regroup(): void {
  inbox.conversations = groupConversations(inbox.entries.values());
  inbox.unsaved.clear();
  for (const entry of inbox.entries.values()) {
    if (!inbox.archived.has(entry.itemId)) inbox.unsaved.add(entryThread(entry));
  }
  if (inbox.unsaved.size === 0) {
    inbox.warnings.delete('supporter.warning.notSaved');
    inbox.warnings.delete('supporter.warning.archiveFull');
  }
  touch();
}

async function openStore(): Promise<LocalStore | null> {
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

/** Writes entries to this browser's cache; the cache is a convenience, so failures are quiet. */
export async function cache(entries: Entry[]): Promise<void> {
  if (entries.length === 0) return;
  const records = entries.map((entry) =>
    entryRecord({ entry, archived: inbox.archived.has(entry.itemId) }),
  );
  await (await openStore())?.putAll(records).catch(() => {});
}

async function uncache(itemIds: string[]): Promise<void> {
  if (itemIds.length === 0) return;
  await session.value?.store?.deleteKeys(itemIds).catch(() => {});
}

/** Forgets entries here, in memory and in the cache (not in the archive). */
export async function forget(itemIds: string[]): Promise<void> {
  for (const itemId of itemIds) {
    const entry = inbox.entries.get(itemId);
    if (entry) inbox.drafts.delete(entryThread(entry));
    inbox.entries.delete(itemId);
    inbox.archived.delete(itemId);
    inbox.fresh.delete(itemId);
  }
  await uncache(itemIds);
}

/** Reads this browser's cache; records from before the archive are keyed anew and stored once. */
async function loadCache(): Promise<void> {
  const current = session.value;
  const store = await openStore();
  if (!current || !store) return;
  let records: Awaited<ReturnType<LocalStore['readAll']>>['records'];
  try {
    ({ records } = await store.readAll());
  } catch {
    inbox.warnings.set('supporter.warning.noStore', {});
    return;
  }
  const rekeyed: string[] = [];
  for (const record of records) {
    const settings = settingsFromRecord(record);
    if (settings) inbox.retentionDays = settings.retentionDays;
    let cached: CachedEntry | null = entryFromRecord(record);
    const legacy = cached ? null : legacySource(record);
    if (legacy) {
      const itemId = await itemIdOf(current, legacy.source);
      cached = { entry: { ...legacy.entry, itemId } as Entry, archived: false };
      rekeyed.push(record.key);
    }
    if (!cached) continue;
    inbox.entries.set(cached.entry.itemId, cached.entry);
    if (cached.archived) inbox.archived.add(cached.entry.itemId);
  }
  if (rekeyed.length > 0) {
    await cache([...inbox.entries.values()]);
    await uncache(rekeyed);
  }
}

/** At login, before the first check: what this browser kept, shown at once. */
export async function loadCached(): Promise<void> {
  await loadCache();
  regroup();
}

/** Keeps the retention setting in this browser's cache; resolves to whether it could. */
export async function keepSettings(): Promise<boolean> {
  const store = await openStore();
  if (!store) return false;
  const settings = { retentionDays: inbox.retentionDays };
  return store.putAll([{ key: SETTINGS_KEY, value: settings }]).then(
    () => true,
    () => false,
  );
}
