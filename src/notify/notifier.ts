/**
 * @module
 * How the relay tells people that something needs them, without saying what:
 * a `Notifier` holds one `Transport` per channel (e-mail, webhook). A
 * supporter's notice is the one fixed text below: nothing a doctor sent, no
 * message id, no mailbox, not even a count, so a mail server or a push
 * service that relays it learns only that "something waits". Operator
 * alerts (src/domain/alerts.ts) carry counts and supporter ids only.
 *
 * This module and src/notify/webhook.ts use only web-standard APIs and run on
 * Workers; the SMTP transport (src/notify/smtp.ts) needs Node and is added by
 * the Node entry only.
 */
import type { NotificationChannel } from '../db/schema.ts';

export type { NotificationChannel };

/** A fixed text to deliver. */
export interface Notice {
  /** E-mail subject; the webhook's `title`. */
  subject: string;
  /** Plain text: the e-mail body; the webhook's `text` and `message`. */
  text: string;
  /** Machine-readable extras for webhooks (operator alerts: counts and supporter ids). */
  data?: Record<string, unknown>;
}

/** Delivers a notice to one address: an e-mail address or a webhook URL. */
export interface Transport {
  deliver(address: string, notice: Notice): Promise<void>;
}

/** The transports this instance has; a channel without one cannot be delivered here. */
export interface Notifier {
  email?: Transport;
  webhook?: Transport;
}

/**
 * A failed delivery. Its message is only the transport and a short reason
 * (`webhook http_500`, `smtp ECONNECTION`): never an address, a URL or a
 * server's answer, which could quote either.
 */
export class NotificationError extends Error {
  override name = 'NotificationError';

  constructor(
    readonly transport: 'smtp' | 'webhook',
    readonly reason: string,
  ) {
    super(`${transport} ${reason}`);
  }
}

/** The log name of a channel's transport. */
export function transportName(channel: NotificationChannel): 'smtp' | 'webhook' {
  return channel === 'email' ? 'smtp' : 'webhook';
}

/** How long one delivery may take before it counts as failed. */
export const DELIVERY_TIMEOUT_MS = 10_000;

/**
 * The one notice a supporter ever gets, in Norwegian and English: the same
 * words every time, whatever and however much is waiting.
 */
export function supporterNotice(publicUrl: string): Notice {
  return {
    subject: 'peer-relay: ny melding / new message',
    text: [
      'Du har en ny melding som venter i peer-relay. Logg inn for å lese den.',
      'You have a new message waiting in peer-relay. Log in to read it.',
      '',
      `${publicUrl}/supporter`,
    ].join('\n'),
  };
}
