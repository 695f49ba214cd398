/**
 * @module
 * `createApp()` builds the whole relay as one Hono application from its
 * dependencies. The Node and Workers entry points differ only in what they
 * pass in (database driver, static assets, scheduler), so tests drive the
 * same app with `app.request()`.
 */

import { Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import { setAssetCaching } from './asset-caching.ts';
import { checkDatabase, healthFigures, metricsText } from './domain/operator.ts';
import type { Relay } from './domain/relay.ts';
import { ApiError } from './errors.ts';
import { archiveRoutes } from './routes/archive.ts';
import { requireOperator } from './routes/auth.ts';
import { doctorRoutes } from './routes/doctor.ts';
import { describe, openApiDocument } from './routes/openapi.ts';
import { type InstanceInfo, operatorRoutes, uptimeSeconds } from './routes/operator.ts';
import { supporterRoutes } from './routes/supporter.ts';

export interface AppOptions extends InstanceInfo {
  relay: Relay;
  /** Serves the web client's static files (Node: src/static-files.ts; Workers: the ASSETS binding). */
  assets?: MiddlewareHandler;
  /** Records an unexpected error. It is given the error only, never request data. */
  logError?: (error: unknown) => void;
}

/** 64 KiB: a sealed message is at most 16 KiB, so anything larger is not ours (PROTOCOL.md §6). */
export const MAX_BODY_BYTES = 64 * 1024;

/**
 * Scripts come from the relay, or from `blob:` URLs the pages make of
 * scripts they have checked against the build's SHA-256; Trusted Types
 * leave one policy, which makes script URLs of those blobs only
 * (web/src/verified-scripts.ts; docs/protocol.md, "Every script the pages
 * run is verified").
 */
const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'", "'wasm-unsafe-eval'", 'blob:'],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  frameAncestors: ["'none'"],
  formAction: ["'self'"],
  requireTrustedTypesFor: ["'script'"],
  trustedTypes: ['peer-relay-verified-script'],
};

/**
 * Builds the relay.
 *
 * @example
 * const app = createApp({ relay, version: '1.0.0', startedAt: new Date() });
 * const res = await app.request('/healthz');
 */
