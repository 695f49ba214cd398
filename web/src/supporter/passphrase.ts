/**
 * @module
 * Choosing a supporter passphrase: a generator of random five-word
 * passphrases and a strength estimate that refuses weak ones.
 *
 * The passphrase is the only thing between a stolen copy of the relay's
 * database and a supporter's secret key (the vault is Argon2id-protected, so
 * an attacker can only guess offline). The estimate is deliberately simple and
 * conservative rather than clever: it splits the passphrase into words, digits
 * and symbols, charges each part what an attacker who knows common habits
 * would pay to guess it, and asks for {@link REQUIRED_BITS} in total.
 * It explains every refusal, so a supporter learns what to change.
 */

/** Bits a passphrase must be estimated to carry before it is accepted. */
export const REQUIRED_BITS = 60;
/** Words in a suggested English passphrase: 5 × log2(7772) ≈ 64.6 bits. */
export const SUGGESTED_WORDS = 5;

/**
 * The word lists the page has loaded ({@link ./word-lists}), each word with
 * what it is worth when drawn at random from its list (log2 of its size).
 * Words of a loaded list score as list words; the lists are loaded only
 * when the passphrase field is used, so the estimate knows them by then.
 */
const listWordBits = new Map<string, number>();

/** Makes the estimate count `words` as a list each of whose words carries log2(length) bits. */
export function registerWordList(words: readonly string[]): void {
  const bits = Math.log2(words.length);
  for (const word of words) listWordBits.set(word, Math.max(bits, listWordBits.get(word) ?? 0));
}

/** Why a passphrase scored low. Each has a sentence in the catalogues. */
export type PassphraseProblem = 'empty' | 'short' | 'common' | 'personal' | 'repeated' | 'sequence';

export interface PassphraseAssessment {
  /** Estimated bits of entropy, rounded down. */
  bits: number;
  /** Whether the passphrase may be used: at least {@link REQUIRED_BITS}, and not a famous phrase. */
  acceptable: boolean;
  /** 0 (very weak) to 4 (very strong), for the meter. */
  level: 0 | 1 | 2 | 3 | 4;
  /** What lowered the estimate, most important first, without repeats. */
  problems: PassphraseProblem[];
}

/**
 * A uniformly random integer in `[0, bound)` from `crypto.getRandomValues`,
 * by rejection sampling: values in the incomplete last block of 2^32 are
 * drawn again, so no index is more likely than another (no modulo bias).
 */
export function randomIndex(bound: number): number {
  if (!Number.isInteger(bound) || bound < 1 || bound > 2 ** 32) {
    throw new RangeError(`bound must be an integer from 1 to 2^32, got ${bound}`);
  }
  const limit = 2 ** 32 - (2 ** 32 % bound);
  const buffer = new Uint32Array(1);
  for (;;) {
    crypto.getRandomValues(buffer);
    const value = buffer[0] ?? 0;
    if (value < limit) return value % bound;
  }
}

/**
 * A passphrase of `count` words drawn at random from `words`, joined by
 * single spaces.
 *
 * @example
 * suggestPassphrase(WORDS); // e.g. 'unstable gravel sermon eskimo plunging'
 */
export function suggestPassphrase(words: readonly string[], count = SUGGESTED_WORDS): string {
  // Words that are also common passwords ("dragon", "secret") would be
  // scored low by guessers and by assessPassphrase, so they are never drawn.
  let suggestible = suggestibleOf.get(words);
  if (!suggestible) {
    suggestible = words.filter((word) => !COMMON.has(word));
    suggestibleOf.set(words, suggestible);
  }
  // No word twice: a repeat is easy to guess and hard to remember apart.
  // (This costs under 0.001 bits of the ~64.)
  const chosen: string[] = [];
  while (chosen.length < count) {
    const word = suggestible[randomIndex(suggestible.length)] ?? '';
    if (!chosen.includes(word)) chosen.push(word);
  }
  return chosen.join(' ');
}

const suggestibleOf = new WeakMap<readonly string[], readonly string[]>();

/** The bits a word of a loaded list is worth, or 0 for a word of no list. */
function listBits(word: string): number {
  return listWordBits.get(word) ?? 0;
}

