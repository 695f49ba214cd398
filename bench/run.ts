/**
 * @module
 * `npm run bench`: how fast the relay and the pages are, each figure against
 * a baseline measured in the same run on the same machine. Writes every raw
 * run and summary to bench/results.json and prints the markdown tables that
 * bench/README.md reproduces.
 *
 *   npm run bench              the full run (about fourteen minutes)
 *   npm run bench -- --smoke   one tiny repetition of everything, to keep this code working
 *   npm run bench -- --flood   an attacker's cost to fill inboxes (bench/sections/flood.ts; under two minutes)
 *   npm run bench -- --phone   only a doctor on a phone (bench/sections/phone.ts; about five minutes),
 *                              put in place of the phone figures in bench/results.json
 *
 * Not part of `npm test`: benchmarks are never timed tests.
 */

import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { bundleRelay } from './lib/bundle.ts';
import { sealSubmissions, supporterKeys } from './lib/fixtures.ts';
import { killAllServers, PINNING, pinSelf, ROOT } from './lib/processes.ts';
import { summarize } from './lib/stats.ts';
import { evaluateTargets, type Results, renderMarkdown } from './report.ts';
import { renderPhoneOnly } from './report-phone.ts';
import { type BrowserOptions, measureBrowser } from './sections/browser.ts';
import { measureColdStart } from './sections/cold-start.ts';
import { measureFlood } from './sections/flood.ts';
import { measurePhone, type PhoneOptions } from './sections/phone.ts';
import {
  type InboxFetchRun,
  measureInboxFetch,
  type ProfiledRun,
  profileScenario,
  runScenario,
  type ScenarioRun,
  type ScenarioSpec,
  SubmissionPool,
  summarizeRuns,
} from './sections/server.ts';

interface Plan {
  repetitions: number;
  seconds: number;
  warmupSeconds: number;
  /** Connections of the main comparison. */
  connections: number;
  /** Further points of the scaling curve (the main comparison is one point too). */
  scalingConnections: number[];
  scalingSeconds: number;
  supporters: number;
  poolSize: number;
  inboxLevels: number[];
  inboxFetches: number;
  coldStarts: number;
  profileSeconds: number;
  browser: BrowserOptions;
  phone: PhoneOptions;
}

const FULL: Plan = {
  // Five, not the minimum three: the relay is CPU-bound and baseline B is
  // fsync-bound, so a noisy neighbour moves them differently; the median of
  // five moves less.
  repetitions: 5,
  seconds: 5,
  warmupSeconds: 1,
  connections: 10,
  scalingConnections: [1, 50, 200],
  scalingSeconds: 4,
  supporters: 50,
  poolSize: 20_000,
  inboxLevels: [10, 200, 2000],
  inboxFetches: 10,
  coldStarts: 5,
  profileSeconds: 5,
  browser: { repetitions: 3, seals: 10, solves: 10, pageSends: 3, openRepeats: 3 },
  // The issue's five loads per figure; a national directory lists about 90 supporters.
  phone: { repetitions: 5, typingMs: 5000, supporters: 90 },
};

const SMOKE: Plan = {
  repetitions: 1,
  seconds: 1,
  warmupSeconds: 0,
  connections: 10,
  scalingConnections: [1],
  scalingSeconds: 1,
  supporters: 10,
  poolSize: 3000,
  inboxLevels: [10],
  inboxFetches: 2,
  coldStarts: 1,
  profileSeconds: 1,
  browser: { repetitions: 1, seals: 1, solves: 1, pageSends: 1, openRepeats: 1 },
  phone: { repetitions: 1, typingMs: 500, supporters: 3 },
};

const sectionSeconds: Record<string, number> = {};
let sectionStarted = performance.now();

/** Closes the timing of the section that just ended. */
function lap(section: string): void {
  const now = performance.now();
  sectionSeconds[section] = (now - sectionStarted) / 1000;
  sectionStarted = now;
}

