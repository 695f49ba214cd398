/**
 * @module
 * Servers under test as child processes: `node --import tsx <entry>`, pinned
 * to one core with `taskset` when it exists (the load generator takes
 * another), listening on 127.0.0.1 only. Their CPU time and peak resident
 * memory are read from /proc, so the servers need no instrumentation.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Cores for the server and the load generator; null when there is nothing to pin with. */
export const PINNING: { server: string; client: string } | null = (() => {
  if (!existsSync('/usr/bin/taskset') && !existsSync('/bin/taskset')) return null;
  const cores = availableCores();
  if (cores.length < 2) return null;
  return { server: String(cores[0]), client: String(cores[1]) };
})();

function availableCores(): number[] {
  try {
    const line = readFileSync('/proc/self/status', 'utf8').match(/Cpus_allowed_list:\s*(.+)/);
    if (line?.[1] === undefined) return [];
    return line[1].split(',').flatMap((part) => {
      const [from, to] = part.split('-').map(Number);
      if (from === undefined || Number.isNaN(from)) return [];
      const last = to ?? from;
      return Array.from({ length: last - from + 1 }, (_, i) => from + i);
    });
  } catch {
    return [];
  }
}

let allCores: string | undefined;

/**
 * Pins this process (every thread, and children started later) to the load
 * generator's core; `pinSelf(false)` restores the original set.
 */
export function pinSelf(toClientCore: boolean): void {
  if (PINNING === null) return;
  allCores ??= availableCores().join(',');
  const cores = toClientCore ? PINNING.client : allCores;
  execFileSync('taskset', ['-a', '-p', '-c', cores, String(process.pid)], { stdio: 'ignore' });
}

const CLOCK_TICKS_PER_SECOND = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** User plus system CPU time of a process (all its threads), in microseconds. */
export function cpuMicros(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name, which is in parentheses and may contain spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1_000_000) / CLOCK_TICKS_PER_SECOND;
}

/** Peak resident set size (VmHWM) of a live process, in bytes. */
export function peakRssBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = Number(status.match(/VmHWM:\s*(\d+) kB/)?.[1] ?? Number.NaN);
  return kib * 1024;
}

/** A port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address !== null && typeof address === 'object') resolve(address.port);
        else reject(new Error('no port assigned'));
      });
    });
  });
}

export interface ServerProcess {
  readonly pid: number;
  readonly port: number;
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  /** Milliseconds from spawn to the first 200 from `/readyz`. */
  readonly readyMs: number;
  output(): string;
  signal(signal: NodeJS.Signals): void;
  /** SIGTERM (the relay checkpoints and exits), SIGKILL after 10 s. */
  stop(): Promise<void>;
}

export interface ServerSpec {
  /** Entry file relative to the project root, e.g. `src/node.ts`. */
  entry: string;
  env?: Record<string, string>;
  /** Extra `node` flags, e.g. `--cpu-prof`. */
  nodeFlags?: string[];
  /** Modules imported before the entry, after tsx (so they may be TypeScript). */
  preload?: string[];
  /** Run a JavaScript entry with plain node, without tsx. */
  plainNode?: boolean;
}

const running = new Set<ChildProcess>();

/** Starts `node --import tsx <entry>` pinned to the server core; resolves once `/readyz` answers 200. */
export async function startServer(spec: ServerSpec): Promise<ServerProcess> {
  const port = await freePort();
  const nodeArgs = [
    ...(spec.nodeFlags ?? []),
    // The profiling preloads are TypeScript, so they bring tsx even to a plain-node entry.
    ...(spec.plainNode && (spec.preload ?? []).length === 0 ? [] : ['--import', 'tsx']),
    ...(spec.preload ?? []).flatMap((module) => ['--import', module]),
    spec.entry,
  ];
  const [command, args] =
    PINNING === null
      ? [process.execPath, nodeArgs]
      : ['taskset', ['-c', PINNING.server, process.execPath, ...nodeArgs]];
  const env: Record<string, string> = { PORT: String(port), HOST: '127.0.0.1' };
  for (const name of ['PATH', 'HOME', 'TMPDIR']) {
    const value = process.env[name];
    if (value !== undefined) env[name] = value;
  }
  const started = performance.now();
  const child = spawn(command, args, {
    cwd: ROOT,
    env: { ...env, ...spec.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  if (child.pid === undefined) throw new Error(`could not start ${spec.entry}`);
  running.add(child);
  let output = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    output += chunk;
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    output += chunk;
  });
  const exited = new Promise<void>((resolve) => {
    child.on('close', () => {
      running.delete(child);
      resolve();
    });
  });
  const pid = child.pid;
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForReady(url, () => child.exitCode !== null || child.signalCode !== null);
  } catch (error) {
    killGroup(pid, 'SIGKILL');
    throw new Error(`${spec.entry} did not become ready: ${(error as Error).message}\n${output}`);
  }
  const readyMs = performance.now() - started;
  return {
    pid,
    port,
    url,
    readyMs,
    output: () => output,
    signal: (signal) => process.kill(pid, signal),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      killGroup(pid, 'SIGTERM');
      const timer = setTimeout(() => killGroup(pid, 'SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

/** Kills every server still running (on an error path or at exit). */
export function killAllServers(): void {
  for (const child of running) if (child.pid !== undefined) killGroup(child.pid, 'SIGKILL');
}

/** Polls `GET /readyz` on fresh connections every 2 ms until it answers 200 (30 s at most). */
async function waitForReady(url: string, gone: () => boolean): Promise<void> {
  const deadline = performance.now() + 30_000;
  while (performance.now() < deadline) {
    if (gone()) throw new Error('the process exited');
    if ((await statusOf(`${url}/readyz`)) === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  throw new Error('timed out after 30 s');
}

function statusOf(url: string): Promise<number> {
  return new Promise((resolve) => {
    const request = http.get(url, { agent: false }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on('error', () => resolve(0));
    request.setTimeout(2000, () => request.destroy());
  });
}
