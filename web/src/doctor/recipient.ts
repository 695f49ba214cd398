/**
 * @module
 * The supporter a doctor writes to: found in the whole directory (never
 * asked for alone, see ./use-directory.ts), which is enough to show the
 * compose form; and its key checked on this device ({@link checkKey}), which
 * only sealing and the fingerprint wait for. A key we cannot read, or whose
 * fingerprint differs from the one the directory shows, is not one to
 * encrypt a confidential message to.
 *
 * The choice never travels in an address. The home page hands it to the
 * compose page in this tab's `window.name`, which lives in memory only and
 * which the compose page clears as it loads. An address would be kept by
 * the browser even after the page rewrites it: Chromium's history entry
 * keeps the URL first asked for (`#to=<id>` included) beside the rewritten
 * one (docs/protocol.md, "Whom a doctor writes to stays out of addresses").
 * Older links with `?to=<id>` still work, and the id is taken out of the
 * address at once.
 */
import { signal } from '@preact/signals';
import type { Supporter } from '../../../src/wire/api.ts';
import { RelayError } from '../api';
import { fingerprint, fromB64, prepareEncryption } from '../protocol';
import { ScriptIntegrityError } from '../verified-scripts';
import { isConfirmed } from './confirmation';
import { findInDirectory } from './use-directory';

export type MissingReason = 'noId' | 'notFound' | 'network';

export type Recipient =
  | { status: 'ready'; supporter: Supporter }
  | { status: 'missing'; reason: MissingReason };

/**
 * A supporter's key as checked on this device: its fingerprint computed
 * from the key itself and equal to the directory's, and the entry confirmed
 * by the service (./confirmation.ts); or why it is not usable:
 * `unconfirmed` for an entry the operator's key did not sign as it is;
 * `network`, `integrity` and `crypto` when libsodium could not be
 * downloaded, was not the published code, or did not start on this device
 * (checking again may cure the first).
 */
export type KeyCheck =
  | { status: 'verified'; fingerprint: string }
  | {
      status: 'failed';
      reason: 'badKey' | 'unconfirmed' | 'network' | 'integrity' | 'crypto';
    };

/** Marks a `window.name` as ours, so a name some other page set is never read as a choice. */
const HANDED_OVER = 'peer-relay-write-to:';

/** Hands `id` to the compose page this tab opens next (call as the link is followed). */
export function handOverRecipient(id: string): void {
  window.name = `${HANDED_OVER}${id}`;
}

/**
 * The supporter chosen for this page: handed over by the home page, or from
 * an older link's address. Either way it is gone from the tab afterwards:
 * `window.name` is cleared and the address replaced without the id.
 */
export function takeChosenId(): string | null {
  const handed = window.name.startsWith(HANDED_OVER) ? window.name.slice(HANDED_OVER.length) : null;
  if (handed !== null) window.name = '';
  const url = new URL(location.href);
  const inAddress = url.searchParams.get('to');
  if (inAddress !== null) {
    url.searchParams.delete('to');
    history.replaceState(history.state, '', url);
  }
  // An id in the address was asked for just now; a handed-over one may be from an earlier click.
  return inAddress || handed;
}

/** `id`'s entry in the directory: all the compose form needs to be shown. */
export async function findRecipient(id: string | null): Promise<Recipient> {
  if (!id) return { status: 'missing', reason: 'noId' };
  try {
    const supporter = await findInDirectory(id);
    return supporter === null
      ? { status: 'missing', reason: 'notFound' }
      : { status: 'ready', supporter };
  } catch (error) {
    return {
      status: 'missing',
      reason: error instanceof RelayError && error.code === 'network' ? 'network' : 'notFound',
    };
  }
}

const checks = new Map<string, Promise<KeyCheck>>();
let latest = '';

/**
 * The check of the key last asked for by {@link checkKey} (the compose page
 * shows one recipient at a time): `null` while it runs.
 */
export const keyCheck = signal<KeyCheck | null>(null);

/**
 * Checks `supporter`'s key, once per key (again after libsodium could not
 * be downloaded), and shows the result in {@link keyCheck}. The first call
 * loads libsodium if the page has not already started to.
 */
export function checkKey(supporter: Supporter): Promise<KeyCheck> {
  const key = JSON.stringify([
    supporter.id,
    supporter.name,
    supporter.boxPublicKey,
    supporter.fingerprint,
    supporter.version,
    supporter.signature,
  ]);
  let check = checks.get(key);
  if (check === undefined || latest !== key) keyCheck.value = null;
  latest = key;
  if (check === undefined) {
    check = computeCheck(supporter);
    checks.set(key, check);
  }
  void check.then((done) => {
    if (done.status === 'failed' && done.reason === 'network') checks.delete(key);
    if (latest === key) keyCheck.value = done;
  });
  return check;
}

async function computeCheck(supporter: Supporter): Promise<KeyCheck> {
  try {
    await prepareEncryption();
  } catch (error) {
    if (error instanceof ScriptIntegrityError) return { status: 'failed', reason: 'integrity' };
    // How a script that could not be fetched fails (../verified-scripts.ts).
    if (error instanceof TypeError) return { status: 'failed', reason: 'network' };
    return { status: 'failed', reason: 'crypto' };
  }
  let computed: string;
  try {
    computed = await fingerprint(fromB64(supporter.boxPublicKey));
  } catch {
    // A key that is not base64url: not one to seal to either.
    return { status: 'failed', reason: 'badKey' };
  }
  if (computed !== supporter.fingerprint) return { status: 'failed', reason: 'badKey' };
  if (!(await isConfirmed(supporter))) return { status: 'failed', reason: 'unconfirmed' };
  return { status: 'verified', fingerprint: computed };
}
