/**
 * Receivers for notification tests, on 127.0.0.1 and a port the kernel
 * picks: a real SMTP server (the smtp-server package) that keeps every mail
 * it accepts, and an HTTP receiver that keeps every request. Both can refuse
 * their first N deliveries, to test retries. Every wait is bounded.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import type { Log } from '../../src/log.ts';
import { within } from './process-helpers.ts';

export interface ReceivedMail {
  from: string;
  to: string[];
  /** The whole message as sent: headers and body. */
  data: string;
}

export interface SmtpReceiver {
  port: number;
  /** `smtp://user:pass@127.0.0.1:port` (with the credentials given, if any). */
  url: string;
  /** Mails accepted. */
  mails: ReceivedMail[];
  /** DATA commands seen, accepted or refused. */
  attempts: () => number;
  close(): Promise<void>;
}

/**
 * Starts an SMTP server. With `auth`, only those credentials log in; with
 * `refuseFirst`, the first N messages are answered `451` (a temporary failure).
 */
export async function startSmtpReceiver(
  options: { auth?: { user: string; pass: string }; refuseFirst?: number } = {},
): Promise<SmtpReceiver> {
  const mails: ReceivedMail[] = [];
  let attempts = 0;
  const server = new SMTPServer({
    logger: false,
    disabledCommands: options.auth === undefined ? ['STARTTLS', 'AUTH'] : ['STARTTLS'],
    allowInsecureAuth: true,
    authOptional: options.auth === undefined,
    onAuth(auth, _session, callback) {
      if (auth.username === options.auth?.user && auth.password === options.auth?.pass) {
        callback(null, { user: auth.username });
      } else {
        callback(new Error('Invalid username or password'));
      }
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        attempts++;
        if (attempts <= (options.refuseFirst ?? 0)) {
          const error = new Error('Try again later') as Error & { responseCode: number };
          error.responseCode = 451;
          callback(error);
          return;
        }
        const from = session.envelope.mailFrom;
        mails.push({
          from: from === false ? '' : from.address,
          to: session.envelope.rcptTo.map((r) => r.address),
          data: Buffer.concat(chunks).toString('utf8'),
        });
        callback(null);
      });
    },
  });
  await within(
    new Promise<void>((resolve, reject) => {
      server.server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    }),
    5_000,
    'the SMTP server to listen',
  );
  const { port } = server.server.address() as AddressInfo;
  const credentials =
    options.auth === undefined
      ? ''
      : `${encodeURIComponent(options.auth.user)}:${encodeURIComponent(options.auth.pass)}@`;
  return {
    port,
    url: `smtp://${credentials}127.0.0.1:${port}`,
    mails,
    attempts: () => attempts,
    close: () =>
      within(
        new Promise<void>((resolve) => server.close(() => resolve())),
        5_000,
        'the SMTP server to close',
      ),
  };
}

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** The status it was answered with. */
  status: number;
}

export interface HttpReceiver {
  /** `http://127.0.0.1:port/hook` */
  url: string;
  requests: ReceivedRequest[];
  /** Requests answered 2xx. */
  accepted(): ReceivedRequest[];
  /** Resolves once `count` requests have arrived. */
  waitFor(count: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/** Starts an HTTP receiver that answers `failStatus` (default 500) to its first `failFirst` requests. */
export async function startHttpReceiver(
  options: { failFirst?: number; failStatus?: number; path?: string } = {},
): Promise<HttpReceiver> {
  const requests: ReceivedRequest[] = [];
  const waiters = new Set<() => void>();
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const status = requests.length < (options.failFirst ?? 0) ? (options.failStatus ?? 500) : 200;
      requests.push({
        method: request.method ?? '',
        path: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        status,
      });
      response.writeHead(status, { 'Content-Type': 'text/plain' });
      response.end(status === 200 ? 'ok' : 'failing on purpose');
      for (const waiter of waiters) waiter();
    });
  });
  await within(
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    }),
    5_000,
    'the HTTP receiver to listen',
  );
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${options.path ?? '/hook'}`,
    requests,
    accepted: () => requests.filter((r) => r.status >= 200 && r.status < 300),
    waitFor(count, timeoutMs = 20_000) {
      const arrived = new Promise<void>((resolve) => {
        const check = () => {
          if (requests.length >= count) {
            waiters.delete(check);
            resolve();
          }
        };
        waiters.add(check);
        check();
      });
      return within(arrived, timeoutMs, `${count} requests at the HTTP receiver`);
    },
    close: () =>
      within(
        new Promise<void>((resolve) => {
          server.closeAllConnections();
          server.close(() => resolve());
        }),
        5_000,
        'the HTTP receiver to close',
      ),
  };
}

/** A `random()` that returns `values` in turn, then `after` for ever. */
export function sequenceRandom(values: number[], after = 0.999_999): () => number {
  let i = 0;
  return () => (i < values.length ? (values[i++] as number) : after);
}

/**
 * A log that keeps each failed delivery as `event transport reason`
 * (`notification_failed webhook http_500`), checking that it is a warning.
 */
export function deliveryLog(lines: string[]): Log {
  return (level, event, fields = {}) => {
    if (level !== 'warn') throw new Error(`a failed delivery is a warning, not ${level}`);
    lines.push([event, fields.transport, fields.reason].join(' '));
  };
}
