/**
 * @module
 * The relay's HTTP API as the pages use it: JSON in and out, errors in
 * PROTOCOL.md's shape turned into `RelayError`. Capabilities go in bodies or
 * the Authorization header, never in URLs. No cookies (`credentials: 'omit'`).
 */

export class RelayError extends Error {
  override name = 'RelayError';
  constructor(
    readonly status: number,
    /** PROTOCOL.md error code, or `network` when the relay could not be reached. */
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface RequestOptions {
  body?: unknown;
  /** Supporter session or operator token, sent as `Authorization: Bearer`. */
  token?: string;
  signal?: AbortSignal;
}

/**
 * Calls the relay.
 *
 * @example
 * const { supporters } = await api<{ supporters: Supporter[] }>('GET', '/api/v1/supporters');
 */
export async function api<T>(
  method: string,
  path: string,
  options: RequestOptions = {},
): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.token !== undefined) headers.Authorization = `Bearer ${options.token}`;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'omit',
      cache: 'no-store',
      referrerPolicy: 'no-referrer',
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    });
  } catch {
    throw new RelayError(0, 'network', 'The relay could not be reached.');
  }
  const payload: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = (payload as { error?: { code?: string; message?: string } } | null)?.error;
    throw new RelayError(
      response.status,
      error?.code ?? 'unknown',
      error?.message ?? response.statusText,
    );
  }
  return payload as T;
}

export type { MailboxView, SiteInfo, Supporter } from '../../src/wire/api.ts';
