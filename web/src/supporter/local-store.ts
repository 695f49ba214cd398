/**
 * @module
 * The supporter's encrypted store in this browser (IndexedDB).
 *
 * The relay deletes a message as soon as the supporter acknowledges it, so
 * the supporter's browser must keep the opened message first, or it is lost.
 * Whatever is kept here is encrypted: a shared or stolen computer shows only
 * ciphertext, and the database's very name reveals nothing about whose it is.
 *
 * Keys, derived with keyed BLAKE2b like the protocol's own derivations (the
 * label is the message, the secret the key):
 *
 * ```
 * localKey  = H(32, utf8("peer-relay/v1/local-store"),      key = boxSecretKey)
 * storeName = H(16, utf8("peer-relay/v1/local-store-name"), key = boxSecretKey)
 * record    = nonce || crypto_secretbox_easy(utf8(json({key, value})), nonce, localKey)
 * ```
 *
 * They come from the box secret key rather than the vault key because the
 * vault key changes with the passphrase (`PUT /me/vault`), while the box key
 * lives as long as the account, so a passphrase change does not orphan what
 * is stored. Both are only ever in memory after the vault is opened.
 *
 * Each record's own key is inside its ciphertext and checked on reading, so
 * records cannot be swapped around by someone who can write to the disk.
 */
import { decryptSecretBox, encryptSecretBox, hash } from '../crypto/libsodium';
import { fromUtf8, toB64, toUtf8 } from '../protocol';

const DB_PREFIX = 'peer-relay-';
const OBJECT_STORE = 'records';

/** The store could not be opened or written: nothing was (or is) kept. */
export class LocalStoreError extends Error {
  override name = 'LocalStoreError';
}

/** A decrypted record: a key and any JSON value. */
export interface LocalRecord {
  key: string;
  value: unknown;
}

export interface LocalStore {
  /** Every record that decrypts; `unreadable` counts those that do not. */
  readAll(): Promise<{ records: LocalRecord[]; unreadable: number }>;
  /** Writes all records in one transaction; resolves only once it is committed. */
  putAll(records: LocalRecord[]): Promise<void>;
  deleteKeys(keys: string[]): Promise<void>;
  /** Deletes every record. */
  clear(): Promise<void>;
  /** Closes the database and zeroes the key; the store is unusable afterwards. */
  close(): void;
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(new LocalStoreError(req.error?.message ?? 'request failed'));
  });
}

function committed(transaction: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    const fail = () =>
      reject(new LocalStoreError(transaction.error?.message ?? 'transaction failed'));
    transaction.onerror = fail;
    transaction.onabort = fail;
  });
}

function openDatabase(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    let opening: IDBOpenDBRequest;
    try {
      // Private modes and locked-down browsers may have no IndexedDB or throw here.
      opening = indexedDB.open(name, 1);
    } catch (error) {
      reject(new LocalStoreError(error instanceof Error ? error.message : 'indexedDB unavailable'));
      return;
    }
    opening.onupgradeneeded = () => {
      if (!opening.result.objectStoreNames.contains(OBJECT_STORE)) {
        opening.result.createObjectStore(OBJECT_STORE);
      }
    };
    opening.onsuccess = () => resolve(opening.result);
    opening.onerror = () =>
      reject(new LocalStoreError(opening.error?.message ?? 'indexedDB open failed'));
    opening.onblocked = () => reject(new LocalStoreError('indexedDB open blocked'));
  });
}

/**
 * Opens (creating if needed) the encrypted store that belongs to the key pair
 * whose secret half is `boxSecretKey`. Throws {@link LocalStoreError} if this
 * browser will not give the page a database.
 */
export async function openLocalStore(boxSecretKey: Uint8Array): Promise<LocalStore> {
  const localKey = await hash(32, toUtf8('peer-relay/v1/local-store'), boxSecretKey);
  const storeName = await hash(16, toUtf8('peer-relay/v1/local-store-name'), boxSecretKey);
  let db: IDBDatabase;
  try {
    db = await openDatabase(DB_PREFIX + toB64(storeName));
  } catch (error) {
    localKey.fill(0);
    throw error;
  }
  let closed = false;

  function transaction(mode: IDBTransactionMode): IDBTransaction {
    if (closed) throw new LocalStoreError('the store is closed');
    try {
      return db.transaction(OBJECT_STORE, mode);
    } catch (error) {
      throw new LocalStoreError(error instanceof Error ? error.message : 'transaction failed');
    }
  }

  async function seal(record: LocalRecord): Promise<Uint8Array> {
    const plaintext = toUtf8(JSON.stringify(record));
    const sealed = await encryptSecretBox(plaintext, localKey);
    plaintext.fill(0);
    return sealed;
  }

  async function unseal(key: string, stored: unknown): Promise<LocalRecord | null> {
    if (!(stored instanceof Uint8Array)) return null;
    const plaintext = await decryptSecretBox(stored, localKey);
    if (plaintext === null) return null;
    try {
      const record = JSON.parse(fromUtf8(plaintext)) as Partial<LocalRecord>;
      return record.key === key ? { key, value: record.value } : null;
    } catch {
      return null;
    } finally {
      plaintext.fill(0);
    }
  }

  return {
    async readAll() {
      const tx = transaction('readonly');
      const store = tx.objectStore(OBJECT_STORE);
      const [keys, values] = await Promise.all([
        request(store.getAllKeys()),
        request(store.getAll()),
      ]);
      const records: LocalRecord[] = [];
      let unreadable = 0;
      for (const [index, key] of keys.entries()) {
        const record = typeof key === 'string' ? await unseal(key, values[index]) : null;
        if (record) records.push(record);
        else unreadable++;
      }
      return { records, unreadable };
    },
    async putAll(records) {
      // Encrypt first: a transaction commits itself as soon as the page
      // awaits anything else, so the writes must all be queued at once.
      const sealed = await Promise.all(records.map(seal));
      const tx = transaction('readwrite');
      const store = tx.objectStore(OBJECT_STORE);
      for (const [index, record] of records.entries()) store.put(sealed[index], record.key);
      await committed(tx);
    },
    async deleteKeys(keys) {
      const tx = transaction('readwrite');
      const store = tx.objectStore(OBJECT_STORE);
      for (const key of keys) store.delete(key);
      await committed(tx);
    },
    async clear() {
      const tx = transaction('readwrite');
      tx.objectStore(OBJECT_STORE).clear();
      await committed(tx);
    },
    close() {
      if (closed) return;
      closed = true;
      db.close();
      localKey.fill(0);
    },
  };
}
