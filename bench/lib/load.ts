/**
 * @module
 * One bounded load run with autocannon against a server process, with the
 * server's CPU time read from /proc before and after.
 */
import autocannon, { type AutocannonRequest } from 'autocannon';
import { cpuMicros, type ServerProcess } from './processes.ts';

export interface LoadRun {
  connections: number;
  seconds: number;
  /** Completed requests (every status). */
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
  seconds: number;
  /** The request sequence each connection cycles through. */
  requests: AutocannonRequest[];
  /** Requests per unit the caller counts (3 for a submit → inbox → ack cycle). */
  requestsPerUnit?: number;
}

export async function runLoad(server: ServerProcess, spec: LoadSpec): Promise<LoadRun> {
  const cpuBefore = cpuMicros(server.pid);
  const result = await autocannon({
    url: server.url,
    connections: spec.connections,
    duration: spec.seconds,
    pipelining: 1,
    timeout: 30,
    requests: spec.requests,
  });
  const cpu = cpuMicros(server.pid) - cpuBefore;
  const requests = result.requests.total;
  const seconds = result.duration;
  const perUnit = spec.requestsPerUnit ?? 1;
  return {
    connections: spec.connections,
    seconds,
    requests,
    failures: result.non2xx + result.errors + result.timeouts,
    requestsPerSecond: requests / perUnit / seconds,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    cpuMicrosPerRequest: requests > 0 ? (cpu / requests) * perUnit : Number.NaN,
  };
}
