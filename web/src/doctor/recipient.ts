/**
 * @module
 * The supporter a doctor writes to, checked before anything is written:
 * found in the whole directory (never asked for alone, see
 * ./use-directory.ts), and its key's fingerprint computed on this device. A
 * key we cannot read, or whose fingerprint differs from the one the
 * directory shows, is not one to encrypt a confidential message to.
 *
 * The choice reaches the compose page in the address's fragment
 * (`/write#to=<id>`), which is never sent to the relay, and is taken out of
 * the address as the page loads, so no entry of the browser's history keeps
 * whom the doctor wrote to (docs/protocol.md, "Whom a doctor writes to stays
 * out of addresses").
 */
import type { Supporter } from '../../../src/wire/api.ts';
import { RelayError } from '../api';
import { localHref } from '../i18n';
import { fingerprint, fromB64 } from '../protocol';
import { findInDirectory } from './use-directory';

export type MissingReason = 'noId' | 'notFound' | 'network' | 'badKey';

export type Recipient =
  | { status: 'ready'; supporter: Supporter; fingerprint: string }
  | { status: 'missing'; reason: MissingReason };

/** The compose page's address for writing to `id`: the id in the fragment only. */
export function writeHref(id: string): string {
  return `${localHref('/write')}#${new URLSearchParams({ to: id })}`;
}

/**
 * The supporter chosen in the address (`#to=`, or `?to=` from older links),
 * removed from it at once: the history entry is replaced by the address
 * without the id.
 */
export function takeChosenId(): string | null {
  const url = new URL(location.href);
  const id = new URLSearchParams(url.hash.slice(1)).get('to') ?? url.searchParams.get('to');
  url.searchParams.delete('to');
  url.hash = '';
  history.replaceState(history.state, '', url);
  return id;
}

export async function loadRecipient(id: string | null): Promise<Recipient> {
  if (!id) return { status: 'missing', reason: 'noId' };
  try {
    const supporter = await findInDirectory(id);
    if (supporter === null) return { status: 'missing', reason: 'notFound' };
    const computed = await fingerprint(fromB64(supporter.boxPublicKey)).catch(() => null);
    if (computed === null || computed !== supporter.fingerprint) {
      return { status: 'missing', reason: 'badKey' };
    }
    return { status: 'ready', supporter, fingerprint: computed };
  } catch (error) {
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
