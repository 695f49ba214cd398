/**
 * @module
 * The operator API's answers as the page reads them (docs/protocol.md,
 * "Operator"). Only the fields the page shows are typed.
 */

/**
 * One supporter's entry in `GET /api/v1/admin/supporters`: the server's own
 * type, imported for its shape only (erased from the bundle), so the two
 * cannot drift apart.
 */
export type { SupporterHealth } from '../../../src/domain/operator.ts';

/** The per-day series the page draws. */
export const SERIES = ['delivered', 'expired', 'replied'] as const;
export type Series = (typeof SERIES)[number];

export type DailyEntry = { day: string } & Record<Series, number>;

/** `GET /api/v1/admin/health`. */
export interface HealthReport {
  pendingMessages: number;
  oldestPendingHours: number | null;
  last30Days: Record<Series, number>;
  daily: DailyEntry[];
  deliveryHours: { median: number | null; p90: number | null };
  replyRate: number | null;
  supporters: { active: number; away: number; inactive: number };
  notificationFailures: {
    last30Days: number;
    retrying: {
      supporterId: string;
      channel: 'email' | 'webhook';
      failures: number;
      nextAttemptAt: string | null;
    }[];
  };
  databaseSizeBytes: number | null;
  supportersNotSeen: { id: string; days: number }[];
  version: string;
  uptimeSeconds: number;
}

/** `POST /api/v1/admin/invites`. */
export interface CreatedInvite {
  token: string;
  url: string;
  expiresAt: string;
}
