/**
 * @module
 * Server throughput, the scaling curve and inbox fetch times: the relay
 * (dist/node.mjs with plain node, as `npm start` runs it) against baselines on the same
 * machine in the same run. Each repetition starts its server afresh on a new
 * database file, so peak RSS is that run's, and the scenarios are
 * interleaved repetition by repetition, so a noisy neighbour hurts them alike.
 *
 * - hello: Hono's hello world (baseline A), bundled and run like the relay;
 * - minimal: the store ceiling (baseline B) and the minimal cycle,
 *   bench/servers/minimal-store.ts;
 * - relay: the product at proof-of-work difficulty 0 with the abuse limits
 *   raised out of the way;
 * - relayBundled: the same relay run from its TypeScript sources under tsx,
 *   a diagnostic of what the loader costs in start-up time and memory, not a target.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { AutocannonRequest } from 'autocannon';
import type { BoxKeyPair } from '../../web/src/protocol/index.ts';
import { HELLO_BUNDLE, RELAY_BUNDLE } from '../lib/bundle.ts';
import {
  type Enrolled,
  enrolOnMinimal,
  enrolOnRelay,
  OPERATOR_TOKEN,
  type SealedSubmission,
  submissionBody,
  submitAll,
} from '../lib/fixtures.ts';
import { type LoadRun, runLoad } from '../lib/load.ts';
import {
  cpuMicros,
  peakRssBytes,
  ROOT,
  type ServerProcess,
  type ServerSpec,
  startServer,
} from '../lib/processes.ts';
import { type ProfileSummary, summarizeProfile } from '../lib/profile.ts';
import type { ServerProbeReport } from '../lib/server-probe.ts';
import { median, type Summary, summarize } from '../lib/stats.ts';

export type ServerKind = 'hello' | 'minimal' | 'relay' | 'relayBundled';
export type Workload = 'hello' | 'submit' | 'cycle';

/** The relay's environment for load: no proof of work, abuse limits far out of reach. */
export const RELAY_LOAD_ENV = {
  OPERATOR_TOKEN,
  POW_DIFFICULTY: '0',
  INBOX_CAP: '100000',
  SUBMISSIONS_PER_HOUR: '10000000',
  SUBMISSIONS_PER_SUPPORTER_PER_HOUR: '1000000',
  POW_SURGE_PER_MINUTE: '1000000',
};

const DATA = join(ROOT, 'bench/out/data');

export function serverSpec(kind: ServerKind, dir: string): ServerSpec {
  switch (kind) {
    case 'hello':
      return { entry: HELLO_BUNDLE, plainNode: true };
    case 'minimal':
      return {
        entry: 'bench/servers/minimal-store.ts',
        env: { DATABASE_URL: `file:${join(dir, 'minimal.db')}` },
      };
    case 'relay':
      return {
        entry: RELAY_BUNDLE,
        plainNode: true,
        env: { ...RELAY_LOAD_ENV, DATABASE_URL: `file:${join(dir, 'relay.db')}` },
      };
    case 'relayBundled':
      // Kept under its old name: now the diagnostic is the relay run from its sources under tsx.
      return {
        entry: 'src/node.ts',
        env: { ...RELAY_LOAD_ENV, DATABASE_URL: `file:${join(dir, 'relay.db')}` },
      };
  }
}

/** A fresh directory for one server's database, on the same disk as the project (not tmpfs). */
export function freshDataDir(): string {
  mkdirSync(DATA, { recursive: true });
  return mkdtempSync(join(DATA, 'run-'));
}

/** Sealed submissions, handed out once each; running out would turn submissions into cheap resubmissions. */
export class SubmissionPool {
  private next = 0;
  private readonly bySupporter = new Map<number, { items: SealedSubmission[]; next: number }>();
  reused = 0;

  constructor(readonly items: readonly SealedSubmission[]) {
    for (const item of items) {
      const queue = this.bySupporter.get(item.supporter) ?? { items: [], next: 0 };
      queue.items.push(item);
      this.bySupporter.set(item.supporter, queue);
    }
  }

  /** Starts handing out from the beginning (for a new server with an empty database). */
  rewind(): void {
    this.next = 0;
    for (const queue of this.bySupporter.values()) queue.next = 0;
  }

  take(): SealedSubmission {
    if (this.next >= this.items.length) this.reused++;
    return this.items[this.next++ % this.items.length]!;
  }

  takeFor(supporter: number): SealedSubmission {
    const queue = this.bySupporter.get(supporter);
    if (queue === undefined) throw new Error(`no submissions sealed for supporter ${supporter}`);
    if (queue.next >= queue.items.length) this.reused++;
    return queue.items[queue.next++ % queue.items.length]!;
  }
}

