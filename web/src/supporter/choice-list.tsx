/**
 * @module
 * Choosing several terms of a fixed list (specialties, languages): a
 * fieldset of labelled checkboxes; a long list gets a filter box and
 * scrolls within its own box (chosen terms always stay in the list). A stored value that is no term of the
 * list (a legacy `other: …`) is shown as it is, checked, and kept unless
 * the supporter unticks it (it stays in the list, to be ticked again).
 */
import { useState } from 'preact/hooks';
import { t } from '../i18n';
import type { Option } from '../ui/vocabulary';

/** Above this many options the list gets a filter box. */
const FILTER_FROM = 12;

export interface ChoiceListProps {
  id: string;
  legend: string;
  hint?: string;
  error?: string | null | undefined;
  options: Option[];
  /** Codes (and kept legacy values), in the order chosen. */
  selected: readonly string[];
  onChange: (next: string[]) => void;
}

function normalise(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();
}

export function ChoiceList({
  id,
  legend,
  hint,
  error,
  options,
  selected,
  onChange,
}: ChoiceListProps) {
  const [filter, setFilter] = useState('');
  const long = options.length > FILTER_FROM;
  const known = new Set(options.map((option) => option.code));
  // Values that are no term, as first given: they stay in the list once unticked, to be ticked again.
  const [given] = useState(() => selected.filter((value) => !known.has(value)));
  const kept = [...new Set([...given, ...selected.filter((value) => !known.has(value))])];
  const wanted = normalise(filter);
  const shown = (option: Option) =>
    wanted === '' || selected.includes(option.code) || normalise(option.label).includes(wanted);
  const visible = options.filter(shown);
  const toggle = (code: string, on: boolean) =>
    onChange(on ? [...selected, code] : selected.filter((value) => value !== code));
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ');
  const box = (code: string, text: string) => (
    <label class="check" key={code}>
      <input
        type="checkbox"
        name={id}
        value={code}
        checked={selected.includes(code)}
        onChange={(event) => toggle(code, event.currentTarget.checked)}
      />{' '}
      <span>{text}</span>
    </label>
  );
  return (
    <fieldset id={id} class="choice-list" aria-describedby={describedBy || undefined}>
      <legend>{legend}</legend>
      {hint ? (
        <p class="hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p class="error field-error" id={errorId}>
          {error}
        </p>
      ) : null}
      {long ? (
        <div class="field choice-filter">
          <label for={`${id}-filter`}>{t('join.choice.filter', { list: legend })}</label>
          <input
            type="search"
            id={`${id}-filter`}
            value={filter}
            autocomplete="off"
            onInput={(event) => setFilter(event.currentTarget.value)}
            onKeyDown={(event) => {
              // Enter in the filter must not submit the form.
              if (event.key === 'Enter') event.preventDefault();
            }}
          />
        </div>
      ) : null}
      <div class={long ? 'check-grid choice-options long' : 'check-grid choice-options'}>
        {kept.map((value) => box(value, value))}
        {visible.map((option) => box(option.code, option.label))}
      </div>
      {visible.length === 0 ? <p class="muted">{t('join.choice.noMatch')}</p> : null}
      <p class="hint choice-count" aria-live="polite">
        {t('join.choice.count', { count: selected.length })}
      </p>
    </fieldset>
  );
}
