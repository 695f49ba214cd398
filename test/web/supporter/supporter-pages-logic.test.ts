/**
 * The supporter pages' plain logic: what a refused invite check means, the
 * vocabulary as the pages offer it (labels in the page's language, sorted
 * as that language sorts, a legacy value shown as it is), and the strength
 * estimate knowing a word list only once it is loaded.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { RelayError } from '../../../web/src/api.ts';
import { lang } from '../../../web/src/i18n/index.ts';
import { assessPassphrase, registerWordList } from '../../../web/src/supporter/passphrase.ts';
import { refusedInvite } from '../../../web/src/supporter/use-invite.ts';
import { WORDS as NB_WORDS } from '../../../web/src/supporter/word-list-nb.ts';
import { COUNTIES, isCode, label, options, SPECIALTIES } from '../../../web/src/ui/vocabulary.ts';

afterEach(() => {
  lang.value = 'en';
});

describe('a refused invite check', () => {
  it('says used, expired or unknown from the relay’s code, and nothing for other failures', () => {
    expect(refusedInvite(new RelayError(410, 'invite_used', ''))).toBe('used');
    expect(refusedInvite(new RelayError(410, 'invite_expired', ''))).toBe('expired');
    expect(refusedInvite(new RelayError(404, 'invite_not_found', ''))).toBe('unknown');
    expect(refusedInvite(new RelayError(400, 'bad_encoding', ''))).toBe('unknown');
    expect(refusedInvite(new RelayError(410, 'gone', ''))).toBe('used');
    // A relay that cannot be reached, or one without the check: the form is shown.
    expect(refusedInvite(new RelayError(0, 'network', ''))).toBeNull();
    expect(refusedInvite(new RelayError(404, 'not_found', ''))).toBeNull();
    expect(refusedInvite(new Error('x'))).toBeNull();
  });
});

describe('the vocabulary on the pages', () => {
  it('labels terms in the page’s language and sorts them as it sorts', () => {
    lang.value = 'nb';
    const nb = options(SPECIALTIES);
    expect(nb.find((option) => option.code === 'psychiatry')?.label).toBe('Psykiatri');
    const labels = nb.map((option) => option.label);
    expect(labels).toEqual([...labels].sort((a, b) => a.localeCompare(b, 'nb')));
    lang.value = 'en';
    expect(options(SPECIALTIES).find((option) => option.code === 'psychiatry')?.label).toBe(
      'Psychiatry',
    );
    expect(options(COUNTIES)).toHaveLength(15);
  });

  it('shows a legacy value as it is', () => {
    expect(isCode(COUNTIES, 'vestland')).toBe(true);
    expect(isCode(COUNTIES, 'other: Svalbard')).toBe(false);
    expect(label(COUNTIES, 'other: Svalbard')).toBe('other: Svalbard');
    lang.value = 'nb';
    expect(label(COUNTIES, 'more-og-romsdal')).toBe('Møre og Romsdal');
  });
});

describe('the strength estimate and the Norwegian list', () => {
  it('counts six Norwegian list words as 72 bits once the list is registered', () => {
    const phrase = NB_WORDS.slice(100, 106).join(' ');
    registerWordList(NB_WORDS);
    const assessment = assessPassphrase(phrase);
    expect(assessment.acceptable).toBe(true);
    expect(assessment.bits).toBeGreaterThanOrEqual(72);
  });
});
