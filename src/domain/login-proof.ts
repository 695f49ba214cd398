/**
 * @module
 * Logins never lock a supporter out (PROTOCOL.md §11): failures are counted
 * per login and hour (under a keyed hash of the login, nothing about the
 * requester), and once a login has failed {@link LOGIN_POW_AFTER_FAILURES}
 * times in the hour every attempt must carry a proof of work, as in §7, whose
 * difficulty grows with the failures. A guess then costs CPU time, and the
 * right key with a valid proof always logs in.
 *
 * A login challenge is laid out like a submission's (src/domain/proof-of-work.ts)
 *
 *   version 2 (1) | difficulty (1) | expiry, Unix seconds, big-endian (4) | random (16) | tag (16)
 *
 * but its tag is HMAC-SHA256 over those 22 bytes *and the login key*, under a
 * key of its own: it proves work for that one login, and neither another
 * login nor `POST /messages` accepts it.
 */
import { keyedHash, toB64 } from '../crypto.ts';
import { loginFailureCount, recordLoginFailure } from '../db/access.ts';
import { badRequest } from '../errors.ts';
import {
  type Challenge,
  type ChallengeKind,
  makeChallenge,
  type Proof,
  spendProof,
} from './proof-of-work.ts';
import { nowHour, type Relay } from './relay.ts';

/** Failures in the hour after which a login needs a proof of work (PROTOCOL.md §11). */
export const LOGIN_POW_AFTER_FAILURES = 5;
/** Every further this many failures add one bit, up to `LOGIN_POW_MAX_DIFFICULTY`. */
export const LOGIN_FAILURES_PER_BIT = 5;

/** What `spent_challenges` records a login proof as spent on: any second use is a replay. */
const SPENT_ON_LOGIN = 'login';

/** The keyed hash under which a login's failures are counted and its challenges bound. */
export function loginKeyOf(relay: Relay, normalisedLogin: string): string {
  return toB64(keyedHash(relay.secret, `peer-relay/login/${normalisedLogin}`, 16));
}

/** Leading zero bits a login with `failures` failures this hour must prove; 0 for none. */
export function loginDifficulty(relay: Relay, failures: number): number {
  if (failures < LOGIN_POW_AFTER_FAILURES) return 0;
  const { loginPowDifficulty, loginPowMaxDifficulty } = relay.config;
  const extra = Math.floor((failures - LOGIN_POW_AFTER_FAILURES) / LOGIN_FAILURES_PER_BIT);
  return Math.min(loginPowMaxDifficulty, loginPowDifficulty + extra);
}

async function currentLoginDifficulty(relay: Relay, loginKey: string): Promise<number> {
  return loginDifficulty(relay, await loginFailureCount(relay.db, loginKey, nowHour(relay)));
}

/** A challenge bound to one login (its keyed hash). */
function loginKind(loginKey: string): ChallengeKind {
  return {
    version: 2,
    tagKey: 'peer-relay/login-pow-key',
    boundTo: loginKey,
    refetch: 'ask /api/v1/session/params again',
    issuedFor: ' for this login',
  };
}

/**
 * The challenge `POST /session/params` adds for this login, or null while
 * the login has failed fewer than {@link LOGIN_POW_AFTER_FAILURES} times this hour.
 */
export async function loginChallenge(relay: Relay, loginKey: string): Promise<Challenge | null> {
  const difficulty = await currentLoginDifficulty(relay, loginKey);
  return difficulty === 0 ? null : makeChallenge(relay, loginKind(loginKey), difficulty);
}

/**
 * Checks a login's proof of work and marks its challenge spent, before the
 * key is looked at. A proof is needed once the login has failed five times
 * this hour; one that is sent is checked in full either way. It must meet
 * the difficulty its challenge was issued with and, so that challenges
 * fetched early cannot skip the growth, the login's difficulty now less one
 * bit (the grace of PROTOCOL.md §11's first rule).
 *
 * @throws `400 bad_pow` for a missing, foreign, forged, expired, reused or
 *   insufficient proof. A refused proof is not counted as a failure.
 */
export async function spendLoginProof(
  relay: Relay,
  loginKey: string,
  proof: Proof | undefined,
): Promise<void> {
  const current = await currentLoginDifficulty(relay, loginKey);
  // Spent on one fixed value, so that any second use is refused as reused.
  const spent = await spendProof(relay, loginKind(loginKey), proof, SPENT_ON_LOGIN, current);
  if (spent === 'retry') {
    throw badRequest(
      'bad_pow',
      'This proof-of-work challenge has already been used: ask /api/v1/session/params again.',
    );
  }
}

/** Counts a wrong key against the login for this hour (the only thing that counts). */
export async function countLoginFailure(relay: Relay, loginKey: string): Promise<void> {
  await recordLoginFailure(relay.db, loginKey, nowHour(relay));
}
