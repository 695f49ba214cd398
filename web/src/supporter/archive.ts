/**
 * @module
 * The supporter's archive on the relay (PROTOCOL.md §10.3): opened messages
 * and sent replies, sealed with a key derived from the supporter's secret
 * key, so every browser they log in from shows the same conversations.
 * This module speaks to the relay; {@link ./inbox-sync} decides what to
 * store and when.
 */
import {
  ARCHIVE_PAGE_SIZE,
  type ArchiveItem,
  type ArchivePage,
} from '../../../src/wire/archive.ts';
import {
  type ArchiveEntry,
  archiveItemId,
  deriveArchiveKey,
  fromB64,
  openArchiveItem,
  sealArchiveItem,
  toB64,
} from '../protocol';
import { type Entry, isEntry } from './conversations';
import { call, onSessionEnd, type Session, session } from './session';

/** Ids one `archive/delete` takes at most (the relay's id list limit). */
const DELETE_BATCH = 1000;

const keys = new Map<Session, Promise<Uint8Array>>();

onSessionEnd(() => {
  for (const key of keys.values()) void key.then((bytes) => bytes.fill(0));
  keys.clear();
});

/** The session's archive key, derived once and zeroed when the session ends. */
function archiveKey(current: Session): Promise<Uint8Array> {
  let key = keys.get(current);
  if (!key) {
    key = deriveArchiveKey(current.boxSecretKey);
    keys.set(current, key);
  }
  return key;
}

/** The archive item id of a relay message or reply, the same on every device. */
export async function itemIdOf(
  current: Session,
  source: { message: string } | { reply: string },
): Promise<string> {
  return archiveItemId(await archiveKey(current), source);
}

function archiveEntry(entry: Entry): ArchiveEntry {
  return entry.type === 'received'
    ? { v: 1, kind: 'received', message: entry.message, receivedAt: entry.receivedAt }
    : { v: 1, kind: 'sent', mailboxId: entry.mailboxId, reply: entry.reply };
}

/**
 * Stores the entry (creating or replacing its item) to expire `days` from
 * now. Rejects with the relay's error (`429 archive_full`, a network error).
 */
export async function storeEntry(entry: Entry, days: number): Promise<void> {
  const current = session.value;
  if (!current) return;
  const sealed = await sealArchiveItem(archiveEntry(entry), await archiveKey(current));
  await call('POST', '/api/v1/archive', {
    id: entry.itemId,
    ciphertext: toB64(sealed),
    expiresInDays: days,
  });
}

/** Every item the archive holds, following `next` page by page. */
export async function listArchive(): Promise<ArchiveItem[]> {
  const items: ArchiveItem[] = [];
  let cursor: string | undefined;
  do {
    const query = cursor === undefined ? '' : `?cursor=${encodeURIComponent(cursor)}`;
    const page = await call<ArchivePage>('GET', `/api/v1/archive${query}`);
    items.push(...page.items);
    // A relay that kept answering `next` must not keep the page busy for ever.
    cursor =
      page.items.length > 0 && page.items.length <= ARCHIVE_PAGE_SIZE ? page.next : undefined;
  } while (cursor !== undefined);
  return items;
}

/** The entry an item holds, or null if it does not open as one. */
export async function openItem(current: Session, item: ArchiveItem): Promise<Entry | null> {
  try {
    const opened = await openArchiveItem(fromB64(item.ciphertext), await archiveKey(current));
    const entry =
      opened.kind === 'received'
        ? { type: 'received', message: opened.message, receivedAt: opened.receivedAt }
        : { type: 'sent', reply: opened.reply, mailboxId: opened.mailboxId };
    return isEntry(entry)
      ? ({ ...entry, itemId: item.id, storedAt: item.storedAt } as Entry)
      : null;
  } catch {
    return null;
  }
}

/** Deletes items from the archive; ids it does not hold count for nothing. */
export async function deleteItems(ids: string[]): Promise<void> {
  for (let start = 0; start < ids.length; start += DELETE_BATCH) {
    await call('POST', '/api/v1/archive/delete', { ids: ids.slice(start, start + DELETE_BATCH) });
  }
}
