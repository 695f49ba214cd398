/**
 * Issue 15 item 12: the Node server cuts off a client that trickles its
 * headers (`HEADERS_TIMEOUT_SECONDS`, answered `408`) and serves at most
 * `MAX_CONNECTIONS` connections at once, the relay started as `npm start`
 * runs it (the bundle under plain `node`).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  freePort,
  getOnNewConnection,
  type RelayProcess,
  startRelay,
  stopStartedRelays,
} from '../support/process-helpers.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'peer-relay-slow-'));
});
afterEach(async () => {
  await stopStartedRelays();
  rmSync(dir, { recursive: true, force: true });
});

async function relayWith(env: Record<string, string>): Promise<RelayProcess> {
  return startRelay({
    DATABASE_URL: `file:${join(dir, 'relay.db')}`,
    PORT: String(await freePort()),
    HOST: '127.0.0.1',
    POW_DIFFICULTY: '0',
    ...env,
  });
}

/** A raw TCP connection to the relay, with everything it received and whether the server closed it. */
async function connect(relay: RelayProcess) {
  const { port } = new URL(relay.baseUrl);
  const socket = net.connect({ host: '127.0.0.1', port: Number(port) });
  const state = { received: '', closed: false };
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => {
    state.received += chunk;
  });
  socket.on('error', () => {});
  socket.on('close', () => {
    state.closed = true;
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  return { socket, state };
}

describe('slow clients', () => {
  it('cuts off a client that sends its headers one byte a second, with 408, long before it is done', async () => {
    const relay = await relayWith({ HEADERS_TIMEOUT_SECONDS: '2', REQUEST_TIMEOUT_SECONDS: '3' });
    const { socket, state } = await connect(relay);
    socket.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    const header = 'X-Trickle: one byte every second for half a minute\r\n\r\n';
    let sent = 0;
    while (!state.closed && sent < 30) {
      socket.write(header[sent]!);
      sent++;
      await sleep(1000);
    }
    expect(state.closed, `still open after ${sent} bytes`).toBe(true);
    expect(sent).toBeLessThan(30);
    expect(state.received).toMatch(/^HTTP\/1\.1 408 /);
    // The relay itself is fine and serves the next client.
    expect(await getOnNewConnection(`${relay.baseUrl}/healthz`)).toBe(200);
  }, 60_000);

  it('serves at most MAX_CONNECTIONS connections at once and takes new ones again once one ends', async () => {
    const relay = await relayWith({ MAX_CONNECTIONS: '2' });
    const held = [await connect(relay), await connect(relay)];
    const refused = await getOnNewConnection(`${relay.baseUrl}/healthz`);
    // No HTTP answer at all: the connection is closed as it arrives.
    expect(typeof refused, `answered ${refused}`).toBe('string');
    expect(held.every(({ state }) => !state.closed)).toBe(true);

    held[0]!.socket.destroy();
    let status: number | string = refused;
    for (let attempt = 0; attempt < 50 && status !== 200; attempt++) {
      // The server counts the closed connection down once it has seen the close.
      await sleep(100);
      status = await getOnNewConnection(`${relay.baseUrl}/healthz`);
    }
    expect(status).toBe(200);
    held[1]!.socket.destroy();
  }, 60_000);
});
