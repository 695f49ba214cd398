/**
 * @module
 * The supporter a doctor writes to, checked before anything is written:
 * fetched from the directory, and its key's fingerprint computed on this
 * device. A key we cannot read, or whose fingerprint differs from the one
 * the directory shows, is not one to encrypt a confidential message to.
 */
import type { Supporter } from '../../../src/wire/api.ts';
import { api, RelayError } from '../api';
import { fingerprint, fromB64 } from '../protocol';

export type MissingReason = 'noId' | 'notFound' | 'network' | 'badKey';

export type Recipient =
  | { status: 'ready'; supporter: Supporter; fingerprint: string }
  | { status: 'missing'; reason: MissingReason };

export async function loadRecipient(id: string | null): Promise<Recipient> {
  if (!id) return { status: 'missing', reason: 'noId' };
  try {
    const supporter = await api<Supporter>('GET', `/api/v1/supporters/${encodeURIComponent(id)}`);
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
