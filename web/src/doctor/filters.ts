/**
 * @module
 * The directory's filters as data: what can be chosen (only values present
 * in the directory, one entry per vocabulary code, labelled in the page's
 * language) and whether a supporter matches.
 */
import { MODALITIES, type Supporter } from '../../../src/wire/api.ts';
import { capitalise, compareText } from '../ui/format';
import { countyLabel, languageLabel, modalityName, sameTown, specialtyLabel } from './format';

export type SelectFilter = 'county' | 'specialty' | 'language' | 'modality';

export interface Filters {
  county: string;
  specialty: string;
  language: string;
  modality: string;
  /** "Hide supporters in my town": free text, compared on this device only. */
  town: string;
  available: boolean;
}

export const NO_FILTERS: Filters = {
  county: '',
  specialty: '',
  language: '',
  modality: '',
  town: '',
  available: false,
};

export interface Choice {
  value: string;
  label: string;
}

function labelled(codes: Iterable<string>, label: (code: string) => string): Choice[] {
  // One choice per code, however many supporters share it.
  return [...new Set(codes)]
    .map((value) => ({ value, label: label(value) }))
    .sort((a, b) => compareText(a.label, b.label));
}

/** The choices of one select, built from the directory itself. */
export function choices(filter: SelectFilter, all: readonly Supporter[]): Choice[] {
  switch (filter) {
    case 'county':
      return labelled(
        all.map((s) => s.county),
        countyLabel,
      );
    case 'specialty':
      return labelled(
        all.flatMap((s) => s.specialties),
        specialtyLabel,
      );
    case 'language':
      return labelled(
        all.flatMap((s) => s.languages),
        languageLabel,
      );
    case 'modality': {
      const offered = new Set(all.flatMap((s) => s.modalities));
      return MODALITIES.filter((m) => offered.has(m)).map((value) => ({
        value,
        label: capitalise(modalityName(value)),
      }));
    }
  }
}

export function matches(supporter: Supporter, filters: Filters): boolean {
  const town = filters.town.trim();
  return (
    (filters.county === '' || supporter.county === filters.county) &&
    (filters.specialty === '' || supporter.specialties.includes(filters.specialty)) &&
    (filters.language === '' || supporter.languages.includes(filters.language)) &&
    (filters.modality === '' || supporter.modalities.some((m) => m === filters.modality)) &&
    (!filters.available || supporter.status === 'available') &&
    (town === '' || !sameTown(supporter.town, town))
  );
}
