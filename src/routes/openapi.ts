/**
 * @module
 * The OpenAPI 3.1 document of the relay, `GET /api/v1/openapi.json`. Request
 * bodies and queries come from the valibot schemas the routes validate with
 * (validation.ts); each route says what it answers with `describe()`, beside
 * its handler, so a route and its description change together.
 */
import type { Context, Hono, MiddlewareHandler } from 'hono';
import { describeRoute, generateSpecs, resolver } from 'hono-openapi';
import * as v from 'valibot';

/** Error codes a route answers, by HTTP status (PROTOCOL.md §6; docs/protocol.md §9). */
export type ErrorCodes = Partial<Record<400 | 401 | 403 | 404 | 409 | 410 | 429 | 503, string[]>>;

export interface RouteDescription {
  summary: string;
  tag: 'Directory' | 'Doctor' | 'Supporter' | 'Archive' | 'Operator' | 'Relay';
  /** Successful answers by status, each with a sentence. */
  ok: Partial<Record<200 | 201 | 202, string>>;
  /** Who may call it; anonymous when absent. */
  auth?: 'supporter' | 'operator';
  /** What the request carries: a JSON body, or query parameters (both validated). */
  input?: 'json' | 'query';
  /** The route's own error codes; those of its input, credentials and of every route are added. */
  errors?: ErrorCodes;
  /** The media type of a successful answer, when it is not JSON. */
  media?: string;
}

/** PROTOCOL.md §6: every error has this shape; `code` is for programs, `message` for people. */
const errorBody = v.pipe(
  v.object({
    error: v.object({
      code: v.pipe(v.string(), v.description('stable, snake_case, for programs')),
      message: v.pipe(v.string(), v.description('a human sentence that never repeats the request')),
    }),
  }),
  v.description('Every error of the relay (PROTOCOL.md §6)'),
);

const STATUS_TEXT: Record<number, string> = {
  400: 'Invalid request',
  401: 'No or invalid credentials',
  403: 'Forbidden',
  404: 'Not found',
  409: 'Conflict',
  410: 'Gone',
  413: 'Body larger than 64 KiB',
  415: 'Body not sent as application/json',
  429: 'Too many; retry after `Retry-After` seconds',
  500: 'Unexpected failure (logged without request data)',
  503: 'Not ready; retry after `Retry-After` seconds',
};

function errorResponse(status: number, codes: string[]) {
  return {
    description: `${STATUS_TEXT[status]}: ${codes.map((code) => `\`${code}\``).join(', ')}`,
    content: {
      'application/json': {
        schema: {
          allOf: [
            { $ref: '#/components/schemas/Error' },
            { properties: { error: { properties: { code: { enum: codes } } } } },
          ],
        },
      },
    },
  };
}

/** Adds codes to a status's list, keeping each once. */
function add(errors: Map<number, string[]>, status: number, codes: string[]): void {
  const list = errors.get(status) ?? [];
  errors.set(status, [...list, ...codes.filter((code) => !list.includes(code))]);
}

/**
 * Describes a route for the OpenAPI document (a middleware that only passes
 * on). The errors every route of its kind can answer are added here, so a
 * route lists only its own.
 *
 * @example
 * .get('/inbox', describe({ summary: 'Queued messages', tag: 'Supporter', auth: 'supporter',
 *   ok: { 200: 'The messages' } }), session, handler)
 */
export function describe(route: RouteDescription): MiddlewareHandler {
  const errors = new Map<number, string[]>();
  if (route.input === 'json') {
    add(errors, 400, ['invalid_json', 'invalid_request']);
    add(errors, 413, ['payload_too_large']);
    add(errors, 415, ['unsupported_media_type']);
  }
  if (route.input === 'query') add(errors, 400, ['invalid_request']);
  if (route.auth !== undefined) add(errors, 401, ['unauthorized']);
  for (const [status, codes] of Object.entries(route.errors ?? {})) {
    add(errors, Number(status), codes);
  }
  add(errors, 500, ['internal_error']);
  const media = route.media ?? 'application/json';
  const responses: Record<string, unknown> = {};
  for (const [status, description] of Object.entries(route.ok)) {
    responses[status] = { description, content: { [media]: {} } };
  }
  for (const [status, codes] of [...errors].sort(([a], [b]) => a - b)) {
    responses[String(status)] = errorResponse(status, codes);
  }
  return describeRoute({
    summary: route.summary,
    tags: [route.tag],
    security:
      route.auth === undefined
        ? []
        : [{ [route.auth === 'operator' ? 'operatorToken' : 'supporterSession']: [] }],
    responses: responses as NonNullable<Parameters<typeof describeRoute>[0]['responses']>,
  });
}

/**
 * Answers not tied to one route: an unknown path, a known path asked with
 * another method. Listed once, in `components.responses`.
 */
const ANY_ROUTE = {
  NotFound: { ...errorResponse(404, ['not_found']), description: 'No such path: `not_found`' },
  MethodNotAllowed: {
    ...errorResponse(405, ['method_not_allowed']),
    description: 'The path exists, but not with this method: `method_not_allowed`',
  },
};

/**
 * For answers the same for every relay of a release (`/vocabulary`, this
 * document): an hour spares the pages a request per view and is short enough
 * for a new release.
 */
export const RELEASE_CACHE_CONTROL = 'public, max-age=3600';

/**
 * The handler of `GET /api/v1/openapi.json`: the document of every described
 * route of `app`, built on first request and kept for the app's life.
 */
export function openApiDocument(app: Hono, version: string) {
  let document: Promise<unknown> | undefined;
  return async function openApiJson(c: Context) {
    document ??= buildDocument(app, version);
    c.header('Cache-Control', RELEASE_CACHE_CONTROL);
    return c.json(await document);
  };
}

async function buildDocument(app: Hono, version: string) {
  const { schema: error } = await resolver(errorBody).toOpenAPISchema({
    options: { target: 'draft-2020-12' },
  });
  return generateSpecs(app, {
    documentation: {
      info: {
        title: 'peer-relay',
        version,
        description:
          'End-to-end encrypted first-contact relay. The wire protocol, its derivations and ' +
          'sizes are in PROTOCOL.md; how this relay reads it, in docs/protocol.md.',
      },
      components: {
        schemas: { Error: error },
        responses: ANY_ROUTE,
        securitySchemes: {
          supporterSession: {
            type: 'http',
            scheme: 'bearer',
            description: 'A supporter session token from `POST /api/v1/session`.',
          },
          operatorToken: {
            type: 'http',
            scheme: 'bearer',
            description: 'The operator token (OPERATOR_TOKEN, or the one printed at first start).',
          },
        },
      },
    },
    // `openapi.json` and `counts.csv` are routes, not static files.
    excludeStaticFile: false,
    // Validation failures have PROTOCOL.md's error shape, listed with each route.
    defaultValidationErrorResponse: false,
  });
}
