/** @module The public directory of active supporters. */

import type { Modality } from '../db/schema.ts';
import { findSupporter, listActiveSupporters } from '../db/supporters.ts';
import { COUNTIES, LANGUAGES, resolveTerm, SPECIALTIES } from '../wire/vocabulary.ts';
import { nowHour, type Relay } from './relay.ts';
import { type Supporter, toSupporter } from './supporter-view.ts';

export interface DirectoryFilter {
  county?: string;
  specialty?: string;
  language?: string;
  modality?: Modality;
}

/**
 * The filter with its vocabulary values as codes (a code or either label,
 * case-insensitively, as profiles take them), or null if a value is none of
 * these: such a filter matches no one (PROTOCOL.md §12).
 */
function resolveFilter(filter: DirectoryFilter): DirectoryFilter | null {
  const resolved: DirectoryFilter = { ...filter };
  const fields = [
    ['county', COUNTIES],
    ['specialty', SPECIALTIES],
    ['language', LANGUAGES],
  ] as const;
  for (const [field, terms] of fields) {
    const value = filter[field];
    if (value === undefined) continue;
    const code = resolveTerm(terms, value);
    if (code === undefined) return null;
    resolved[field] = code;
  }
  return resolved;
}

/** Active supporters matching every given filter. */
export async function listDirectory(relay: Relay, wanted: DirectoryFilter): Promise<Supporter[]> {
  const filter = resolveFilter(wanted);
  if (filter === null) return [];
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
