/**
 * Debian's Caddy in front of a relay under test, running the shipped
 * deploy/Caddyfile unchanged: only its environment placeholders differ from
 * production (high ports, 127.0.0.1 only, no admin endpoint, storage in a
 * temporary directory). The site address is an IP, for which Caddy issues
 * the certificate from its internal CA (as `tls internal` would), so the
 * tests trust exactly that CA and nothing else.
 *
 * `stopStartedCaddies()` kills, by pid, every Caddy started here.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Agent } from 'undici';
import { freePort, killProcessGroups, PROJECT_ROOT } from './process-helpers.ts';
import { overHttp } from './transport.ts';

/** Where Debian installs it (scripts/ensure-test-programs.ts installs it for `npm test`). */
export const CADDY = '/usr/bin/caddy';

/** The configuration deployers copy (docs/deploy-node.md). */
export const SHIPPED_CADDYFILE = join(PROJECT_ROOT, 'deploy/Caddyfile');

export interface CaddyProcess {
  readonly pid: number;
  /** `https://127.0.0.1:<port>`: the relay through Caddy. */
  readonly origin: string;
  /** `http://127.0.0.1:<port>`: Caddy's HTTP→HTTPS redirect. */
  readonly httpOrigin: string;
  /** Trusts Caddy's internal root CA only: `overHttp(origin, token, { dispatcher })`. */
  readonly dispatcher: Agent;
  /**
   * base64 SHA-256 of the internal CA's signing (intermediate) key, for
   * Chromium's `--ignore-certificate-errors-spki-list`. Not the root's: that
   * flag matches certificates in the chain the server presents, and Caddy
   * presents its leaf and intermediate only.
   */
  readonly caSpkiHash: string;
  /** Everything Caddy printed, stdout then stderr. */
  output(): string;
  /** Kills this Caddy by its pid and waits until it has gone. */
  stop(): Promise<void>;
}

const started = new Set<ChildProcess>();

/** Fails with one line saying what to do, so a missing Caddy never passes as a skip. */
export function requireCaddy(): void {
  if (!existsSync(CADDY)) {
    throw new Error(
      `This test needs Debian's Caddy at ${CADDY}: run "sudo apt-get install -y caddy" (npm test does it as root).`,
    );
  }
}

/** The environment the shipped Caddyfile reads, for a test instance keeping all it writes in `dir`. */
function caddyEnv(dir: string, upstream: string, httpsPort: number, httpPort: number) {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: dir,
    XDG_DATA_HOME: join(dir, 'data'),
    XDG_CONFIG_HOME: join(dir, 'config'),
    PEER_RELAY_SITE: '127.0.0.1',
    PEER_RELAY_BIND: '127.0.0.1',
    PEER_RELAY_HTTPS_PORT: String(httpsPort),
    PEER_RELAY_HTTP_PORT: String(httpPort),
    PEER_RELAY_CADDY_ADMIN: 'off',
    PEER_RELAY_UPSTREAM: upstream,
  };
}

/**
 * Starts Caddy with the shipped Caddyfile on `https://127.0.0.1:<httpsPort>`
 * in front of `upstream` (`127.0.0.1:<port>`, which must already answer
 * `/healthz`), keeping its data and config under `dir` (created); resolves
 * once `/healthz` answers through it over HTTPS.
 */
export async function startCaddy(
  dir: string,
  upstream: string,
  httpsPort: number,
): Promise<CaddyProcess> {
  requireCaddy();
  mkdirSync(dir, { recursive: true });
  const httpPort = await freePort();
  const child = spawn(CADDY, ['run', '--config', SHIPPED_CADDYFILE, '--adapter', 'caddyfile'], {
    cwd: dir,
    env: caddyEnv(dir, upstream, httpsPort, httpPort),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  if (child.pid === undefined) throw new Error(`could not start ${CADDY}`);
  started.add(child);
  child.on('close', () => started.delete(child));
  let out = '';
  let err = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    out += chunk;
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    err += chunk;
  });
  const origin = `https://127.0.0.1:${httpsPort}`;
  const authority = join(dir, 'data/caddy/pki/authorities/local');
  const rootPath = join(authority, 'root.crt');
  // The internal CA is made at start, the site's certificate just after: poll
  // until both exist and /healthz answers over HTTPS trusting that CA alone.
  let trusted: { root: string; dispatcher: Agent } | undefined;
  const deadline = Date.now() + 30_000;
  while (trusted === undefined) {
    if (child.exitCode !== null) throw new Error(`caddy exited early:\n${err}`);
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for caddy to serve ${origin}:\n${err}`);
    }
    trusted = await answersOverHttps(origin, rootPath);
    if (trusted === undefined) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const { root, dispatcher } = trusted;
  const intermediate = new X509Certificate(readFileSync(join(authority, 'intermediate.crt')));
  if (!intermediate.checkIssued(new X509Certificate(root))) {
    throw new Error("caddy's intermediate is not issued by its root");
  }
  const spki = intermediate.publicKey.export({ type: 'spki', format: 'der' });
  return {
    pid: child.pid,
    origin,
    httpOrigin: `http://127.0.0.1:${httpPort}`,
    dispatcher,
    caSpkiHash: createHash('sha256').update(spki).digest('base64'),
    output: () => out + err,
    async stop() {
      await killProcessGroups([child]);
      await dispatcher.close();
    },
  };
}

/** An agent trusting the root at `rootPath`, if it exists and `/healthz` answers 200 through it. */
async function answersOverHttps(
  origin: string,
  rootPath: string,
): Promise<{ root: string; dispatcher: Agent } | undefined> {
  if (!existsSync(rootPath)) return undefined;
  // Read afresh each time: a first read may catch the file half written.
  const root = readFileSync(rootPath, 'utf8');
  const dispatcher = new Agent({ connect: { ca: root } });
  const answer = await overHttp(origin, '', { dispatcher, timeoutMs: 5_000 })
    .request('GET', '/healthz')
    .catch(() => undefined);
  if (answer?.status === 200) return { root, dispatcher };
  await dispatcher.close();
  return undefined;
}

/** Kills, by pid (its process group), every Caddy started here that still runs. */
export function stopStartedCaddies(): Promise<void> {
  return killProcessGroups([...started]);
}
