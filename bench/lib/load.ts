/**
 * @module
 * One bounded load run with autocannon against a server process: a warm-up
 * and then the measured seconds, on the same connections. Only responses that
 * arrive after the warm-up count, and the server's CPU time is read from /proc
 * at that moment and at the end.
 *
 * Warming up on the same connections matters at 200 connections: a run that
 * opens its connections afresh sees some of the first requests take 1 to 5 s
 * (hello world, baseline B and the relay alike), which would be that run's
 * p99. Only requests sent after the warm-up count.
 */
import autocannon, { type AutocannonRequest } from 'autocannon';
import { cpuMicros, type ServerProcess } from './processes.ts';
import { quantile } from './stats.ts';

export interface LoadRun {
  connections: number;
  seconds: number;
  /** Completed requests (every status) in the measured seconds. */
  requests: number;
  /** Responses that were not 2xx, plus socket errors and timeouts: should be 0. */
  failures: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Server CPU time (user + system) per completed request. */
  cpuMicrosPerRequest: number;
}

export interface LoadSpec {
  connections: number;
  /** Measured seconds, after the warm-up. */
  seconds: number;
  /** Seconds of load before the measurement starts (0 for none). */
  warmupSeconds?: number;
  /** The request sequence each connection cycles through. */
  requests: AutocannonRequest[];
  /** Requests per unit the caller counts (3 for a submit → inbox → ack cycle). */
  requestsPerUnit?: number;
  /** Called when the measurement starts (e.g. to start a profiler). */
  onMeasure?: () => void;
}

export async function runLoad(server: ServerProcess, spec: LoadSpec): Promise<LoadRun> {
  const warmupMs = (spec.warmupSeconds ?? 0) * 1000;
  const latencies: number[] = [];
  let measuring = warmupMs === 0;
  let non2xx = 0;
  let cpuBefore = cpuMicros(server.pid);
  let started = performance.now();
  const instance = autocannon({
    url: server.url,
    connections: spec.connections,
    duration: spec.seconds + warmupMs / 1000,
    pipelining: 1,
    timeout: 30,
    requests: spec.requests,
  });
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    // Only requests sent after the warm-up: a first request that waited for
    // its connection can still be answered later.
    if (!measuring || performance.now() - responseTime < started) return;
    latencies.push(responseTime);
    if (statusCode < 200 || statusCode > 299) non2xx++;
  });
  const warmup =
    warmupMs === 0
      ? undefined
      : setTimeout(() => {
          cpuBefore = cpuMicros(server.pid);
          started = performance.now();
          measuring = true;
          spec.onMeasure?.();
        }, warmupMs);
  if (warmupMs === 0) spec.onMeasure?.();
  const result = await instance;
  clearTimeout(warmup);
  const cpu = cpuMicros(server.pid) - cpuBefore;
  const seconds = (performance.now() - started) / 1000;
  const requests = latencies.length;
  const perUnit = spec.requestsPerUnit ?? 1;
  return {
    connections: spec.connections,
    seconds,
    requests,
    failures: non2xx + result.errors + result.timeouts,
    requestsPerSecond: requests / perUnit / seconds,
    p50Ms: quantile(latencies, 0.5),
    p99Ms: quantile(latencies, 0.99),
    cpuMicrosPerRequest: requests > 0 ? (cpu / requests) * perUnit : Number.NaN,
  };
}
