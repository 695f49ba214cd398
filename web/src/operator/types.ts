/**
 * @module
 * What the operator page draws of the operator API's answers. The answers'
 * shapes are the relay's own (`src/wire/operator.ts`), shared with the
 * server so the two cannot drift apart.
 */
import type { HealthReport } from '../../../src/wire/operator.ts';

export type {
  CreatedInvite,
  HealthReport,
  PurgeRequest,
  PurgeResult,
  SupporterChange,
  SupporterHealth,
} from '../../../src/wire/operator.ts';

/** The per-day series the page draws. */
export const SERIES = ['delivered', 'expired', 'replied'] as const;
export type Series = (typeof SERIES)[number];

export type DailyEntry = HealthReport['daily'][number];
