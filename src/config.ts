/**
 * @module
 * Configuration: the only module that reads the environment. One valibot
 * schema names every variable with its default and description; it is applied
 * once, at start-up, so a typo stops the relay with a clear sentence instead
 * of surfacing later as odd behaviour. docs/configuration.md is generated
 * from it (`npm run docs:config`).
 */
import * as v from 'valibot';
import type { Config } from './config-settings.ts';
import {
  addressList,
  ConfigError,
  DAY,
  EMERGENCY_KINDS,
  emergencyNumbers,
  environment,
  flag,
  HOUR,
  mailbox,
  notes,
  publicOrigin,
  secret,
  smtpUrl,
  webhookUrl,
  wholeNumber,
} from './config-values.ts';

export type { Config } from './config-settings.ts';
export type { OnWorkers, VariableNotes } from './config-values.ts';
export { ConfigError };

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Every environment variable the relay reads, in the order of
 * docs/configuration.md. A default is the text a deployer would write.
 */
export const environmentVariables = {
  PORT: v.pipe(
    wholeNumber(1, 65535, 8787),
    v.description('TCP port the Node relay listens on.'),
    notes({ workers: 'ignored' }),
  ),
  HOST: v.pipe(
    v.optional(v.string(), '127.0.0.1'),
    v.description('Address the Node relay listens on; put a TLS-terminating proxy in front of it.'),
    notes({ workers: 'ignored' }),
  ),
  HEADERS_TIMEOUT_SECONDS: v.pipe(
    wholeNumber(1, 600, 10),
    v.description(
      "Seconds a client may take to send a request's headers before `408` and the connection closed, so a client trickling bytes cannot hold a connection.",
    ),
    notes({ workers: 'ignored' }),
  ),
  REQUEST_TIMEOUT_SECONDS: v.pipe(
    wholeNumber(1, 3600, 30),
    v.description(
      'Seconds a client may take to send a whole request, body included; at least `HEADERS_TIMEOUT_SECONDS`.',
    ),
    notes({ workers: 'ignored' }),
  ),
  MAX_CONNECTIONS: v.pipe(
    wholeNumber(1, 1_000_000, 500),
    v.description('Open connections served at once; further ones are closed as they arrive.'),
    notes({ workers: 'ignored' }),
  ),
  DATABASE_URL: v.pipe(
    v.optional(v.string(), 'file:./data/relay.db'),
    v.description(
      'libSQL URL: a local file (its directory is created) or `libsql://…` for Turso. On Workers, unset means the D1 binding `DB`, and a `libsql://` or `https://` URL means Turso.',
    ),
  ),
  DATABASE_AUTH_TOKEN: v.pipe(
    v.optional(v.string()),
    v.description('Token of a remote libSQL (Turso) database.'),
    notes({ workers: 'secret' }),
  ),
  OPERATOR_TOKEN: v.pipe(
    v.optional(secret),
    v.description(
      'Operator bearer token, at least 32 characters. When it is unset on Node, one is generated at first start, printed once, and only its hash kept; on Workers it is required.',
    ),
    notes({ unset: 'generated (Node)', workers: 'secret' }),
  ),
  SERVER_SECRET: v.pipe(
    v.optional(secret),
    v.description(
      'Key for proof-of-work challenges and fake login parameters, at least 32 characters. When it is unset, one is generated and kept in the database.',
    ),
    notes({ unset: 'generated', workers: 'secret' }),
  ),
  PUBLIC_URL: v.pipe(
    v.optional(publicOrigin),
    v.description(
      'Origin used in invite links (a path is dropped); `https://` also turns on HSTS. On Workers, set it to your domain.',
    ),
    notes({ unset: '`http://127.0.0.1:$PORT`' }),
  ),
  POW_DIFFICULTY: v.pipe(
    wholeNumber(0, 32, 16),
    v.description('Leading zero bits of proof of work asked of each anonymous submission.'),
  ),
  POW_SURGE_PER_MINUTE: v.pipe(
    wholeNumber(1, 1_000_000, 30),
    v.description(
      'Submissions a minute above which the difficulty rises: one bit, plus one per doubling, at most eight. Counted per instance (on Workers, per isolate).',
    ),
  ),
  SUBMISSIONS_PER_HOUR: v.pipe(
    wholeNumber(1, 10_000_000, 20_000),
    v.description(
      'Submissions an hour across all supporters before `429 relay_busy`: a storage safety net, set well above what the per-supporter caps allow together; counted in the database, so global on Workers too.',
    ),
  ),
  SUBMISSIONS_PER_SUPPORTER_PER_HOUR: v.pipe(
    wholeNumber(1, 1_000_000, 30),
    v.description(
      'Submissions an hour to one supporter before `429 inbox_full` for that supporter only, so a flood aimed at one supporter refuses no one writing to another.',
    ),
  ),
  INBOX_CAP: v.pipe(
    wholeNumber(1, 100_000, 200),
    v.description('Queued messages one supporter may have before new ones get `429 inbox_full`.'),
  ),
  ARCHIVE_MAX_ITEMS: v.pipe(
    wholeNumber(1, 1_000_000, 2000),
    v.description(
      'Items one supporter may keep in their archive before storing a new one gets `429 archive_full`; replacing an item always works.',
    ),
  ),
  MAILBOX_REPLY_CAP: v.pipe(
    wholeNumber(1, 10_000, 20),
    v.description(
      'Unacknowledged replies one mailbox may hold before a new one gets `429 mailbox_full`.',
    ),
  ),
  LOGIN_POW_DIFFICULTY: v.pipe(
    wholeNumber(1, 32, 16),
    v.description(
      'Leading zero bits of proof of work a login needs once it has failed 5 times in the hour; logins are never refused outright.',
    ),
  ),
  LOGIN_POW_MAX_DIFFICULTY: v.pipe(
    wholeNumber(1, 32, 22),
    v.description(
      "The most a login's proof of work grows to: one bit more per further 5 failures in the hour. At least `LOGIN_POW_DIFFICULTY`.",
    ),
  ),
  MESSAGE_TTL_HOURS: v.pipe(
    wholeNumber(1, 365 * DAY, 14 * DAY),
    v.description('Life of an undelivered message; then the doctor is shown `expired`.'),
  ),
  REPLY_TTL_HOURS: v.pipe(
    wholeNumber(1, 365 * DAY, 30 * DAY),
    v.description('Life of an unread reply.'),
  ),
  MAILBOX_TTL_HOURS: v.pipe(
    wholeNumber(1, 365 * DAY, 30 * DAY),
    v.description('Life of a mailbox, counted from its last activity.'),
  ),
  SESSION_TTL_HOURS: v.pipe(
    wholeNumber(1, 30 * DAY, 12 * HOUR),
    v.description('Life of a supporter session.'),
  ),
  INVITE_TTL_HOURS: v.pipe(
    wholeNumber(1, 365 * DAY, 14 * DAY),
    v.description('Default life of an operator invite.'),
  ),
  EMERGENCY_NUMBERS: v.pipe(
    v.optional(emergencyNumbers, '113:emergency,116 117:out-of-hours'),
    v.description(
      `Numbers every page shows under "not an emergency service": comma-separated \`NUMBER:KIND\`, KIND one of ${EMERGENCY_KINDS.map((kind) => `\`${kind}\``).join(', ')}. The default is Norway's 113 (emergency) and 116 117 (legevakt).`,
    ),
  ),
  SMTP_URL: v.pipe(
    v.optional(smtpUrl),
    v.description(
      'Outgoing mail server for e-mail notifications and alerts, `smtp://user:password@host:587` or `smtps://…:465`; never logged or shown. Unset: supporters cannot choose e-mail notifications. Node only: a Worker cannot open SMTP connections.',
    ),
    notes({ workers: 'unavailable' }),
  ),
  MAIL_FROM: v.pipe(
    v.optional(mailbox),
    v.description(
      'Sender of those mails, an address optionally with a name, such as `peer-relay <noreply@relay.example.org>`; required with `SMTP_URL`.',
    ),
    notes({ workers: 'unavailable' }),
  ),
  NOTIFY_WINDOW_MINUTES: v.pipe(
    wholeNumber(1, 7 * 24 * 60, 60),
    v.description('At most one notification per supporter and channel within this many minutes.'),
  ),
  NOTIFY_DELAY_MINUTES: v.pipe(
    wholeNumber(0, 24 * 60, 10),
    v.description(
      "Mean of the random delay before a due notification goes out, so that its time does not mirror the submission's; `0` sends at the next run.",
    ),
  ),
  OPERATOR_ALERT_WEBHOOK: v.pipe(
    v.optional(webhookUrl),
    v.description(
      'URL that operator alerts are POSTed to as JSON (ntfy, Matrix hookshot, Slack-compatible). A secret on Workers: whoever knows the URL can post to it.',
    ),
    notes({ workers: 'secret' }),
  ),
  OPERATOR_ALERT_WEBHOOK_ALLOW_PRIVATE: v.pipe(
    flag(false),
    v.description(
      '`true` lets `OPERATOR_ALERT_WEBHOOK` point to this machine or a private network (an alert receiver beside the relay); otherwise only public addresses are posted to.',
    ),
  ),
  WEBHOOK_ALLOW_PRIVATE: v.pipe(
    flag(false),
    v.description(
      "`true` lets supporters' webhooks point to this machine or a private network (also over `http://`), for an intranet receiver; otherwise they must be public (`400 webhook_not_public`), checked again at every connection.",
    ),
  ),
  OPERATOR_ALERT_EMAIL: v.pipe(
    v.optional(addressList),
    v.description(
      'One or more comma-separated addresses that operator alerts are e-mailed to; needs `SMTP_URL`.',
    ),
    notes({ workers: 'unavailable' }),
  ),
  ALERT_WAITING_HOURS: v.pipe(
    wholeNumber(1, 365 * DAY, 24),
    v.description('Alert when a message has waited this many hours.'),
  ),
  ALERT_UNSEEN_DAYS: v.pipe(
    wholeNumber(1, 365, 3),
    v.description(
      'Alert when a supporter with waiting messages has not been seen for this many days.',
    ),
  ),
  ALERT_REPEAT_HOURS: v.pipe(
    wholeNumber(1, 30 * DAY, 24),
    v.description('An alert whose condition persists is repeated after this many hours.'),
  ),
};

