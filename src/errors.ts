/**
 * @module
 * The one error type of the relay. Domain code throws an `ApiError`; the
 * app's `onError` turns it into PROTOCOL.md's shape
 * `{"error": {"code", "message"}}`. Messages are fixed sentences: they never
 * echo request data, so no capability or content can leak through an error.
 */
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export class ApiError extends Error {
  override name = 'ApiError';

  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    /** Seconds for `Retry-After` on 429 and 503. */
    readonly retryAfter?: number,
  ) {
    super(message);
  }

  toBody(): { error: { code: string; message: string } } {
    return { error: { code: this.code, message: this.message } };
  }
}

export const badRequest = (code: string, message: string) => new ApiError(400, code, message);
export const unauthorized = (code: string, message: string) => new ApiError(401, code, message);
export const forbidden = (code: string, message: string) => new ApiError(403, code, message);
export const notFound = (code: string, message: string) => new ApiError(404, code, message);
export const conflict = (code: string, message: string) => new ApiError(409, code, message);
export const gone = (code: string, message: string) => new ApiError(410, code, message);
export const rateLimited = (code: string, message: string, retryAfter: number) =>
  new ApiError(429, code, message, retryAfter);
