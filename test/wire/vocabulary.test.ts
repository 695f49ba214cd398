/**
 * The shared vocabulary (src/wire/vocabulary.ts, PROTOCOL.md §12): codes
 * fit to store and send, every label found again as its own term whatever
 * its case or surrounding space, and nothing else found.
 */
import { describe, expect, it } from 'vitest';
import {
  COUNTIES,
  isOtherValue,
  LANGUAGES,
  resolveTerm,
  SPECIALTIES,
  type Term,
  termLabel,
  VOCABULARY,
} from '../../src/wire/vocabulary.ts';

const KEBAB_CASE = /^[a-z]+(?:-[a-z]+)*$/;
const lists = Object.entries(VOCABULARY) as [string, readonly Term[]][];

describe('the lists', () => {
  it.each(lists)(
    '%s: every code is lowercase ASCII kebab-case and unique, every label non-empty',
    (_, terms) => {
      const codes = terms.map((term) => term.code);
      for (const code of codes) expect(code).toMatch(KEBAB_CASE);
      expect(new Set(codes).size).toBe(codes.length);
      for (const term of terms) {
        expect(Object.keys(term).sort()).toEqual(['code', 'en', 'nb']);
        expect(term.nb.trim()).toBe(term.nb);
        expect(term.en.trim()).toBe(term.en);
        expect(term.nb.length).toBeGreaterThan(0);
        expect(term.en.length).toBeGreaterThan(0);
      }
    },
  );

  it("holds Norway's 15 counties of 2024, coded from their names with æ ø å folded", () => {
    expect(COUNTIES.map((term) => term.code)).toEqual([
      'oslo',
      'rogaland',
      'more-og-romsdal',
      'nordland',
      'ostfold',
      'akershus',
      'buskerud',
      'innlandet',
      'vestfold',
      'telemark',
      'agder',
      'vestland',
      'trondelag',
      'troms',
      'finnmark',
    ]);
    expect(COUNTIES.find((term) => term.code === 'trondelag')?.nb).toBe('Trøndelag');
  });

  it('holds the specialist list with the codes PROTOCOL.md §12 names, and medical students', () => {
    const byCode = new Map(SPECIALTIES.map((term) => [term.code, term]));
    expect(byCode.get('general-practice')?.nb).toBe('Allmennmedisin');
    expect(byCode.get('psychiatry')?.nb).toBe('Psykiatri');
    expect(byCode.get('child-and-adolescent-psychiatry')?.nb).toBe('Barne- og ungdomspsykiatri');
    expect(byCode.get('obstetrics-and-gynaecology')?.nb).toBe('Fødselshjelp og kvinnesykdommer');
    expect(byCode.get('medical-student')).toEqual({
      code: 'medical-student',
      nb: 'Medisinstudent',
      en: 'Medical student',
    });
    expect(SPECIALTIES.length).toBeGreaterThanOrEqual(45);
  });

  it('codes languages by their BCP 47 tags', () => {
    const codes = LANGUAGES.map((term) => term.code);
    for (const tag of ['nb', 'nn', 'en', 'se', 'sv', 'da', 'pl', 'ar', 'so', 'ti', 'uk']) {
      expect(codes).toContain(tag);
    }
    expect(LANGUAGES.find((term) => term.code === 'se')?.en).toBe('Northern Sami');
  });

  it('cannot be changed at run time', () => {
    expect(Object.isFrozen(COUNTIES)).toBe(true);
    expect(Object.isFrozen(COUNTIES[0])).toBe(true);
    expect(Object.isFrozen(VOCABULARY)).toBe(true);
  });
});

describe('resolveTerm', () => {
  it.each(lists)(
    '%s: finds every code and label as its own term, in any case and padded',
    (_, terms) => {
      for (const term of terms) {
        for (const text of [term.code, term.nb, term.en]) {
          expect(resolveTerm(terms, text), text).toBe(term.code);
          expect(resolveTerm(terms, text.toUpperCase()), text).toBe(term.code);
          expect(resolveTerm(terms, text.toLowerCase()), text).toBe(term.code);
          expect(resolveTerm(terms, ` \t${text}\n `), text).toBe(term.code);
        }
      }
    },
  );

  it('reads labels the way people type them', () => {
    expect(resolveTerm(SPECIALTIES, 'psykiatri')).toBe('psychiatry');
    expect(resolveTerm(SPECIALTIES, 'General  practice')).toBe('general-practice');
    expect(resolveTerm(COUNTIES, 'MØRE OG ROMSDAL')).toBe('more-og-romsdal');
    // "å" typed as "a" and a combining ring (NFD), as some keyboards send it.
    expect(resolveTerm(LANGUAGES, 'Norsk tegnspra\u030Ak')).toBe('nsl');
    expect(resolveTerm(LANGUAGES, 'Norsk')).toBe('no');
    expect(resolveTerm(LANGUAGES, 'Engelsk')).toBe('en');
  });

  it('finds nothing for a value that is no term, part of one, or a term of another list', () => {
    expect(resolveTerm(COUNTIES, 'Narnia')).toBeUndefined();
    expect(resolveTerm(COUNTIES, 'Vest')).toBeUndefined();
    expect(resolveTerm(COUNTIES, '')).toBeUndefined();
    expect(resolveTerm(COUNTIES, 'psychiatry')).toBeUndefined();
    expect(resolveTerm(SPECIALTIES, 'general')).toBeUndefined();
    expect(resolveTerm(SPECIALTIES, 'general_practice')).toBeUndefined();
    expect(resolveTerm(LANGUAGES, 'Klingon')).toBeUndefined();
    expect(resolveTerm(LANGUAGES, 'other: Klingon')).toBeUndefined();
  });
});

describe('termLabel', () => {
  it('gives the label of a code in either language', () => {
    expect(termLabel(COUNTIES, 'more-og-romsdal', 'nb')).toBe('Møre og Romsdal');
    expect(termLabel(SPECIALTIES, 'psychiatry', 'nb')).toBe('Psykiatri');
    expect(termLabel(SPECIALTIES, 'psychiatry', 'en')).toBe('Psychiatry');
    expect(termLabel(LANGUAGES, 'se', 'nb')).toBe('Nordsamisk');
  });

  it('falls back to the value itself for a legacy or unknown value', () => {
    expect(termLabel(LANGUAGES, 'other: Klingon', 'nb')).toBe('other: Klingon');
    expect(termLabel(COUNTIES, 'Psykiatri', 'en')).toBe('Psykiatri');
  });
});

describe('isOtherValue', () => {
  it('recognises a kept legacy value by its prefix only', () => {
    expect(isOtherValue('other: Klingon')).toBe(true);
    expect(isOtherValue('other:Klingon')).toBe(false);
    expect(isOtherValue('Other: Klingon')).toBe(false);
    expect(isOtherValue('psychiatry')).toBe(false);
  });
});
