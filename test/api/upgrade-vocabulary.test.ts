/**
 * Migration 0006 maps the free-text county, specialties and languages that
 * supporters typed before the vocabulary (PROTOCOL.md §12) to codes: a code
 * or a label in any case becomes its code, anything else is kept as
 * `other: <text>`, and each list keeps the first of its duplicates. After the
 * upgrade the relay lists those values as stored and filters by label.
 *
 * As in upgrade.test.ts, the old database is built by drizzle's migrator
 * over the migrations before 0006, and upgraded by `openLibsql`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql';
import { migrate } from 'drizzle-orm/libsql/migrator';
import { afterEach, describe, expect, it } from 'vitest';
import { type LibsqlStore, openLibsql } from '../../src/db/libsql.ts';
import { COUNTIES, LANGUAGES, SPECIALTIES, type Term } from '../../src/wire/vocabulary.ts';
import { randomB64 } from '../support/bytes.ts';
import { createHarness, type Harness } from '../support/harness.ts';
import { copyReleaseMigrations } from '../support/release-migrations.ts';

/** The migrations before the vocabulary (0000–0005). */
const BEFORE_VOCABULARY = 6;

interface OldProfile {
  id: string;
  county: string;
  specialties: string[];
  languages: string[];
}

const temporary: string[] = [];
const open: LibsqlStore[] = [];
let harness: Harness | undefined;

afterEach(() => {
  harness?.dispose();
  harness = undefined;
  for (const store of open.splice(0)) store.close();
  for (const dir of temporary.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temporary.push(dir);
  return dir;
}

/** A database at migration 0005 holding `profiles` as the old release stored them. */
async function oldDatabase(profiles: OldProfile[]): Promise<string> {
  const dir = tempDir('peer-relay-upgrade-');
  const path = join(dir, 'relay.db');
  const client = createClient({ url: `file:${path}` });
  try {
    const migrationsFolder = copyReleaseMigrations(
      BEFORE_VOCABULARY,
      tempDir('peer-relay-migrations-'),
    );
    await migrate(drizzle(client), { migrationsFolder });
    for (const [i, p] of profiles.entries()) {
      await client.execute({
        sql: `insert into supporters (id, login, name, county, town, specialties, languages,
            modalities, box_public_key, vault_salt, vault_opslimit, vault_memlimit,
            vault_ciphertext, auth_key_hash, created_hour)
          values (?, ?, ?, ?, 'Bergen', ?, ?, '["phone"]', ?, 'salt', 3, 67108864, 'vault',
            'auth', 0)`,
        args: [
          p.id,
          p.id,
          `Supporter ${i}`,
          p.county,
          JSON.stringify(p.specialties),
          JSON.stringify(p.languages),
          randomB64(32),
        ],
      });
    }
  } finally {
    client.close();
  }
  return dir;
}

/** Every supporter's county and lists after the upgrade, by id. */
async function upgraded(dir: string): Promise<Map<string, Omit<OldProfile, 'id'>>> {
  const store = await openLibsql(`file:${join(dir, 'relay.db')}`);
  open.push(store);
  const { rows } = await store.client.execute(
    'select id, county, specialties, languages from supporters',
  );
  return new Map(
    rows.map((row) => [
      String(row.id),
      {
        county: String(row.county),
        specialties: JSON.parse(String(row.specialties)),
        languages: JSON.parse(String(row.languages)),
      },
    ]),
  );
}

/** Each code and label of `terms` as someone might have typed it. */
function spellings(terms: readonly Term[]): { text: string; code: string }[] {
  return terms.flatMap((term) =>
    [term.code, term.nb, term.en, term.nb.toUpperCase(), term.en.toLowerCase()].map((text) => ({
      text,
      code: term.code,
    })),
  );
}

describe('migration 0006: free-text profile values to vocabulary codes', () => {
  it('maps labels and codes in any case to codes, keeps the rest as "other: …", and drops duplicates', async () => {
    const dir = await oldDatabase([
      {
        id: 'sup-free',
        county: 'Vestland',
        specialties: ['Psykiatri', 'psychiatry', 'Barne- og ungdomspsykiatri', 'Klingon medicine'],
        languages: ['Norsk', 'nb', 'Klingon', 'ENGELSK', 'english', 'Klingon', 'no'],
      },
      {
        id: 'sup-caps',
        county: 'MØRE OG ROMSDAL',
        specialties: ['ØRE-NESE-HALSSYKDOMMER'],
        languages: ['NORSK BOKMÅL', ' Nordsamisk '],
      },
      { id: 'sup-narnia', county: 'Narnia', specialties: [], languages: ['nb'] },
    ]);
    const after = await upgraded(dir);
    expect(after.get('sup-free')).toEqual({
      county: 'vestland',
      specialties: ['psychiatry', 'child-and-adolescent-psychiatry', 'other: Klingon medicine'],
      languages: ['no', 'nb', 'other: Klingon', 'en'],
    });
    expect(after.get('sup-caps')).toEqual({
      county: 'more-og-romsdal',
      specialties: ['otorhinolaryngology'],
      languages: ['nb', 'se'],
    });
    expect(after.get('sup-narnia')).toEqual({
      county: 'other: Narnia',
      specialties: [],
      languages: ['nb'],
    });
  });

  // A term added to the vocabulary later fails this test by name: its old
  // free-text values are `other: …` until a migration of its own maps them.
  it('agrees with resolveTerm on every code and label of every term', async () => {
    const counties = spellings(COUNTIES);
    const specialties = spellings(SPECIALTIES);
    const languages = spellings(LANGUAGES);
    const dir = await oldDatabase([
      ...counties.map(({ text }, i) => ({
        id: `county-${i}`,
        county: text,
        specialties: [],
        languages: ['nb'],
      })),
      {
        id: 'all-lists',
        county: 'Oslo',
        specialties: specialties.map(({ text }) => text),
        languages: languages.map(({ text }) => text),
      },
    ]);
    const after = await upgraded(dir);
    for (const [i, { text, code }] of counties.entries()) {
      expect(after.get(`county-${i}`)?.county, text).toBe(code);
    }
    expect(after.get('all-lists')).toEqual({
      county: 'oslo',
      specialties: SPECIALTIES.map((term) => term.code),
      languages: LANGUAGES.map((term) => term.code),
    });
  });

  it('leaves a relay that lists the kept values and finds the mapped ones by label', async () => {
    const dir = await oldDatabase([
      {
        id: 'sup-free',
        county: 'Vestland',
        specialties: ['Psykiatri', 'psychiatry'],
        languages: ['Norsk', 'Klingon'],
      },
    ]);
    harness = await createHarness({ dir });
    const entry = await harness.request('GET', '/api/v1/supporters/sup-free');
    expect(entry.status, entry.text).toBe(200);
    expect(entry.body).toMatchObject({
      county: 'vestland',
      specialties: ['psychiatry'],
      languages: ['no', 'other: Klingon'],
    });
    const found = await harness.request(
      'GET',
      '/api/v1/supporters?county=Vestland&specialty=Psykiatri&language=Norsk',
    );
    expect(found.body.supporters.map((s: { id: string }) => s.id)).toEqual(['sup-free']);
  });
});
