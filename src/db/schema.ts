/**
 * @module
 * The relay's tables (drizzle `sqlite-core`, shared by libSQL and D1).
 * Times are whole UTC hours in Unix seconds (see src/time.ts); capabilities
 * are stored only as `b64(H(32, token))`; ciphertext is a blob that is set
 * to NULL the moment it is delivered or expires. Nothing here can identify
 * a doctor: a mailbox is a random id plus a token hash.
 */
import { blob, index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { MailboxView, Modality, SupporterStatus } from '../wire/api.ts';
import type { NotificationChannel } from '../wire/operator.ts';

export type { Modality, SupporterStatus } from '../wire/api.ts';
export type MessageStatus = MailboxView['sent'][number]['status'];

/** How a supporter is told that something waits: e-mail (SMTP) or a webhook. */
export type { NotificationChannel } from '../wire/operator.ts';

const bytes = (name: string) => blob(name, { mode: 'buffer' }).$type<Uint8Array>();

export const supporters = sqliteTable('supporters', {
  id: text('id').primaryKey(),
  /** NULL once the supporter has left, so the login can be chosen again. */
  login: text('login').unique(),
  email: text('email'),
  name: text('name').notNull(),
  county: text('county').notNull(),
  town: text('town').notNull(),
  specialties: text('specialties', { mode: 'json' }).$type<string[]>().notNull(),
  languages: text('languages', { mode: 'json' }).$type<string[]>().notNull(),
  modalities: text('modalities', { mode: 'json' }).$type<Modality[]>().notNull(),
  about: text('about'),
  status: text('status').$type<SupporterStatus>().notNull().default('available'),
  awayUntilHour: integer('away_until_hour'),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  /** Set when the supporter leaves; the public key stays so replies already sent remain verifiable. */
  left: integer('left', { mode: 'boolean' }).notNull().default(false),
  boxPublicKey: text('box_public_key').notNull(),
  vaultSalt: text('vault_salt').notNull(),
  vaultOpslimit: integer('vault_opslimit').notNull(),
  vaultMemlimit: integer('vault_memlimit').notNull(),
  vaultCiphertext: text('vault_ciphertext').notNull(),
  authKeyHash: text('auth_key_hash').notNull(),
  createdHour: integer('created_hour').notNull(),
  lastSeenHour: integer('last_seen_hour'),
  /** E-mail a content-free notice to `email` when messages wait. */
  notifyEmail: integer('notify_email', { mode: 'boolean' }).notNull().default(false),
  /** POST a content-free notice here when messages wait; may hold a secret (an ntfy topic). */
  notifyWebhookUrl: text('notify_webhook_url'),
  /**
   * The operator's last signature of this entry (PROTOCOL.md §13) and the key
   * and name it was made for: published only while those are still the
   * entry's own, and kept after, so a new signature needs a higher version.
   */
  signedVersion: integer('signed_version'),
  signature: text('signature'),
  signedBoxPublicKey: text('signed_box_public_key'),
  signedName: text('signed_name'),
  /** The hour a signature for a key other than the previously signed one was accepted. */
  keyChangedHour: integer('key_changed_hour'),
});

export const invites = sqliteTable('invites', {
  tokenHash: text('token_hash').primaryKey(),
  note: text('note'),
  expiresHour: integer('expires_hour').notNull(),
  used: integer('used', { mode: 'boolean' }).notNull().default(false),
});

export const sessions = sqliteTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    supporterId: text('supporter_id').notNull(),
    expiresHour: integer('expires_hour').notNull(),
  },
  (table) => [index('sessions_supporter').on(table.supporterId)],
);

export const mailboxes = sqliteTable('mailboxes', {
  id: text('id').primaryKey(),
  readTokenHash: text('read_token_hash').notNull(),
  expiresHour: integer('expires_hour').notNull(),
});

export const messages = sqliteTable(
  'messages',
  {
    id: text('id').primaryKey(),
    supporterId: text('supporter_id').notNull(),
    mailboxId: text('mailbox_id').notNull(),
    /** NULL once delivered or expired. */
    ciphertext: bytes('ciphertext'),
    status: text('status').$type<MessageStatus>().notNull(),
    receivedHour: integer('received_hour').notNull(),
    /** Delivery deadline: a message still queued then expires. */
    expiresHour: integer('expires_hour').notNull(),
    deliveredHour: integer('delivered_hour'),
  },
  (table) => [
    // Covers the inbox-cap count, so it never reads a row (nor its ciphertext).
    index('messages_supporter_pending').on(table.supporterId, table.status, table.expiresHour),
    index('messages_mailbox').on(table.mailboxId, table.supporterId),
    index('messages_status_expires').on(table.status, table.expiresHour),
    // A supporter's submissions this hour (the per-supporter cap), and the fullest supporter's.
    index('messages_received_supporter').on(table.receivedHour, table.supporterId),
  ],
);

/**
 * Messages received per hour across all supporters: the relay-wide ceiling
 * (SUBMISSIONS_PER_HOUR) reads one row instead of counting the hour's
 * messages. Past hours are swept (src/domain/expiry.ts).
 */
