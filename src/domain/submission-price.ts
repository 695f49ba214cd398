/**
 * @module
 * What a submission costs in proof of work (PROTOCOL.md §7, §11;
 * docs/protocol.md, "Difficulty priced per recipient"): the configured
 * difficulty, the surge bits of the relay's rate ({@link currentDifficulty}),
 * and bits for how full the recipient is. Filling one supporter's inbox thus
 * gets dearer with every message, while writing to anyone else costs what it
 * did.
 */
import type { Config } from '../config.ts';
import { fullestRecipientLoad, type RecipientLoad, recipientLoad } from '../db/recipient-load.ts';
import { type Challenge, issueChallenge } from './proof-of-work.ts';
import { currentDifficulty, nowHour, type Relay } from './relay.ts';

export type { RecipientLoad } from '../db/recipient-load.ts';

/** The most bits a full recipient adds: 2^6 times the work, still under a minute in a browser. */
export const MAX_FILL_BITS = 6;

/**
 * Extra bits for a recipient `fill` (0 empty, 1 at a cap) full: none below
 * half, then one more each time the room left halves (½ → 1, ¾ → 2, ⅞ → 3 …).
 */
export function fillBits(fill: number): number {
  if (fill < 0.5) return 0;
  if (fill >= 1) return MAX_FILL_BITS;
  return Math.min(MAX_FILL_BITS, Math.floor(-Math.log2(1 - fill)));
}

/**
 * How close a recipient would be to either cap with one message more: its
 * inbox, or its submissions this hour. Counting the message being priced
 * makes the one that fills a cap the dearest of all.
 */
export function recipientFill(config: Config, load: RecipientLoad): number {
  return Math.max(
    (load.pending + 1) / config.inboxCap,
    (load.receivedThisHour + 1) / config.submissionsPerSupporterPerHour,
  );
}

/**
 * Leading zero bits a submission to a recipient with `load` needs now; the
 * relay's difficulty alone for an unknown recipient (`null`). A relay
 * configured with difficulty 0 asks for no work until a surge.
 */
export function difficultyFor(relay: Relay, load: RecipientLoad | null): number {
  const relayDifficulty = currentDifficulty(relay);
  if (load === null || relay.config.powDifficulty === 0) return relayDifficulty;
  return Math.min(32, relayDifficulty + fillBits(recipientFill(relay.config, load)));
}

/**
 * A challenge priced for `supporterId` (`POST /pow`), or, with none, for the
 * fullest recipient (`GET /pow`), so that a client that names no one always
 * has enough work.
 */
export async function pricedChallenge(relay: Relay, supporterId?: string): Promise<Challenge> {
  const hour = nowHour(relay);
  const load =
    supporterId === undefined
      ? await fullestRecipientLoad(relay.db, hour)
      : await recipientLoad(relay.db, supporterId, hour);
  return issueChallenge(relay, difficultyFor(relay, load));
}
