/**
 * @module
 * The operator API's shapes (PROTOCOL.md, "Operator"): the relay builds
 * them in `src/domain/operator.ts` and the operator page reads them, so the
 * two cannot drift apart. Types and constants only: no server imports, no
 * Node APIs.
 */
import type { SupporterStatus } from './api.ts';

/** How a supporter is told that a message waits. */
export type NotificationChannel = 'email' | 'webhook';

/** The events counted per day (`GET /api/v1/admin/health` → `daily`, `last30Days`). */
export const DAILY_EVENTS = [
  'submitted',
  'delivered',
  'expired',
  'replied',
  'reply_read',
  'reply_expired',
  'rate_limited',
  'purged',
  'notify_failed',
] as const;
export type DailyEvent = (typeof DAILY_EVENTS)[number];

/** One supporter's entry in `GET /api/v1/admin/supporters`; also the answer to a change. */
export interface SupporterHealth {
  id: string;
  name: string;
  /** A county code of `src/wire/vocabulary.ts` (or a kept `other: …` value). */
  county: string;
  town: string;
  status: SupporterStatus;
  /** ISO hour; set only while away with a return date. */
  awayUntil: string | null;
  active: boolean;
  pendingCount: number;
  oldestPendingHours: number | null;
  deliveredLast30d: number;
  /** ISO hour: the relay knows when a supporter was last seen to the hour, never the minute. */
  lastSeen: string | null;
  /** ISO hour. */
  joinedAt: string;
  /** `b64` of the supporter's current box public key, and its fingerprint (PROTOCOL.md §1). */
  boxPublicKey: string;
  fingerprint: string;
  /**
   * What the operator last signed for this supporter (PROTOCOL.md §13), even
   * if the key or name has changed since: the signing tool verifies this old
   * signature itself before it calls a key unchanged. Absent if never signed.
   */
  lastSigned?: SignedEntry;
}

/** `PUT /api/v1/admin/supporters/{id}/signature` (PROTOCOL.md §13). */
export interface DirectorySignature {
  /** ≥ 1, greater than any version signed before for this supporter. */
  version: number;
  /** `b64` of the 64-byte Ed25519 signature of the §13 statement. */
  signature: string;
}

/** A signature with the key (`b64`) and name it was made for. */
export interface SignedEntry extends DirectorySignature {
  boxPublicKey: string;
  name: string;
}

/** `PATCH /api/v1/admin/supporters/{id}`: what an operator may change (at least one field). */
export interface SupporterChange {
  active?: boolean | undefined;
  status?: SupporterStatus | undefined;
  /** ISO 8601 with a zone; null clears it. */
  awayUntil?: string | null | undefined;
}

/** `POST /api/v1/admin/supporters/{id}/purge` (issue 15): queued messages older than this go. */
export interface PurgeRequest {
  olderThanHours: number;
}

/** The answer to a purge: how many queued messages lost their ciphertext. */
export interface PurgeResult {
  purged: number;
}

/** Failed notification and alert deliveries, and the supporter channels now retrying. */
export interface NotificationFailures {
  /** Failed deliveries (supporter notifications and operator alerts) in the last 30 days. */
  last30Days: number;
  /**
   * Supporter channels whose latest attempt failed, retried with backoff: a
   * wrong SMTP_URL or a dead webhook shows here as failures that keep growing.
   */
  retrying: {
    supporterId: string;
    channel: NotificationChannel;
    failures: number;
    /** ISO hour of the next attempt. */
    nextAttemptAt: string | null;
  }[];
}

/** The delivery figures of `GET /api/v1/admin/health` (DESIGN.md "Operator health figures"). */
export interface HealthFigures {
  pendingMessages: number;
  oldestPendingHours: number | null;
  last30Days: Record<DailyEvent, number>;
  /** One entry per UTC day, oldest first; `day` is `YYYY-MM-DD`. */
  daily: ({ day: string } & Record<DailyEvent, number>)[];
  deliveryHours: { median: number | null; p90: number | null };
  replyRate: number | null;
  supporters: { active: number; away: number; inactive: number };
  totals: Record<string, number>;
  notificationFailures: NotificationFailures;
}

/** `GET /api/v1/admin/health`: the figures and the instance around them. */
export interface HealthReport extends HealthFigures {
  database: { reachable: boolean };
  databaseSizeBytes: number | null;
  /** Active supporters not seen for `notSeenDays` days or more, longest first. */
  supportersNotSeen: { id: string; days: number }[];
  version: string;
  uptimeSeconds: number;
}

/** `POST /api/v1/admin/invites` → 201. The token travels only in the URL's fragment. */
export interface CreatedInvite {
  token: string;
  url: string;
  /** ISO hour. */
  expiresAt: string;
}
