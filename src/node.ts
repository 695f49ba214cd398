/**
 * @module
 * Node entry point: `npm start`. Serves the relay and the web client on
 * 127.0.0.1:8787 over the embedded libSQL file, runs the scheduled work (the
 * expiry sweep, operator alerts, supporter notifications; e-mail when
 * SMTP_URL is set) every minute, and shuts down cleanly on SIGINT/SIGTERM.
 * No access log is kept. src/worker.ts is the same relay on Cloudflare Workers.
 */

import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import packageJson from '../package.json' with { type: 'json' };
import { createApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { logScheduledWorkError, runScheduledWork, ScheduledWorkError } from './domain/scheduler.ts';
import { limitHeapGrowth } from './heap.ts';
import { codeName, configSentence, log, logError } from './log.ts';
import { openNodeRelay } from './node-relay.ts';
import { createNodeNotifier } from './notify/smtp.ts';
import { staticFiles } from './static-files.ts';

const SWEEP_INTERVAL_MS = 60_000;
/**
 * At a stop, how long requests in flight may take to finish. A healthy one
 * takes milliseconds; a connection still mid-request after this (a client or
 * proxy that stopped sending) is cut, so a stop never waits for
 * REQUEST_TIMEOUT_SECONDS.
 */
const STOP_GRACE_MS = 5_000;

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const { relay, store, generatedOperatorToken, checkpointIfDeleted } = await openNodeRelay(config);
  const startedAt = new Date();
  const app = createApp({
    relay,
    version: packageJson.version,
    startedAt,
    // The web client, built into web/dist at install (scripts/build-web.ts).
    assets: staticFiles(fileURLToPath(new URL('../web/dist', import.meta.url))),
    logError,
  });

  const notifier = createNodeNotifier(config);
  // A run that is still delivering (slow SMTP) is not overlapped by the next.
  let running = false;
  const sweep = async () => {
    if (running) return;
    running = true;
    try {
      await runScheduledWork(relay, notifier, { intervalMinutes: 1, logError });
      await checkpointIfDeleted();
    } catch (error) {
      // Each failed step's error was logged already; this names the steps.
      if (error instanceof ScheduledWorkError) logScheduledWorkError(error);
      else logError(error);
    } finally {
      running = false;
    }
  };
  await sweep();
  const sweeper = setInterval(sweep, SWEEP_INTERVAL_MS);

  const { headersTimeoutSeconds, requestTimeoutSeconds, maxConnections } = config.server;
  const serverOptions = {
    // A client that trickles its headers or body is cut off (408) instead of
    // holding a connection for minutes; timeouts are checked every second
    // (Node's default is every 30 s, which would triple a 10 s limit).
    headersTimeout: headersTimeoutSeconds * 1000,
    requestTimeout: requestTimeoutSeconds * 1000,
    connectionsCheckingInterval: 1000,
  };
  const listen = { fetch: app.fetch, hostname: config.host, port: config.port, serverOptions };
  const server = serve(listen, (info) => {
    log('info', 'listening', {
      version: codeName(packageJson.version),
      address: codeName(info.address),
      port: info.port,
    });
    // The one line that is not JSON, and not a log: a secret for the operator at
    // the terminal, printed only at a first start without OPERATOR_TOKEN
    // (docs/operating.md, "Logs").
    if (generatedOperatorToken !== undefined) {
      console.log(
        `Operator token (shown once; keep it safe, or set OPERATOR_TOKEN): ${generatedOperatorToken}`,
      );
    }
  });

  // Connections beyond the cap are closed as they arrive, so many idle or slow
  // clients cannot use up the process's file descriptors and memory.
  server.maxConnections = maxConnections;

  limitHeapGrowth();

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log('info', 'stopping', { signal: codeName(signal) });
    clearInterval(sweeper);
    // close() stops accepting and waits for requests in flight. Keep-alive
    // connections would hold it open once idle, so idle ones are closed now
    // and again as the requests in flight finish.
    const closeIdle = () => {
      if ('closeIdleConnections' in server) server.closeIdleConnections();
    };
    const idleCloser = setInterval(closeIdle, 50);
    const cutOff = setTimeout(() => {
      log('warn', 'stop_forced', { afterSeconds: STOP_GRACE_MS / 1000 });
      if ('closeAllConnections' in server) server.closeAllConnections();
    }, STOP_GRACE_MS);
    server.close(async () => {
      clearInterval(idleCloser);
      clearTimeout(cutOff);
      try {
        await store.checkpoint();
        store.close();
        process.exit(0);
      } catch (error) {
        logError(error);
        process.exit(1);
      }
    });
    closeIdle();
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    log('error', 'config_invalid', { message: configSentence(error) });
  } else {
    logError(error);
  }
  process.exit(1);
});
