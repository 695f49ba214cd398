/**
 * @module
 * The supporter's archive (PROTOCOL.md §10.3): what a supporter keeps of
 * their conversations, sealed with a key derived from their secret key, so
 * every browser they log in from shows the same conversations. The relay
 * sees ciphertext in 1 KiB buckets, item counts and hours, nothing more.
 */
import { fromB64, toB64, utf8 } from '../crypto.ts';
import {
  type ArchivePosition,
  deleteArchiveItems,
  earliestArchiveExpiry,
  listArchiveItems,
  storeArchiveItem,
} from '../db/archive.ts';
import type { SupporterRow } from '../db/supporters.ts';
import { badRequest, rateLimited } from '../errors.ts';
import { HOUR_SECONDS, isoHour } from '../time.ts';
import { ARCHIVE_PAGE_SIZE, type ArchivePage, type ArchiveStored } from '../wire/archive.ts';
import { expiryHour, nowHour, type Relay } from './relay.ts';

export interface ArchiveStore {
  /** `b64` of the 16-byte item id. */
  id: string;
  ciphertext: Uint8Array;
  expiresInDays: number;
}

/**
 * Creates or replaces one of the supporter's items; its life counts from now.
 *
 * @throws `429 archive_full` when the item is new and the supporter already
 *   keeps `ARCHIVE_MAX_ITEMS`; `Retry-After` is the time until their earliest
 *   item expires (deleting items frees places at once).
 */
export async function storeInArchive(
  relay: Relay,
  supporter: SupporterRow,
  item: ArchiveStore,
): Promise<ArchiveStored> {
  const hour = nowHour(relay);
  const expiresHour = expiryHour(relay, item.expiresInDays * 24);
  const stored = await storeArchiveItem(
    relay.db,
    {
      supporterId: supporter.id,
      id: item.id,
      ciphertext: item.ciphertext,
      storedHour: hour,
      expiresHour,
    },
    relay.config.archiveCap,
  );
  if (!stored) {
    const freed = (await earliestArchiveExpiry(relay.db, supporter.id, hour)) ?? hour;
    const nowSeconds = Math.floor(relay.clock.now().getTime() / 1000);
    throw rateLimited(
      'archive_full',
      'Your archive holds as many items as this relay keeps. Delete some, or wait until older ones expire.',
      Math.max(HOUR_SECONDS, freed - nowSeconds),
    );
  }
  return { id: item.id, expiresAt: isoHour(expiresHour) };
}

/**
 * One page of the supporter's live items, oldest stored first. The cursor
 * names a position (stored hour and id) in the caller's own archive only:
 * it is not a secret, and the same cursor from another supporter pages
 * through that supporter's own items.
 */
export async function listArchive(
  relay: Relay,
  supporter: SupporterRow,
  cursor: string | undefined,
): Promise<ArchivePage> {
  const after = cursor === undefined ? undefined : parseCursor(cursor);
  const rows = await listArchiveItems(relay.db, {
    supporterId: supporter.id,
    hour: nowHour(relay),
    limit: ARCHIVE_PAGE_SIZE + 1,
    ...(after === undefined ? {} : { after }),
  });
  const items = rows.slice(0, ARCHIVE_PAGE_SIZE);
  const last = items.at(-1);
  const page: ArchivePage = {
    items: items.map((row) => ({
      id: row.id,
      ciphertext: toB64(row.ciphertext),
      storedAt: isoHour(row.storedHour),
      expiresAt: isoHour(row.expiresHour),
    })),
  };
  if (rows.length > ARCHIVE_PAGE_SIZE && last !== undefined) {
    page.next = formatCursor({ storedHour: last.storedHour, id: last.id });
  }
  return page;
}

/** Deletes the supporter's items among `ids`; foreign and unknown ids count zero. */
export async function deleteFromArchive(
  relay: Relay,
  supporter: SupporterRow,
  ids: string[],
): Promise<{ deleted: number }> {
  const deleted = await deleteArchiveItems(relay.db, supporter.id, ids);
  if (deleted > 0) relay.afterDeletion();
  return { deleted };
}

// A cursor is b64(utf8("<stored hour>.<item id>")): opaque to clients, checked here.
function formatCursor(position: ArchivePosition): string {
  return toB64(utf8(`${position.storedHour}.${position.id}`));
}

function parseCursor(cursor: string): ArchivePosition {
  const bytes = fromB64(cursor);
  const match =
    bytes === null
      ? null
      : /^(\d{1,12})\.([A-Za-z0-9_-]{1,64})$/.exec(new TextDecoder().decode(bytes));
  if (match === null) {
    throw badRequest('bad_cursor', 'The cursor is not one this relay gave out.');
  }
  return { storedHour: Number(match[1]), id: match[2] as string };
}
