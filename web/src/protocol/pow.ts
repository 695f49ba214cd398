/**
 * @module
 * Proof of work for anonymous submissions (PROTOCOL.md §7). Doctors have no
 * account to rate-limit, so each message costs some CPU time instead: find an
 * 8-byte counter whose hash with the server's challenge starts with enough
 * zero bits. Expect about 2^difficulty hashes.
 */
import { loadSyncHash } from '../crypto/libsodium';
import { fromB64, toB64 } from './encoding';

/** Progress of a running proof-of-work search. */
export interface ProofOfWorkProgress {
  /** Hashes tried so far. */
  attempts: number;
  /** Hashes needed on average: 2^difficulty. */
  expectedAttempts: number;
}

/** Options for {@link solveProofOfWork}. */
export interface ProofOfWorkOptions {
  /** Called between batches of hashes, e.g. to move a progress bar. */
  onProgress?: (progress: ProofOfWorkProgress) => void;
  /** Aborting rejects the search with `signal.reason`. */
  signal?: AbortSignal;
}

const NONCE_BYTES = 8;
const HASH_BYTES = 32;
// Hash in slices of about this many milliseconds between yields to the event
// loop: long enough to make the yield's cost negligible (browsers clamp
// repeated timeouts to 4 ms), short enough for a responsive page and prompt aborts.
const SLICE_MS = 50;
// Attempts between clock reads; a clock read costs far more than a hash.
const ATTEMPTS_PER_CLOCK_READ = 1024;

/**
 * The number of leading zero bits of `bytes`, most significant bit first.
 *
 * @example
 * leadingZeroBits(Uint8Array.of(0x00, 0x1f)); // 11
 */
export function leadingZeroBits(bytes: Uint8Array): number {
  let bits = 0;
  for (const byte of bytes) {
    if (byte !== 0) return bits + Math.clz32(byte) - 24;
    bits += 8;
  }
  return bits;
}

/**
 * Find a nonce for a proof-of-work challenge: an 8-byte little-endian counter
 * such that `H(32, b64decode(challenge) || nonce)` has at least `difficulty`
 * leading zero bits. Returns `b64(nonce)`, ready for `pow.nonce`.
 *
 * Yields to the event loop every 50 ms or so, so it can run on a page, though a
 * Web Worker keeps the page smoother at high difficulty.
 *
 * @example
 * const { challenge, difficulty } = await api.getPow();
 * const nonce = await solveProofOfWork(challenge, difficulty, { signal, onProgress });
 */
export async function solveProofOfWork(
  challengeB64: string,
  difficulty: number,
  options: ProofOfWorkOptions = {},
): Promise<string> {
  if (!Number.isInteger(difficulty) || difficulty < 0 || difficulty > HASH_BYTES * 8) {
    throw new RangeError(`Difficulty must be an integer from 0 to 256, got ${difficulty}.`);
  }
  const { onProgress, signal } = options;
  const challenge = fromB64(challengeB64);
  const hashOf = await loadSyncHash();
  const expectedAttempts = 2 ** difficulty;

  // One buffer for the whole search: the challenge, then the counter, which is
  // incremented in place.
  const input = new Uint8Array(challenge.length + NONCE_BYTES);
  input.set(challenge, 0);
  const nonce = input.subarray(challenge.length);

  signal?.throwIfAborted();
  let attempts = 0;
  let sliceStart = performance.now();
  for (;;) {
    for (let i = 0; i < ATTEMPTS_PER_CLOCK_READ; i++) {
      if (leadingZeroBits(hashOf(HASH_BYTES, input)) >= difficulty) return toB64(nonce.slice());
      incrementLittleEndian(nonce);
    }
    attempts += ATTEMPTS_PER_CLOCK_READ;
    if (performance.now() - sliceStart >= SLICE_MS) {
      onProgress?.({ attempts, expectedAttempts });
      await new Promise((resolve) => setTimeout(resolve, 0));
      signal?.throwIfAborted();
      sliceStart = performance.now();
    }
  }
}

function incrementLittleEndian(counter: Uint8Array): void {
  for (let i = 0; i < counter.length; i++) {
    const next = (counter[i]! + 1) & 0xff;
    counter[i] = next;
    if (next !== 0) return;
  }
}