// Passwords and phrases that appear at the top of every leaked-password list,
// in English and Norwegian, written without digits or separators (leetspeak is
// undone before comparing). Guessers try these first, whatever surrounds them.
const COMMON = new Set([
  'password',
  'passord',
  'passwort',
  'pass',
  'qwerty',
  'azerty',
  'letmein',
  'welcome',
  'velkommen',
  'iloveyou',
  'jegelskerdeg',
  'admin',
  'administrator',
  'login',
  'monkey',
  'dragon',
  'master',
  'secret',
  'hemmelig',
  'sunshine',
  'princess',
  'football',
  'fotball',
  'baseball',
  'summer',
  'sommer',
  'winter',
  'vinter',
  'norge',
  'norway',
  'trustno',
  'changeme',
  'test',
  'abc',
  'doctor',
  'lege',
  'hello',
  'hei',
]);

// Famous "example" passphrases, as letters only.
const FAMOUS_PHRASES = new Set([
  'correcthorsebatterystaple',
  'correcthorse',
  'thequickbrownfoxjumpsoverthelazydog',
  'tobeornottobe',
  'opensesame',
  'maytheforcebewithyou',
  'ilovedeg',
]);

const SEQUENCES = [
  'abcdefghijklmnopqrstuvwxyzæøå',
  '01234567890',
  'qwertyuiopå',
  'asdfghjkløæ',
  'zxcvbnm',
];

const LEET: Record<string, string> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '@': 'a',
  $: 's',
  '!': 'i',
};

function unLeet(text: string): string {
  return text.replace(/[013457@$!]/g, (character) => LEET[character] ?? character);
}

function isSequence(text: string): boolean {
  if (text.length < 3) return false;
  return SEQUENCES.some((sequence) => {
    const reversed = [...sequence].reverse().join('');
    return sequence.includes(text) || reversed.includes(text);
  });
}

function isRepetition(text: string): boolean {
  // "aaaa", "abab", "123123": a short unit repeated to fill the whole part.
  return text.length >= 3 && /^(.{1,3})\1+$/u.test(text);
}

function symbolPool(text: string): number {
  let pool = 0;
  if (/\p{Ll}/u.test(text)) pool += 26;
  if (/\p{Lu}/u.test(text)) pool += 26;
  if (/\p{N}/u.test(text)) pool += 10;
  if (/[^\p{L}\p{N}]/u.test(text)) pool += 33;
  return Math.max(pool, 10);
}

/** The most a word of no loaded list may be worth: that of a word of the English list. */
const OTHER_WORD_BITS = Math.log2(7772);

interface PartScore {
  bits: number;
  problem?: PassphraseProblem;
}

/** Bits of one run of letters, of digits or of other characters. */
function scorePart(part: string, personal: ReadonlySet<string>): PartScore {
  const lower = part.toLowerCase();
  const wordBits = listBits(lower);
  const listed = wordBits > 0 && !COMMON.has(lower);
  if (!listed && isRepetition(lower)) {
    return { bits: Math.log2(part.length * symbolPool(part)), problem: 'repeated' };
  }
  if (!listed && isSequence(lower))
    return { bits: Math.log2(part.length * 26), problem: 'sequence' };
  if (/^\p{N}+$/u.test(part)) {
    // Numbers people choose are years, dates and PINs: half the digits' worth.
    return { bits: Math.min(part.length * Math.log2(10) * 0.5, 20) };
  }
  if (/^\p{L}+$/u.test(part)) {
    // Capitals: the first letter is a habit (1 bit); others add a bit each.
    const capitals = [...part.slice(1)].filter((c) => c !== c.toLowerCase()).length;
    const caseBits = (part[0] !== lower[0] ? 1 : 0) + capitals;
    if (personal.has(lower)) return { bits: 1, problem: 'personal' };
    if (COMMON.has(lower) || COMMON.has(unLeet(lower))) return { bits: 3, problem: 'common' };
    if (listed) return { bits: wordBits + caseBits };
    // Other words: short ones come from a small vocabulary.
    return { bits: Math.min(OTHER_WORD_BITS, part.length * 1.8) + caseBits };
  }
  // Symbols: a separator or two at the end is a habit, not randomness.
  return { bits: Math.min(part.length * Math.log2(33) * 0.5, 10) };
}

