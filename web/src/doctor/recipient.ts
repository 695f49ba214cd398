/**
 * @module
 * The supporter a doctor writes to, checked before anything is written:
 * found in the whole directory (never asked for alone, see
 * ./use-directory.ts), and its key's fingerprint computed on this device. A
 * key we cannot read, or whose fingerprint differs from the one the
 * directory shows, is not one to encrypt a confidential message to.
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
import type { Supporter } from '../../../src/wire/api.ts';
import { RelayError } from '../api';
import { fingerprint, fromB64 } from '../protocol';
import { ScriptIntegrityError } from '../verified-scripts';
import { findInDirectory } from './use-directory';

export type MissingReason = 'noId' | 'notFound' | 'network' | 'badKey' | 'integrity';

export type Recipient =
  | { status: 'ready'; supporter: Supporter; fingerprint: string }
  | { status: 'missing'; reason: MissingReason };

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

export async function loadRecipient(id: string | null): Promise<Recipient> {
  if (!id) return { status: 'missing', reason: 'noId' };
  try {
    const supporter = await findInDirectory(id);
    if (supporter === null) return { status: 'missing', reason: 'notFound' };
    const computed = await fingerprint(fromB64(supporter.boxPublicKey)).catch((error: unknown) => {
      if (error instanceof ScriptIntegrityError) throw error;
      return null;
    });
    if (computed === null || computed !== supporter.fingerprint) {
      return { status: 'missing', reason: 'badKey' };
    }
    return { status: 'ready', supporter, fingerprint: computed };
  } catch (error) {
    if (error instanceof ScriptIntegrityError) return { status: 'missing', reason: 'integrity' };
    return {
      status: 'missing',
      reason:
        error instanceof RelayError
          ? error.code === 'network'
            ? 'network'
            : 'notFound'
          : 'badKey',
    };
  }
}
