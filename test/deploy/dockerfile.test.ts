/**
 * deploy/Dockerfile, linted, not built here: this machine has no container
 * engine, so nothing below runs the image. The linter is dockerfile-utils
 * (the Dockerfile language service's validator); the structure is read with
 * its parser, dockerfile-ast, and checked against what docs/deploy-node.md
 * promises: two stages on a pinned Node 20 image, a runtime stage with
 * production dependencies and built files only, a non-root user, data in a
 * volume (so a read-only root filesystem works), a health check on /readyz.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DockerfileParser, type Instruction } from 'dockerfile-ast';
import { validate } from 'dockerfile-utils';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const DOCKERFILE = readFileSync(join(root, 'deploy', 'Dockerfile'), 'utf8');
const BASE_IMAGE = 'node:20-bookworm-slim';

/** Each stage's name and its instructions as `KEYWORD arguments`. */
function stages(text: string): { name: string | undefined; lines: string[] }[] {
  const result: { name: string | undefined; lines: string[] }[] = [];
  for (const instruction of DockerfileParser.parse(text).getInstructions() as Instruction[]) {
    // Its text with continuation lines joined: flags (`--from=build`) included.
    const line = instruction
      .getTextContent()
      .replace(/\\\n\s*/g, ' ')
      .replace(/\s+/g, ' ');
    if (instruction.getKeyword() === 'FROM') result.push({ name: undefined, lines: [] });
    const stage = result.at(-1);
    if (stage === undefined) continue;
    stage.lines.push(line);
    const named = /^FROM \S+ AS (\S+)$/i.exec(line);
    if (named) stage.name = named[1];
  }
  return result;
}

describe('deploy/Dockerfile (linted, not built here)', () => {
  it('has no lint finding, and the linter does find them in a broken copy', () => {
    expect(validate(DOCKERFILE)).toEqual([]);
    const broken = `${DOCKERFILE}\nEXPOSE http\nHEALTHCHECK CMD\nUSERR root\n`;
    expect(validate(broken).map((finding) => finding.message)).toEqual([
      'There can only be one HEALTHCHECK instruction in a Dockerfile or build stage. Only the last one will have an effect.',
      'Invalid containerPort: http',
      'Missing command after HEALTHCHECK CMD',
      'Unknown instruction: USERR',
    ]);
  });

  it('builds in one stage and runs from another, both on the pinned Node 20 image', () => {
    const [build, runtime, ...more] = stages(DOCKERFILE);
    expect(more).toEqual([]);
    expect(build?.lines[0]).toBe(`FROM ${BASE_IMAGE} AS build`);
    expect(runtime?.lines[0]).toBe(`FROM ${BASE_IMAGE} AS runtime`);
    expect(build?.lines).toContain('RUN npm run build');
  });

  it('runs as a non-root user, from production dependencies and built files only', () => {
    const runtime = stages(DOCKERFILE)[1]!.lines;
    const users = runtime.filter((line) => line.startsWith('USER '));
    expect(users).toEqual(['USER node']);
    const afterUser = runtime.slice(runtime.indexOf('USER node'));
    expect(afterUser.filter((line) => /^(RUN|COPY|ADD) /.test(line))).toEqual([]);
    expect(runtime.filter((line) => line.startsWith('RUN npm ')).join('\n')).toMatch(
      /^RUN npm ci --omit=dev /,
    );
    expect(runtime.filter((line) => line.startsWith('COPY '))).toEqual([
      'COPY package.json npm-shrinkwrap.json ./',
      'COPY --from=build /app/dist ./dist',
      'COPY --from=build /app/web/dist ./web/dist',
    ]);
    // `node`, not `npm start`: npm writes logs, which a read-only root filesystem refuses.
    expect(runtime.at(-1)).toBe('CMD ["node", "dist/node.mjs"]');
  });

  it('keeps its data in the /data volume, so the root filesystem can be read-only', () => {
    const runtime = stages(DOCKERFILE)[1]!.lines.join('\n');
    expect(runtime).toContain('VOLUME ["/data"]');
    expect(runtime).toMatch(/DATABASE_URL=file:\/data\/relay\.db/);
    expect(runtime).toContain('EXPOSE 8787');
  });

  it('checks its health on /readyz with node itself (no curl in the image)', () => {
    const [healthcheck, ...more] = stages(DOCKERFILE)[1]!.lines.filter((line) =>
      line.startsWith('HEALTHCHECK '),
    );
    expect(more).toEqual([]);
    expect(healthcheck).toMatch(
      /CMD \["node", "-e", "fetch\(`http:\/\/127\.0\.0\.1:\$\{process\.env\.PORT\}\/readyz`\)/,
    );
  });

  it('leaves local installs, builds, data and secrets out of the build context', () => {
    const ignored = readFileSync(join(root, '.dockerignore'), 'utf8').split('\n');
    for (const entry of ['node_modules', 'dist', 'web/dist', 'data', '.env', '.git']) {
      expect(ignored).toContain(entry);
    }
  });
});
