/**
 * The shared protocol scenarios (suite.ts) against the Worker inside workerd,
 * over HTTP on 127.0.0.1, with local D1 and Workers Static Assets. The
 * client side (libsodium) runs here in Node: workerd refuses to compile
 * WebAssembly at run time, which is why the server itself never needs it.
 */
import { afterAll, describe } from 'vitest';
import { protocolScenarios } from '../protocol/suite.ts';
import { overHttp } from '../support/transport.ts';
import { startWorkerdRelay, type WorkerdRelay } from '../support/workerd-relay.ts';

const OPERATOR_TOKEN = 'operator-token-for-workerd-http-0123456789';

let relay: WorkerdRelay | undefined;
afterAll(async () => relay?.stop());

describe('the protocol on Cloudflare Workers (workerd, local D1, static assets)', () => {
  protocolScenarios(async () => {
    relay = await startWorkerdRelay({
      OPERATOR_TOKEN,
      POW_DIFFICULTY: '8',
      PUBLIC_URL: 'http://127.0.0.1:8787',
    });
    return { ...overHttp(relay.url.origin, OPERATOR_TOKEN), powDifficulty: 8 };
  });
});