export const hourlyReceived = sqliteTable('hourly_received', {
  hour: integer('hour').primaryKey(),
  count: integer('count').notNull().default(0),
});

export const replies = sqliteTable(
  'replies',
  {
    id: text('id').primaryKey(),
    mailboxId: text('mailbox_id').notNull(),
    supporterId: text('supporter_id').notNull(),
    ciphertext: bytes('ciphertext').notNull(),
    sentHour: integer('sent_hour').notNull(),
    expiresHour: integer('expires_hour').notNull(),
  },
  (table) => [
    index('replies_mailbox').on(table.mailboxId),
    index('replies_expires').on(table.expiresHour),
  ],
);

/**
 * A doctor's own copy of a sent message (PROTOCOL.md §10.1), sealed to their
 * reply key: kept with the mailbox's entry for the message, never on the
 * message row (which is the supporter's), and deleted with the mailbox.
 */
export const sentCopies = sqliteTable(
  'sent_copies',
  {
    mailboxId: text('mailbox_id').notNull(),
    messageId: text('message_id').notNull(),
    ciphertext: bytes('ciphertext').notNull(),
  },
  (table) => [primaryKey({ columns: [table.mailboxId, table.messageId] })],
);

/**
 * Mailboxes their doctor deleted (PROTOCOL.md §10.2), so the id cannot be
 * claimed again: the hash of the id and the hour the mailbox would have
 * expired, nothing else (docs/protocol.md, "Deleting a mailbox").
 */
export const deletedMailboxes = sqliteTable(
  'deleted_mailboxes',
  {
    idHash: text('id_hash').primaryKey(),
    expiresHour: integer('expires_hour').notNull(),
  },
  (table) => [index('deleted_mailboxes_expires').on(table.expiresHour)],
);

/**
 * A supporter's archive (PROTOCOL.md §10.3): items sealed with a key only the
 * supporter holds, one per (supporter, item id), replaced on every store.
 * Listed by (stored hour, id), so no order finer than the hour is kept.
 */
export const archiveItems = sqliteTable(
  'archive_items',
  {
    supporterId: text('supporter_id').notNull(),
    id: text('id').notNull(),
    ciphertext: bytes('ciphertext').notNull(),
    storedHour: integer('stored_hour').notNull(),
    expiresHour: integer('expires_hour').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.supporterId, table.id] }),
    index('archive_items_listing').on(table.supporterId, table.storedHour, table.id),
    index('archive_items_expires').on(table.expiresHour),
  ],
);

/** Per-day event counters behind the operator's figures; no row refers to anyone. */
export const dailyCounts = sqliteTable(
  'daily_counts',
  {
    day: text('day').notNull(),
    event: text('event').notNull(),
    count: integer('count').notNull().default(0),
  },
  (table) => [primaryKey({ columns: [table.day, table.event] })],
);

/**
 * Per-supporter daily counts (received, first contacts, delivered): the
 * operator's backlog figures and the supporters' own compensation counts.
 */
export const supporterDailyCounts = sqliteTable(
  'supporter_daily_counts',
  {
    supporterId: text('supporter_id').notNull(),
    day: text('day').notNull(),
    event: text('event').notNull(),
    count: integer('count').notNull().default(0),
  },
  (table) => [primaryKey({ columns: [table.supporterId, table.day, table.event] })],
);

/** Spent proof-of-work challenges, remembered until they could no longer be used. */
export const spentChallenges = sqliteTable(
  'spent_challenges',
  {
    challengeHash: text('challenge_hash').primaryKey(),
    /** The submission that spent it: a retry of that same submission is not a replay. */
    spentOn: text('spent_on').notNull(),
    expiresHour: integer('expires_hour').notNull(),
  },
  (table) => [index('spent_challenges_expires').on(table.expiresHour)],
);

/** Failed logins per (keyed hash of) login and hour; keys on nothing about the requester. */
export const loginFailures = sqliteTable(
  'login_failures',
  {
    loginKey: text('login_key').notNull(),
    hour: integer('hour').notNull(),
    count: integer('count').notNull().default(0),
  },
  (table) => [primaryKey({ columns: [table.loginKey, table.hour] })],
);

/**
 * Where each supporter's notifications stand, per channel (src/domain/notifications.ts).
 * Nothing here refers to a message or a doctor: "something new waits" is the
 * supporter's count of received messages (their `received` daily counts,
 * summed) exceeding the count the last notification
 * covered, and times are whole hours.
 */
export const notificationState = sqliteTable(
  'notification_state',
  {
    supporterId: text('supporter_id').notNull(),
    channel: text('channel').$type<NotificationChannel>().notNull(),
    /** The supporter's received count when the last notification was delivered. */
    coveredReceived: integer('covered_received').notNull().default(0),
    /** No attempt before this hour: the end of the batching window, or of a failure's backoff. */
    nextHour: integer('next_hour'),
    /** Failed attempts since the last success: the exponent of the backoff. */
    failures: integer('failures').notNull().default(0),
  },
  (table) => [primaryKey({ columns: [table.supporterId, table.channel] })],
);

/** Server-side settings generated at first start (server secret, operator token hash). */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});
