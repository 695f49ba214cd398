/**
 * @module
 * Webhook notifications: a JSON POST with a fixed notice, over `fetch`, so
 * it runs on Node and on Workers. The body carries the text under both
 * `text` (Slack-compatible endpoints, Matrix hookshot) and `message` (ntfy's
 * JSON field name), and the subject as `title`.
 */
import { DELIVERY_TIMEOUT_MS, type Notice, NotificationError, type Transport } from './notifier.ts';
import { isPublicHost } from './public-address.ts';

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
        // A refusal of the guarded fetch (src/notify/guarded-fetch.ts) keeps its reason.
        if (error instanceof NotificationError) throw error;
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

/**
 * Checks a webhook URL and returns it normalised, or `null` when it is not
 * acceptable: `https://` (or `http://` to a non-public host when
 * `allowPrivate`, for a receiver on the relay's own network), without a user
 * name or password (they would be sent in the clear to whatever logs URLs;
 * put a token in the path instead), at most 1000 characters. Whether the
 * host is public is a separate check (`isPublicHost`), with its own error.
 */
export function parseWebhookUrl(raw: string, allowPrivate: boolean): string | null {
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
    (parsed.protocol === 'http:' && allowPrivate && !isPublicHost(parsed.hostname));
  if (!allowed || parsed.href.length > MAX_WEBHOOK_URL_LENGTH) return null;
  return parsed.href;
}
