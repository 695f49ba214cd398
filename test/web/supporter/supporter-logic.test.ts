/**
 * The supporter pages' own logic, without a browser: the passphrase word
 * list, generator and strength estimate, grouping of conversations and
 * local retention, and the reply template's placeholder check.
 */
import '../../../web/src/i18n/supporter';
import { describe, expect, it } from 'vitest';
import { supporterEn } from '../../../web/src/i18n/supporter.en.ts';
import { supporterNb } from '../../../web/src/i18n/supporter.nb.ts';
import type { DoctorMessage, Reply } from '../../../web/src/protocol/index.ts';
import {
  type Entry,
  entryFromRecord,
  entryRecord,
  groupConversations,
  latestPrefs,
  legacySource,
  retentionFromArchive,
} from '../../../web/src/supporter/conversations.ts';
import {
  assessPassphrase,
  REQUIRED_BITS,
  randomIndex,
  registerWordList,
  suggestPassphrase,
} from '../../../web/src/supporter/passphrase.ts';
import { hasPlaceholder, replyTemplate } from '../../../web/src/supporter/reply-template.ts';
import { WORDS } from '../../../web/src/supporter/word-list.ts';
import { NB_SUGGESTED_WORDS, WORDS as NB_WORDS } from '../../../web/src/supporter/word-list-nb.ts';

// The page registers a list once it loads it (web/src/supporter/word-lists.ts).
registerWordList(WORDS);
registerWordList(NB_WORDS);

describe('the passphrase word list', () => {
  it('holds thousands of distinct, plain lower-case words', () => {
    expect(WORDS.length).toBeGreaterThanOrEqual(7000);
    expect(new Set(WORDS).size).toBe(WORDS.length);
    expect(WORDS.every((word) => /^[a-z]{3,9}$/.test(word))).toBe(true);
    expect(WORDS).toContain('abacus');
    expect(WORDS).toContain('zoom');
  });
});

describe('random choice without modulo bias', () => {
  it('stays within the bound and reaches every value', () => {
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const value = randomIndex(7);
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(7);
      seen.add(value);
    }
    expect(seen.size).toBe(7);
    expect(randomIndex(1)).toBe(0);
    expect(() => randomIndex(0)).toThrow(RangeError);
  });

  it('draws values from the rejected tail again rather than folding them', () => {
    // With bound 3, 2^32 mod 3 = 1: the single value 2^32 - 1 must be redrawn.
    const original = crypto.getRandomValues.bind(crypto);
    const draws = [0xffffffff, 5];
    crypto.getRandomValues = (<T extends ArrayBufferView | null>(array: T): T => {
      (array as unknown as Uint32Array)[0] = draws.shift() ?? 0;
      return array;
    }) as typeof crypto.getRandomValues;
    try {
      expect(randomIndex(3)).toBe(2);
      expect(draws).toEqual([]);
    } finally {
      crypto.getRandomValues = original;
    }
  });
});

describe('the Norwegian word list', () => {
  it('has 4096 different plain lower-case words of 4 to 8 letters, so six carry 72 bits', () => {
    expect(NB_WORDS).toHaveLength(4096);
    expect(new Set(NB_WORDS).size).toBe(NB_WORDS.length);
    expect(NB_WORDS.every((word) => /^[a-z]{4,8}$/.test(word))).toBe(true);
    expect(NB_SUGGESTED_WORDS * Math.log2(NB_WORDS.length)).toBeGreaterThanOrEqual(70);
    for (const word of ['frykt', 'fjell', 'vann', 'skog', 'stein'])
      expect(NB_WORDS).toContain(word);
  });

  it('gives six different words, always strong enough', () => {
    for (let i = 0; i < 300; i++) {
      const words = suggestPassphrase(NB_WORDS, NB_SUGGESTED_WORDS).split(' ');
      expect(new Set(words).size).toBe(6);
      for (const word of words) expect(NB_WORDS).toContain(word);
      expect(assessPassphrase(words.join(' ')).bits).toBeGreaterThanOrEqual(70);
    }
  });
});

