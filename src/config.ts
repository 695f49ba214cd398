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
    lifetimes: {
      messageHours: integer(env, 'MESSAGE_TTL_HOURS', defaultLifetimes.messageHours, 1, 365 * DAY),
      replyHours: integer(env, 'REPLY_TTL_HOURS', defaultLifetimes.replyHours, 1, 365 * DAY),
      mailboxHours: integer(env, 'MAILBOX_TTL_HOURS', defaultLifetimes.mailboxHours, 1, 365 * DAY),
      sessionHours: integer(env, 'SESSION_TTL_HOURS', defaultLifetimes.sessionHours, 1, 30 * DAY),
      inviteHours: integer(env, 'INVITE_TTL_HOURS', defaultLifetimes.inviteHours, 1, 365 * DAY),
    },
  };
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
