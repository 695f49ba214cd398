/**
 * Migration 0006 (free-text profile values to vocabulary codes) on D1 inside
 * workerd, as `wrangler d1 migrations apply` runs it: the same mapping as on
 * libSQL (test/api/upgrade-vocabulary.test.ts). The setup file has applied
 * every migration to an empty database, so the test stores old-style rows
 * and runs 0006's statements over them again.
 */
import { env } from 'cloudflare:workers';
import { expect, it } from 'vitest';

it('maps labels in any case to codes, keeps the rest as "other: …" and drops duplicates on D1', async () => {
  const migration = env.TEST_MIGRATIONS.find((m) => m.name.startsWith('0006_'));
  expect(migration?.queries.length).toBe(3);
  await env.DB.prepare(
    `insert into supporters (id, login, name, county, town, specialties, languages, modalities,
      box_public_key, vault_salt, vault_opslimit, vault_memlimit, vault_ciphertext,
      auth_key_hash, created_hour)
    values ('sup-free', 'sup-free', 'Ola', 'MØRE OG ROMSDAL', 'Ålesund', ?, ?, '["phone"]',
      'pk', 'salt', 3, 67108864, 'vault', 'auth', 0)`,
  )
    .bind(
      JSON.stringify(['Psykiatri', 'psychiatry', 'Klingon medicine', 'ALLMENNMEDISIN']),
      JSON.stringify(['Norsk', 'Klingon', 'ENGELSK', 'english', 'Klingon']),
    )
    .run();
  for (const query of migration?.queries ?? []) await env.DB.prepare(query).run();
  const row = await env.DB.prepare(
    "select county, specialties, languages from supporters where id = 'sup-free'",
  ).first<{ county: string; specialties: string; languages: string }>();
  expect({
    county: row?.county,
    specialties: JSON.parse(row?.specialties ?? 'null'),
    languages: JSON.parse(row?.languages ?? 'null'),
  }).toEqual({
    county: 'more-og-romsdal',
    specialties: ['psychiatry', 'other: Klingon medicine', 'general-practice'],
    languages: ['no', 'other: Klingon', 'en'],
  });
});