describe('suggested passphrases', () => {
  it('are five different words from the list, and always strong enough', () => {
    for (let i = 0; i < 300; i++) {
      const words = suggestPassphrase(WORDS).split(' ');
      expect(words).toHaveLength(5);
      expect(new Set(words).size).toBe(5);
      for (const word of words) expect(WORDS).toContain(word);
      const assessment = assessPassphrase(words.join(' '));
      expect(assessment.acceptable).toBe(true);
      expect(assessment.bits).toBeGreaterThanOrEqual(REQUIRED_BITS);
    }
  });
});

describe('the passphrase strength estimate', () => {
  it.each([
    ['password123', 'common'],
    ['P@ssw0rd!', 'common'],
    ['passord123', 'common'],
    ['correct horse', 'common'],
    ['correct horse battery staple', 'common'],
    ['Correct-Horse-Battery-Staple!', 'common'],
    ['qwertyuiop1234567890', 'sequence'],
    ['aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 'repeated'],
    ['tundra tundra tundra tundra tundra tundra', 'repeated'],
    ['Ingrid Haugen Bergen 1975', 'personal'],
  ])('refuses %j and says why (%s)', (passphrase, problem) => {
    const assessment = assessPassphrase(passphrase, ['ingrid', 'Ingrid Haugen', 'Bergen']);
    expect(assessment.acceptable).toBe(false);
    expect(assessment.problems).toContain(problem);
  });

  it('refuses four random words (about 52 bits) and an ordinary sentence', () => {
    expect(assessPassphrase('velvet harbor spindle oatmeal')).toMatchObject({
      acceptable: false,
      problems: ['short'],
    });
    expect(assessPassphrase('my grandmother grew roses in Voss').acceptable).toBe(false);
  });

  it('accepts five random words and a long random string', () => {
    expect(assessPassphrase('velvet harbor spindle oatmeal tundra')).toMatchObject({
      acceptable: true,
      problems: [],
    });
    expect(assessPassphrase('x7#Qp9!kLm2@zR8$').acceptable).toBe(true);
  });

  it('says "empty" for nothing at all, and reads Unicode compatibly (NFKC)', () => {
    expect(assessPassphrase('   ')).toMatchObject({ acceptable: false, problems: ['empty'] });
    expect(assessPassphrase('ｐａｓｓｗｏｒｄ１２３').problems).toContain('common');
  });
});

function received(thread: string, text: string, sentAt: string, storedAt: string): Entry {
  const message: DoctorMessage = {
    v: 1,
    kind: 'first-contact',
    thread,
    text,
    replyTo: { mailboxId: 'm', publicKey: 'k' },
    sentAt,
  };
  return { type: 'received', itemId: `${thread}-${text}`, message, receivedAt: sentAt, storedAt };
}

function sent(thread: string, text: string, sentAt: string, storedAt: string): Entry {
  const reply: Reply = { v: 1, kind: 'reply', thread, text, from: { id: 's', name: 'S' }, sentAt };
  return { type: 'sent', itemId: `${thread}-${text}`, reply, mailboxId: 'm', storedAt };
}

describe('conversations', () => {
  const a1 = received('A', 'first', '2026-11-01T10:00Z', '2026-11-01T10:05:00.000Z');
  const a2 = sent('A', 'reply', '2026-11-01T12:00Z', '2026-11-01T12:00:00.000Z');
  const b1 = received('B', 'other', '2026-11-20T09:00Z', '2026-11-20T09:30:00.000Z');

  it('are grouped by thread, oldest entry first, most recent conversation first', () => {
    const conversations = groupConversations([a2, b1, a1, a1]);
    expect(conversations.map((c) => c.thread)).toEqual(['B', 'A']);
    expect(conversations[1]?.entries).toEqual([a1, a2]);
  });

  it('keep their order within one minute: the first contact, a follow-up, then the reply', () => {
    const minute = '2026-11-05T10:00Z';
    const opening = received('D', 'opening', minute, '2026-11-05T10:00:00.000Z');
    const more = received('D', 'more', minute, '2026-11-05T10:00:00.000Z');
    if (more.type === 'received') more.message = { ...more.message, kind: 'follow-up' };
    const answer = sent('D', 'answer', minute, '2026-11-05T10:00:00.000Z');
    for (const order of [
      [answer, more, opening],
      [more, opening, answer],
    ]) {
      expect(groupConversations(order)[0]?.entries).toEqual([opening, more, answer]);
    }
  });

  it('survive the round trip through a cached record, archived or not', () => {
    expect(entryFromRecord(entryRecord({ entry: a1, archived: true }))).toEqual({
      entry: a1,
      archived: true,
    });
    expect(entryFromRecord(entryRecord({ entry: a2, archived: false }))).toEqual({
      entry: a2,
      archived: false,
    });
    expect(entryFromRecord({ key: 'settings', value: { retentionDays: 30 } })).toBeNull();
    // A record under another key than its own item id is refused.
    expect(entryFromRecord({ key: 'other', value: { ...a1, archived: true } })).toBeNull();
  });

  it('kept before the archive existed are recognised by their relay id, to be uploaded once', () => {
    const { itemId: _itemId, ...old } = a1;
    const legacy = legacySource({ key: 'm:relay-id', value: { ...old, id: 'relay-id' } });
    expect(legacy).toEqual({ source: { message: 'relay-id' }, entry: old });
    const { itemId: _sentId, ...oldReply } = a2;
    expect(
      legacySource({ key: 'r:reply-id', value: { ...oldReply, id: 'reply-id' } })?.source,
    ).toEqual({ reply: 'reply-id' });
    expect(legacySource({ key: 'settings', value: { retentionDays: 30 } })).toBeNull();
    expect(entryFromRecord({ key: 'm:relay-id', value: { ...old, id: 'relay-id' } })).toBeNull();
  });

  it('take the retention of the most recently stored archive item', () => {
    const item = (storedAt: string, expiresAt: string) => ({ storedAt, expiresAt });
    expect(retentionFromArchive([])).toBeNull();
    expect(
      retentionFromArchive([
        item('2026-11-01T10:00:00.000Z', '2026-12-01T10:00:00.000Z'),
        item('2026-11-03T09:00:00.000Z', '2026-11-10T09:00:00.000Z'),
        item('2026-11-02T09:00:00.000Z', '2026-12-02T09:00:00.000Z'),
      ]),
    ).toBe(7);
    // Days outside 1–90 are not a retention anyone chose here.
    expect(
      retentionFromArchive([item('2026-11-01T10:00:00.000Z', '2027-11-01T10:00:00.000Z')]),
    ).toBeNull();
  });

  it('show the latest contact wishes the doctor gave', () => {
    const withPrefs = received('C', 'one', '2026-11-01T10:00Z', '2026-11-01T10:00:00.000Z');
    if (withPrefs.type === 'received') withPrefs.message.prefs = { when: 'mornings' };
    const later = received('C', 'two', '2026-11-02T10:00Z', '2026-11-02T10:00:00.000Z');
    const [conversation] = groupConversations([withPrefs, later]);
    expect(conversation && latestPrefs(conversation)).toEqual({ when: 'mornings' });
  });
});

describe('the reply template', () => {
  it('explains the framework and leaves a placeholder that must be replaced', () => {
    const text = replyTemplate('Kari Nordmann', { modalities: ['phone', 'video'] });
    expect(text).toContain('I am Kari Nordmann');
    expect(text).toContain('not treatment');
    expect(text).toContain('up to three conversations');
    expect(text).toContain('by phone or by video');
    expect(hasPlaceholder(text)).toBe(true);
    expect(hasPlaceholder(text.replace('[write a day and time]', 'Thursday at 19'))).toBe(false);
    expect(hasPlaceholder(`Passer det ${supporterNb['supporter.template.placeholder']}?`)).toBe(
      true,
    );
  });
});

describe('the catalogues', () => {
  it('translate every key into Norwegian, with the same placeholders', () => {
    for (const key of Object.keys(supporterEn) as (keyof typeof supporterEn)[]) {
      const english = supporterEn[key];
      const norwegian = supporterNb[key];
      expect(norwegian, key).toBeTruthy();
      const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(names(norwegian), key).toEqual(names(english));
    }
  });
});
