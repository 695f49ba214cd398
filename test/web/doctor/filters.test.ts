import '../../../web/src/i18n/doctor.ts';
import { afterEach, describe, expect, it } from 'vitest';
import type { Supporter } from '../../../src/wire/api.ts';
import { choices, matches, NO_FILTERS } from '../../../web/src/doctor/filters.ts';
import { availableFirst } from '../../../web/src/doctor/format.ts';
import { lang } from '../../../web/src/i18n/index.ts';

function supporter(id: string, change: Partial<Supporter> = {}): Supporter {
  return {
    id,
    name: id,
    county: 'vestland',
    town: 'Bergen',
    specialties: ['psychiatry'],
    languages: ['nb'],
    modalities: ['phone'],
    status: 'available',
    boxPublicKey: '',
    fingerprint: '',
    ...change,
  };
}

afterEach(() => {
  lang.value = 'en';
});

describe('the directory filters', () => {
  const all = [
    supporter('a'),
    supporter('b', { specialties: ['psychiatry', 'general-practice'], county: 'oslo' }),
    supporter('c', { specialties: ['other: sports medicine'], languages: ['de'], status: 'away' }),
  ];

  it('lists each code once, labelled and sorted in the page’s language', () => {
    expect(choices('specialty', all)).toEqual([
      { value: 'general-practice', label: 'General practice' },
      { value: 'psychiatry', label: 'Psychiatry' },
      { value: 'other: sports medicine', label: 'sports medicine' },
    ]);
    lang.value = 'nb';
    expect(choices('specialty', all).map((c) => c.label)).toEqual([
      'Allmennmedisin',
      'Psykiatri',
      'sports medicine',
    ]);
    expect(choices('language', all).map((c) => c.label)).toEqual(['Norsk bokmål', 'Tysk']);
    expect(choices('county', all).map((c) => c.value)).toEqual(['oslo', 'vestland']);
  });

  it('matches on codes, availability and "not my town"', () => {
    const names = (filters: Partial<typeof NO_FILTERS>) =>
      all.filter((s) => matches(s, { ...NO_FILTERS, ...filters })).map((s) => s.id);
    expect(names({ specialty: 'psychiatry' })).toEqual(['a', 'b']);
    expect(names({ county: 'oslo' })).toEqual(['b']);
    expect(names({ available: true })).toEqual(['a', 'b']);
    expect(names({ town: ' BERGEN ' })).toEqual([]);
  });

  it('puts away supporters after available ones, keeping the directory’s order otherwise', () => {
    const list = [supporter('x', { status: 'away' }), supporter('y'), supporter('z')];
    expect(availableFirst(list).map((s) => s.id)).toEqual(['y', 'z', 'x']);
  });
});
