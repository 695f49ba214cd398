/**
 * @module
 * The home page: what peer support is and is not, how privacy works, and the
 * directory of supporters. The directory is fetched once, whole, and every
 * filter runs in the browser, so the relay never learns what a doctor looked
 * for: not the county, not the specialty, and above all not their own town.
 */
import { api, type Supporter } from '../api';
import {
  capitalise,
  compareText,
  languageName,
  localHref,
  MODALITIES,
  modalityName,
  sameTown,
} from '../doctor/format';
import { profileParts } from '../doctor/profile';
import { t } from '../i18n';
import { h, replaceChildren } from '../ui/dom';
import { initPage, required } from '../ui/static-page';

initPage();

type SelectFilter = 'county' | 'specialty' | 'language' | 'modality';

const selects: Record<SelectFilter, HTMLSelectElement> = {
  county: required<HTMLSelectElement>('#filter-county'),
  specialty: required<HTMLSelectElement>('#filter-specialty'),
  language: required<HTMLSelectElement>('#filter-language'),
  modality: required<HTMLSelectElement>('#filter-modality'),
};
const townInput = required<HTMLInputElement>('#filter-town');
const availableInput = required<HTMLInputElement>('#filter-available');
const clearButton = required<HTMLButtonElement>('#filter-clear');
const status = required('#directory-status');
const errorLine = required('#directory-error');
const list = required<HTMLUListElement>('#directory-list');

let supporters: Supporter[] | null = null;
let loadFailed = false;

function unique(values: Iterable<string>): string[] {
  return [...new Set(values)];
}

/** The choices of one select: values present in the directory, with their display names. */
function choices(filter: SelectFilter, all: Supporter[]): { value: string; label: string }[] {
  switch (filter) {
    case 'county':
      return unique(all.map((s) => s.county))
        .map((value) => ({ value, label: value }))
        .sort((a, b) => compareText(a.label, b.label));
    case 'specialty':
      return unique(all.flatMap((s) => s.specialties))
        .map((value) => ({ value, label: value }))
        .sort((a, b) => compareText(a.label, b.label));
    case 'language':
      return unique(all.flatMap((s) => s.languages))
        .map((value) => ({ value, label: capitalise(languageName(value)) }))
        .sort((a, b) => compareText(a.label, b.label));
    case 'modality': {
      const offered = new Set(all.flatMap((s) => s.modalities));
      return MODALITIES.filter((m) => offered.has(m)).map((value) => ({
        value,
        label: capitalise(modalityName(value)),
      }));
    }
  }
}

function renderSelects(all: Supporter[]): void {
  for (const [filter, select] of Object.entries(selects) as [SelectFilter, HTMLSelectElement][]) {
    const chosen = select.value;
    const options = choices(filter, all).map(({ value, label }) =>
      h('option', { text: label, attrs: { value } }),
    );
    replaceChildren(
      select,
      h('option', { text: t(`home.filters.any.${filter}`), attrs: { value: '' } }),
      ...options,
    );
    select.value = options.some((option) => option.value === chosen) ? chosen : '';
  }
}

function matches(supporter: Supporter): boolean {
  const { county, specialty, language, modality } = selects;
  const town = townInput.value.trim();
  return (
    (county.value === '' || supporter.county === county.value) &&
    (specialty.value === '' || supporter.specialties.includes(specialty.value)) &&
    (language.value === '' || supporter.languages.includes(language.value)) &&
    (modality.value === '' || supporter.modalities.some((m) => m === modality.value)) &&
    (!availableInput.checked || supporter.status === 'available') &&
    (town === '' || !sameTown(supporter.town, town))
  );
}

function card(supporter: Supporter): HTMLLIElement {
  return h(
    'li',
    { class: 'card doctor-card' },
    h('h3', { text: supporter.name }),
    ...profileParts(supporter, supporter.fingerprint),
    h('a', {
      class: 'button',
      text: t('home.write', { name: supporter.name }),
      attrs: { href: localHref('/write', { to: supporter.id }) },
    }),
  );
}

function renderList(): void {
  errorLine.hidden = !loadFailed;
  if (loadFailed) {
    errorLine.textContent = t('home.directory.error');
    status.textContent = '';
    return;
  }
  if (supporters === null) {
    status.textContent = t('home.directory.loading');
    return;
  }
  const shown = supporters.filter(matches);
  replaceChildren(list, ...shown.map(card));
  status.textContent =
    supporters.length === 0
      ? t('home.directory.empty')
      : shown.length === 0
        ? t('home.directory.none')
        : t('home.directory.count', { shown: shown.length, total: supporters.length });
}

function render(): void {
  status.removeAttribute('data-i18n');
  if (supporters) renderSelects(supporters);
  renderList();
}

for (const select of Object.values(selects)) select.addEventListener('change', renderList);
townInput.addEventListener('input', renderList);
availableInput.addEventListener('change', renderList);
clearButton.addEventListener('click', () => {
  for (const select of Object.values(selects)) select.value = '';
  townInput.value = '';
  availableInput.checked = false;
  renderList();
});
document.addEventListener('languagechange', render);

// Only the whole list is ever asked for: the filters stay on this device.
api<{ supporters: Supporter[] }>('GET', '/api/v1/supporters').then(
  (answer) => {
    supporters = answer.supporters;
    render();
  },
  () => {
    loadFailed = true;
    render();
  },
);
