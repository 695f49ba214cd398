/**
 * @module
 * The wire shapes of PROTOCOL.md §10 that server and pages share: the
 * supporter's archive, and what a doctor's copy and mailbox deletion add.
 * Types and constants only, like ./api.ts.
 */

/** Archive items a list answer holds at most; `next` continues (PROTOCOL.md §10.3). */
export const ARCHIVE_PAGE_SIZE = 200;

/** `expiresInDays` of an archive item: its bounds and the default. */
export const ARCHIVE_MIN_DAYS = 1;
export const ARCHIVE_MAX_DAYS = 90;
export const ARCHIVE_DEFAULT_DAYS = 30;

/** Bytes of an archive item's id before `b64` (`H(16, …)`). */
export const ARCHIVE_ID_BYTES = 16;

/** `POST /api/v1/archive` body. */
export interface ArchiveStoreRequest {
  /** `b64(itemId)`, 16 bytes. */
  id: string;
  /** `nonce || crypto_secretbox_easy(pad(json), nonce, archiveKey)`: `24 + 1024·n + 16` bytes. */
  ciphertext: string;
  /** 1–90; 30 when absent. */
  expiresInDays?: number;
}

/** `POST /api/v1/archive` answer. */
export interface ArchiveStored {
  id: string;
  expiresAt: string;
}

/** One item of `GET /api/v1/archive`. */
export interface ArchiveItem {
  id: string;
  ciphertext: string;
  /** The hour of its latest store. */
  storedAt: string;
  expiresAt: string;
}

/** `GET /api/v1/archive[?cursor=…]`. */
export interface ArchivePage {
  items: ArchiveItem[];
  /** Present when more items follow: pass it back as `?cursor=`. */
  next?: string;
}

/** `POST /api/v1/messages` answer (202, or 200 for a resubmission). */
export interface MessageAccepted {
  id: string;
  status: 'queued' | 'delivered' | 'expired';
  expiresAt: string;
  /** Present (true) when the doctor's own copy is stored with the mailbox (§10.1). */
  copy?: true;
}

/** `POST /api/v1/mailbox/delete` answer (§10.2). */
export interface MailboxDeleted {
  deleted: true;
}