/** Bits of one token (what lies between spaces and common separators). */
function scoreToken(token: string, personal: ReadonlySet<string>): PartScore[] {
  const lower = token.toLowerCase();
  // The word inside decoration: "P@ssw0rd!" → "password", "kari1975" → "kari".
  const core = lower.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
  const skeleton = unLeet(core).replace(/[^\p{L}]/gu, '');
  const bare = core.replace(/[^\p{L}]/gu, '');
  if (
    personal.has(lower) ||
    [skeleton, bare].some((word) => word.length >= 3 && personal.has(word))
  ) {
    return [{ bits: 1, problem: 'personal' }];
  }
  if ([skeleton, bare].some((word) => word.length >= 3 && COMMON.has(word))) {
    // "Passw0rd", "password123!": the common word plus a little decoration.
    const decoration = lower.length - skeleton.length;
    return [{ bits: 3 + Math.min(decoration * 2, 8), problem: 'common' }];
  }
  const parts = token.match(/\p{L}+|\p{N}+|[^\p{L}\p{N}]+/gu) ?? [];
  if (parts.length > 3 && /\p{L}/u.test(token) && /[^\p{L}]/u.test(token)) {
    // Many short runs of mixed classes look random: charge per character.
    const bits = token.length * Math.log2(symbolPool(token)) * 0.7;
    return [isRepetition(lower) ? { bits: 4, problem: 'repeated' } : { bits }];
  }
  return parts.map((part) => scorePart(part, personal));
}

/**
 * Estimate how hard a passphrase is to guess.
 *
 * `personal` are things an attacker would try first for this person (login,
 * name, e-mail, town); a passphrase word equal to one of them counts for
 * almost nothing.
 *
 * @example
 * assessPassphrase('password123').acceptable; // false, problems ['common']
 * assessPassphrase(suggestPassphrase(WORDS)).acceptable; // true (WORDS registered)
 */
export function assessPassphrase(
  passphrase: string,
  personal: readonly string[] = [],
): PassphraseAssessment {
  const text = passphrase.normalize('NFKC').trim();
  if (text === '') return { bits: 0, acceptable: false, level: 0, problems: ['empty'] };
  const personalWords = new Set(
    personal
      .flatMap((entry) => entry.toLowerCase().split(/[^\p{L}\p{N}]+/u))
      .filter((word) => word.length >= 3),
  );
  const problems = new Set<PassphraseProblem>();
  const letters = text.toLowerCase().replace(/[^\p{L}]/gu, '');
  if (FAMOUS_PHRASES.has(letters) || FAMOUS_PHRASES.has(unLeet(letters))) {
    return { bits: 5, acceptable: false, level: 0, problems: ['common'] };
  }
  const tokens = text.split(/[\s\-_.,;:+/]+/u).filter((token) => token !== '');
  const seen = new Set<string>();
  let bits = 0;
  for (const token of tokens) {
    const key = token.toLowerCase();
    if (seen.has(key)) {
      // The same word again is one decision ("repeat it"), about one bit.
      bits += 1;
      problems.add('repeated');
      continue;
    }
    seen.add(key);
    for (const part of scoreToken(token, personalWords)) {
      bits += part.bits;
      if (part.problem) problems.add(part.problem);
    }
  }
  const rounded = Math.floor(bits);
  const acceptable = rounded >= REQUIRED_BITS;
  if (!acceptable) problems.add('short');
  const level =
    rounded >= 80 ? 4 : rounded >= REQUIRED_BITS ? 3 : rounded >= 40 ? 2 : rounded >= 20 ? 1 : 0;
  // The specific causes first, "too short" last: they say what to change.
  const ordered = [...problems].sort((a, b) => (a === 'short' ? 1 : 0) - (b === 'short' ? 1 : 0));
  return { bits: rounded, acceptable, level, problems: acceptable ? [] : ordered };
}
