/**
 * Builds the relay and its tools once for the process tests, which run them
 * as `npm start` and the npm scripts do (`node dist/<name>.mjs`): what ships
 * is what is tested, and a relay is listening in a fraction of the time
 * `tsx src/node.ts` takes.
 */
import { buildServer } from '../../scripts/build-server.ts';
import { BUILD_DIR } from '../support/process-helpers.ts';

export default async function setup(): Promise<void> {
  await buildServer(BUILD_DIR);
}