const configSchema = v.pipe(
  environment,
  v.object(environmentVariables),
  v.forward(
    v.partialCheck(
      [['SMTP_URL'], ['MAIL_FROM']],
      (env) => env.SMTP_URL === undefined || env.MAIL_FROM !== undefined,
      'must be set when SMTP_URL is, for example: peer-relay <noreply@relay.example.org>.',
    ),
    ['MAIL_FROM'],
  ),
  v.forward(
    v.partialCheck(
      [['SMTP_URL'], ['OPERATOR_ALERT_EMAIL']],
      (env) => env.SMTP_URL !== undefined || (env.OPERATOR_ALERT_EMAIL ?? []).length === 0,
      'needs SMTP_URL and MAIL_FROM to send e-mail.',
    ),
    ['OPERATOR_ALERT_EMAIL'],
  ),
  v.forward(
    v.partialCheck(
      [['LOGIN_POW_DIFFICULTY'], ['LOGIN_POW_MAX_DIFFICULTY']],
      (env) => env.LOGIN_POW_MAX_DIFFICULTY >= env.LOGIN_POW_DIFFICULTY,
      'must be at least LOGIN_POW_DIFFICULTY.',
    ),
    ['LOGIN_POW_MAX_DIFFICULTY'],
  ),
  v.forward(
    v.partialCheck(
      [['HEADERS_TIMEOUT_SECONDS'], ['REQUEST_TIMEOUT_SECONDS']],
      (env) => env.REQUEST_TIMEOUT_SECONDS >= env.HEADERS_TIMEOUT_SECONDS,
      'must be at least HEADERS_TIMEOUT_SECONDS.',
    ),
    ['REQUEST_TIMEOUT_SECONDS'],
  ),
  v.transform(
    (env): Config => ({
      port: env.PORT,
      host: env.HOST,
      server: {
        headersTimeoutSeconds: env.HEADERS_TIMEOUT_SECONDS,
        requestTimeoutSeconds: env.REQUEST_TIMEOUT_SECONDS,
        maxConnections: env.MAX_CONNECTIONS,
      },
      databaseUrl: env.DATABASE_URL,
      databaseAuthToken: env.DATABASE_AUTH_TOKEN,
      operatorToken: env.OPERATOR_TOKEN,
      serverSecret: env.SERVER_SECRET,
      // A schema default cannot follow PORT.
      publicUrl: env.PUBLIC_URL ?? `http://127.0.0.1:${env.PORT}`,
      powDifficulty: env.POW_DIFFICULTY,
      powSurgePerMinute: env.POW_SURGE_PER_MINUTE,
      submissionsPerHour: env.SUBMISSIONS_PER_HOUR,
      submissionsPerSupporterPerHour: env.SUBMISSIONS_PER_SUPPORTER_PER_HOUR,
      inboxCap: env.INBOX_CAP,
      mailboxReplyCap: env.MAILBOX_REPLY_CAP,
      archiveCap: env.ARCHIVE_MAX_ITEMS,
      loginPowDifficulty: env.LOGIN_POW_DIFFICULTY,
      loginPowMaxDifficulty: env.LOGIN_POW_MAX_DIFFICULTY,
      emergencyNumbers: env.EMERGENCY_NUMBERS,
      notifications: {
        // The check above has made sure MAIL_FROM comes with SMTP_URL.
        smtp:
          env.SMTP_URL === undefined || env.MAIL_FROM === undefined
            ? undefined
            : { url: env.SMTP_URL, from: env.MAIL_FROM },
        windowMinutes: env.NOTIFY_WINDOW_MINUTES,
        meanDelayMinutes: env.NOTIFY_DELAY_MINUTES,
        webhookAllowPrivate: env.WEBHOOK_ALLOW_PRIVATE,
      },
      alerts: {
        webhookUrl: env.OPERATOR_ALERT_WEBHOOK,
        webhookAllowPrivate: env.OPERATOR_ALERT_WEBHOOK_ALLOW_PRIVATE,
        emails: env.OPERATOR_ALERT_EMAIL ?? [],
        waitingHours: env.ALERT_WAITING_HOURS,
        unseenDays: env.ALERT_UNSEEN_DAYS,
        repeatHours: env.ALERT_REPEAT_HOURS,
      },
      lifetimes: {
        messageHours: env.MESSAGE_TTL_HOURS,
        replyHours: env.REPLY_TTL_HOURS,
        mailboxHours: env.MAILBOX_TTL_HOURS,
        sessionHours: env.SESSION_TTL_HOURS,
        inviteHours: env.INVITE_TTL_HOURS,
      },
    }),
  ),
);

/**
 * Parses the relay's configuration from environment variables.
 *
 * @throws ConfigError naming the first variable whose value is wrong.
 * @example
 * const config = loadConfig(process.env);
 */
export function loadConfig(env: Env): Config {
  // The first problem only: later checks may depend on the value that failed.
  const result = v.safeParse(configSchema, env, { abortEarly: true });
  if (result.success) return result.output;
  const [issue] = result.issues;
  // The sentences leave out the variable's name, which is the issue's path.
  throw new ConfigError(`${String(issue.path?.[0]?.key)} ${issue.message}`);
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
  const { DATABASE_URL: url, DATABASE_AUTH_TOKEN: authToken } = v.parse(environment, env);
  if (url === undefined) return { kind: 'd1' };
  if (!/^(libsql|https|http):\/\/[^/]/.test(url)) {
    throw new ConfigError(
      'On Workers, DATABASE_URL must be a libsql:// or https:// URL of a libSQL (Turso) database, or unset to use the D1 binding DB.',
    );
  }
  return { kind: 'libsql', url, authToken };
}
