/**
 * @module
 * Cold start: from spawning `node dist/node.mjs` (as `npm start` runs the
 * relay, after its build) to the first 200 from `/readyz`, for the relay on
 * a fresh database (migrations, secrets, first sweep), on an existing one,
 * and for Hono's hello world bundled the same way. One untimed launch of
 * each comes first, so every timed launch finds the files in the page cache.
 */
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, startServer } from '../lib/processes.ts';
import { type ProfileSummary, summarizeProfile } from '../lib/profile.ts';
import { type Summary, summarize } from '../lib/stats.ts';
import { freshDataDir, serverSpec } from './server.ts';

export type ColdStartCase =
  | 'hello'
  | 'relayFresh'
  | 'relayExisting'
  | 'relayBundledFresh'
  | 'relayBundledExisting';

export interface ColdStartResult {
  runs: Record<ColdStartCase, number[]>;
  summary: Record<ColdStartCase, Summary>;
  /** Main-thread CPU profiles of one launch of each, from spawn to exit right after ready. */
  profiles: Partial<Record<ColdStartCase, { readyMs: number; cpu: ProfileSummary }>>;
}

type Kind = 'hello' | 'relay' | 'relayBundled';

async function launch(kind: Kind, dir: string, nodeFlags: string[] = []) {
  const server = await startServer({ ...serverSpec(kind, dir), nodeFlags });
  await server.stop();
  return server.readyMs;
}

/**
 * One launch under `--cpu-prof`, stopped as soon as it is ready: where the
 * start-up time goes. The main thread's profile is thread 0's file; the
 * others belong to tsx's module loader.
 */
async function profileLaunch(kind: Kind, dir: string, name: ColdStartCase) {
  const profileDir = join(ROOT, 'bench/out/profiles', `start-${name}`);
  rmSync(profileDir, { recursive: true, force: true });
  mkdirSync(profileDir, { recursive: true });
  const readyMs = await launch(kind, dir, ['--cpu-prof', `--cpu-prof-dir=${profileDir}`]);
  const main = readdirSync(profileDir).find((file) => /\.0\.\d+\.cpuprofile$/.test(file));
  if (main === undefined) throw new Error(`no main-thread profile in ${profileDir}`);
  return { readyMs, cpu: summarizeProfile(join(profileDir, main)) };
}

export async function measureColdStart(
  repetitions: number,
  /** `profileAll: false` (the smoke run) profiles one launch and skips the bundled restart. */
  options: { warmUp: boolean; profileAll: boolean },
): Promise<ColdStartResult> {
  const runs: Record<ColdStartCase, number[]> = {
    hello: [],
    relayFresh: [],
    relayExisting: [],
    relayBundledFresh: [],
    relayBundledExisting: [],
  };
  if (options.warmUp) {
    const warm = freshDataDir();
    await launch('hello', warm);
    await launch('relay', warm);
    await launch('relayBundled', warm);
    rmSync(warm, { recursive: true, force: true });
  }
  for (let rep = 0; rep < repetitions; rep++) {
    const dir = freshDataDir();
    try {
      runs.hello.push(await launch('hello', dir));
      runs.relayFresh.push(await launch('relay', dir));
      // The same database again, now migrated and holding its secrets.
      runs.relayExisting.push(await launch('relay', dir));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const bundled = freshDataDir();
    try {
      runs.relayBundledFresh.push(await launch('relayBundled', bundled));
      if (options.profileAll) {
        runs.relayBundledExisting.push(await launch('relayBundled', bundled));
      }
    } finally {
      rmSync(bundled, { recursive: true, force: true });
    }
  }
  const profiles: ColdStartResult['profiles'] = {};
  const dir = freshDataDir();
  try {
    if (options.profileAll) profiles.hello = await profileLaunch('hello', dir, 'hello');
    profiles.relayFresh = await profileLaunch('relay', dir, 'relayFresh');
    if (options.profileAll) {
      profiles.relayExisting = await profileLaunch('relay', dir, 'relayExisting');
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return {
    runs,
    profiles,
    summary: {
      hello: summarize(runs.hello),
      relayFresh: summarize(runs.relayFresh),
      relayExisting: summarize(runs.relayExisting),
      relayBundledFresh: summarize(runs.relayBundledFresh),
      relayBundledExisting: summarize(runs.relayBundledExisting),
    },
  };
}
