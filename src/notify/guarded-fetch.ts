/**
 * @module
 * The Node relay's webhook POST, guarded at connection time: the host name is
 * resolved, every address it resolves to must be public
 * (src/notify/public-address.ts), and the socket connects to the address that
 * was checked, so a DNS answer that changes between the check and the
 * connection (rebinding) cannot reach a private one. Node only (`node:http`);
 * a Worker's fetch cannot reach private networks in the first place.
 */
import { lookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { NotificationError } from './notifier.ts';
import { isAddressLiteral, isPublicAddress } from './public-address.ts';

export interface ResolvedAddress {
  address: string;
  family: number;
}

/** Every address of a host name; the default is the system resolver. */
export type Resolve = (hostname: string) => Promise<ResolvedAddress[]>;

export interface GuardOptions {
  /** Whether this URL may reach a non-public address (an operator's explicit setting). */
  allowPrivate: (url: string) => boolean;
  resolve?: Resolve;
}

const systemResolve: Resolve = (hostname) => lookup(hostname, { all: true, verbatim: true });

const notPublic = () => new NotificationError('webhook', 'not_public');

function guardedLookup(resolve: Resolve, allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname).then(
      (addresses) => {
        const [chosen] = addresses;
        if (chosen === undefined) {
          callback(new NotificationError('webhook', 'network'), '', 4);
        } else if (!allowPrivate && !addresses.every((found) => isPublicAddress(found.address))) {
          callback(notPublic(), '', 4);
        } else if (options.all) {
          // The checked address, and only it, is what the socket connects to.
          (callback as unknown as (error: null, all: ResolvedAddress[]) => void)(null, [chosen]);
        } else {
          callback(null, chosen.address, chosen.family);
        }
      },
      (error: unknown) => callback(error as NodeJS.ErrnoException, '', 4),
    );
  };
}

/**
 * A `fetch` for webhook POSTs (the subset `createWebhookTransport` uses) that
 * refuses non-public destinations with `NotificationError('webhook', 'not_public')`.
 */
export function createGuardedFetch(options: GuardOptions): typeof fetch {
  const resolve = options.resolve ?? systemResolve;
  const guarded = (input: string | URL | Request, init?: RequestInit): Promise<Response> =>
    new Promise((resolvePromise, reject) => {
      const url = new URL(String(input));
      const allowPrivate = options.allowPrivate(url.href);
      // Node connects to an address literal without a lookup: check it here.
      if (isAddressLiteral(url.hostname) && !allowPrivate && !isPublicAddress(url.hostname)) {
        reject(notPublic());
        return;
      }
      const client = url.protocol === 'https:' ? https : http;
      const signal = init?.signal ?? undefined;
      const request = client.request(
        url,
        {
          method: init?.method ?? 'POST',
          headers: init?.headers as http.OutgoingHttpHeaders,
          lookup: guardedLookup(resolve, allowPrivate),
          ...(signal ? { signal } : {}),
        },
        (response) => {
          // The answer's body is not needed, and a receiver's error page could quote anything.
          response.resume();
          resolvePromise(new Response(null, { status: response.statusCode ?? 502 }));
        },
      );
      request.on('error', (error) => {
        if (error instanceof NotificationError) reject(error);
        else if (signal?.aborted) reject(signal.reason);
        else reject(error);
      });
      request.end(typeof init?.body === 'string' ? init.body : undefined);
    });
  return guarded as typeof fetch;
}
