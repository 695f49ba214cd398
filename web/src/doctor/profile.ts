/**
 * @module
 * A supporter's public profile as the doctor pages show it: place, away
 * status, specialties, languages, ways of meeting, key fingerprint and the
 * supporter's own words. Shared by the directory cards and the compose page.
 */
import type { Supporter } from '../api';
import { t } from '../i18n';
import { type Child, h } from '../ui/dom';
import { awayText, capitalise, formatList, languageName, modalityName } from './format';

function detail(label: string, value: string, className?: string): HTMLElement {
  return h(
    'div',
    {},
    h('dt', { text: label }),
    h('dd', { text: value, ...(className ? { class: className } : {}) }),
  );
}

/**
 * The profile's elements, to go inside a card. `fingerprint` is the one to
 * show: the directory's copy on the list, the one computed on this device
 * from the key on the compose page.
 */
export function profileParts(supporter: Supporter, fingerprint: string): Child[] {
  const away = supporter.status === 'away';
  return [
    h('p', {
      class: 'doctor-place',
      text: t('doctor.place', { town: supporter.town, county: supporter.county }),
    }),
    h(
      'p',
      {},
      h('span', {
        class: away ? 'badge away' : 'badge',
        text: away ? awayText(supporter) : t('doctor.available'),
      }),
    ),
    h(
      'dl',
      { class: 'doctor-details' },
      supporter.specialties.length > 0 &&
        detail(t('doctor.specialties'), formatList(supporter.specialties)),
      detail(t('doctor.languages'), capitalise(formatList(supporter.languages.map(languageName)))),
      detail(
        t('doctor.modalities'),
        capitalise(formatList(supporter.modalities.map(modalityName))),
      ),
      detail(t('doctor.fingerprint'), fingerprint, 'fingerprint'),
    ),
    supporter.about ? h('p', { class: 'doctor-about-text', text: supporter.about }) : null,
  ];
}
