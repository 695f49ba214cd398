/**
 * @module
 * The results of `npm run bench`: their shape in bench/results.json, the
 * issue's targets checked against them, and the markdown tables printed at
 * the end (and reproduced in bench/README.md).
 */

import { type Target, table, targetsTable } from './lib/markdown.ts';
import { fmt, fmtRatio, fmtSummary, ratio, type Summary } from './lib/stats.ts';
import { phoneTargets, renderPhone } from './report-phone.ts';
import type { BrowserResult, PageWeight } from './sections/browser.ts';
import type { ColdStartResult } from './sections/cold-start.ts';
import type { PhoneResult } from './sections/phone.ts';
import type {
  InboxFetchRun,
  ProfiledRun,
  ScenarioRun,
  ScenarioSummary,
} from './sections/server.ts';

interface Runs {
  runs: ScenarioRun[];
  summary: ScenarioSummary;
}

export type { Target };

export interface Results {
  date: string;
  smoke: boolean;
  machine: {
    cpus: number;
    cpuModel: string;
    memoryGiB: number;
    freeMemoryGiB: number;
    node: string;
    platform: string;
    pinning: { server: string; client: string } | null;
    loadAverageBefore: number[];
    loadAverageAfter: number[];
  };
  plan: {
    repetitions: number;
    seconds: number;
    warmupSeconds: number;
    connections: number;
    scalingSeconds: number;
  };
  throughput: Record<
    'helloA' | 'storeB' | 'relaySubmit' | 'minimalCycle' | 'relayCycle' | 'relayBundledSubmit',
    Runs
  >;
  scaling: { connections: number; relay: Runs; storeB: Runs }[];
  inboxFetch: {
    pending: number;
    relay: { runs: InboxFetchRun[]; ms: Summary };
    minimal: { runs: InboxFetchRun[]; ms: Summary };
  }[];
  coldStart: ColdStartResult;
  profiles: Record<string, ProfiledRun>;
  browser: BrowserResult;
  /** A doctor on a phone, or why it could not be measured; absent from results written before the section existed. */
  phone?: PhoneResult | { error: string };
  targets: Target[];
  runtimeSeconds: number;
  /** Wall time of each section of the run. */
  sectionSeconds: Record<string, number>;
}

const KB = 1000;
const DOCTOR_PAGES = ['home', 'write', 'mailbox'];

/** The JavaScript a doctor page can load: the larger of what sending loaded and what it can reach. */
function doctorPageJs(page: PageWeight): number {
  return Math.max(page.reachableWithoutArgon2JsGzip, page.sendJsGzip ?? 0);
}

function check(name: string, target: string, measured: string, met: boolean | null): Target {
  return { name, target, measured, met };
}

