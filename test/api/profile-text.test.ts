/**
 * Issue 15 item 11: profile text with invisible or direction-changing code
 * points (`\p{Cf}` and other blanks) is refused with `400
 * invisible_characters` naming the field, at registration and in `PATCH /me`;
 * emoji presentation selectors stay allowed (docs/protocol.md, "Invisible
 * characters in profile text").
 */
import { afterEach, describe, expect, it } from 'vitest';
import { hasInvisibleCharacters } from '../../src/wire/profile-text.ts';
import { joinSupporter, register, registrationFor } from '../support/actors.ts';
import { expectError } from '../support/expect-error.ts';
import { createHarness, type Harness } from '../support/harness.ts';

let harness: Harness;
afterEach(() => harness?.dispose());

/** Each hides in `Kari<char>Nordmann`: nothing shows, or the text reads differently. */
const INVISIBLE: [string, string][] = [
  ['\u202E', 'right-to-left override'],
  ['\u202A', 'left-to-right embedding'],
  ['\u2066', 'left-to-right isolate'],
  ['\u2069', 'pop directional isolate'],
  ['\u200E', 'left-to-right mark'],
  ['\u200F', 'right-to-left mark'],
  ['\u200B', 'zero-width space'],
  ['\u200C', 'zero-width non-joiner'],
  ['\u200D', 'zero-width joiner'],
  ['\u2060', 'word joiner'],
  ['\u2064', 'invisible plus'],
  ['\uFEFF', 'zero-width no-break space'],
  ['\u00AD', 'soft hyphen'],
  ['\u061C', 'Arabic letter mark'],
  ['\u180E', 'Mongolian vowel separator'],
  ['\u{E0041}', 'tag latin capital A'],
  ['\u2028', 'line separator'],
  ['\u2029', 'paragraph separator'],
  ['\u3164', 'Hangul filler'],
  ['\u115F', 'Hangul choseong filler'],
  ['\u2800', 'braille blank'],
  ['\u034F', 'combining grapheme joiner'],
  ['\u{E0100}', 'variation selector 17'],
];

describe('invisible characters in profile text', () => {
  it('the shared rule finds each of them and passes ordinary Norwegian text and emoji presentation', () => {
    for (const [char, what] of INVISIBLE) {
      expect(hasInvisibleCharacters(`Kari${char}Nordmann`), what).toBe(true);
    }
    for (const text of ['Kari Nordmann', 'Ærlig Øystein Åsen', 'Tromsø', 'Hei ❤️ 👋🏽', 'a\nb']) {
      expect(hasInvisibleCharacters(text), text).toBe(false);
    }
  });

  it('registration refuses each in name, town and about with 400 invisible_characters naming the field, and spends no invite', async () => {
    harness = await createHarness();
    const registration = await registrationFor(harness);
    for (const [char, what] of INVISIBLE) {
      for (const field of ['name', 'town', 'about'] as const) {
        const response = await register(harness, {
          ...registration.body,
          profile: { ...registration.body.profile, [field]: `Kari${char}Nordmann` },
        });
        expectError(response, 400, 'invisible_characters');
        expect(response.body.error.message, `${what} in ${field}`).toMatch(
          new RegExp(`^profile\\.${field}: `),
        );
        expect(response.text).not.toContain('Kari');
      }
    }
    expect((await register(harness, registration.body)).status).toBe(201);
  });

  it('PATCH /me refuses a right-to-left override in the name and changes nothing', async () => {
    harness = await createHarness();
    const kari = await joinSupporter(harness);
    const before = await harness.request('GET', '/api/v1/me', { token: kari.token });
    for (const body of [
      { town: 'Voss', name: 'Kari \u202Eesrepmi' },
      { profile: { town: 'Vo\u200Bss' } },
      { about: 'Line one\n\u2066hidden\u2069' },
      { languages: ['nb', 'e\u200Dn'] },
    ]) {
      const response = await kari.update(body);
      expectError(response, 400, 'invisible_characters');
      const field = Object.keys('profile' in body ? body.profile : body).at(-1);
      expect(response.body.error.message).toContain(`${field}`);
    }
    const after = await harness.request('GET', '/api/v1/me', { token: kari.token });
    expect(after.body).toEqual(before.body);
  });

  it('accepts emoji with their presentation selector and a line break in about', async () => {
    harness = await createHarness();
    const kari = await joinSupporter(harness);
    const response = await kari.update({ name: 'Kari ❤️', about: 'Hei 👋🏽\nVelkommen ☕️' });
    expect(response.status, response.text).toBe(200);
    expect(response.body).toMatchObject({ name: 'Kari ❤️', about: 'Hei 👋🏽\nVelkommen ☕️' });
  });
});
