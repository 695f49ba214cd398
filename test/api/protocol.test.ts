/**
 * The shared protocol scenarios (suite.ts) against the Node assembly: a real
 * libSQL file, the app as src/node.ts builds it, with the web client's
 * static files from web/dist.
 */
import { afterAll, describe } from 'vitest';
import { createApp } from '../../src/app.ts';
import { staticFiles } from '../../src/static-files.ts';
import { protocolScenarios } from '../protocol/suite.ts';
import { createHarness, type Harness } from '../support/harness.ts';
import { sendVia } from '../support/transport.ts';

let harness: Harness | undefined;
afterAll(() => harness?.dispose());

describe('the protocol on Node (libSQL file)', () => {
  protocolScenarios(async () => {
    harness = await createHarness({ env: { POW_DIFFICULTY: '8' } });
    const app = createApp({
      relay: harness.relay,
      version: 'test',
      startedAt: harness.clock.now(),
      assets: staticFiles('web/dist'),
    });
    return {
      request: sendVia(async (path, init) =>
        app.fetch(new Request(new URL(path, 'http://127.0.0.1:8787'), init)),
      ),
      operatorToken: harness.operatorToken,
      clock: harness.clock,
      powDifficulty: 8,
    };
  });
});
