/**
 * Helpers for tests that look at the relay from the outside: the real server
 * as a child process (its bundle, as `npm start` runs it), a free port, a request
 * that is held in flight, and byte-level scans of the libSQL files.
 *
 * Every wait is bounded, and every child started here is remembered so that
 * `stopStartedRelays()` (called from `afterEach`) can kill it by its pid.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { TOOLS } from '../../scripts/build-server.ts';

export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** A port nobody listens on right now: the kernel picks one for a throwaway listener. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
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

/** Rejects with a message naming `what` when `promise` has not settled within `ms`. */
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface RelayProcess {
  readonly pid: number;
  /** `http://127.0.0.1:<port>` */
  readonly baseUrl: string;
  stdout(): string;
  stderr(): string;
  running(): boolean;
  /** Resolves with the first match in stdout; rejects on timeout or if the process ends first. */
  waitForStdout(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  /** Resolves once the process has exited and its output is complete. */
  waitForExit(timeoutMs?: number): Promise<Exit>;
  /** Sends `signal` to this process only. */
  signal(signal: NodeJS.Signals): void;
}

/**
 * How the relay is started: as `npm start` runs it (the bundle, the default),
 * from its sources, or by `npm start` in an installed release (see
 * {@link Release}).
 */
export type Launcher = 'node-import-tsx' | 'tsx-bin' | 'bundle' | Release;

/** An installed release, run by `npm start` in `dir`, as `user` when given (a root test drops to it). */
export interface Release {
  dir: string;
  user?: { uid: number; gid: number };
}

const started = new Set<ChildProcess>();

/**
 * The environment of a relay under test: only what a process needs to run,
 * so no OPERATOR_TOKEN or SERVER_SECRET leaks in from the developer's shell.
 */
export function relayEnv(values: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const name of ['PATH', 'HOME', 'TMPDIR', 'SYSTEMROOT']) {
    const value = process.env[name];
    if (value !== undefined) env[name] = value;
  }
  return { ...env, ...values };
}

/**
 * Where test/process/global-setup.ts builds the relay and its tools
 * (scripts/build-server.ts): beside dist/, so they find web/dist the same
 * way, without racing `npm start`.
 */
export const BUILD_DIR = `${PROJECT_ROOT}dist-test/`;
export const bundlePath = `${BUILD_DIR}node.mjs`;

/** How a tool run ended: its exit status (null if killed) and its whole output. */
export interface ToolRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs a command-line tool from the build, as its npm script does
 * (`node dist/<tool>.mjs`), with only `env` and what {@link relayEnv} keeps,
 * bounded in time. Not synchronously: the relay it talks to may be served
 * from this process (workerd's), and the test's own connections stay served.
 */
export function runTool(
  tool: (typeof TOOLS)[number],
  args: string[],
  env: Record<string, string>,
): Promise<ToolRun> {
  const options = {
    cwd: PROJECT_ROOT,
    env: relayEnv(env),
    encoding: 'utf8',
    timeout: 120_000,
  } as const;
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [`${BUILD_DIR}${tool}.mjs`, ...args],
      options,
      (error, stdout, stderr) => {
        const status = error === null ? 0 : typeof error.code === 'number' ? error.code : null;
        resolve({ status, stdout, stderr });
      },
    );
  });
}

/** Starts the relay as a child process; does not wait for it to listen. */
export function spawnRelay(
  env: Record<string, string>,
  launcher: Launcher = 'bundle',
): RelayProcess {
  const [command, args] =
    typeof launcher === 'object'
      ? ['npm', ['start', '--silent']]
      : launcher === 'tsx-bin'
        ? [`${PROJECT_ROOT}node_modules/.bin/tsx`, ['src/node.ts']]
        : launcher === 'bundle'
          ? [process.execPath, [bundlePath]]
          : [process.execPath, ['--import', 'tsx', 'src/node.ts']];
  const release = typeof launcher === 'object' ? launcher : undefined;
  const child = spawn(command, args, {
    cwd: release?.dir ?? PROJECT_ROOT,
    ...release?.user,
    env: relayEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so cleanup also reaches tsx's grandchild.
    detached: true,
  });
  if (child.pid === undefined) throw new Error(`could not start ${command}`);
  started.add(child);
  let out = '';
  let err = '';
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const listener of listeners) listener();
  };
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    out += chunk;
    notify();
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    err += chunk;
    notify();
  });
  let exit: Exit | undefined;
  const exited = new Promise<Exit>((resolve) => {
    child.on('close', (code, signal) => {
      exit = { code, signal };
      started.delete(child);
      resolve(exit);
      notify();
    });
  });
  const pid = child.pid;
  return {
    pid,
    baseUrl: `http://127.0.0.1:${env.PORT ?? '8787'}`,
    stdout: () => out,
    stderr: () => err,
    running: () => exit === undefined,
    waitForStdout(pattern, timeoutMs = 20_000) {
      const found = new Promise<RegExpMatchArray>((resolve, reject) => {
        const check = () => {
          const match = out.match(pattern);
          if (match) {
            listeners.delete(check);
            resolve(match);
          } else if (exit !== undefined) {
            listeners.delete(check);
            reject(
              new Error(
                `relay exited (${JSON.stringify(exit)}) before printing ${pattern}\nstdout: ${out}\nstderr: ${err}`,
              ),
            );
          }
        };
        listeners.add(check);
        check();
      });
      return within(found, timeoutMs, `${pattern} on stdout (stdout so far: ${out})`);
    },
    waitForExit(timeoutMs = 10_000) {
      return within(exited, timeoutMs, `relay ${pid} to exit`);
    },
    signal(signal) {
      process.kill(pid, signal);
    },
  };
}