export function evaluateTargets(results: Results): Target[] {
  const t = results.throughput;
  const b = results.browser;
  const submitRps = ratio(
    t.relaySubmit.summary.requestsPerSecond.median,
    t.storeB.summary.requestsPerSecond.median,
  );
  const submitP99 = ratio(t.relaySubmit.summary.p99Ms.median, t.storeB.summary.p99Ms.median);
  const cycle = ratio(
    t.relayCycle.summary.requestsPerSecond.median,
    t.minimalCycle.summary.requestsPerSecond.median,
  );
  // The relay as `npm start` runs it; the bundled diagnostic is not the product.
  const relayRuns = [
    ...t.relaySubmit.runs,
    ...t.relayCycle.runs,
    ...results.scaling.flatMap((point) => point.relay.runs),
  ];
  const peakRss = Math.max(...relayRuns.map((run) => run.peakRssMb));
  const cold = results.coldStart.summary;
  const coldFresh = ratio(cold.relayFresh.median, cold.hello.median);
  const coldExisting = ratio(cold.relayExisting.median, cold.hello.median);
  const targets = [
    check('Submit throughput', '≥ 0.8× baseline B', fmtRatio(submitRps), submitRps >= 0.8),
    check('Submit p99 latency', '≤ 1.5× baseline B', fmtRatio(submitP99), submitP99 <= 1.5),
    check('Full cycle throughput', '≥ 0.7× minimal cycle', fmtRatio(cycle), cycle >= 0.7),
    check(
      'Relay peak RSS under load',
      '≤ 150 MB',
      `${fmt(peakRss)} MB (max of ${relayRuns.length} runs)`,
      peakRss <= 150,
    ),
    check(
      'Cold start, fresh database',
      '≤ 2.5× hello world',
      fmtRatio(coldFresh),
      coldFresh <= 2.5,
    ),
    check(
      'Cold start, existing database',
      '≤ 2.5× hello world',
      fmtRatio(coldExisting),
      coldExisting <= 2.5,
    ),
  ];
  if (Array.isArray(b.pages)) {
    for (const page of b.pages.filter((p) => DOCTOR_PAGES.includes(p.name))) {
      const bytes = doctorPageJs(page);
      targets.push(
        check(
          `JS of the ${page.name} page`,
          '≤ 200 kB gzip',
          `${fmt(bytes / KB)} kB`,
          bytes <= 200 * KB,
        ),
      );
    }
  } else {
    targets.push(check('JS of the doctor pages', '≤ 200 kB gzip', b.pages.error, null));
  }
  if ('totalMs' in b.pageSend) {
    const ms = b.pageSend.excludingPowMs.median;
    targets.push(
      check(
        'Send → reply code, without proof of work (compose page)',
        '≤ 50 ms median',
        `${fmt(ms)} ms`,
        ms <= 50,
      ),
    );
  }
  const seal = b.sealWarmMs.median;
  targets.push(
    check(
      'Send → reply code, crypto only (warm seal)',
      '≤ 50 ms median',
      `${fmt(seal)} ms`,
      seal <= 50,
    ),
  );
  const pow = b.pow.solveMs.median;
  targets.push(
    check(
      `Proof of work at difficulty ${b.pow.difficulty}`,
      '≤ 1.5 s median',
      `${fmt(pow)} ms`,
      pow <= 1500,
    ),
  );
  const unlock = b.unlockColdMs.median;
  targets.push(
    check(
      'Vault unlock, first in a fresh page',
      '≤ 1.5 s median',
      `${fmt(unlock)} ms`,
      unlock <= 1500,
    ),
  );
  const open = b.open100Ms.median;
  targets.push(check('Opening 100 inbox messages', '≤ 0.5 s', `${fmt(open)} ms`, open <= 500));
  if (results.phone !== undefined) targets.push(...phoneTargets(results.phone));
  return targets;
}

// --- markdown -------------------------------------------------------------------

/** autocannon records whole milliseconds, so 0 means under one. */
function fmtLatency(summary: Summary): string {
  return summary.max === 0 ? '< 1' : fmtSummary(summary);
}

function scenarioRow(label: string, s: ScenarioSummary, comparison: string): string[] {
  return [
    label,
    fmtSummary(s.requestsPerSecond),
    fmtLatency(s.p50Ms),
    fmtLatency(s.p99Ms),
    fmtSummary(s.cpuMicrosPerRequest),
    fmtSummary(s.peakRssMb),
    comparison,
  ];
}

function profileNotes(results: Results): string[] {
  const notes: string[] = [];
  for (const [name, profile] of Object.entries(results.profiles)) {
    const perRequest = (value: number) => value / Math.max(1, profile.units);
    const statements = profile.probe.statements.filter((s) => s.sql !== '(prepare)');
    const prepare = profile.probe.statements.find((s) => s.sql === '(prepare)');
    const commits = statements.find((s) => s.sql === 'COMMIT');
    const autocommitWrites = statements.filter((s) => /^(insert|update|delete)/i.test(s.sql));
    const storeMs = profile.probe.statements.reduce((sum, s) => sum + s.ms, 0);
    const unit = name.endsWith('Cycle') ? 'cycle' : 'request';
    const top = statements
      .filter((s) => perRequest(s.calls) >= 0.01)
      .slice(0, 4)
      .map(
        (s) =>
          `${fmt(perRequest(s.ms), 2)} ms ${s.sql.slice(0, 60)}${s.sql.length > 60 ? '…' : ''} (×${fmt(perRequest(s.calls), 2)})`,
      )
      .join('; ');
    const modules = profile.cpu.modules
      .slice(0, 5)
      .map((m) => `${m.name} ${Math.round(m.share * 100)}%`)
      .join(', ');
    const functions = profile.cpu.functions
      .slice(0, 3)
      .map((f) => `${f.name} ${Math.round(f.share * 100)}%`)
      .join(', ');
    notes.push(
      `- **${name}** (${fmt(profile.run.requestsPerSecond)} /s while profiled, event loop busy ` +
        `${Math.round((100 * profile.cpu.busyMs) / Math.max(1, profile.cpu.totalMs))}% of the time): per ${unit}, ` +
        `${fmt(perRequest(statements.reduce((n, s) => n + s.calls, 0)), 1)} SQL statements taking ` +
        `${fmt(perRequest(storeMs), 2)} ms on the event loop, ` +
        (commits === undefined
          ? `${fmt(perRequest(autocommitWrites.reduce((n, s) => n + s.calls, 0)), 2)} writes, each committing on its own (fsync included), `
          : `${fmt(perRequest(commits.calls), 2)} COMMITs (${fmt(perRequest(commits.ms), 2)} ms, fsync included; slowest ${fmt(commits.maxMs)} ms), `) +
        `${fmt(perRequest(prepare?.calls ?? 0), 1)} statement preparations (${fmt(perRequest(prepare?.ms ?? 0), 2)} ms); ` +
        `largest: ${top}. CPU profile, busy time by module: ${modules}; top functions: ${functions}. ` +
        `Peak memory: RSS ${fmt(profile.probe.peakMemoryMb.rss)} MB, V8 heap ${fmt(profile.probe.peakMemoryMb.heapTotal)} MB.`,
    );
  }
  return notes;
}

