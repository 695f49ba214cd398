/**
 * @module
 * A preload for servers under profile (`--import bench/lib/server-probe.ts`),
 * never used in measured runs. `SIGUSR2` starts the measurement, so start-up,
 * the enrolment of supporters and the warm-up are left out; from then on it
 * runs V8's CPU profiler (in process, through `node:inspector`), times every
 * libSQL statement by its SQL text and samples the process's memory. At exit
 * it writes the tally to `SERVER_PROBE_FILE` and the profile next to it
 * (`server.cpuprofile`).
 *
 * The relay (src/db/libsql-file.ts) and the baselines (@libsql/client) both
 * run their statements through the synchronous `libsql` package: wrapping
 * that package's `prepare`, `run` and `all` sees every statement, and the
 * time of a `COMMIT` includes its fsync. The relay prepares each statement
 * once, so its "(prepare)" line counts only first uses.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

interface StatementLike {
  run(...args: unknown[]): unknown;
  all(...args: unknown[]): unknown;
}

interface LibsqlModule {
  prototype: { prepare(sql: string): StatementLike };
}

export interface StatementTally {
  sql: string;
  calls: number;
  ms: number;
  /** The slowest single call. */
  maxMs: number;
}

export interface ServerProbeReport {
  statements: StatementTally[];
  /** The memory sample with the highest RSS, in MiB. */
  peakMemoryMb: {
    rss: number;
    heapTotal: number;
    heapUsed: number;
    external: number;
    arrayBuffers: number;
  };
}

const output = process.env.SERVER_PROBE_FILE;
const require = createRequire(import.meta.url);
const Database = require('libsql') as LibsqlModule;

let tally = new Map<string, { calls: number; ms: number; maxMs: number }>();
const sqlOf = new WeakMap<object, string>();

function record(sql: string, ms: number): void {
  const entry = tally.get(sql) ?? { calls: 0, ms: 0, maxMs: 0 };
  entry.calls++;
  entry.ms += ms;
  entry.maxMs = Math.max(entry.maxMs, ms);
  tally.set(sql, entry);
}

function normalise(sql: string): string {
  return sql
    .replace(/\s+/g, ' ')
    .replace(/\(\s*\?(\s*,\s*\?)+\s*\)/g, '(?, …)')
    .trim();
}

const prepare = Database.prototype.prepare;
Database.prototype.prepare = function preparedAndTimed(this: unknown, sql: string) {
  const started = performance.now();
  const statement = prepare.call(this, sql);
  const text = normalise(sql);
  record('(prepare)', performance.now() - started);
  sqlOf.set(statement, text);
  const proto = Object.getPrototypeOf(statement) as StatementLike & { __timed?: boolean };
  if (!proto.__timed) {
    proto.__timed = true;
    for (const method of ['run', 'all'] as const) {
      const original = proto[method];
      proto[method] = function timed(this: object, ...args: unknown[]) {
        const begun = performance.now();
        try {
          return original.apply(this, args);
        } finally {
          record(sqlOf.get(this) ?? '(unknown)', performance.now() - begun);
        }
      };
    }
  }
  return statement;
};

const toMb = (bytes: number) => bytes / 2 ** 20;
let peak = process.memoryUsage();
const sampler = setInterval(() => {
  const now = process.memoryUsage();
  if (now.rss > peak.rss) peak = now;
}, 50);
sampler.unref();

const inspector = new Session();
inspector.connect();
let profiling = false;

process.on('SIGUSR2', () => {
  tally = new Map();
  peak = process.memoryUsage();
  inspector.post('Profiler.enable');
  inspector.post('Profiler.start');
  profiling = true;
});

process.on('exit', () => {
  if (output === undefined) return;
  if (profiling) {
    // An in-process inspector session answers synchronously, so this works in 'exit'.
    inspector.post('Profiler.stop', (error, result) => {
      if (error === null) {
        writeFileSync(join(dirname(output), 'server.cpuprofile'), JSON.stringify(result.profile));
      }
    });
  }
  const report: ServerProbeReport = {
    statements: [...tally].map(([sql, entry]) => ({ sql, ...entry })).sort((a, b) => b.ms - a.ms),
    peakMemoryMb: {
      rss: toMb(peak.rss),
      heapTotal: toMb(peak.heapTotal),
      heapUsed: toMb(peak.heapUsed),
      external: toMb(peak.external),
      arrayBuffers: toMb(peak.arrayBuffers),
    },
  };
  writeFileSync(output, JSON.stringify(report));
});
