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
  /**
   * The route's own error codes. Those of its credentials and of every route
   * are added here, those of a validated body or query when the document is
   * built (`validationErrors`), from what the route's validator shows.
   */
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

/** An error answer: the shared Error schema, its `code` one of the listed codes. */
interface ErrorResponse {
  description: string;
  content: {
    'application/json': {
      schema: {
        allOf: [
          { $ref: string },
          { properties: { error: { properties: { code: { enum: string[] } } } } },
        ];
      };
    };
  };
}

function errorResponse(status: number, codes: string[]): ErrorResponse {
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

type Responses = Record<string, unknown>;

/** The codes an error response lists (none if there is none). */
function codesOf(response: unknown): string[] {
  const schema = (response as ErrorResponse | undefined)?.content['application/json'].schema;
  return schema?.allOf[1].properties.error.properties.code.enum ?? [];
}

/** Puts `codes` first in the error response for `status`, keeping the codes it had. */
function addCodes(responses: Responses, status: number, codes: string[]): void {
  const known = codesOf(responses[status]);
  responses[status] = errorResponse(status, [
    ...codes,
    ...known.filter((code) => !codes.includes(code)),
  ]);
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
  // Statuses are integer keys, so the object lists them in ascending order.
  const responses: Responses = {};
  const media = route.media ?? 'application/json';
  for (const [status, description] of Object.entries(route.ok)) {
    responses[status] = { description, content: { [media]: {} } };
  }
  for (const [status, codes] of Object.entries(route.errors ?? {})) {
    addCodes(responses, Number(status), codes);
  }
  if (route.auth !== undefined) addCodes(responses, 401, ['unauthorized']);
  addCodes(responses, 500, ['internal_error']);
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

/** An operation as `generateSpecs` leaves it, as far as `validationErrors` reads it. */
interface GeneratedOperation {
  requestBody?: unknown;
  parameters?: { in?: string }[];
  responses: Responses;
}

/**
 * Adds what validation answers (docs/protocol.md §9, "Errors common to many
 * endpoints") to each operation whose validator put a body or a query in it.
 */
function validationErrors(paths: Record<string, Record<string, GeneratedOperation>>): void {
  for (const operations of Object.values(paths)) {
    for (const operation of Object.values(operations)) {
      if (operation.requestBody !== undefined) {
        addCodes(operation.responses, 400, ['invalid_json', 'invalid_request']);
        addCodes(operation.responses, 413, ['payload_too_large']);
        addCodes(operation.responses, 415, ['unsupported_media_type']);
      } else if (operation.parameters?.some((parameter) => parameter.in === 'query')) {
        addCodes(operation.responses, 400, ['invalid_request']);
      }
    }
  }
}

async function buildDocument(app: Hono, version: string) {
  const { schema: error } = await resolver(errorBody).toOpenAPISchema({
    options: { target: 'draft-2020-12' },
  });
  const document = await generateSpecs(app, {
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
    // Validation failures have PROTOCOL.md's error shape (`validationErrors`).
    defaultValidationErrorResponse: false,
  });
  validationErrors(document.paths as Record<string, Record<string, GeneratedOperation>>);
  return document;
}
