/**
 * @module
 * The public directory entry of a supporter (PROTOCOL.md §6 `Supporter`).
 */
import { fingerprint, fromB64 } from '../crypto.ts';
import type { SupporterStatus } from '../db/schema.ts';
import type { SupporterRow } from '../db/supporters.ts';
import { isoHour } from '../time.ts';
import type { Supporter } from '../wire/api.ts';

export type { Supporter } from '../wire/api.ts';

/** A supporter marked away whose `awayUntil` has passed is available again. */
export function effectiveStatus(
  row: Pick<SupporterRow, 'status' | 'awayUntilHour'>,
  nowHour: number,
): SupporterStatus {
  if (row.status !== 'away') return 'available';
  return row.awayUntilHour === null || row.awayUntilHour > nowHour ? 'away' : 'available';
}

export function toSupporter(row: SupporterRow, nowHour: number): Supporter {
  const status = effectiveStatus(row, nowHour);
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
    fingerprint: fingerprint(fromB64(row.boxPublicKey) ?? new Uint8Array()),
  };
}
