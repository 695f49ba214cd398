/**
 * @module
 * Fields of a directory entry shared by the join page and the profile:
 * the county select (the counties labelled in the page's language, and a
 * stored value that is no code shown as it is) and the ways to meet.
 */
import { MODALITIES, type Modality } from '../../../src/wire/api.ts';
import { t } from '../i18n';
import { Field } from '../ui';
import { COUNTIES, isCode, options } from './vocabulary';

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
