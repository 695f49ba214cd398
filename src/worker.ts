/**
 * @module
 * Cloudflare Workers entry point: the same relay as src/node.ts, built from
 * the Worker's bindings (src/edge-relay.ts). Every request goes through the
 * Hono app first (wrangler.toml `run_worker_first`), so pages served from
 * Workers Static Assets get the same security headers as on Node; the Cron
 * Trigger runs the same scheduled work as Node's timer. Nothing here reads
 * `request.cf`, the client address or any other request metadata.
 */
import type { Hono, MiddlewareHandler } from 'hono';
// Only the version: a named import keeps the rest of package.json out of the bundle.
import { version } from '../package.json';
import { createApp } from './app.ts';
import { ConfigError } from './config.ts';
import type { Relay } from './domain/relay.ts';
import { logScheduledWorkError, runScheduledWork, ScheduledWorkError } from './domain/scheduler.ts';
import { openEdgeRelay } from './edge-relay.ts';
import { configSentence, log, logError } from './log.ts';
import type { ExecutionContext, Fetcher, ScheduledController, WorkerEnv } from './worker-env.ts';

// Only the default export: workerd treats every named export of the main
// module as an entrypoint and refuses anything that is not a handler.

interface Instance {
  relay: Relay;
  app: Hono;
}

// One relay per isolate and set of bindings. Only finished instances are
// kept: a request never awaits another request's pending I/O, which workerd
// forbids, and a failed start is simply tried again by the next request.
const instances = new WeakMap<WorkerEnv, Instance>();

async function instanceFor(env: WorkerEnv): Promise<Instance> {
  const known = instances.get(env);
  if (known !== undefined) return known;
  const relay = await openEdgeRelay(env);
  const app = createApp({
    relay,
    version,
    // The isolate's start: workerd's clock reads 0 in global scope.
    startedAt: new Date(),
    ...(env.ASSETS === undefined ? {} : { assets: workersAssets(env.ASSETS) }),
    logError,
  });
  const instance = { relay, app };
  instances.set(env, instance);
  return instance;
}

/**
 * Serves the web client from the `ASSETS` binding inside the app, so its
 * headers middleware applies, caching included (src/asset-caching.ts). The
 * binding answers `If-None-Match` itself, and Cloudflare compresses what it
 * sends; the build's `.br`/`.gz` copies are not uploaded
 * (web/dist/.assetsignore). A miss falls through to the app's JSON 404.
 */
function workersAssets(assets: Fetcher): MiddlewareHandler {
  return async function staticAssets(c, next) {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    const response = await assets.fetch(c.req.raw);
    if (response.status === 404) {
      await response.body?.cancel();
      return next();
    }
    // A fetched response's headers are immutable; a copy lets the app add its own.
    return new Response(response.body, response);
  };
}

/** The relay cannot serve: 503 in PROTOCOL.md's error shape, without touching the request. */
function notReady(error: unknown): Response {
  let message = 'The relay cannot reach its database yet.';
  if (error instanceof ConfigError) {
    // Configuration sentences name variables, never their values.
    message = `The relay is not configured: ${error.message}`;
    log('error', 'config_invalid', { message: configSentence(error) });
  } else {
    logError(error);
  }
  return new Response(JSON.stringify({ error: { code: 'not_ready', message } }), {
    status: 503,
    headers: {
      'Content-Type': 'application/json; charset=UTF-8',
      'Cache-Control': 'no-store, no-transform',
      'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Retry-After': '30',
    },
  });
}

/** Minutes between Cron Trigger runs: every five minutes (wrangler.toml `[triggers]`). */
const CRON_INTERVAL_MINUTES = 5;

async function scheduledWork(env: WorkerEnv): Promise<void> {
  try {
    const { relay } = await instanceFor(env);
    // The default notifier: webhooks over fetch (a Worker cannot speak SMTP).
    await runScheduledWork(relay, undefined, { intervalMinutes: CRON_INTERVAL_MINUTES, logError });
  } catch (error) {
    // A failed step's own error was logged already; this names the steps.
    if (error instanceof ConfigError) {
      log('error', 'config_invalid', { message: configSentence(error) });
    } else if (error instanceof ScheduledWorkError) {
      logScheduledWorkError(error);
    } else {
      logError(error);
    }
    // Rethrown so the Cron Trigger's run is recorded as failed.
    throw error;
  }
}

export default {
  async fetch(request: Request, env: WorkerEnv): Promise<Response> {
    let instance: Instance;
    try {
      instance = await instanceFor(env);
    } catch (error) {
      return notReady(error);
    }
    return instance.app.fetch(request);
  },

  scheduled(_controller: ScheduledController, env: WorkerEnv, ctx: ExecutionContext): void {
    ctx.waitUntil(scheduledWork(env));
  },
};
