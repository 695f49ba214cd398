/**
 * @module
 * The shape of the parsed configuration: {@link Config} and the parts that
 * group several variables (lifetimes, emergency numbers, notifications,
 * alerts, the Node server's connection limits). Types only; src/config.ts
 * reads the environment and builds them.
 */

export interface Config {
  port: number;
  host: string;
  /** Slow clients and connection count (Node only). */
  server: NodeServerSettings;
  databaseUrl: string;
  databaseAuthToken: string | undefined;
  /** Unset on Node: one is generated, printed once and its hash kept in the database. */
  operatorToken: string | undefined;
  /** Unset: one is generated and kept in the database. */
  serverSecret: string | undefined;
  publicUrl: string;
  /** Leading zero bits required of an anonymous submission's proof of work. */
  powDifficulty: number;
  /** Submissions per minute (this instance) above which the proof-of-work difficulty rises. */
  powSurgePerMinute: number;
  /** Submissions per clock hour, across all supporters, before `429 relay_busy`: a storage safety net. */
  submissionsPerHour: number;
  /** Submissions per clock hour to one supporter before `429 inbox_full` (for that supporter only). */
  submissionsPerSupporterPerHour: number;
  /** Queued messages one supporter may have before new ones get `429 inbox_full`. */
  inboxCap: number;
  /** Unacknowledged replies one mailbox may hold before a new one gets `429 mailbox_full`. */
  mailboxReplyCap: number;
  /** Archive items one supporter may keep before a new one gets `429 archive_full` (PROTOCOL.md §10.3). */
  archiveCap: number;
  /** Leading zero bits a login needs after five failures in the hour (PROTOCOL.md §11). */
  loginPowDifficulty: number;
  /** The most a login's difficulty grows to, one bit per further five failures. */
  loginPowMaxDifficulty: number;
  lifetimes: Lifetimes;
  /** Shown on the pages; default Norway: 113 (emergency), 116 117 (legevakt). */
  emergencyNumbers: EmergencyNumber[];
  /** Content-free notifications to supporters (src/domain/notifications.ts). */
  notifications: NotificationSettings;
  /** Operator alerts about delivery health (src/domain/alerts.ts). */
  alerts: AlertSettings;
}

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
