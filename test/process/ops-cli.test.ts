/**
 * `npm run ops`: the health summary and the backlog as terminal tables. The
 * figures are checked exactly in-process on a seeded database with a fake
 * clock; a child process then shows the command line itself works (plain
 * text when not on a terminal, a usage line for a wrong command).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatTable, opsReport } from '../../src/cli/ops-report.ts';
import { joinSupporter, newDoctor, type Supporter, setActive } from '../support/actors.ts';
import { createHarness, FakeClock, type Harness } from '../support/harness.ts';
import { runTool } from '../support/process-helpers.ts';

let harness: Harness | undefined;
let dir: string | undefined;
afterEach(() => {
  harness?.dispose();
  harness = undefined;
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

// biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI escapes are what is checked.
const ANSI = /\u001b\[[0-9;]*m/g;

async function send(h: Harness, supporter: Supporter) {
  return (await (await newDoctor(h)).writeTo(supporter)).sealed;
}

/**
 * Kari: two messages waiting since 27 Nov 14:00; Bjørn: one delivered after
 * three hours; Cleo: deactivated. Read on 28 Nov at 10:25.
 */
async function seed(h: Harness) {
  const kari = await joinSupporter(h, { profile: { name: 'Kari Nordmann', town: 'Bergen' } });
  const bjorn = await joinSupporter(h, { profile: { name: 'Bjørn Berg', town: 'Tromsø' } });
  const cleo = await joinSupporter(h, { profile: { name: 'Cleo Dahl', town: 'Oslo' } });
  await send(h, kari);
  await send(h, kari);
  const toBjorn = await send(h, bjorn);
  h.clock.advanceHours(3);
  expect((await bjorn.ack([toBjorn.id])).status).toBe(200);
  expect((await setActive(h, cleo.id, false)).status).toBe(200);
  h.clock.set('2026-11-28T10:25:00Z');
  return { kari, bjorn, cleo };
}

const row = (...cells: string[]) =>
  new RegExp(`^${cells.map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join(' +')}$`, 'm');

describe('npm run ops -- status', () => {
  it('prints the exact health figures as a table', async () => {
    harness = await createHarness();
    await seed(harness);
    const text = await opsReport(harness.relay, 'status');
    expect(text).not.toMatch(ANSI);
    expect(text.split('\n')[0]).toBe('peer-relay status at 2026-11-28T10:00:00Z');
    for (const line of [
      ['waiting now', '2'],
      ['oldest waiting', '20 h'],
      ['delivery time, median / p90', '3 h / 3 h'],
      ['submitted', '3'],
      ['delivered', '1'],
      ['expired undelivered', '0'],
      ['replied', '0'],
      ['reply rate', '0 %'],
      ['rate limited', '0'],
      ['purged by the operator', '0'],
      ['notifications failed', '0'],
      ['active / away / inactive', '2 / 0 / 1'],
      ['notification channels failing', '0'],
    ]) {
      expect(text).toMatch(row(`  ${line[0]}`, line[1]!));
    }
  });

  it('colours only when asked: a late oldest message in yellow', async () => {
    harness = await createHarness({ env: { ALERT_WAITING_HOURS: '12' } });
    await seed(harness);
    const plain = await opsReport(harness.relay, 'status');
    const coloured = await opsReport(harness.relay, 'status', { color: true });
    expect(coloured).toContain('\u001b[33m20 h\u001b[39m');
    expect(coloured.replace(ANSI, '')).toBe(plain);
  });

  it('prints JSON with --json', async () => {
    harness = await createHarness();
    await seed(harness);
    const json = JSON.parse(await opsReport(harness.relay, 'status', { json: true }));
    expect(json).toMatchObject({ pendingMessages: 2, oldestPendingHours: 20 });
  });
});

describe('npm run ops -- supporters', () => {
  it('prints the backlog, most waiting first, with exact figures', async () => {
    harness = await createHarness();
    const { kari, bjorn, cleo } = await seed(harness);
    const text = await opsReport(harness.relay, 'supporters');
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toMatch(
      row('ID', 'NAME', 'TOWN', 'STATE', 'PENDING', 'OLDEST', 'DELIVERED 30D', 'LAST SEEN'),
    );
    expect(lines.slice(1).map((line) => line.split(' ')[0])).toEqual([kari.id, bjorn.id, cleo.id]);
    expect(text).toMatch(
      row(
        kari.id,
        'Kari Nordmann',
        'Bergen',
        'available',
        '2',
        '20 h',
        '0',
        '2026-11-27T14:00:00Z',
      ),
    );
    expect(text).toMatch(
      row(bjorn.id, 'Bjørn Berg', 'Tromsø', 'available', '0', '—', '1', '2026-11-27T14:00:00Z'),
    );
    expect(text).toMatch(
      row(cleo.id, 'Cleo Dahl', 'Oslo', 'inactive', '0', '—', '0', '2026-11-27T14:00:00Z'),
    );
  });

  it('aligns columns by their visible width, numbers to the right', () => {
    expect(
      formatTable(
        [
          ['A', 'N'],
          ['long name', '7'],
          ['x', '12'],
        ],
        new Set([1]),
      ),
    ).toBe(['A           N', 'long name   7', 'x          12'].join('\n'));
  });
});

describe('the command line', () => {
  async function seededDatabase(): Promise<string> {
    dir = mkdtempSync(join(tmpdir(), 'peer-relay-ops-'));
    // Real time for the child process: messages two hours old.
    const h = await createHarness({
      dir,
      clock: new FakeClock(new Date(Date.now() - 2 * 3_600_000)),
    });
    const kari = await joinSupporter(h);
    await send(h, kari);
    await send(h, kari);
    h.dispose();
    return `file:${join(dir, 'relay.db')}`;
  }

  it('prints plain tables through npm run ops, and a usage line for anything else', async () => {
    const env = { DATABASE_URL: await seededDatabase(), NO_COLOR: '' };
    const { stdout: status } = await runTool('ops', ['status'], env);
    expect(status).toMatch(/^peer-relay status at \d{4}-\d\d-\d\dT\d\d:00:00Z$/m);
    expect(status).toMatch(row('  waiting now', '2'));
    expect(status).not.toMatch(ANSI);

    const supporters = await runTool('ops', ['supporters'], env);
    expect(supporters.status).toBe(0);
    expect(supporters.stdout).toMatch(/^ID +NAME/m);

    const wrong = await runTool('ops', ['everything'], env);
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toContain(
      'usage: npm run ops -- status | supporters [--json] | purge <supporterId> <olderThanHours>',
    );
  });

  it("purges a supporter's queued messages older than N hours through npm run ops -- purge", async () => {
    const url = await seededDatabase();
    const env = { DATABASE_URL: url, NO_COLOR: '' };
    const ops = (...args: string[]) => runTool('ops', args, env);
    const listed = await ops('supporters', '--json');
    const [kari] = (JSON.parse(listed.stdout) as { supporters: { id: string }[] }).supporters;
    // The two messages are two hours old: three hours keeps them, one hour purges both.
    expect((await ops('purge', kari!.id, '3')).stdout).toBe(
      `purged 0 queued messages of ${kari!.id}\n`,
    );
    const purged = await ops('purge', kari!.id, '1');
    expect(purged.status).toBe(0);
    expect(purged.stdout).toBe(`purged 2 queued messages of ${kari!.id}\n`);
    expect((await ops('status')).stdout).toMatch(row('  waiting now', '0'));
    const unknown = await ops('purge', 'nobody', '1');
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('No supporter has this id.');
  });
});
