/** @module The public directory of active supporters. */

import type { Modality } from '../db/schema.ts';
import { findSupporter, listActiveSupporters } from '../db/supporters.ts';
import { nowHour, type Relay } from './relay.ts';
import { type Supporter, toSupporter } from './supporter-view.ts';

export interface DirectoryFilter {
  county?: string;
  specialty?: string;
  language?: string;
  modality?: Modality;
}

/** Active supporters matching every given filter exactly. */
export async function listDirectory(relay: Relay, filter: DirectoryFilter): Promise<Supporter[]> {
  const hour = nowHour(relay);
  return (await listActiveSupporters(relay.db))
    .filter(
      (row) =>
        (filter.county === undefined || row.county === filter.county) &&
        (filter.specialty === undefined || row.specialties.includes(filter.specialty)) &&
        (filter.language === undefined || row.languages.includes(filter.language)) &&
        (filter.modality === undefined || row.modalities.includes(filter.modality)),
    )
    .map((row) => toSupporter(row, hour));
}

/** An active supporter's entry, or null for an unknown or inactive one. */
export async function readDirectoryEntry(relay: Relay, id: string): Promise<Supporter | null> {
  const row = await findSupporter(relay.db, id);
  return row?.active ? toSupporter(row, nowHour(relay)) : null;
}
