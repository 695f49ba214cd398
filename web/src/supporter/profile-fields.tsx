/**
 * @module
 * The fields of a directory entry, shared by the join page and the profile:
 * name, the county select (the counties labelled in the page's language, and
 * a stored value that is no code shown as it is), town, specialties and
 * languages from the lists, the ways to meet, a few words; and the rules a
 * draft must meet before it is sent.
 */
import { MODALITIES, type Modality } from '../../../src/wire/api.ts';
import { type MessageKey, t } from '../i18n';
import { Field } from '../ui';
import { COUNTIES, isCode, LANGUAGES, options, SPECIALTIES } from '../ui/vocabulary';
import { ChoiceList } from './choice-list';

const MAX_CHOICES = 12;

/** A directory entry as the supporter edits it. */
export interface ProfileDraft {
  name: string;
  county: string;
  town: string;
  specialties: string[];
  languages: string[];
  modalities: Modality[];
  about: string;
}

export const EMPTY_PROFILE: ProfileDraft = {
  name: '',
  county: '',
  town: '',
  specialties: [],
  languages: [],
  modalities: [],
  about: '',
};

/** The fields that can be wrong, in the order they are shown. */
export const PROFILE_FIELDS = [
  'name',
  'county',
  'town',
  'specialties',
  'languages',
  'modalities',
] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];

/** What is wrong with a draft, as a sentence per field. */
export function profileProblems(draft: ProfileDraft): Partial<Record<ProfileField, MessageKey>> {
  const found: Partial<Record<ProfileField, MessageKey>> = {};
  if (draft.name.trim() === '') found.name = 'join.error.name';
  if (draft.county === '') found.county = 'join.error.county';
  if (draft.town.trim() === '') found.town = 'join.error.town';
  if (draft.specialties.length > MAX_CHOICES) found.specialties = 'join.error.specialties';
  if (draft.languages.length === 0 || draft.languages.length > MAX_CHOICES) {
    found.languages = 'join.error.languages';
  }
  if (draft.modalities.length === 0) found.modalities = 'join.error.modalities';
  return found;
}

export interface ProfileFieldsProps {
  /** `join` or `profile`: the fields' ids are `<prefix>-<field>`. */
  prefix: string;
  draft: ProfileDraft;
  set: <K extends keyof ProfileDraft>(field: K, value: ProfileDraft[K]) => void;
  error: (field: ProfileField) => string | null;
  /** The county select's empty first option, while nothing is chosen (join). */
  countyPlaceholder?: string;
}

export function ProfileFields({
  prefix,
  draft,
  set,
  error,
  countyPlaceholder,
}: ProfileFieldsProps) {
  return (
    <>
      <Field id={`${prefix}-name`} label={t('join.name.label')} error={error('name')}>
        {(control) => (
          <input
            {...control}
            type="text"
            autocomplete="name"
            maxLength={100}
            value={draft.name}
            onInput={(event) => set('name', event.currentTarget.value)}
          />
        )}
      </Field>
      <div class="supporter-columns">
        <CountySelect
          id={`${prefix}-county`}
          value={draft.county}
          error={error('county')}
          onChange={(code) => set('county', code)}
          {...(countyPlaceholder === undefined ? {} : { placeholder: countyPlaceholder })}
        />
        <Field id={`${prefix}-town`} label={t('join.town.label')} error={error('town')}>
          {(control) => (
            <input
              {...control}
              type="text"
              autocomplete="address-level2"
              maxLength={80}
              value={draft.town}
              onInput={(event) => set('town', event.currentTarget.value)}
            />
          )}
        </Field>
      </div>
      <ChoiceList
        id={`${prefix}-specialties`}
        legend={t('join.specialties.label')}
        hint={t('join.specialties.hint')}
        error={error('specialties')}
        options={options(SPECIALTIES)}
        selected={draft.specialties}
        onChange={(next) => set('specialties', next)}
      />
      <ChoiceList
        id={`${prefix}-languages`}
        legend={t('join.languages.legend')}
        error={error('languages')}
        options={options(LANGUAGES)}
        selected={draft.languages}
        onChange={(next) => set('languages', next)}
      />
      <ModalityChoices
        id={`${prefix}-modalities`}
        selected={draft.modalities}
        error={error('modalities')}
        onChange={(next) => set('modalities', next)}
      />
      <Field id={`${prefix}-about`} label={t('join.about.label')} hint={t('join.about.hint')}>
        {(control) => (
          <textarea
            {...control}
            maxLength={2000}
            rows={4}
            value={draft.about}
            onInput={(event) => set('about', event.currentTarget.value)}
          />
        )}
      </Field>
    </>
  );
}

export interface CountySelectProps {
  id: string;
  value: string;
  error: string | null;
  onChange: (code: string) => void;
  /** The empty first option's text, while nothing is chosen (join). */
  placeholder?: string;
}

export function CountySelect({ id, value, error, onChange, placeholder }: CountySelectProps) {
  const legacy = value !== '' && !isCode(COUNTIES, value);
  return (
    <Field id={id} label={t('join.county.label')} error={error}>
      {(control) => (
        <select
          {...control}
          value={value}
          onChange={(event) => onChange(event.currentTarget.value)}
        >
          {placeholder === undefined ? null : <option value="">{placeholder}</option>}
          {legacy ? <option value={value}>{value}</option> : null}
          {options(COUNTIES).map((option) => (
            <option key={option.code} value={option.code}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

export interface ModalityChoicesProps {
  id: string;
  selected: readonly Modality[];
  error: string | null;
  onChange: (next: Modality[]) => void;
}

/** The ways to meet, as checkboxes; the result in the protocol's order. */
export function ModalityChoices({ id, selected, error, onChange }: ModalityChoicesProps) {
  const errorId = `${id}-error`;
  return (
    <fieldset id={id} aria-describedby={error ? errorId : undefined}>
      <legend>{t('join.modalities.legend')}</legend>
      {error ? (
        <p class="error field-error" id={errorId}>
          {error}
        </p>
      ) : null}
      {MODALITIES.map((modality) => (
        <label class="check" key={modality}>
          <input
            type="checkbox"
            name={id}
            value={modality}
            checked={selected.includes(modality)}
            onChange={(event) => {
              const on = event.currentTarget.checked;
              onChange(MODALITIES.filter((m) => (m === modality ? on : selected.includes(m))));
            }}
          />{' '}
          <span>{t(`supporter.modality.${modality}`)}</span>
        </label>
      ))}
    </fieldset>
  );
}
