/**
 * @module
 * Keeping the inbox in step with the relay. The supporter's conversations
 * live in their archive (PROTOCOL.md §10.3, {@link ./archive}), sealed with
 * their own key, so every browser they log in from shows the same ones;
 * this browser's cache is never the only copy.
 *
 * A new message is opened, stored in the archive, and acknowledged only
 * once that store has succeeded, because the relay deletes a message at
 * acknowledgement. A message that cannot be opened is listed once and then
 * discarded. Each store counts the supporter's retention from now, and the
 * relay deletes items when it ends, so a conversation's items are stored
 * again whenever something happens in it; the page never deletes by its
 * own clock.
 */
import type { InboxAnswer } from '../../../src/wire/supporter.ts';
import { RelayError } from '../api';
import { fromB64, openDoctorMessage } from '../protocol';
import { deleteItems, itemIdOf, listArchive, openItem, storeEntry } from './archive';
import { type Entry, entryThread, type ReceivedEntry, retentionFromArchive } from './conversations';
import { cache, forget, inbox, keepSettings, regroup, type Unopenable } from './inbox-state';
import { call, SessionEnded, session, touch } from './session';

/**
 * Stores entries in the archive, in order, each to expire after the
 * retention from now; resolves to the ids stored. A failure stops there
 * and is shown as a warning; what was not stored is tried again at the
 * next check.
 */
async function archive(entries: Entry[]): Promise<Set<string>> {
  const stored = new Set<string>();
  let failure: unknown = null;
  for (const entry of entries) {
    try {
      await storeEntry(entry, inbox.retentionDays);
      stored.add(entry.itemId);
      inbox.archived.add(entry.itemId);
    } catch (error) {
      if (error instanceof SessionEnded) throw error;
      failure = error;
      break;
    }
  }
  inbox.warnings.delete('supporter.warning.notSaved');
  inbox.warnings.delete('supporter.warning.archiveFull');
  if (failure) {
    const full = failure instanceof RelayError && failure.code === 'archive_full';
    inbox.warnings.set(full ? 'supporter.warning.archiveFull' : 'supporter.warning.notSaved', {});
  }
  return stored;
}

/** `entries`, then every other entry of their conversations: what one activity stores again. */
function withTheirConversations(entries: Entry[]): Entry[] {
  const threads = new Set(entries.map(entryThread));
  const ids = new Set(entries.map((entry) => entry.itemId));
  const others = [...inbox.entries.values()].filter(
    (entry) => threads.has(entryThread(entry)) && !ids.has(entry.itemId),
  );
  return [...entries, ...others];
}

/**
 * Keeps new entries (a reply just sent): in memory at once, then in the
 * archive with the rest of their conversations, then in the cache.
 */
export async function keep(entries: Entry[]): Promise<void> {
  for (const entry of entries) inbox.entries.set(entry.itemId, entry);
  regroup();
  const stored = withTheirConversations(entries);
  await archive(stored);
  await cache(stored);
  regroup();
}

/**
 * Brings this browser in line with the archive: items stored from another
 * browser are opened and added, entries the archive no longer holds
 * (deleted elsewhere, or expired) are forgotten, and entries it never held
 * (kept only here before the archive existed, or not stored because of an
 * error) are stored in it now.
 */
async function syncArchive(): Promise<void> {
  const current = session.value;
  if (!current) return;
  // Only what was archived before the list was asked for can be missing from it.
  const before = new Set(inbox.archived);
  let items: Awaited<ReturnType<typeof listArchive>>;
  try {
    items = await listArchive();
    inbox.warnings.delete('supporter.warning.archiveUnreachable');
  } catch (error) {
    if (error instanceof SessionEnded) throw error;
    inbox.warnings.set('supporter.warning.archiveUnreachable', {});
    return;
  }
  if (session.value !== current) return;
  const held = new Set(items.map((item) => item.id));
  const added: Entry[] = [];
  for (const item of items) {
    inbox.archived.add(item.id);
    if (inbox.entries.has(item.id)) continue;
    const entry = await openItem(current, item);
    if (!entry) continue;
    inbox.entries.set(entry.itemId, entry);
    added.push(entry);
  }
  const gone = [...inbox.entries.keys()].filter((id) => before.has(id) && !held.has(id));
  for (const id of gone) inbox.archived.delete(id);
  await forget(gone);
  const chosen = retentionFromArchive(items);
  if (chosen !== null && chosen !== inbox.retentionDays) {
    inbox.retentionDays = chosen;
    await keepSettings();
  }
  const pending = [...inbox.entries.values()].filter((entry) => !inbox.archived.has(entry.itemId));
  if (pending.length > 0) await archive(pending);
  await cache([...added, ...pending]);
}

