/**
 * The shared protocol scenarios (suite.ts) against the Node assembly: a real
 * libSQL file, the app as src/node.ts builds it, with the web client's
 * static files from web/dist.
 */
import { serveStatic } from '@hono/node-server/serve-static';
import { afterAll, describe } from 'vitest';
import { createApp } from '../../src/app.ts';
import { createHarness, type Harness, OPERATOR_TOKEN } from '../support/harness.ts';
import { protocolScenarios, requestVia } from './suite.ts';

let harness: Harness | undefined;
afterAll(() => harness?.dispose());

describe('the protocol on Node (libSQL file)', () => {
  protocolScenarios(async () => {
    harness = await createHarness({ env: { POW_DIFFICULTY: '8' } });
    const app = createApp({
      relay: harness.relay,
      version: 'test',
      startedAt: harness.clock.now(),
      assets: serveStatic({ root: 'web/dist' }),
    });
    return {
      request: requestVia('http://127.0.0.1:8787', async (request) => app.fetch(request)),
      operatorToken: OPERATOR_TOKEN,
      powDifficulty: 8,
    };
  });
});
