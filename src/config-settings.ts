/**
 * @module
 * The parts of the parsed configuration (src/config.ts) that group several
 * variables: lifetimes, emergency numbers, notifications, alerts and the
 * Node server's connection limits. Types
 * only; src/config.ts reads the environment and builds them.
 */

export interface Lifetimes {
  /** Undelivered message, then shown to the doctor as `expired` (PROTOCOL.md §8). */
  messageHours: number;
  /** Unread reply. */
  replyHours: number;
  /** Mailbox, counted from its last activity. */
  mailboxHours: number;
  /** Supporter session. */
  sessionHours: number;
  /** Operator invite. */
  inviteHours: number;
}

/** A number shown on every page under "not an emergency service". */
export interface EmergencyNumber {
  number: string;
  kind: 'emergency' | 'out-of-hours' | 'crisis-line';
}

/** Outgoing e-mail. Node only: a Worker cannot open SMTP connections. */
export interface SmtpSettings {
  /** `smtp://` or `smtps://`, credentials included; it is never logged or shown. */
  url: string;
  /** The From header: an address, optionally with a name (`peer-relay <noreply@example.org>`). */
  from: string;
}

export interface NotificationSettings {
  /** Unset: supporters cannot choose e-mail notifications. */
  smtp: SmtpSettings | undefined;
  /** At most one notification per supporter and channel within this many minutes. */
  windowMinutes: number;
  /** Mean of the random delay before a due notification goes out; 0 sends at the next run. */
  meanDelayMinutes: number;
  /** Supporter webhooks may point to this machine or a private network (else `webhook_not_public`). */
  webhookAllowPrivate: boolean;
}

export interface AlertSettings {
  /** Where operator alerts are POSTed as JSON. */
  webhookUrl: string | undefined;
  /** That URL may point to this machine or a private network. */
  webhookAllowPrivate: boolean;
  /** Where operator alerts are e-mailed (needs `notifications.smtp`). */
  emails: string[];
  /** Alert when a message has waited this many hours. */
  waitingHours: number;
  /** Alert when a supporter with waiting messages has not been seen for this many days. */
  unseenDays: number;
  /** A condition that persists is alerted again after this many hours. */
  repeatHours: number;
}

/** How long the Node server lets a client take, and how many it serves at once (src/node.ts). */
export interface NodeServerSettings {
  /** Time to receive a request's headers before `408` and closing. */
  headersTimeoutSeconds: number;
  /** Time to receive a whole request, body included. */
  requestTimeoutSeconds: number;
  /** Open connections beyond which new ones are closed at once. */
  maxConnections: number;
}
