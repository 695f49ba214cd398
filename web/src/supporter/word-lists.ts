/**
 * @module
 * The passphrase word list of each page language, loaded only when the
 * passphrase field is used (each list is a script of its own, ~25 kB, that
 * no doctor page and no inbox loads, checked before it runs:
 * ../verified-scripts.ts). A loaded list is registered with the
 * strength estimate, so its words score as list words.
 *
 * - `en`: the EFF large wordlist ({@link ./word-list}), five words, ≈ 64.6 bits.
 * - `nb`: 4,096 common bokmål words from Debian's `wnorwegian`
 *   ({@link ./word-list-nb}), six words, 72 bits.
 */
import type { Language } from '../i18n';
import { importVerified } from '../verified-scripts';
import { registerWordList, SUGGESTED_WORDS } from './passphrase';

export interface WordList {
  language: Language;
  words: readonly string[];
  /** Words in a suggestion from this list. */
  count: number;
}

const loading = new Map<Language, Promise<WordList>>();

async function importList(language: Language): Promise<WordList> {
  if (language === 'nb') {
    const { WORDS, NB_SUGGESTED_WORDS } =
      await importVerified<typeof import('./word-list-nb')>('word-list-nb');
    return { language, words: WORDS, count: NB_SUGGESTED_WORDS };
  }
  const { WORDS } = await importVerified<typeof import('./word-list')>('word-list');
  return { language, words: WORDS, count: SUGGESTED_WORDS };
}

/** The list of `language`, fetched once and registered with the estimate. */
export function loadWordList(language: Language): Promise<WordList> {
  let list = loading.get(language);
  if (!list) {
    list = importList(language).then((loaded) => {
      registerWordList(loaded.words);
      return loaded;
    });
    // A failed load (a flaky connection) may be tried again.
    list.catch(() => loading.delete(language));
    loading.set(language, list);
  }
  return list;
}
