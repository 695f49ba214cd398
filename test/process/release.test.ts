/**
 * A release as a deployer installs it (docs/deploy-node.md): the tarball of
 * `npm pack`, installed with `npm ci --omit=dev` into a directory of its own
 * that is then made read-only. The relay (`npm start`) and `npm run invite`
 * run from there, with no build tool, TypeScript loader or libsodium, and
 * write only to the database. Run as root (CI), they run as `nobody`, as
 * root would ignore the read-only modes.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../scripts/build-server.ts';
import {
  joinSupporter,
  newDoctor,
  overHttp,
  register,
  registrationFor,
} from '../support/actors.ts';
import {
  freePort,
  PROJECT_ROOT,
  type Release,
  startRelay,
  stopStartedRelays,
} from '../support/process-helpers.ts';

const OPERATOR_TOKEN = 'operator-token-for-release-tests-0123456789';
const NOBODY = { uid: 65534, gid: 65534 };
const user = process.getuid?.() === 0 ? NOBODY : undefined;

let dir: string;
let release: Release;
/** Where the relay may write: its database, and npm's own files under HOME. */
let data: string;
let home: string;

/** Every path under `root` with its size and modification time: what a write would change. */
function snapshot(root: string): string[] {
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .map((path) => {
      const stat = statSync(join(root, path));
      return `${path} ${stat.size} ${stat.mtimeMs}`;
    })
    .sort();
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'peer-relay-release-'));
  chmodSync(dir, 0o755);
  // dist/ from the sources as they are, as `npm install` builds it; web/dist
  // is built by test/global-setup.ts.
  await buildServer();
  const [packed] = JSON.parse(
    execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
    }),
  ) as [{ filename: string }];
  execFileSync('tar', ['-xzf', join(dir, packed.filename), '-C', dir]);
  release = { dir: join(dir, 'package'), ...(user === undefined ? {} : { user }) };
  execFileSync('npm', ['ci', '--omit=dev', '--no-audit', '--no-fund', '--prefer-offline'], {
    cwd: release.dir,
    stdio: 'pipe',
  });
  execFileSync('chmod', ['-R', 'a-w', release.dir]);
  data = join(dir, 'data');
  home = join(dir, 'home');
  for (const writable of [data, home]) {
    mkdirSync(writable);
    if (user !== undefined) chownSync(writable, user.uid, user.gid);
  }
}, 240_000);

afterAll(async () => {
  await stopStartedRelays();
  if (dir) {
    execFileSync('chmod', ['-R', 'u+w', dir]);
    rmSync(dir, { recursive: true, force: true });
  }
});

describe('a release installed with npm ci --omit=dev', () => {
  it('holds the build and one runtime dependency, not the sources or the build tools', () => {
    const files = readdirSync(release.dir);
    expect(files).toEqual(expect.arrayContaining(['dist', 'web', 'npm-shrinkwrap.json']));
    expect(files).not.toContain('src');
    const packages = readdirSync(join(release.dir, 'node_modules'));
    expect(packages).toContain('libsql');
    for (const tool of ['esbuild', 'tsx', 'typescript', 'libsodium-wrappers', 'hono', 'vitest']) {
      expect(packages).not.toContain(tool);
    }
  });

  it('runs the relay and npm run invite from a read-only directory, for a whole conversation', async () => {
    const before = snapshot(release.dir);
    const env = {
      DATABASE_URL: `file:${join(data, 'relay.db')}`,
      HOME: home,
      OPERATOR_TOKEN,
      POW_DIFFICULTY: '0',
    };
    const relay = await startRelay({ ...env, PORT: String(await freePort()) }, release);
    const transport = overHttp(relay.baseUrl, OPERATOR_TOKEN);

    // The pages, and the OpenAPI document, whose converter the bundle loads on demand.
    const page = await fetch(`${relay.baseUrl}/write`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('/assets/write.js');
    const openapi = await fetch(`${relay.baseUrl}/api/v1/openapi.json`);
    expect(((await openapi.json()) as { openapi: string }).openapi).toBe('3.1.0');

    const invite = spawnSync('npm', ['run', '--silent', 'invite', '--', '--note', 'Dr Hansen'], {
      cwd: release.dir,
      encoding: 'utf8',
      env: { PATH: process.env.PATH, ...env },
      ...user,
    });
    expect(invite.stderr).toBe('');
    const token = /\/supporter\/join#invite=([A-Za-z0-9_-]{43})\b/.exec(invite.stdout)?.[1] ?? '';
    expect(token).not.toBe('');
    const joined = await register(
      transport,
      (await registrationFor(transport, { invite: token })).body,
    );
    expect(joined.status).toBe(201);

    const supporter = await joinSupporter(transport);
    const doctor = await newDoctor(transport);
    await doctor.writeTo(supporter, 'Can we talk tonight?');
    const [received] = await supporter.readInbox({ acknowledge: true });
    expect(received?.message.text).toBe('Can we talk tonight?');
    await supporter.reply(received!.message, 'Yes, at eight.');
    expect((await doctor.readReplies(supporter)).map((reply) => reply.text)).toEqual([
      'Yes, at eight.',
    ]);

    expect(snapshot(release.dir)).toEqual(before);
    expect(readdirSync(data).filter((name) => !name.startsWith('relay.db'))).toEqual([]);
  }, 120_000);
});