const JSON_HEADERS = { 'content-type': 'application/json' };

/** The request sequence of one workload, addressed to the supporters as this server knows them. */
function workloadRequests(
  workload: Workload,
  pool: SubmissionPool,
  enrolled: readonly Enrolled[],
): AutocannonRequest[] {
  if (workload === 'hello') return [{ method: 'GET', path: '/' }];
  if (workload === 'submit') {
    return [
      {
        method: 'POST',
        path: '/api/v1/messages',
        headers: JSON_HEADERS,
        setupRequest: (request) => ({ ...request, body: submissionBody(pool.take(), enrolled) }),
      },
    ];
  }
  // submit → inbox → ack. Each cycle borrows the supporter that has been free
  // longest, so no other connection is using it (its inbox holds exactly the
  // message just submitted) and the sealed messages of all supporters are
  // drawn on evenly.
  const free = enrolled.map((_, i) => i);
  let spare = 0;
  const supporterOf = (context: Record<string, unknown>) => context.supporter as number;
  return [
    {
      method: 'POST',
      path: '/api/v1/messages',
      headers: JSON_HEADERS,
      setupRequest: (request, context) => {
        // With more connections than supporters, some cycles share one.
        const supporter = free.shift() ?? spare++ % enrolled.length;
        context.supporter = supporter;
        return { ...request, body: submissionBody(pool.takeFor(supporter), enrolled) };
      },
    },
    {
      method: 'GET',
      path: '/api/v1/inbox',
      setupRequest: (request, context) => ({
        ...request,
        headers: { authorization: `Bearer ${enrolled[supporterOf(context)]!.token}` },
      }),
      onResponse: (status, body, context) => {
        context.ids =
          status === 200
            ? (JSON.parse(body) as { messages: { id: string }[] }).messages.map((m) => m.id)
            : [];
      },
    },
    {
      method: 'POST',
      path: '/api/v1/inbox/ack',
      setupRequest: (request, context) => ({
        ...request,
        headers: {
          ...JSON_HEADERS,
          authorization: `Bearer ${enrolled[supporterOf(context)]!.token}`,
        },
        body: JSON.stringify({ ids: context.ids ?? [] }),
      }),
      onResponse: (_status, _body, context) => {
        free.push(supporterOf(context));
      },
    },
  ];
}

export interface ScenarioRun extends LoadRun {
  peakRssMb: number;
  /** Submissions that had to be reused because the pool ran out (should be 0). */
  reusedSubmissions: number;
}

export interface ScenarioSpec {
  kind: ServerKind;
  workload: Workload;
  connections: number;
  seconds: number;
  warmupSeconds: number;
  /** Supporters to enrol (submissions are addressed round-robin). */
  supporters: readonly BoxKeyPair[];
  pool: SubmissionPool;
  /**
   * Profile the measured run with bench/lib/server-probe.ts: its CPU profile
   * and statement tally are written into this directory.
   */
  profileDir?: string;
}

export interface ProfiledRun {
  run: ScenarioRun;
  cpu: ProfileSummary;
  probe: ServerProbeReport;
  /** Requests (cycles for the cycle workload) of the measured run, for per-unit figures. */
  units: number;
}