/** Opens the inbox's messages; those that do not open are counted apart. */
async function openMessages(
  messages: InboxAnswer['messages'],
): Promise<{ opened: { id: string; entry: ReceivedEntry }[]; unopenable: Unopenable[] }> {
  const current = session.value;
  const opened: { id: string; entry: ReceivedEntry }[] = [];
  const unopenable: Unopenable[] = [];
  if (!current) return { opened, unopenable };
  for (const { id, ciphertext, receivedAt } of messages) {
    try {
      const message = await openDoctorMessage(
        fromB64(ciphertext),
        current.boxPublicKey,
        current.boxSecretKey,
      );
      const itemId = await itemIdOf(current, { message: id });
      const storedAt = new Date().toISOString();
      opened.push({ id, entry: { type: 'received', itemId, message, receivedAt, storedAt } });
    } catch {
      unopenable.push({ id, receivedAt });
    }
  }
  return { opened, unopenable };
}

/**
 * Acknowledges messages that cannot be opened, as a discard (§10.3): they
 * belong to no conversation, and left alone they would fill the inbox.
 */
export async function discard(ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await call('POST', '/api/v1/inbox/ack', { ids });
  for (const id of ids) inbox.unopenable.delete(id);
  touch();
}

/**
 * A check (`quiet` when the page makes it by itself: the status then
 * changes only when something arrived or failed): the archive first (what other browsers stored), then new
 * messages, which are opened, stored in the archive and only then
 * acknowledged. If the store fails, nothing is acknowledged: the relay
 * keeps the messages and they are fetched again next time.
 */
export async function refreshInbox({ quiet = false } = {}): Promise<void> {
  const current = session.value;
  if (!current || inbox.checking) return;
  const before = inbox.status;
  inbox.checking = true;
  if (!quiet) inbox.status = { key: 'supporter.inbox.checking' };
  touch();
  try {
    await syncArchive();
    // Shown at the previous check and left there: discarded now, as the notice said.
    await discard([...inbox.unopenable.keys()]);
    const { messages } = await call<InboxAnswer>('GET', '/api/v1/inbox');
    const { opened, unopenable } = await openMessages(messages);
    if (session.value !== current) return;
    for (const message of unopenable) inbox.unopenable.set(message.id, message);
    // "New" marks what this check brought in, not everything since logging in.
    const fresh = opened.filter(({ entry }) => !inbox.entries.has(entry.itemId));
    if (opened.length > 0) inbox.fresh.clear();
    for (const { entry } of fresh) inbox.fresh.add(entry.itemId);
    const entries = opened.map(({ entry }) => inbox.entries.get(entry.itemId) ?? entry);
    for (const entry of entries) inbox.entries.set(entry.itemId, entry);
    regroup();
    const conversationEntries = withTheirConversations(entries);
    const stored = await archive(conversationEntries);
    await cache(conversationEntries);
    if (session.value !== current) return;
    // Only now may the relay forget them.
    const acked = opened.filter(({ entry }) => stored.has(entry.itemId)).map(({ id }) => id);
    if (acked.length > 0) await call('POST', '/api/v1/inbox/ack', { ids: acked });
    regroup();
    inbox.status =
      fresh.length > 0
        ? { key: 'supporter.inbox.newCount', params: { count: fresh.length } }
        : quiet
          ? before
          : { key: 'supporter.inbox.noneNew' };
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

/**
 * Deletes conversations from the archive and from this browser; resolves
 * to whether they are gone. If the relay cannot be reached nothing is
 * deleted here either, so the conversations do not come back later.
 */
async function deleteEntries(entries: Entry[]): Promise<boolean> {
  const ids = entries.map((entry) => entry.itemId);
  try {
    await deleteItems(ids.filter((id) => inbox.archived.has(id)));
  } catch (error) {
    if (error instanceof SessionEnded) throw error;
    return false;
  }
  await forget(ids);
  regroup();
  return true;
}

export function deleteThread(thread: string): Promise<boolean> {
  return deleteEntries([...inbox.entries.values()].filter((e) => entryThread(e) === thread));
}

/** "Delete now": every conversation, from the archive and this browser. */
export async function deleteAll(): Promise<boolean> {
  const deleted = await deleteEntries([...inbox.entries.values()]);
  if (deleted) inbox.fresh.clear();
  return deleted;
}

/**
 * Sets the retention: every item is stored again to expire that many days
 * from now (which also tells the supporter's other browsers); the relay
 * deletes them then. Resolves to whether the archive took it.
 */
export async function saveRetention(days: number): Promise<boolean> {
  inbox.retentionDays = days;
  await keepSettings();
  const entries = [...inbox.entries.values()];
  const stored = await archive(entries);
  await cache(entries);
  regroup();
  return stored.size === entries.length;
}
