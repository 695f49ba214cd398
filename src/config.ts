/**
 * @module
 * Configuration: the only module that reads the environment. Every value is
 * parsed and checked once, at start-up, so a typo stops the relay with a clear
 * sentence instead of surfacing later as odd behaviour.
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

export interface Config {
  port: number;
  host: string;
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
  /** Submissions per clock hour, across all supporters, before `429 relay_busy`. */
  submissionsPerHour: number;
  /** Queued messages one supporter may have before new ones get `429 inbox_full`. */
  inboxCap: number;
  /** Failed logins per login and hour before `429`. */
  loginFailureLimit: number;
  lifetimes: Lifetimes;
  /** Shown on the pages; default Norway: 113 (emergency), 116 117 (legevakt). */
  emergencyNumbers: EmergencyNumber[];
  /** Content-free notifications to supporters (src/domain/notifications.ts). */
  notifications: NotificationSettings;
  /** Operator alerts about delivery health (src/domain/alerts.ts). */
  alerts: AlertSettings;
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
}

export interface AlertSettings {
  /** Where operator alerts are POSTed as JSON. */
  webhookUrl: string | undefined;
  /** Where operator alerts are e-mailed (needs `notifications.smtp`). */
  emails: string[];
  /** Alert when a message has waited this many hours. */
  waitingHours: number;
  /** Alert when a supporter with waiting messages has not been seen for this many days. */
  unseenDays: number;
  /** A condition that persists is alerted again after this many hours. */
  repeatHours: number;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Env = Readonly<Record<string, string | undefined>>;

const HOUR = 1;
const DAY = 24 * HOUR;

export const defaultLifetimes: Lifetimes = {
  messageHours: 14 * DAY,
  replyHours: 30 * DAY,
  mailboxHours: 30 * DAY,
  sessionHours: 12 * HOUR,
  inviteHours: 14 * DAY,
};

/**
 * Parses the relay's configuration from environment variables.
 *
 * @example
 * const config = loadConfig(process.env);
 */
export function loadConfig(env: Env): Config {
  const port = integer(env, 'PORT', 8787, 1, 65535);
  const publicUrl = url(env, 'PUBLIC_URL', `http://127.0.0.1:${port}`);
  return {
    port,
    host: text(env, 'HOST') ?? '127.0.0.1',
    databaseUrl: text(env, 'DATABASE_URL') ?? 'file:./data/relay.db',
    databaseAuthToken: text(env, 'DATABASE_AUTH_TOKEN'),
    operatorToken: secret(env, 'OPERATOR_TOKEN'),
    serverSecret: secret(env, 'SERVER_SECRET'),
    publicUrl,
    powDifficulty: integer(env, 'POW_DIFFICULTY', 16, 0, 32),
    powSurgePerMinute: integer(env, 'POW_SURGE_PER_MINUTE', 30, 1, 1_000_000),
    submissionsPerHour: integer(env, 'SUBMISSIONS_PER_HOUR', 2000, 1, 10_000_000),
    inboxCap: integer(env, 'INBOX_CAP', 200, 1, 100_000),
    loginFailureLimit: integer(env, 'LOGIN_FAILURE_LIMIT', 10, 1, 1000),
    emergencyNumbers: emergencyNumbers(env),
    notifications: {
      smtp: smtp(env),
      windowMinutes: integer(env, 'NOTIFY_WINDOW_MINUTES', 60, 1, 7 * 24 * 60),
      meanDelayMinutes: integer(env, 'NOTIFY_DELAY_MINUTES', 10, 0, 24 * 60),
    },
    alerts: alerts(env),
    lifetimes: {
      messageHours: integer(env, 'MESSAGE_TTL_HOURS', defaultLifetimes.messageHours, 1, 365 * DAY),
      replyHours: integer(env, 'REPLY_TTL_HOURS', defaultLifetimes.replyHours, 1, 365 * DAY),
      mailboxHours: integer(env, 'MAILBOX_TTL_HOURS', defaultLifetimes.mailboxHours, 1, 365 * DAY),
      sessionHours: integer(env, 'SESSION_TTL_HOURS', defaultLifetimes.sessionHours, 1, 30 * DAY),
      inviteHours: integer(env, 'INVITE_TTL_HOURS', defaultLifetimes.inviteHours, 1, 365 * DAY),
    },
  };
}

/**
 * Where the Workers entry keeps its data: the D1 binding `DB`, unless
 * `DATABASE_URL` names a remote libSQL database (Turso).
 */
export type EdgeDatabase =
  | { kind: 'd1' }
  | { kind: 'libsql'; url: string; authToken: string | undefined };

/**
 * Parses the Workers entry's choice of database. A Worker has no file
 * system, and a WebSocket (`wss://`) opened in one request cannot serve the
 * next, so only HTTP(S) libSQL URLs are accepted.
 *
 * @example
 * loadEdgeDatabase({ DATABASE_URL: 'libsql://relay-example.turso.io' });
 */
export function loadEdgeDatabase(env: Env): EdgeDatabase {
  const url = text(env, 'DATABASE_URL');
  if (url === undefined) return { kind: 'd1' };
  if (!/^(libsql|https|http):\/\/[^/]/.test(url)) {
    throw new ConfigError(
      'On Workers, DATABASE_URL must be a libsql:// or https:// URL of a libSQL (Turso) database, or unset to use the D1 binding DB.',
    );
  }
  return { kind: 'libsql', url, authToken: text(env, 'DATABASE_AUTH_TOKEN') };
}

const EMERGENCY_KINDS = ['emergency', 'out-of-hours', 'crisis-line'] as const;

/** `EMERGENCY_NUMBERS="113:emergency,116 117:out-of-hours"`. */
function emergencyNumbers(env: Env): EmergencyNumber[] {
  const raw = text(env, 'EMERGENCY_NUMBERS') ?? '113:emergency,116 117:out-of-hours';
  return raw.split(',').map((entry) => {
    const [number = '', kind = ''] = entry.split(':').map((part) => part.trim());
    const known = EMERGENCY_KINDS.find((k) => k === kind);
    if (!/^\+?[0-9][0-9 ]{1,18}$/.test(number) || known === undefined) {
      throw new ConfigError(
        `EMERGENCY_NUMBERS must be a comma-separated list of NUMBER:KIND, KIND one of ${EMERGENCY_KINDS.join(', ')} (for example "113:emergency,116 117:out-of-hours").`,
      );
    }
    return { number, kind: known };
  });
}

/** `SMTP_URL` and `MAIL_FROM` go together; neither is ever quoted back in an error. */
function smtp(env: Env): SmtpSettings | undefined {
  const raw = text(env, 'SMTP_URL');
  const from = text(env, 'MAIL_FROM');
  if (raw === undefined) return undefined;
  let parsed: URL | undefined;
  try {
    parsed = new URL(raw);
  } catch {
    parsed = undefined;
  }
  if (
    parsed === undefined ||
    (parsed.protocol !== 'smtp:' && parsed.protocol !== 'smtps:') ||
    parsed.hostname === ''
  ) {
    throw new ConfigError(
      'SMTP_URL must be an smtp:// or smtps:// URL such as smtps://user:password@mail.example.org:465.',
    );
  }
  if (from === undefined) {
    throw new ConfigError(
      'MAIL_FROM must be set when SMTP_URL is, for example: peer-relay <noreply@relay.example.org>.',
    );
  }
  if (!isMailbox(from)) {
    throw new ConfigError(
      'MAIL_FROM must be an e-mail address, optionally with a name: peer-relay <noreply@relay.example.org>.',
    );
  }
  return { url: raw, from };
}

const ADDRESS = /^[^\s@<>,;"]+@[^\s@<>,;"]+$/;

/** `noreply@example.org` or `Display Name <noreply@example.org>`. */
function isMailbox(value: string): boolean {
  const named = /^[^<>\r\n]*<([^<>]+)>$/.exec(value);
  return ADDRESS.test(named?.[1] ?? value);
}

function alerts(env: Env): AlertSettings {
  const webhook = text(env, 'OPERATOR_ALERT_WEBHOOK');
  let webhookUrl: string | undefined;
  if (webhook !== undefined) {
    const sentence =
      'OPERATOR_ALERT_WEBHOOK must be an absolute http(s) URL without a user name or password, such as https://ntfy.sh/relay-alerts.';
    let parsed: URL;
    try {
      parsed = new URL(webhook);
    } catch {
      throw new ConfigError(sentence);
    }
    if (
      (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') ||
      parsed.username !== '' ||
      parsed.password !== ''
    ) {
      throw new ConfigError(sentence);
    }
    webhookUrl = parsed.href;
  }
  const emails = (text(env, 'OPERATOR_ALERT_EMAIL') ?? '')
    .split(',')
    .map((address) => address.trim())
    .filter((address) => address !== '');
  if (emails.some((address) => !ADDRESS.test(address))) {
    throw new ConfigError(
      'OPERATOR_ALERT_EMAIL must be one e-mail address or several separated by commas.',
    );
  }
  if (emails.length > 0 && text(env, 'SMTP_URL') === undefined) {
    throw new ConfigError('OPERATOR_ALERT_EMAIL needs SMTP_URL and MAIL_FROM to send e-mail.');
  }
  return {
    webhookUrl,
    emails,
    waitingHours: integer(env, 'ALERT_WAITING_HOURS', 24, 1, 365 * DAY),
    unseenDays: integer(env, 'ALERT_UNSEEN_DAYS', 3, 1, 365),
    repeatHours: integer(env, 'ALERT_REPEAT_HOURS', 24, 1, 30 * DAY),
  };
}

function text(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = text(env, name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}.`);
  }
  return Number(raw);
}

function url(env: Env, name: string, fallback: string): string {
  const raw = text(env, name);
  if (raw === undefined) return fallback;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(
      `${name} must be an absolute http(s) URL such as https://relay.example.org.`,
    );
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new ConfigError(
      `${name} must be an absolute http(s) URL such as https://relay.example.org.`,
    );
  }
  return parsed.origin;
}

// Short secrets would make the operator token guessable or the HMAC key weak.
function secret(env: Env, name: string): string | undefined {
  const raw = text(env, name);
  if (raw !== undefined && raw.length < 32) {
    throw new ConfigError(
      `${name} must be at least 32 characters long (for example: openssl rand -base64 32).`,
    );
  }
  return raw;
}
