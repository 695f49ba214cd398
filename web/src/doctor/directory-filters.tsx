/**
 * @module
 * The directory's filter form. Folded on a phone, so the list is on the
 * first screen; open on a wide screen, where there is room beside it.
 */
import type { Supporter } from '../../../src/wire/api.ts';
import { type MessageKey, t } from '../i18n';
import { Button, Disclosure, Field } from '../ui';
import { choices, type Filters, NO_FILTERS, type SelectFilter } from './filters';

const SELECTS: { filter: SelectFilter; label: MessageKey; any: MessageKey }[] = [
  { filter: 'county', label: 'home.filters.county', any: 'home.filters.any.county' },
  { filter: 'specialty', label: 'home.filters.specialty', any: 'home.filters.any.specialty' },
  { filter: 'language', label: 'home.filters.language', any: 'home.filters.any.language' },
  { filter: 'modality', label: 'home.filters.modality', any: 'home.filters.any.modality' },
];

/** Wide enough to show the filters open without pushing the list off the first screen. */
function wideScreen(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(min-width: 48rem)').matches;
}

export interface DirectoryFiltersProps {
  all: readonly Supporter[];
  filters: Filters;
  onChange: (filters: Filters) => void;
}

export function DirectoryFilters({ all, filters, onChange }: DirectoryFiltersProps) {
  const set = (change: Partial<Filters>) => onChange({ ...filters, ...change });
  return (
    <Disclosure class="doctor-filters card" summary={t('home.filters.title')} open={wideScreen()}>
      <search aria-label={t('home.filters.title')}>
        <p class="doctor-directory-intro">{t('home.directory.intro')}</p>
        <p class="hint">{t('home.filters.private')}</p>
        <div class="doctor-filter-grid">
          {SELECTS.map(({ filter, label, any }) => {
            const options = choices(filter, all);
            const value = options.some((o) => o.value === filters[filter]) ? filters[filter] : '';
            return (
              <Field key={filter} id={`filter-${filter}`} label={t(label)}>
                {(control) => (
                  <select
                    {...control}
                    value={value}
                    onChange={(event) => set({ [filter]: event.currentTarget.value })}
                  >
                    <option value="">{t(any)}</option>
                    {options.map((option) => (
                      <option key={option.value} value={option.value}>
                        {option.label}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            );
          })}
          <Field id="filter-town" label={t('home.filters.town')} hint={t('home.filters.townHint')}>
            {(control) => (
              <input
                {...control}
                type="text"
                autocomplete="off"
                spellcheck={false}
                value={filters.town}
                onInput={(event) => set({ town: event.currentTarget.value })}
              />
            )}
          </Field>
          <div class="field doctor-filter-checks">
            <label class="check">
              <input
                id="filter-available"
                type="checkbox"
                checked={filters.available}
                onChange={(event) => set({ available: event.currentTarget.checked })}
              />{' '}
              <span>{t('home.filters.available')}</span>
            </label>
            <Button id="filter-clear" variant="secondary" onClick={() => onChange(NO_FILTERS)}>
              {t('home.filters.clear')}
            </Button>
          </div>
        </div>
      </search>
    </Disclosure>
  );
}
