/**
 * @module
 * Proof of work for anonymous submissions (PROTOCOL.md §7). A challenge is
 * opaque to clients; inside it is
 *
 *   version (1) | difficulty (1) | expiry, Unix seconds, big-endian (4) | random (16) | tag (16)
 *
 * where the tag is HMAC-SHA256 over the first 22 bytes under a key derived
 * from the server secret. The server therefore keeps no state for issued
 * challenges; it remembers only spent ones, until they expire.
 */
import {
  capabilityHash,
  concat,
  constantTimeEqual,
  fromB64,
  hash,
  hmacSha256,
  keyedHash,
  leadingZeroBits,
  randomBytes,
  toB64,
  utf8,
} from '../crypto.ts';
import { spendChallenge } from '../db/access.ts';
import { badRequest } from '../errors.ts';
import { hourOf, hoursAfter } from '../time.ts';
import { currentDifficulty, type Relay } from './relay.ts';

const VERSION = 1;
const SIGNED_LENGTH = 22;
const CHALLENGE_LENGTH = SIGNED_LENGTH + 16;
export const CHALLENGE_LIFETIME_SECONDS = 5 * 60;

export interface Challenge {
  challenge: string;
  difficulty: number;
}

export interface Proof {
  challenge: string;
  nonce: string;
}

/**
 * What a challenge proves work for. A submission's (version 1) is tagged
 * over its first 22 bytes; a login's (version 2, src/domain/login-proof.ts)
 * over those bytes and the login's key, under a tag key of its own, so that
 * neither kind, and no other login, accepts another's challenge.
 */
export interface ChallengeKind {
  version: number;
  /** The label the tag key is derived under from the server secret. */
  tagKey: string;
  /** What the tag covers after the 22 bytes ('' for a submission). */
  boundTo: string;
  /** How a client gets a new challenge: ends the refusals' sentences. */
  refetch: string;
  /** Ends "not one this relay issued". */
  issuedFor: string;
}

/** A challenge for `POST /messages`. */
const SUBMISSION: ChallengeKind = {
  version: VERSION,
  tagKey: 'peer-relay/pow-key',
  boundTo: '',
  refetch: 'fetch a new one from /api/v1/pow',
  issuedFor: '',
};

function tag(relay: Relay, kind: ChallengeKind, signed: Uint8Array): Uint8Array {
  const key = keyedHash(relay.secret, kind.tagKey);
  return hmacSha256(key, concat(signed, utf8(kind.boundTo))).subarray(0, 16);
}

function seconds(relay: Relay): number {
  return Math.floor(relay.clock.now().getTime() / 1000);
}

/** A fresh challenge of `kind` at `difficulty`, valid for five minutes. */
export function makeChallenge(relay: Relay, kind: ChallengeKind, difficulty: number): Challenge {
  const signed = new Uint8Array(SIGNED_LENGTH);
  const view = new DataView(signed.buffer);
  view.setUint8(0, kind.version);
  view.setUint8(1, difficulty);
  view.setUint32(2, seconds(relay) + CHALLENGE_LIFETIME_SECONDS);
  signed.set(randomBytes(16), 6);
  return { challenge: toB64(concat(signed, tag(relay, kind, signed))), difficulty };
}

/** A fresh submission challenge at `difficulty` (by default the relay's now). */
export function issueChallenge(relay: Relay, difficulty = currentDifficulty(relay)): Challenge {
  return makeChallenge(relay, SUBMISSION, difficulty);
}

const badPow = (message: string) => badRequest('bad_pow', message);

/**
 * Bits a proof must have when it is spent (PROTOCOL.md §11): what its
 * challenge was issued with, or the difficulty now less one bit of grace,
 * whichever is more, so stockpiled challenges do not skip a surge.
 */
export function requiredDifficulty(issued: number, current: number): number {
  return Math.max(issued, current - 1);
}

/**
 * Checks a proof of `kind` against the difficulty `current` now (see
 * {@link requiredDifficulty}) and marks its challenge spent on `spentOn`;
 * with `current` 0 a missing proof is accepted, and any proof that is sent
 * is checked in full.
 *
 * @returns `'retry'` when the proof was already spent on this same
 *   `spentOn` (a client retrying the same body).
 * @throws `400 bad_pow` for a missing, forged, foreign, expired, reused or insufficient proof.
 */
export async function spendProof(
  relay: Relay,
  kind: ChallengeKind,
  proof: Proof | undefined,
  spentOn: string,
  current: number,
): Promise<'spent' | 'retry'> {
  if (proof === undefined) {
    if (current === 0) return 'spent';
    throw badPow(`A proof of work is required: ${kind.refetch} and solve it.`);
  }
  const challenge = fromB64(proof.challenge);
  const nonce = fromB64(proof.nonce);
  const notIssued = `The proof-of-work challenge is not one this relay issued${kind.issuedFor}.`;
  if (
    challenge === null ||
    challenge.length !== CHALLENGE_LENGTH ||
    challenge[0] !== kind.version
  ) {
    throw badPow(notIssued);
  }
  const signed = challenge.subarray(0, SIGNED_LENGTH);
  if (!constantTimeEqual(tag(relay, kind, signed), challenge.subarray(SIGNED_LENGTH))) {
    throw badPow(notIssued);
  }
  const view = new DataView(challenge.buffer, challenge.byteOffset, challenge.byteLength);
  const difficulty = view.getUint8(1);
  const expiresAt = view.getUint32(2);
  if (expiresAt <= seconds(relay)) {
    throw badPow(`The proof-of-work challenge has expired: ${kind.refetch}.`);
  }
  if (nonce === null || nonce.length !== 8) {
    throw badPow('The proof-of-work nonce must be 8 bytes.');
  }
  if (
    leadingZeroBits(hash(32, concat(challenge, nonce))) < requiredDifficulty(difficulty, current)
  ) {
    throw badPow(`The proof of work does not meet the difficulty asked for now: ${kind.refetch}.`);
  }
  const spentUntil = hoursAfter(hourOf(new Date(expiresAt * 1000)), 1);
  const earlier = await spendChallenge(
    relay.db,
    capabilityHash(proof.challenge),
    spentOn,
    spentUntil,
  );
  if (earlier === null) return 'spent';
  if (earlier === spentOn) return 'retry';
  throw badPow(`This proof-of-work challenge has already been used: ${kind.refetch}.`);
}

/** {@link spendProof} for a submission, at the relay's difficulty now unless `current` is given. */
export function spendProofOfWork(
  relay: Relay,
  proof: Proof | undefined,
  spentOn: string,
  current = currentDifficulty(relay),
): Promise<'spent' | 'retry'> {
  return spendProof(relay, SUBMISSION, proof, spentOn, current);
}
