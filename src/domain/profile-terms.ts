/**
 * @module
 * Profile fields from the fixed vocabulary (PROTOCOL.md §12, src/wire/vocabulary.ts):
 * a county, specialties and languages are taken as a code or either label,
 * case-insensitively, and stored as codes, each list without duplicates.
 *
 * A legacy value kept as `other: …` by migration 0006 is accepted again only
 * where that supporter already has it in that field, so a client may send a
 * profile back unchanged; nobody can add a new one (docs/protocol.md §11.1).
 */
import { badRequest } from '../errors.ts';
import {
  isOtherValue,
  resolveTerm,
  VOCABULARY,
  VOCABULARY_NOUN,
  type VocabularyField,
} from '../wire/vocabulary.ts';

/** The vocabulary fields of a profile, any of them given. */
export interface ProfileTerms {
  county?: string | undefined;
  specialties?: string[] | undefined;
  languages?: string[] | undefined;
}

/** What the supporter has stored now (nothing at registration). */
export interface StoredTerms {
  county: string;
  specialties: readonly string[];
  languages: readonly string[];
}

/**
 * The code of one value of `field`, or `value` itself if it is a legacy
 * `other: …` value the supporter already has there.
 *
 * @throws ApiError 400 `unknown_value`, naming the field (never echoing the value).
 */
function codeOf(
  field: VocabularyField,
  value: string,
  where: string,
  kept: readonly string[],
): string {
  const code = resolveTerm(VOCABULARY[field], value);
  if (code !== undefined) return code;
  const trimmed = value.trim();
  if (isOtherValue(trimmed) && kept.includes(trimmed)) return trimmed;
  throw badRequest(
    'unknown_value',
    `${where}: not a known ${VOCABULARY_NOUN[field]}. Send a code or a label from GET /api/v1/vocabulary.`,
  );
}

function codesOf(
  field: 'specialties' | 'languages',
  values: readonly string[],
  kept: readonly string[],
): string[] {
  // A Set keeps the first position of each code: duplicates collapse, order stays.
  return [...new Set(values.map((value, i) => codeOf(field, value, `${field}.${i}`, kept)))];
}

/**
 * `profile` with its vocabulary fields as codes; other fields, and fields not
 * given, are left as they are.
 *
 * @example
 * resolveProfileTerms({ town: 'Ålesund', county: 'Møre og Romsdal', languages: ['Norsk', 'no'] }, null)
 * // { town: 'Ålesund', county: 'more-og-romsdal', languages: ['no'] }
 */
export function resolveProfileTerms<T extends ProfileTerms>(
  profile: T,
  stored: StoredTerms | null,
): T {
  const resolved: T = { ...profile };
  if (profile.county !== undefined) {
    resolved.county = codeOf('county', profile.county, 'county', stored ? [stored.county] : []);
  }
  for (const field of ['specialties', 'languages'] as const) {
    const values = profile[field];
    if (values !== undefined) resolved[field] = codesOf(field, values, stored?.[field] ?? []);
  }
  return resolved;
}
