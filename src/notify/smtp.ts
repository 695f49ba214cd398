/**
 * @module
 * E-mail notifications over SMTP with nodemailer. Node only: nodemailer
 * opens TCP sockets, which a Worker cannot, so src/worker.ts never imports
 * this module and a Worker's notifier has webhooks only.
 */
import { createTransport } from 'nodemailer';
import type { Config } from '../config.ts';
import type { SmtpSettings } from '../config-settings.ts';
import { createGuardedFetch, type Resolve } from './guarded-fetch.ts';
import {
  DELIVERY_TIMEOUT_MS,
  type Notice,
  NotificationError,
  type Notifier,
  type Transport,
} from './notifier.ts';
import { createWebhookTransport } from './webhook.ts';

/**
 * Builds the SMTP transport from `SMTP_URL` and `MAIL_FROM`. Each notice is a
 * plain-text mail with a fixed subject; nodemailer keeps no log (its logger
 * is off by default), so neither the credentials nor a recipient are written
 * anywhere by it.
 *
 * @example
 * const email = createSmtpTransport({ url: 'smtps://user:pass@mail.example.org', from: 'peer-relay <noreply@example.org>' });
 */
export function createSmtpTransport(settings: SmtpSettings): Transport {
  const mailer = createTransport({
    url: settings.url,
    connectionTimeout: DELIVERY_TIMEOUT_MS,
    greetingTimeout: DELIVERY_TIMEOUT_MS,
    socketTimeout: DELIVERY_TIMEOUT_MS,
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  return {
    async deliver(to: string, notice: Notice): Promise<void> {
      try {
        await mailer.sendMail({
          from: settings.from,
          to,
          subject: notice.subject,
          text: notice.text,
        });
      } catch (error) {
        throw new NotificationError('smtp', smtpReason(error));
      }
    },
  };
}

/**
 * nodemailer's error code (`ECONNECTION`, `EAUTH`, `EENVELOPE`, …) or the
 * server's reply code: a class of failure, never the server's words, which
 * can quote the recipient.
 */
function smtpReason(error: unknown): string {
  const { code, responseCode } = (error ?? {}) as { code?: unknown; responseCode?: unknown };
  if (typeof code === 'string' && /^[A-Z_]{2,30}$/.test(code)) return code;
  if (typeof responseCode === 'number') return `reply_${responseCode}`;
  return 'error';
}

/**
 * Node's notifier: webhooks (only to public addresses, checked at connection
 * time, unless the configuration allows private ones), and e-mail when SMTP
 * is configured. `resolve` replaces the system resolver (tests).
 */
export function createNodeNotifier(config: Config, resolve?: Resolve): Notifier {
  const { smtp, webhookAllowPrivate } = config.notifications;
  const { alerts } = config;
  const allowPrivate = (url: string) =>
    webhookAllowPrivate || (alerts.webhookAllowPrivate && url === alerts.webhookUrl);
  const fetch = createGuardedFetch({ allowPrivate, ...(resolve ? { resolve } : {}) });
  const webhook = createWebhookTransport({ fetch });
  return smtp === undefined ? { webhook } : { webhook, email: createSmtpTransport(smtp) };
}
