/**
 * @module
 * How the test actors (./actors.ts) reach a relay: one `request` function
 * over either an in-process app (`app.request`, for unit and API tests) or a
 * live URL (`fetch`, for the protocol suite on Node and workerd, the browser
 * tests and the bench). Everything above this file speaks in requests and
 * parsed answers, never in `Response` objects.
 */
import type { Dispatcher } from 'undici';

/** An answer as tests read it: status, parsed JSON (or `null`), the raw text and headers. */
export interface ApiResponse {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON bodies and assert on them.
  body: any;
  text: string;
  headers: Headers;
}

export interface RequestOptions {
  /** JSON-encoded unless it is already a string (so tests can send malformed JSON). */
  body?: unknown;
  /** Sent as `Authorization: Bearer <token>`. */
  token?: string;
  headers?: Record<string, string>;
}

export type SendRequest = (
  method: string,
  path: string,
  options?: RequestOptions,
) => Promise<ApiResponse>;

/**
 * A relay as the actors see it: a way to send requests, the operator token
 * (for invites and admin calls) and the clock replies are dated by (a fake
 * one in-process, so `sentAt` matches the relay's hours).
 */
export interface Transport {
  request: SendRequest;
  operatorToken: string;
  clock: { now(): Date };
}

/** Reads a `Response` into an {@link ApiResponse}; a body that is not JSON parses to `null`. */
export async function readResponse(response: Response): Promise<ApiResponse> {
  const text = await response.text();
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    body = null;
  }
  return { status: response.status, body, text, headers: response.headers };
}

/**
 * A {@link SendRequest} over anything that answers a path and `RequestInit`:
 * `(path, init) => app.request(path, init)` in-process, or `fetch` on a URL.
 * `Content-Type` defaults to JSON whenever there is a body.
 */
export function sendVia(
  respond: (path: string, init: RequestInit) => Promise<Response>,
): SendRequest {
  return async (method, path, { body, token, headers = {} } = {}) => {
    const sent: Record<string, string> = { ...headers };
    if (body !== undefined) sent['Content-Type'] ??= 'application/json';
    if (token !== undefined) sent.Authorization = `Bearer ${token}`;
    const init: RequestInit = { method, headers: sent };
    if (body !== undefined) init.body = typeof body === 'string' ? body : JSON.stringify(body);
    return readResponse(await respond(path, init));
  };
}

/**
 * A relay at `baseUrl` over real HTTP. Replies are dated by `clock` (real
 * time unless given); with `timeoutMs`, a request that gets no answer in time
 * fails instead of waiting for the test's own timeout; `dispatcher` (an
 * undici `Agent`) sets how connections are made, e.g. which CA HTTPS trusts.
 */
export function overHttp(
  baseUrl: string | URL,
  operatorToken: string,
  options: { clock?: Transport['clock']; timeoutMs?: number; dispatcher?: Dispatcher } = {},
): Transport {
  const { clock = { now: () => new Date() }, timeoutMs, dispatcher } = options;
  return {
    request: sendVia((path, init) =>
      fetch(new URL(path, baseUrl), {
        ...init,
        ...(timeoutMs === undefined ? {} : { signal: AbortSignal.timeout(timeoutMs) }),
        // Node's fetch is undici's and takes its `dispatcher`, which the DOM's RequestInit lacks.
        ...(dispatcher === undefined ? {} : { dispatcher }),
      }),
    ),
    operatorToken,
    clock,
  };
}

/**
 * `relay` with `headers` added to every request (a request's own win) and
 * every answer pushed to `answers`: for tests that check nothing a proxy adds
 * is kept, and what every answer of a whole flow says.
 */
export function recording(
  relay: Transport,
  headers: Record<string, string>,
  answers: ApiResponse[],
): Transport {
  return {
    ...relay,
    async request(method, path, options = {}) {
      const response = await relay.request(method, path, {
        ...options,
        headers: { ...headers, ...options.headers },
      });
      answers.push(response);
      return response;
    },
  };
}

/**
 * Returns `response` if it has `status`, else throws with what the relay
 * said: for the steps an actor takes on the way to what a test checks.
 * (A plain `Error`, not `expect`, so the bench can use the actors too.)
 */
export function requireStatus(response: ApiResponse, status: number, what: string): ApiResponse {
  if (response.status !== status) {
    throw new Error(`${what}: expected ${status}, got ${response.status} ${response.text}`);
  }
  return response;
}