function log(message: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

/** `--flood`: only the attacker's costs, written to bench/flood-results.json. */
async function flood(): Promise<void> {
  log('flood: hash rate, then one inbox filled and every inbox flooded for an hour');
  const results = await measureFlood({ solves: 60 });
  const output = join(ROOT, 'bench/flood-results.json');
  writeFileSync(output, `${JSON.stringify(results, null, 2)}\n`);
  execFileSync(join(ROOT, 'node_modules/.bin/biome'), ['format', '--write', output], {
    stdio: 'ignore',
  });
  console.log(results.markdown);
  log(`done in ${((performance.now() - sectionStarted) / 1000).toFixed(0)} s`);
}

/**
 * Writes results with their markdown; bench/results.json in the project's
 * JSON style, so `biome check .` stays clean with it committed (biome
 * ignores, and will not format, the smoke run's file in bench/out).
 */
function writeResults(path: string, results: Results): void {
  const markdown = renderMarkdown(results);
  writeFileSync(path, `${JSON.stringify({ ...results, markdown }, null, 2)}\n`);
  if (results.smoke) return;
  execFileSync(join(ROOT, 'node_modules/.bin/biome'), ['format', '--write', path], {
    stdio: 'ignore',
  });
}

/**
 * `--phone`: only a doctor on a phone. The figures replace the phone section
 * of bench/results.json (the other sections, and the targets and markdown
 * recomputed from them, stay as the last full run left them).
 */
async function phone(): Promise<void> {
  const output = join(ROOT, 'bench/results.json');
  const results = await measurePhone(FULL.phone, log);
  console.log(renderPhoneOnly(results));
  if (!existsSync(output)) {
    log('no bench/results.json to put the figures in: run the full bench first');
    return;
  }
  const { markdown: _old, ...previous } = JSON.parse(readFileSync(output, 'utf8')) as Results & {
    markdown: string;
  };
  const merged: Results = { ...previous, phone: results };
  merged.targets = evaluateTargets(merged);
  writeResults(output, merged);
  log(
    `done in ${((performance.now() - sectionStarted) / 1000).toFixed(0)} s; bench/results.json updated`,
  );
}

async function main(): Promise<void> {
  if (process.argv.includes('--flood')) return flood();
  if (process.argv.includes('--phone')) return phone();
  const smoke = process.argv.includes('--smoke');
  const plan = smoke ? SMOKE : FULL;
  const started = performance.now();
  const loadBefore = loadavg();
  log(
    `${smoke ? 'smoke' : 'full'} run; ${
      PINNING
        ? `server on core ${PINNING.server}, load generator on core ${PINNING.client}`
        : 'no pinning'
    }`,
  );

  log(`sealing ${plan.poolSize} + ${Math.max(...plan.inboxLevels)} first contacts`);
  const keys = await supporterKeys(plan.supporters);
  const pool = new SubmissionPool(await sealSubmissions(plan.poolSize, keys));
  const inboxSubmissions = await sealSubmissions(Math.max(...plan.inboxLevels), [keys[0]!]);
  await bundleRelay();

  lap('fixtures');
  pinSelf(true);
  const base = {
    supporters: keys,
    pool,
    warmupSeconds: plan.warmupSeconds,
  } satisfies Partial<ScenarioSpec>;

  // 1. Throughput at the main number of connections, scenarios interleaved per repetition.
  const scenarios = {
    helloA: { kind: 'hello', workload: 'hello' },
    storeB: { kind: 'minimal', workload: 'submit' },
    relaySubmit: { kind: 'relay', workload: 'submit' },
    minimalCycle: { kind: 'minimal', workload: 'cycle' },
    relayCycle: { kind: 'relay', workload: 'cycle' },
    relayBundledSubmit: { kind: 'relayBundled', workload: 'submit' },
  } as const;
  const throughputRuns: Record<keyof typeof scenarios, ScenarioRun[]> = {
    helloA: [],
    storeB: [],
    relaySubmit: [],
    minimalCycle: [],
    relayCycle: [],
    relayBundledSubmit: [],
  };
  for (let rep = 0; rep < plan.repetitions; rep++) {
    for (const [name, scenario] of Object.entries(scenarios) as [
      keyof typeof scenarios,
      (typeof scenarios)[keyof typeof scenarios],
    ][]) {
      log(`throughput ${name}, repetition ${rep + 1}/${plan.repetitions}`);
      throughputRuns[name].push(
        await runScenario({
          ...base,
          ...scenario,
          connections: plan.connections,
          seconds: plan.seconds,
        }),
      );
    }
  }

  lap('throughput');

  // 2. Scaling: submit at other connection counts, relay and store ceiling.
  const scalingRuns: { connections: number; relay: ScenarioRun[]; storeB: ScenarioRun[] }[] =
    plan.scalingConnections.map((connections) => ({ connections, relay: [], storeB: [] }));
  for (let rep = 0; rep < plan.repetitions; rep++) {
    for (const point of scalingRuns) {
      log(`scaling at ${point.connections} connections, repetition ${rep + 1}/${plan.repetitions}`);
      const common = { ...base, workload: 'submit', connections: point.connections } as const;
      point.storeB.push(
        await runScenario({ ...common, kind: 'minimal', seconds: plan.scalingSeconds }),
      );
      point.relay.push(
        await runScenario({ ...common, kind: 'relay', seconds: plan.scalingSeconds }),
      );
    }
  }

  lap('scaling');

  // 3. Inbox fetch time as one supporter's pending messages grow.
  const inbox: Record<'relay' | 'minimal', InboxFetchRun[][]> = { relay: [], minimal: [] };
  for (const kind of ['relay', 'minimal'] as const) {
    log(`inbox fetch, ${kind}, ${plan.inboxLevels.join('/')} pending`);
    inbox[kind] = await measureInboxFetch({
      kind,
      levels: plan.inboxLevels,
      repetitions: plan.repetitions,
      fetches: plan.inboxFetches,
      supporter: keys[0]!,
      submissions: inboxSubmissions,
    });
  }

  lap('inboxFetch');

  // 4. Cold start.
  log('cold start');
  const coldStart = await measureColdStart(plan.coldStarts, {
    warmUp: !smoke,
    profileAll: !smoke,
  });

  lap('coldStart');

  // 5. Profiles of the relay and of the minimal store under the same load:
  //    V8 CPU profile and a tally of every SQL statement.
  const profiles: Record<string, ProfiledRun> = {};
  for (const [name, kind, workload] of [
    ['relaySubmit', 'relay', 'submit'],
    ['storeB', 'minimal', 'submit'],
    ['relayCycle', 'relay', 'cycle'],
    ['minimalCycle', 'minimal', 'cycle'],
  ] as const) {
    if (smoke && name !== 'relaySubmit') continue;
    log(`profile ${name}`);
    profiles[name] = await profileScenario({
      ...base,
      kind,
      workload,
      connections: plan.connections,
      seconds: plan.profileSeconds,
      profileDir: join(ROOT, 'bench/out/profiles', name),
    });
  }

  lap('profiles');

  // 6. Browser, on every core again.
  pinSelf(false);
  log('browser');
  const browser = await measureBrowser(plan.browser);
  lap('browser');

  // 7. A doctor on a phone, against the relay as `npm start` runs it. Pages
  //    that other work changes may break it; the rest of the run is kept.
  log('phone');
  const phoneResult = await measurePhone(plan.phone, log).catch((error: unknown) => {
    log(`phone: not measured: ${(error as Error).message}`);
    return { error: (error as Error).message.split('\n')[0] ?? 'unknown' };
  });
  lap('phone');

  const results: Results = {
    date: new Date().toISOString(),
    smoke,
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      freeMemoryGiB: Math.round(freemem() / 2 ** 30),
      node: process.version,
      platform: `${process.platform} ${process.arch}`,
      pinning: PINNING,
      loadAverageBefore: loadBefore,
      loadAverageAfter: loadavg(),
    },
    plan,
    throughput: Object.fromEntries(
      Object.entries(throughputRuns).map(([name, runs]) => [
        name,
        { runs, summary: summarizeRuns(runs) },
      ]),
    ) as Results['throughput'],
    scaling: scalingRuns.map((point) => ({
      connections: point.connections,
      relay: { runs: point.relay, summary: summarizeRuns(point.relay) },
      storeB: { runs: point.storeB, summary: summarizeRuns(point.storeB) },
    })),
    inboxFetch: plan.inboxLevels.map((pending, i) => ({
      pending,
      relay: { runs: inbox.relay[i]!, ms: summarize(inbox.relay[i]!.map((r) => r.ms)) },
      minimal: { runs: inbox.minimal[i]!, ms: summarize(inbox.minimal[i]!.map((r) => r.ms)) },
    })),
    coldStart,
    profiles,
    browser,
    phone: phoneResult,
    targets: [],
    runtimeSeconds: 0,
    sectionSeconds,
  };
  results.targets = evaluateTargets(results);
  results.runtimeSeconds = (performance.now() - started) / 1000;
  writeResults(join(ROOT, smoke ? 'bench/out/results-smoke.json' : 'bench/results.json'), results);
  rmSync(join(ROOT, 'bench/out/data'), { recursive: true, force: true });
  console.log(renderMarkdown(results));
  log(`done in ${results.runtimeSeconds.toFixed(0)} s`);
}

process.on('exit', killAllServers);
main().catch((error: unknown) => {
  killAllServers();
  console.error(error);
  process.exit(1);
});