export function createApp(options: AppOptions): Hono {
  const { relay } = options;
  const app = new Hono();

  app.use(
    secureHeaders({
      contentSecurityPolicy: CONTENT_SECURITY_POLICY,
      crossOriginOpenerPolicy: 'same-origin',
      crossOriginResourcePolicy: 'same-origin',
      referrerPolicy: 'no-referrer',
      xContentTypeOptions: 'nosniff',
      xFrameOptions: 'DENY',
      // Set below, and only where the relay is reached over HTTPS.
      strictTransportSecurity: false,
      permissionsPolicy: { camera: [], microphone: [], geolocation: [] },
    }),
  );
  // Headers added after the handler go on `c.res.headers`, as secureHeaders
  // does: `c.header()` on a finished response would rebuild it around a web
  // stream, which costs more than the rest of a small response.
  app.use(async function transportSecurity(c, next) {
    await next();
    if (c.req.url.startsWith('https:') || relay.config.publicUrl.startsWith('https:')) {
      c.res.headers.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    }
  });

  // Every answer is private to its request, except a route that says otherwise
  // (`GET /api/v1/vocabulary`, the same for everyone). None is compressed, by
  // the relay or on the way: an answer mixing a secret with what a request
  // chose gives the secret away by its compressed length (BREACH), so
  // `no-transform` forbids it to every intermediary, Cloudflare's edge
  // included (docs/deploy.md, "Caching and compression").
  const notStoredNorCompressed: MiddlewareHandler = async function notStoredNorCompressed(c, next) {
    await next();
    const routeOwn = c.error === undefined ? c.res.headers.get('Cache-Control') : null;
    c.res.headers.set('Cache-Control', `${routeOwn ?? 'no-store'}, no-transform`);
  };
  for (const path of ['/api/*', '/healthz', '/readyz', '/metrics']) {
    app.use(path, notStoredNorCompressed);
  }
  const tooLarge = () =>
    new ApiError(413, 'payload_too_large', 'The request body is larger than 64 KiB.');
  const limitStreamedBody = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: () => {
      throw tooLarge();
    },
  });
  app.use('/api/*', async function bodySize(c, next) {
    // A declared length is checked from its header, without touching the body
    // stream: that leaves Node's adapter free to read the body straight into
    // a buffer (no web stream), which is most of the cost of a small POST. A
    // body without one (chunked) is counted as it arrives.
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const length = c.req.header('Content-Length');
    if (length === undefined || c.req.header('Transfer-Encoding') !== undefined) {
      return limitStreamedBody(c, next);
    }
    if (Number(length) > MAX_BODY_BYTES) throw tooLarge();
    return next();
  });
  const api = new Hono()
    .route('/', doctorRoutes(relay))
    .route('/', supporterRoutes(relay))
    .route('/', archiveRoutes(relay))
    .route('/admin', operatorRoutes(relay, options))
    .get(
      '/openapi.json',
      describe({
        summary: 'This document (OpenAPI 3.1)',
        tag: 'Relay',
        ok: { 200: 'OpenAPI 3.1' },
      }),
      openApiDocument(app, options.version),
    );
  app.route('/api/v1', api);

  app.get(
    '/healthz',
    describe({ summary: 'Liveness, no details', tag: 'Relay', ok: { 200: '`{status: "ok"}`' } }),
    (c) => c.json({ status: 'ok' }),
  );
  const readiness = describe({
    summary: 'Readiness: the database answers',
    tag: 'Relay',
    ok: { 200: '`{status: "ready"}`' },
    errors: { 503: ['not_ready'] },
  });
  app.get('/readyz', readiness, async (c) => {
    try {
      await checkDatabase(relay);
    } catch {
      throw new ApiError(503, 'not_ready', 'The database is not reachable.', 5);
    }
    return c.json({ status: 'ready' });
  });
  const metrics = describe({
    summary: 'The health figures in Prometheus text format',
    tag: 'Operator',
    auth: 'operator',
    ok: { 200: 'Prometheus text format 0.0.4, no per-supporter labels' },
    media: 'text/plain; version=0.0.4',
  });
  app.get('/metrics', metrics, requireOperator(relay), async (c) => {
    const text = metricsText(await healthFigures(relay), {
      version: options.version,
      uptimeSeconds: uptimeSeconds(relay, options),
    });
    return c.text(text, 200, { 'Content-Type': 'text/plain; version=0.0.4; charset=utf-8' });
  });

  // A known path asked with the wrong method is 405, not 404.
  const endpoints = new Set(api.routes.filter((r) => r.method !== 'ALL').map((r) => r.path));
  for (const path of endpoints) {
    app.all(`/api/v1${path}`, (c) => {
      throw new ApiError(405, 'method_not_allowed', `${c.req.method} is not allowed here.`);
    });
  }

  // What the browser may keep of each file (src/asset-caching.ts): the pages
  // nothing, hashed chunks a year, the rest after revalidating.
  if (options.assets) {
    app.use('*', async function assetCaching(c, next) {
      await next();
      if (c.res.status === 200 || c.res.status === 304) setAssetCaching(c.req.path, c.res.headers);
    });
    app.use('*', options.assets);
  }

  app.notFound((c) =>
    c.json(new ApiError(404, 'not_found', 'There is nothing at this address.').toBody(), 404),
  );
  app.onError((error, c) => {
    if (error instanceof ApiError) {
      if (error.retryAfter !== undefined) c.header('Retry-After', String(error.retryAfter));
      return c.json(error.toBody(), error.status);
    }
    if (error instanceof HTTPException && error.status < 500) {
      // Hono's own 4xx (malformed JSON): keep its status, use our shape, drop its wording.
      const body = new ApiError(
        error.status,
        'invalid_json',
        'The request body is not valid JSON.',
      ).toBody();
      return c.json(body, error.status);
    }
    options.logError?.(error);
    return c.json(
      new ApiError(500, 'internal_error', 'Something went wrong on the relay.').toBody(),
      500,
    );
  });
  return app;
}