function pageRows(pages: PageWeight[]): string[][] {
  return pages.map((page) => [
    `${page.name} (${page.route})`,
    fmt(page.openJsGzip / KB, 1),
    page.sendJsGzip === undefined ? '—' : fmt(page.sendJsGzip / KB, 1),
    fmt(page.reachableWithoutArgon2JsGzip / KB, 1),
    fmt(page.reachableJsGzip / KB, 1),
    fmt(page.openCssGzip / KB, 1),
  ]);
}

export function renderMarkdown(results: Results): string {
  const { throughput: t, machine, plan, browser: b } = results;
  const reps = plan.repetitions;
  const out: string[] = [];
  out.push(
    `Measured ${results.date.slice(0, 10)}${results.smoke ? ' (smoke run: one tiny repetition, not for publication)' : ''} ` +
      `on ${machine.cpus} cores (${machine.cpuModel}), ${machine.memoryGiB} GiB, Node ${machine.node}, ${machine.platform}; ` +
      `${machine.pinning ? `server pinned to core ${machine.pinning.server}, load generator to core ${machine.pinning.client}` : 'no core pinning'}; ` +
      `load average ${machine.loadAverageBefore.map((n) => n.toFixed(1)).join('/')} before, ` +
      `${machine.loadAverageAfter.map((n) => n.toFixed(1)).join('/')} after. ` +
      `Figures are medians of ${reps} repetition${reps === 1 ? '' : 's'} with (min–max); every server starts afresh on a new database file for each repetition.`,
  );

  out.push(
    `\n**Server throughput**, ${plan.connections} connections, ${plan.seconds} s per run after a ${plan.warmupSeconds} s warm-up on the same connections, 127.0.0.1. ` +
      "Only responses after the warm-up count; latency is each response's time as autocannon measures it. " +
      "CPU is the server process's user + system time per request (per cycle for cycles), over the same seconds.\n",
  );
  const vsB = (s: ScenarioSummary) =>
    `${fmtRatio(ratio(s.requestsPerSecond.median, t.storeB.summary.requestsPerSecond.median))} B req/s, ` +
    `${fmtRatio(ratio(s.p99Ms.median, t.storeB.summary.p99Ms.median))} B p99`;
  out.push(
    table(
      ['Scenario', 'req/s', 'p50 ms', 'p99 ms', 'CPU µs/req', 'peak RSS MB', 'vs baseline'],
      [
        scenarioRow('A: Hono hello world', t.helloA.summary, '—'),
        scenarioRow('B: minimal insert, same store (ceiling)', t.storeB.summary, '—'),
        scenarioRow(
          'Relay: POST /api/v1/messages',
          t.relaySubmit.summary,
          vsB(t.relaySubmit.summary),
        ),
        scenarioRow('Minimal cycle submit → inbox → ack (cycles/s)', t.minimalCycle.summary, '—'),
        scenarioRow(
          'Relay cycle submit → inbox → ack (cycles/s)',
          t.relayCycle.summary,
          `${fmtRatio(ratio(t.relayCycle.summary.requestsPerSecond.median, t.minimalCycle.summary.requestsPerSecond.median))} minimal cycle`,
        ),
        scenarioRow(
          'Diagnostic: relay submit from sources under tsx',
          t.relayBundledSubmit.summary,
          vsB(t.relayBundledSubmit.summary),
        ),
      ],
    ),
  );

  const scaling = [
    { connections: plan.connections, relay: t.relaySubmit, storeB: t.storeB },
    ...results.scaling,
  ].sort((a, b2) => a.connections - b2.connections);
  out.push(
    `\n**Scaling curve**, submit, ${plan.scalingSeconds} s runs (${plan.seconds} s at ${plan.connections}).\n`,
  );
  out.push(
    table(
      ['Connections', 'Relay req/s', 'Relay p99 ms', 'B req/s', 'B p99 ms', 'Relay / B req/s'],
      scaling.map((point) => [
        String(point.connections),
        fmtSummary(point.relay.summary.requestsPerSecond),
        fmtSummary(point.relay.summary.p99Ms),
        fmtSummary(point.storeB.summary.requestsPerSecond),
        fmtSummary(point.storeB.summary.p99Ms),
        fmtRatio(
          ratio(
            point.relay.summary.requestsPerSecond.median,
            point.storeB.summary.requestsPerSecond.median,
          ),
        ),
      ]),
    ),
  );

  out.push(
    '\n**Inbox fetch**, one supporter, `GET /api/v1/inbox` to the last byte, median of sequential fetches.\n',
  );
  out.push(
    table(
      ['Pending', 'Relay ms', 'Response KB', 'Relay CPU ms/fetch', 'Minimal ms', 'Relay / minimal'],
      results.inboxFetch.map((level) => [
        String(level.pending),
        fmtSummary(level.relay.ms),
        fmt((level.relay.runs[0]?.bytes ?? 0) / KB),
        fmt(
          level.relay.runs.reduce((sum, r) => sum + r.cpuMicrosPerFetch, 0) /
            Math.max(1, level.relay.runs.length) /
            1000,
        ),
        fmtSummary(level.minimal.ms),
        fmtRatio(ratio(level.relay.ms.median, level.minimal.ms.median)),
      ]),
    ),
  );

  const cold = results.coldStart.summary;
  out.push(
    '\n**Cold start**, spawn of `node <bundle>.mjs` (as `npm start` runs the relay; hello world bundled the same way) to the first 200 from `/readyz`.\n',
  );
  out.push(
    table(
      ['Start', 'ms', 'vs hello world'],
      [
        ['Hono hello world', fmtSummary(cold.hello), '—'],
        [
          'Relay, fresh database',
          fmtSummary(cold.relayFresh),
          fmtRatio(ratio(cold.relayFresh.median, cold.hello.median)),
        ],
        [
          'Relay, existing database',
          fmtSummary(cold.relayExisting),
          fmtRatio(ratio(cold.relayExisting.median, cold.hello.median)),
        ],
        [
          'Diagnostic: relay from sources under tsx, fresh database',
          fmtSummary(cold.relayBundledFresh),
          fmtRatio(ratio(cold.relayBundledFresh.median, cold.hello.median)),
        ],
        [
          'Diagnostic: relay from sources under tsx, existing database',
          fmtSummary(cold.relayBundledExisting),
          fmtRatio(ratio(cold.relayBundledExisting.median, cold.hello.median)),
        ],
      ],
    ),
  );
  const startNotes = Object.entries(results.coldStart.profiles).map(([name, p]) => {
    const modules = p.cpu.modules
      .slice(0, 4)
      .map((m) => `${m.name} ${fmt(m.ms)} ms`)
      .join(', ');
    return (
      `${name}: ready in ${fmt(p.readyMs)} ms, main thread busy ${fmt(p.cpu.busyMs)} ms ` +
      `(${modules}; the project's own code ${fmt(p.cpu.projectMs)} ms)`
    );
  });
  if (startNotes.length > 0) {
    out.push(
      '\nStart-up profiles (one launch each under `--cpu-prof`; "node: built-ins" is mostly ' +
        `Node's module loader and compiler): ${startNotes.join('. ')}.`,
    );
  }

  out.push(
    '\n**Browser**, headless Chromium, timed in the page with `performance.now()` (0.1 ms resolution).\n',
  );
  const rows: string[][] = [];
  if ('totalMs' in b.pageSend) {
    const s = b.pageSend;
    rows.push(
      [
        'Send on the compose page → reply code shown (difficulty 0)',
        fmtSummary(s.totalMs),
        '—',
        '—',
      ],
      ['  of which fetching the challenge', fmtSummary(s.challengeMs), '—', '—'],
      ['  of which starting the worker and solving', fmtSummary(s.solveMs), '—', '—'],
      ['  of which POST /api/v1/messages', fmtSummary(s.postMs), '—', '—'],
      ["  the page's own work (seal, DOM)", fmtSummary(s.pageWorkMs), '—', '—'],
      [
        'Send without proof of work (total − challenge − solving)',
        fmtSummary(s.excludingPowMs),
        `${fmtSummary(b.sealAndPostMs)} seal + POST from a bare page`,
        fmtRatio(ratio(s.excludingPowMs.median, b.sealAndPostMs.median)),
      ],
    );
  } else {
    rows.push(['Send on the compose page', `not measured: ${b.pageSend.error}`, '—', '—']);
  }
  rows.push(
    [
      'Seal a first contact (reply code, mailbox, seal), warm',
      fmtSummary(b.sealWarmMs),
      `${fmtSummary(b.rawSealMs)} bare crypto_box_seal`,
      fmtRatio(ratio(b.sealWarmMs.median, b.rawSealMs.median)),
    ],
    ['Seal, first in a fresh page (loads libsodium)', fmtSummary(b.sealColdMs), '—', '—'],
    [
      `Proof of work, difficulty ${b.pow.difficulty}, per solve (median of ${b.pow.solveMs.n} solves; ${fmt(b.pow.attempts.median)} attempts)`,
      fmtSummary(b.pow.solveMs),
      '—',
      '—',
    ],
    [
      `Proof of work, time per 2^${b.pow.difficulty} attempts (the expected work)`,
      fmtSummary(b.pow.perExpectedAttemptsMs),
      `${fmtSummary(b.pow.rawExpectedMs)} for 2^${b.pow.difficulty} bare hashes`,
      fmtRatio(ratio(b.pow.perExpectedAttemptsMs.median, b.pow.rawExpectedMs.median)),
    ],
    [
      'Vault unlock, first in a fresh page (Argon2id self-test + derivation + open)',
      fmtSummary(b.unlockColdMs),
      `${fmtSummary(b.rawArgon2Ms)} one bare Argon2id`,
      fmtRatio(ratio(b.unlockColdMs.median, b.rawArgon2Ms.median)),
    ],
    [
      'Vault unlock, again in the same page',
      fmtSummary(b.unlockWarmMs),
      `${fmtSummary(b.rawArgon2Ms)} one bare Argon2id`,
      fmtRatio(ratio(b.unlockWarmMs.median, b.rawArgon2Ms.median)),
    ],
    [
      'Open 100 inbox messages (validated)',
      fmtSummary(b.open100Ms),
      `${fmtSummary(b.rawOpen100Ms)} bare crypto_box_seal_open`,
      fmtRatio(ratio(b.open100Ms.median, b.rawOpen100Ms.median)),
    ],
  );
  out.push(table(['Measure', 'ms', 'Baseline, same page', 'Ratio'], rows));

  out.push('\n**Page weight**, gzip kB (1000 bytes) of the files built by scripts/build-web.ts.\n');
  if (Array.isArray(b.pages)) {
    out.push(
      table(
        [
          'Page',
          'JS at open',
          'JS after sending',
          'JS reachable without Argon2 build',
          'JS reachable, all',
          'CSS',
        ],
        pageRows(b.pages),
      ),
    );
  } else {
    out.push(`Not measured: ${b.pages.error}`);
  }

  if (results.phone !== undefined) out.push(renderPhone(results.phone));

  out.push('\n**Targets**\n');
  out.push(targetsTable(results.targets));

  const notes = profileNotes(results);
  if (notes.length > 0) {
    out.push(
      '\n**Profiles** (one extra run each, not in the figures above: V8 CPU profile and every libSQL statement timed by bench/lib/server-probe.ts).\n',
    );
    out.push(notes.join('\n'));
  }
  const reused = [
    ...Object.values(t).flatMap((r) => r.runs),
    ...results.scaling.flatMap((p) => [...p.relay.runs, ...p.storeB.runs]),
  ].reduce((sum, run) => sum + run.reusedSubmissions + run.failures, 0);
  if (reused > 0) {
    out.push(
      `\nWarning: ${reused} requests reused a ciphertext or failed (reusedSubmissions and failures in the JSON results).`,
    );
  }
  return out.join('\n');
}
