/**
 * Builds the relay's bundle once for the process tests, which start it as
 * `npm start` does (`node dist/node.mjs`): no TypeScript loader in each child,
 * so a relay is listening in a fraction of the time `tsx src/node.ts` takes.
 */
import { buildServer } from '../../scripts/build-server.ts';
import { bundlePath } from '../support/process-helpers.ts';

export default async function setup(): Promise<void> {
  await buildServer(bundlePath);
}
