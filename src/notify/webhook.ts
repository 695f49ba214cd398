/**
 * @module
 * Webhook notifications: a JSON POST with a fixed notice, over `fetch`, so
 * it runs on Node and on Workers. The body carries the text under both
 * `text` (Slack-compatible endpoints, Matrix hookshot) and `message` (ntfy's
 * JSON field name), and the subject as `title`.
 */
import { DELIVERY_TIMEOUT_MS, type Notice, NotificationError, type Transport } from './notifier.ts';

/** Longest webhook URL a supporter may give: room for any real hook, not for a payload. */
export const MAX_WEBHOOK_URL_LENGTH = 1000;

export interface WebhookOptions {
  timeoutMs?: number;
  /** Tests pass their own; the default is the platform's `fetch`. */
  fetch?: typeof fetch;
}

/**
 * Builds the webhook transport.
 *
 * @example
 * await createWebhookTransport().deliver('https://ntfy.sh/relay', supporterNotice(publicUrl));
 */
export function createWebhookTransport(options: WebhookOptions = {}): Transport {
  const timeoutMs = options.timeoutMs ?? DELIVERY_TIMEOUT_MS;
  const send = options.fetch ?? ((input, init) => fetch(input, init));
  return {
    async deliver(url: string, notice: Notice): Promise<void> {
      const body = JSON.stringify({
        ...notice.data,
        title: notice.subject,
        text: notice.text,
        message: notice.text,
      });
      let response: Response;
      try {
        response = await send(url, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'User-Agent': 'peer-relay' },
          body,
          // A redirect could lead the relay anywhere; the hook's owner can fix their URL.
          redirect: 'manual',
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        const timedOut = error instanceof Error && error.name === 'TimeoutError';
        throw new NotificationError('webhook', timedOut ? 'timeout' : 'network');
      }
      // The answer is not needed, and a receiver's error page could quote anything.
      await response.body?.cancel().catch(() => undefined);
      if (response.status < 200 || response.status > 299) {
        throw new NotificationError('webhook', `http_${response.status}`);
      }
    },
  };
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Whether `url` (an origin such as PUBLIC_URL) is plain HTTP on this machine: a development relay. */
export function isLoopbackHttp(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' && LOOPBACK_HOSTS.has(parsed.hostname);
  } catch {
    return false;
  }
}

/**
 * Checks a supporter's webhook URL and returns it normalised, or `null` when
 * it is not acceptable: it must be `https://`, without a user name or
 * password (they would be sent in the clear to whatever logs URLs; put a
 * token in the path instead), at most 1000 characters. A development relay
 * (PUBLIC_URL `http://127.0.0.1…` or `http://localhost…`) also accepts
 * `http://` to the loopback, which is how tests reach their receiver; a
 * production relay never posts to its own machine over plain HTTP.
 */
export function parseWebhookUrl(raw: string, publicUrl: string): string | null {
  if (raw.length > MAX_WEBHOOK_URL_LENGTH) return null;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    return null;
  }
  if (parsed.username !== '' || parsed.password !== '') return null;
  const allowed =
    parsed.protocol === 'https:' ||
    (parsed.protocol === 'http:' &&
      LOOPBACK_HOSTS.has(parsed.hostname) &&
      isLoopbackHttp(publicUrl));
  if (!allowed || parsed.href.length > MAX_WEBHOOK_URL_LENGTH) return null;
  return parsed.href;
}
