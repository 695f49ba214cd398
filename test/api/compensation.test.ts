/**
 * Compensation counts (GET /api/v1/me/counts and its CSV export): exact
 * first contacts per UTC month across a month boundary on a fake clock,
 * each supporter seeing only their own counts, and nothing but counts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { type Doctor, joinSupporter, newDoctor, type Supporter } from '../support/actors.ts';
import { createHarness, type Harness } from '../support/harness.ts';
import { NOT_STORED } from '../support/headers.ts';

let harness: Harness;
afterEach(() => harness?.dispose());

async function write(doctor: Doctor, supporter: Supporter): Promise<void> {
  await doctor.writeTo(supporter);
}

function counts(supporter: Supporter, path = '/api/v1/me/counts') {
  return harness.request('GET', path, { token: supporter.token });
}

describe('first contacts per month', () => {
  it('counts first contacts per UTC month, not follow-ups, across a month boundary', async () => {
    harness = await createHarness();
    const kari = await joinSupporter(harness);
    const ola = await joinSupporter(harness);
    const [d1, d2, d3, d4, d5, d6, d7] = await Promise.all(
      Array.from({ length: 7 }, () => newDoctor(harness)),
    );
    // 27 November
    await write(d1!, kari);
    await write(d2!, kari);
    await write(d3!, kari);
    await write(d1!, kari); // the same doctor again: a follow-up, not a new conversation
    await write(d4!, ola);
    // Late on 30 November (UTC) still counts for November.
    harness.clock.set('2026-11-30T23:30:00Z');
    await write(d5!, kari);
    // December
    harness.clock.set('2026-12-01T00:10:00Z');
    await write(d6!, kari);
    await write(d2!, kari); // follow-up
    await write(d7!, kari);
    await write(d4!, kari); // ola's doctor writes to kari for the first time

    const kariNow = await kari.logIn();
    const response = await counts(kariNow);
    expect(response.status).toBe(200);
    expect(response.headers.get('Cache-Control')).toBe(NOT_STORED);
    expect(response.body).toEqual({
      months: [
        { month: '2026-11', firstContacts: 4 },
        { month: '2026-12', firstContacts: 3 },
      ],
    });
    expect((await counts(await ola.logIn())).body).toEqual({
      months: [
        { month: '2026-11', firstContacts: 1 },
        { month: '2026-12', firstContacts: 0 },
      ],
    });

    const csv = await counts(kariNow, '/api/v1/me/counts.csv');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('Content-Disposition')).toBe(
      'attachment; filename="peer-relay-first-contacts.csv"',
    );
    expect(csv.text).toBe('month,first_contacts\r\n2026-11,4\r\n2026-12,3\r\n');
  });

  it('lists the last 24 months at most, from the month the supporter joined, with zeros', async () => {
    harness = await createHarness();
    harness.clock.set('2024-01-15T09:00:00Z');
    const kari = await joinSupporter(harness);
    harness.clock.set('2024-06-10T12:00:00Z');
    await write(await newDoctor(harness), kari);
    harness.clock.set('2024-12-31T23:59:00Z');
    await write(await newDoctor(harness), kari);
    harness.clock.set('2026-11-27T14:25:00Z');
    const { months } = (await counts(await kari.logIn())).body;
    expect(months).toHaveLength(24);
    expect(months[0]).toEqual({ month: '2024-12', firstContacts: 1 });
    expect(months.at(-1)).toEqual({ month: '2026-11', firstContacts: 0 });
    expect(
      months.reduce((sum: number, m: { firstContacts: number }) => sum + m.firstContacts, 0),
    ).toBe(1);

    // A supporter who joined this month sees this month only.
    const newcomer = await joinSupporter(harness);
    expect((await counts(newcomer)).body).toEqual({
      months: [{ month: '2026-11', firstContacts: 0 }],
    });
  });

  it('needs the supporter session, like every /me route', async () => {
    harness = await createHarness();
    for (const path of ['/api/v1/me/counts', '/api/v1/me/counts.csv']) {
      const response = await harness.request('GET', path);
      expect(response.status).toBe(401);
      expect(response.body.error.code).toBe('unauthorized');
      const wrong = await harness.request('POST', path, { token: 'x'.repeat(43) });
      expect(wrong.status).toBe(405);
    }
  });
});
