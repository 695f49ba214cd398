/**
 * @module
 * Bearer-token middleware. Capabilities travel only in the `Authorization`
 * header (never in URLs or cookies), and the database holds only their hashes.
 */
import type { MiddlewareHandler } from 'hono';
import { capabilityHash, constantTimeEqual, utf8 } from '../crypto.ts';
import type { SupporterRow } from '../db/supporters.ts';
import { authenticate } from '../domain/accounts.ts';
import type { Relay } from '../domain/relay.ts';
import { unauthorized } from '../errors.ts';

export type SupporterEnv = { Variables: { supporter: SupporterRow; sessionToken: string } };

export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer[ ]+([^ ]+)[ ]*$/i.exec(header ?? '');
  return match?.[1] ?? null;
}

/** Admits a request with a live supporter session. */
export function requireSupporter(relay: Relay): MiddlewareHandler<SupporterEnv> {
  return async function supporterSession(c, next) {
    const token = bearerToken(c.req.header('Authorization'));
    const supporter = token === null ? null : await authenticate(relay, token);
    if (token === null || supporter === null) {
      throw unauthorized(
        'unauthorized',
        'Log in first: this call needs a valid supporter session.',
      );
    }
    c.set('supporter', supporter);
    c.set('sessionToken', token);
    await next();
  };
}

/** Admits a request carrying the operator token. */
export function requireOperator(relay: Relay): MiddlewareHandler {
  return async function operatorToken(c, next) {
    const token = bearerToken(c.req.header('Authorization'));
    const matches =
      token !== null &&
      constantTimeEqual(utf8(capabilityHash(token)), utf8(relay.operatorTokenHash));
    if (!matches) throw unauthorized('unauthorized', 'This call needs the operator token.');
    await next();
  };
}
