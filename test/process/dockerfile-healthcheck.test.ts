/**
 * The Dockerfile's HEALTHCHECK command, run as the container would run it
 * (`node -e …` with the image's PORT) against the relay's bundle: healthy
 * while the relay serves /readyz, unhealthy once it is gone. The image
 * itself is not built here (test/deploy/dockerfile.test.ts).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DockerfileParser } from 'dockerfile-ast';
import { afterEach, describe, expect, it } from 'vitest';
import {
  freePort,
  PROJECT_ROOT,
  relayEnv,
  startRelay,
  stopStartedRelays,
} from '../support/process-helpers.ts';

let dir: string | undefined;
afterEach(async () => {
  await stopStartedRelays();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The HEALTHCHECK's exec form, `["node", "-e", script]`. */
function healthcheckCommand(): string[] {
  const text = readFileSync(join(PROJECT_ROOT, 'deploy', 'Dockerfile'), 'utf8');
  const [healthcheck] = DockerfileParser.parse(text)
    .getInstructions()
    .filter((instruction) => instruction.getKeyword() === 'HEALTHCHECK');
  const exec = /CMD (\[.*\])$/s.exec(healthcheck?.getTextContent() ?? '');
  return JSON.parse(exec?.[1] ?? 'null') as string[];
}

function runHealthcheck(port: number): number | null {
  const [command, ...args] = healthcheckCommand();
  expect(command).toBe('node');
  return spawnSync(process.execPath, args, {
    env: relayEnv({ PORT: String(port) }),
    timeout: 20_000,
  }).status;
}

describe('the Dockerfile health check', () => {
  it('passes while the relay serves /readyz and fails once it is gone', async () => {
    dir = mkdtempSync(join(tmpdir(), 'peer-relay-healthcheck-'));
    const port = await freePort();
    await startRelay({ DATABASE_URL: `file:${join(dir, 'relay.db')}`, PORT: String(port) });
    expect(runHealthcheck(port)).toBe(0);
    await stopStartedRelays();
    expect(runHealthcheck(port)).toBe(1);
  });
});