/** One repetition: a fresh server on a fresh database, warm-up, one measured run. */
export async function runScenario(spec: ScenarioSpec): Promise<ScenarioRun> {
  const dir = freshDataDir();
  const base = serverSpec(spec.kind, dir);
  const profiling =
    spec.profileDir === undefined ? {} : { preload: ['./bench/lib/server-probe.ts'] };
  const env = {
    ...base.env,
    ...(spec.profileDir === undefined
      ? {}
      : { SERVER_PROBE_FILE: join(spec.profileDir, 'server-probe.json') }),
  };
  const server = await startServer({ ...base, ...profiling, env });
  try {
    const isRelay = spec.kind === 'relay' || spec.kind === 'relayBundled';
    const enrolled = isRelay
      ? await enrolOnRelay(server.url, spec.supporters)
      : enrolOnMinimal(spec.supporters);
    spec.pool.rewind();
    const reusedBefore = spec.pool.reused;
    const load = {
      connections: spec.connections,
      requests: workloadRequests(spec.workload, spec.pool, enrolled),
      requestsPerUnit: spec.workload === 'cycle' ? 3 : 1,
    };
    const run = await runLoad(server, {
      ...load,
      seconds: spec.seconds,
      warmupSeconds: spec.warmupSeconds,
      // Profiling starts with the measurement, leaving out start-up, enrolment and warm-up.
      onMeasure: () => {
        if (spec.profileDir !== undefined) server.signal('SIGUSR2');
      },
    });
    return {
      ...run,
      peakRssMb: peakRssBytes(server.pid) / 2 ** 20,
      reusedSubmissions: spec.pool.reused - reusedBefore,
    };
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One profiled repetition: the run itself, its CPU profile and its statement tally. */
export async function profileScenario(
  spec: ScenarioSpec & { profileDir: string },
): Promise<ProfiledRun> {
  rmSync(spec.profileDir, { recursive: true, force: true });
  mkdirSync(spec.profileDir, { recursive: true });
  const run = await runScenario(spec);
  const probe = JSON.parse(
    readFileSync(join(spec.profileDir, 'server-probe.json'), 'utf8'),
  ) as ServerProbeReport;
  const cpu = summarizeProfile(join(spec.profileDir, 'server.cpuprofile'));
  return { run, cpu, probe, units: run.requests / (spec.workload === 'cycle' ? 3 : 1) };
}

export interface ScenarioSummary {
  requestsPerSecond: Summary;
  p50Ms: Summary;
  p99Ms: Summary;
  cpuMicrosPerRequest: Summary;
  peakRssMb: Summary;
  failures: number;
  reusedSubmissions: number;
}

export function summarizeRuns(runs: readonly ScenarioRun[]): ScenarioSummary {
  return {
    requestsPerSecond: summarize(runs.map((r) => r.requestsPerSecond)),
    p50Ms: summarize(runs.map((r) => r.p50Ms)),
    p99Ms: summarize(runs.map((r) => r.p99Ms)),
    cpuMicrosPerRequest: summarize(runs.map((r) => r.cpuMicrosPerRequest)),
    peakRssMb: summarize(runs.map((r) => r.peakRssMb)),
    failures: runs.reduce((sum, r) => sum + r.failures, 0),
    reusedSubmissions: runs.reduce((sum, r) => sum + r.reusedSubmissions, 0),
  };
}

// --- inbox fetch time -----------------------------------------------------------

export interface InboxFetchRun {
  pending: number;
  /** Median of the fetches in this repetition. */
  ms: number;
  bytes: number;
  cpuMicrosPerFetch: number;
}

/**
 * Time of `GET /api/v1/inbox` for one supporter as the pending messages grow
 * to each level: `fetches` sequential fetches per repetition, on a kept-alive
 * connection, timed to the last byte of the body.
 */
export async function measureInboxFetch(options: {
  kind: 'relay' | 'minimal';
  levels: readonly number[];
  repetitions: number;
  fetches: number;
  supporter: BoxKeyPair;
  submissions: readonly SealedSubmission[];
}): Promise<InboxFetchRun[][]> {
  const dir = freshDataDir();
  const server = await startServer(serverSpec(options.kind, dir));
  const runs: InboxFetchRun[][] = [];
  try {
    const enrolled =
      options.kind === 'relay'
        ? await enrolOnRelay(server.url, [options.supporter])
        : enrolOnMinimal([options.supporter]);
    let seeded = 0;
    for (const level of options.levels) {
      await submitAll(server.url, options.submissions.slice(seeded, level), enrolled);
      seeded = level;
      const levelRuns: InboxFetchRun[] = [];
      for (let rep = 0; rep < options.repetitions; rep++) {
        levelRuns.push(
          await fetchInboxRepeatedly(server, enrolled[0]!.token, options.fetches, level),
        );
      }
      runs.push(levelRuns);
    }
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  return runs;
}

async function fetchInboxRepeatedly(
  server: ServerProcess,
  token: string,
  fetches: number,
  pending: number,
): Promise<InboxFetchRun> {
  const times: number[] = [];
  let bytes = 0;
  const cpuBefore = cpuMicros(server.pid);
  for (let i = 0; i < fetches; i++) {
    const started = performance.now();
    const response = await fetch(`${server.url}/api/v1/inbox`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    const body = await response.text();
    times.push(performance.now() - started);
    if (response.status !== 200) throw new Error(`inbox: ${response.status} ${body}`);
    const count = (JSON.parse(body) as { messages: unknown[] }).messages.length;
    if (count !== pending) throw new Error(`inbox held ${count} messages, expected ${pending}`);
    bytes = body.length;
  }
  return {
    pending,
    ms: median(times),
    bytes,
    cpuMicrosPerFetch: (cpuMicros(server.pid) - cpuBefore) / fetches,
  };
}
