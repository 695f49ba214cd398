/**
 * PROTOCOL.md §12 on the relay: `GET /api/v1/vocabulary`; profiles that take
 * a code or either label in any case and store codes once each; `400
 * unknown_value` naming the field (and not echoing the value); directory
 * filters that resolve the same way and match no one for an unknown value;
 * legacy `other: …` values kept (docs/protocol.md §11).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { COUNTIES, LANGUAGES, SPECIALTIES } from '../../src/wire/vocabulary.ts';
import { joinSupporter, register, registrationFor, type Supporter } from '../support/actors.ts';
import { query } from '../support/database.ts';
import { expectError } from '../support/expect-error.ts';
import { createHarness, type Harness } from '../support/harness.ts';
import { NOT_STORED } from '../support/headers.ts';

let harness: Harness;
afterEach(() => harness?.dispose());

const KEBAB_CASE = /^[a-z]+(?:-[a-z]+)*$/;

async function directoryIds(query: string): Promise<string[]> {
  const response = await harness.request('GET', `/api/v1/supporters?${query}`);
  expect(response.status, response.text).toBe(200);
  return response.body.supporters.map((s: { id: string }) => s.id).sort();
}

describe('GET /api/v1/vocabulary', () => {
  it('lists counties, specialties and languages as {code, nb, en}, to anyone, cacheable', async () => {
    harness = await createHarness();
    const response = await harness.request('GET', '/api/v1/vocabulary');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toMatch(/^application\/json/);
    expect(response.headers.get('Cache-Control')).toBe('public, max-age=3600, no-transform');
    expect(response.headers.get('Set-Cookie')).toBeNull();
    expect(Object.keys(response.body).sort()).toEqual(['counties', 'languages', 'specialties']);
    expect(response.body).toStrictEqual({
      counties: COUNTIES.map((term) => ({ ...term })),
      specialties: SPECIALTIES.map((term) => ({ ...term })),
      languages: LANGUAGES.map((term) => ({ ...term })),
    });
    expect(response.body.counties).toHaveLength(15);
  });

  it('gives every term a lowercase ASCII kebab-case code, unique within its list', async () => {
    harness = await createHarness();
    const { body } = await harness.request('GET', '/api/v1/vocabulary');
    for (const list of [body.counties, body.specialties, body.languages]) {
      const codes = list.map((term: { code: string }) => term.code);
      for (const code of codes) expect(code).toMatch(KEBAB_CASE);
      expect(new Set(codes).size).toBe(codes.length);
      for (const term of list) expect(Object.keys(term).sort()).toEqual(['code', 'en', 'nb']);
    }
  });

  it('answers another method with 405, not cacheable', async () => {
    harness = await createHarness();
    const response = await harness.request('POST', '/api/v1/vocabulary', { body: {} });
    expectError(response, 405, 'method_not_allowed');
    expect(response.headers.get('Cache-Control')).toBe(NOT_STORED);
  });
});

describe('profile values from the vocabulary', () => {
  const spelled = {
    county: ' MØRE OG ROMSDAL ',
    specialties: ['Psykiatri', 'psychiatry', 'ALLMENNMEDISIN', 'PSYCHIATRY'],
    languages: ['Norsk bokmål', 'nb', 'English', 'engelsk'],
  };
  const asCodes = {
    county: 'more-og-romsdal',
    specialties: ['psychiatry', 'general-practice'],
    languages: ['nb', 'en'],
  };

  it('registers a code or either label in any case, and stores each code once, in first-given order', async () => {
    harness = await createHarness();
    const kari = await joinSupporter(harness, { profile: spelled });
    const me = await harness.request('GET', '/api/v1/me', { token: kari.token });
    expect(me.body).toMatchObject(asCodes);
    const entry = await harness.request('GET', `/api/v1/supporters/${kari.id}`);
    expect(entry.body).toMatchObject(asCodes);
    const [row] = await query(harness, 'select county, specialties, languages from supporters');
    expect(row).toEqual({
      county: 'more-og-romsdal',
      specialties: '["psychiatry","general-practice"]',
      languages: '["nb","en"]',
    });
  });

  it('changes them the same way with PATCH /me, at the top level or under profile', async () => {
    harness = await createHarness();
    const kari = await joinSupporter(harness);
    const top = await kari.update(spelled);
    expect(top.status, top.text).toBe(200);
    expect(top.body).toMatchObject(asCodes);
    const nested = await kari.update({ profile: { county: 'Trøndelag', languages: ['SE'] } });
    expect(nested.body).toMatchObject({ county: 'trondelag', languages: ['se'] });
  });

  it('refuses a value that is no term with 400 unknown_value naming the field, without echoing it, and spends no invite', async () => {
    harness = await createHarness();
    const registration = await registrationFor(harness);
    const withProfile = (profile: object) => ({
      ...registration.body,
      profile: { ...registration.body.profile, ...profile },
    });
    const refusals: [object, string][] = [
      [{ county: 'Narnia' }, 'county: not a known county.'],
      [{ specialties: ['psychiatry', 'Narnia medicine'] }, 'specialties.1: not a known specialty.'],
      [{ languages: ['Narnian'] }, 'languages.0: not a known language.'],
      // No one can bring a new legacy value.
      [{ languages: ['nb', 'other: Narnian'] }, 'languages.1: not a known language.'],
    ];
    for (const [profile, start] of refusals) {
      const response = await register(harness, withProfile(profile));
      expectError(response, 400, 'unknown_value');
      expect(response.body.error.message.startsWith(start), response.text).toBe(true);
      expect(response.text).not.toContain('Narnia');
    }
    // The invite is still good for a valid profile.
    expect((await register(harness, registration.body)).status).toBe(201);
  });

  it('refuses an unknown value in PATCH /me and changes nothing, not even the valid fields beside it', async () => {
    harness = await createHarness();
    const kari = await joinSupporter(harness);
    const before = await harness.request('GET', '/api/v1/me', { token: kari.token });
    for (const body of [
      { town: 'Voss', county: 'Narnia' },
      { town: 'Voss', profile: { specialties: ['Narnia medicine'] } },
      { town: 'Voss', languages: ['nb', 'Narnian'] },
    ]) {
      const response = await kari.update(body);
      expectError(response, 400, 'unknown_value');
      expect(response.text).not.toContain('Narnia');
    }
    expect((await harness.request('GET', '/api/v1/me', { token: kari.token })).body).toEqual(
      before.body,
    );
  });
});

describe('directory filters from the vocabulary', () => {
  async function twoSupporters() {
    const kari = await joinSupporter(harness);
    const ola = await joinSupporter(harness, {
      profile: { county: 'oslo', specialties: ['general-practice'], languages: ['nb', 'pl'] },
    });
    return { kari, ola };
  }

  it('match by code or either label, in any case', async () => {
    harness = await createHarness();
    const { kari, ola } = await twoSupporters();
    expect(await directoryIds('specialty=Psykiatri')).toEqual([kari.id]);
    expect(await directoryIds('specialty=GENERAL%20PRACTICE')).toEqual([ola.id]);
    expect(await directoryIds('specialty=general-practice')).toEqual([ola.id]);
    expect(await directoryIds('language=Polsk')).toEqual([ola.id]);
    expect(await directoryIds('language=norwegian%20bokm%C3%A5l')).toEqual(
      [kari.id, ola.id].sort(),
    );
    expect(await directoryIds('county=VESTLAND&language=English')).toEqual([kari.id]);
  });

  it('match no one, with 200, for a value that is no term, even beside filters that match', async () => {
    harness = await createHarness();
    await twoSupporters();
    for (const filter of ['county=Narnia', 'specialty=Narnia', 'language=xx', 'county=Vest']) {
      const response = await harness.request('GET', `/api/v1/supporters?${filter}`);
      expect(response.status).toBe(200);
      expect(response.body).toStrictEqual({ supporters: [] });
    }
    expect(await directoryIds('county=Vestland&specialty=Narnia')).toEqual([]);
  });
});

describe('legacy values kept as "other: …"', () => {
  /** A supporter whose stored profile holds what migration 0006 keeps of free text. */
  async function legacySupporter(): Promise<Supporter> {
    const kari = await joinSupporter(harness);
    await query(
      harness,
      `update supporters set county = 'other: Svalbard',
        languages = '["nb", "other: Klingon"]' where id = ?`,
      [kari.id],
    );
    return kari;
  }

  it('are listed by the directory as stored, and kept by a PATCH that leaves the field alone', async () => {
    harness = await createHarness();
    const kari = await legacySupporter();
    const entry = await harness.request('GET', `/api/v1/supporters/${kari.id}`);
    expect(entry.body).toMatchObject({
      county: 'other: Svalbard',
      languages: ['nb', 'other: Klingon'],
    });
    const patched = await kari.update({ town: 'Longyearbyen', specialties: ['Psykiatri'] });
    expect(patched.status, patched.text).toBe(200);
    expect(patched.body).toMatchObject({
      town: 'Longyearbyen',
      county: 'other: Svalbard',
      languages: ['nb', 'other: Klingon'],
    });
  });

  it('are accepted back unchanged, and may be dropped, but never added or altered', async () => {
    harness = await createHarness();
    const kari = await legacySupporter();
    const same = await kari.update({
      county: 'other: Svalbard',
      languages: ['other: Klingon', 'English', 'nb'],
    });
    expect(same.status, same.text).toBe(200);
    expect(same.body).toMatchObject({
      county: 'other: Svalbard',
      languages: ['other: Klingon', 'en', 'nb'],
    });
    for (const body of [
      { county: 'other: Jan Mayen' },
      { county: 'other: svalbard' },
      { languages: ['nb', 'other: Klingon', 'other: Vulcan'] },
      // Another field's legacy value is not this field's.
      { specialties: ['other: Svalbard'] },
    ]) {
      expectError(await kari.update(body), 400, 'unknown_value');
    }
    const dropped = await kari.update({ county: 'Vestland', languages: ['nb'] });
    expect(dropped.body).toMatchObject({ county: 'vestland', languages: ['nb'] });
    expectError(await kari.update({ county: 'other: Svalbard' }), 400, 'unknown_value');
  });

  it('match no directory filter, not even their own text', async () => {
    harness = await createHarness();
    await legacySupporter();
    expect(await directoryIds('county=other%3A%20Svalbard')).toEqual([]);
    expect(await directoryIds('language=Klingon')).toEqual([]);
  });
});
