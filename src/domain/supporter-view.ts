/**
 * @module
 * The public directory entry of a supporter (PROTOCOL.md §6 `Supporter`).
 */
import { fingerprint, fromB64 } from '../crypto.ts';
import type { SupporterStatus } from '../db/schema.ts';
import type { SupporterRow } from '../db/supporters.ts';
import { isoHour } from '../time.ts';
import type { Supporter } from '../wire/api.ts';
import { keyChangeNotice, publishedSignature } from './directory-signature.ts';

export type { Supporter } from '../wire/api.ts';

/** A supporter marked away whose `awayUntil` has passed is available again. */
export function effectiveStatus(
  row: Pick<SupporterRow, 'status' | 'awayUntilHour'>,
  nowHour: number,
): SupporterStatus {
  if (row.status !== 'away') return 'available';
  return row.awayUntilHour === null || row.awayUntilHour > nowHour ? 'away' : 'available';
}

/** The §1 fingerprint of a stored `b64` key (of no bytes, should the row hold no valid key). */
export function fingerprintOf(boxPublicKey: string): string {
  return fingerprint(fromB64(boxPublicKey) ?? new Uint8Array());
}

export function toSupporter(row: SupporterRow, nowHour: number): Supporter {
  const status = effectiveStatus(row, nowHour);
  const keyChanged = keyChangeNotice(row, nowHour);
  return {
    id: row.id,
    name: row.name,
    county: row.county,
    town: row.town,
    specialties: row.specialties,
    languages: row.languages,
    modalities: row.modalities,
    ...(row.about === null ? {} : { about: row.about }),
    status,
    ...(status === 'away' && row.awayUntilHour !== null
      ? { awayUntil: isoHour(row.awayUntilHour) }
      : {}),
    boxPublicKey: row.boxPublicKey,
    fingerprint: fingerprintOf(row.boxPublicKey),
    ...publishedSignature(row),
    ...(keyChanged === null ? {} : { keyChangedAt: keyChanged }),
  };
}
