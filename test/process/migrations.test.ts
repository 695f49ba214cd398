import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('committed migrations', () => {
  it('match the drizzle schema, so a start on a fresh database has every table', () => {
    const output = execFileSync('npx', ['drizzle-kit', 'generate'], {
      cwd: new URL('../..', import.meta.url),
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    expect(output).toContain('No schema changes');
  });
});