/** Starts the relay and waits until it logs `listening`. */
export async function startRelay(
  env: Record<string, string>,
  launcher: Launcher = 'bundle',
): Promise<RelayProcess> {
  const relay = spawnRelay(env, launcher);
  await relay.waitForStdout(/"event":"listening"/, 30_000);
  return relay;
}

/** Kills, by pid (its whole process group), every relay started here that is still running. */
export async function stopStartedRelays(): Promise<void> {
  await killProcessGroups([...started]);
  started.clear();
}

/** Kills each child's process group by its pid and waits (bounded) until each has closed. */
export async function killProcessGroups(children: ChildProcess[]): Promise<void> {
  for (const child of children) {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
  await Promise.all(
    children.map((child) =>
      within(
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) resolve();
          else child.once('close', () => resolve());
        }),
        5_000,
        `process ${child.pid} to die`,
      ).catch(() => undefined),
    ),
  );
}

export interface HeldResponse {
  status: number;
  text: string;
}

/**
 * POSTs `body` to `url` in two steps: the headers go out with
 * `Expect: 100-continue`; once the server has parsed them (it answers
 * `100 Continue`, so the request is in flight on its side) `whileHeld` runs,
 * and only then is the body sent.
 */
export function postHeldInFlight(
  url: string,
  headers: Record<string, string>,
  body: string,
  whileHeld: () => Promise<void>,
  timeoutMs = 15_000,
): Promise<HeldResponse> {
  const done = new Promise<HeldResponse>((resolve, reject) => {
    const request = http.request(url, {
      method: 'POST',
      headers: {
        ...headers,
        'Content-Length': String(Buffer.byteLength(body)),
        Expect: '100-continue',
      },
    });
    request.on('error', reject);
    request.on('continue', () => {
      whileHeld().then(
        () => request.end(body),
        (error: unknown) => {
          request.destroy();
          reject(error);
        },
      );
    });
    request.on('response', (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        text += chunk;
      });
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
      response.on('error', reject);
    });
    request.flushHeaders();
  });
  return within(done, timeoutMs, `the held request to ${url}`);
}

export interface DatabaseFile {
  name: string;
  bytes: Buffer;
}

/** `relay.db` and, when present, its `-wal` and `-shm` files, as raw bytes. */
export function readDatabaseFiles(dbPath: string): DatabaseFile[] {
  return ['', '-wal', '-shm']
    .map((suffix) => `${dbPath}${suffix}`)
    .filter((path) => existsSync(path))
    .map((path) => ({ name: path.slice(path.lastIndexOf('/') + 1), bytes: readFileSync(path) }));
}

/** The names of the files that contain `needle` anywhere. */
export function filesContaining(files: DatabaseFile[], needle: Uint8Array | string): string[] {
  const bytes = typeof needle === 'string' ? Buffer.from(needle, 'utf8') : Buffer.from(needle);
  if (bytes.length === 0) throw new Error('an empty needle matches everything');
  return files.filter((file) => file.bytes.includes(bytes)).map((file) => file.name);
}

function strictB64Decode(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]+$/.test(text) || text.length % 4 === 1) return null;
  const bytes = Buffer.from(text, 'base64url');
  return bytes.toString('base64url') === text ? new Uint8Array(bytes) : null;
}

/**
 * Every spelling under which a secret could end up in a file: its text, the
 * base64url and base64 of that text, and, when the text is base64url, the
 * raw bytes it stands for in raw, hex and standard base64 form.
 */
export function secretForms(secret: string): { label: string; needle: Uint8Array | string }[] {
  const text = Buffer.from(secret, 'utf8');
  const forms: { label: string; needle: Uint8Array | string }[] = [
    { label: 'text', needle: secret },
    { label: 'base64url(text)', needle: text.toString('base64url') },
    { label: 'base64(text)', needle: text.toString('base64').replace(/=+$/, '') },
  ];
  const raw = strictB64Decode(secret);
  if (raw !== null && raw.length >= 8) {
    const buffer = Buffer.from(raw);
    forms.push(
      { label: 'raw bytes', needle: raw },
      { label: 'hex', needle: buffer.toString('hex') },
      { label: 'HEX', needle: buffer.toString('hex').toUpperCase() },
      { label: 'base64(raw)', needle: buffer.toString('base64').replace(/=+$/, '') },
    );
  }
  return forms;
}

/** `label: form → files` for every form of every secret found in `files`; empty when clean. */
export function leakedSecrets(files: DatabaseFile[], secrets: Record<string, string>): string[] {
  const leaks: string[] = [];
  for (const [label, secret] of Object.entries(secrets)) {
    for (const form of secretForms(secret)) {
      const where = filesContaining(files, form.needle);
      if (where.length > 0) leaks.push(`${label} as ${form.label} in ${where.join(', ')}`);
    }
  }
  return leaks;
}

/** The 64 bytes in the middle of `bytes`: content only this ciphertext has. */
export function middleSlice(bytes: Uint8Array, length = 64): Uint8Array {
  const start = Math.floor((bytes.length - length) / 2);
  return bytes.slice(start, start + length);
}

/**
 * GETs `url` on a brand-new connection (no keep-alive reuse) and resolves
 * with the status, or with the error code when no connection can be made.
 */
export function getOnNewConnection(url: string, timeoutMs = 5_000): Promise<number | string> {
  const attempt = new Promise<number | string>((resolve) => {
    const request = http.get(url, { agent: false }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
  return within(attempt, timeoutMs, `GET ${url}`);
}
