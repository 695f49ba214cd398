/**
 * @module
 * What every domain function is given: the database, the clock, the parsed
 * configuration and the server secret. Passing these in (rather than reading
 * globals) is what lets tests build a fresh relay on a temporary database
 * with a fake clock.
 */
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import { type Clock, hourOf, hoursAfter } from '../time.ts';
import type { SubmissionLoad } from './submission-load.ts';

export interface Relay {
  db: Database;
  clock: Clock;
  config: Config;
  /** Server secret: HMAC key of proof-of-work challenges, seed of fake login parameters. */
  secret: Uint8Array;
  /** Hash of the operator token (`capabilityHash`). */
  operatorTokenHash: string;
  /** This instance's submission rate, which raises the proof-of-work difficulty in a surge. */
  load: SubmissionLoad;
  /** Called after ciphertext was deleted, so the host can checkpoint the WAL soon. */
  afterDeletion: () => void;
}

/** Leading zero bits a new submission's proof of work must have now. */
export function currentDifficulty(relay: Relay): number {
  return Math.min(32, relay.config.powDifficulty + relay.load.surgeBits(relay.clock.now()));
}

/** The current hour, as stored. */
export function nowHour(relay: Relay): number {
  return hourOf(relay.clock.now());
}

/** The hour at which something with a lifetime of `hours` from now expires (`hoursAfter`). */
export function expiryHour(relay: Relay, hours: number): number {
  return hoursAfter(nowHour(relay), hours);
}
