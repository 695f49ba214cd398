/**
 * @module
 * Sending a sealed message with its proof of work, solved ahead while the
 * doctor wrote (./proof-ahead.ts), or still being solved (the progress bar
 * shows how far). A {@link PendingSubmission} keeps its exact body, so a
 * retry after a failure resends the same ciphertext from the same mailbox
 * with the same proof (which the relay answers idempotently) instead of
 * silently starting over with a new reply code. A proof the relay refuses
 * as `bad_pow` (expired, or its difficulty rose meanwhile, PROTOCOL.md §11)
 * is replaced by a fresh one without a word to the doctor beyond the
 * progress bar starting again.
 */
import { api, RelayError } from '../api';
import type { ProofOfWorkProgress } from '../protocol';
import type { Proof, ProofAhead } from './proof-ahead';

/** The body of `POST /api/v1/messages` without its proof of work. */
export interface Submission {
  supporterId: string;
  ciphertext: string;
  mailbox: { id: string; readToken: string };
  /** The doctor's own copy, sealed to their reply key (PROTOCOL.md §10.1); absent unless chosen. */
  copy?: string;
}

/** The relay's answer to a submission (202 stored, or 200 for a resubmission). */
export interface SubmissionReceipt {
  id: string;
  status: 'queued' | 'delivered' | 'expired';
  expiresAt: string;
}

/** Fresh challenges one send may solve when the relay keeps refusing proofs as `bad_pow`. */
export const MAX_CHALLENGES = 3;

const isBadPow = (error: unknown) => error instanceof RelayError && error.code === 'bad_pow';

/** One message on its way to the relay, retried with exactly the same body. */
export class PendingSubmission {
  private body: (Submission & { pow: Proof }) | undefined;

  constructor(readonly submission: Submission) {}

  /**
   * Sends the submission with a proof from `proofs` (for this recipient).
   * Throws `RelayError` (relay answers and `network`) or `Error('pow_failed')`.
   */
  async send(
    proofs: ProofAhead,
    onProgress: (progress: ProofOfWorkProgress) => void,
  ): Promise<SubmissionReceipt> {
    if (this.body) {
      try {
        return await post(this.body);
      } catch (error) {
        // A proof is spent on exactly this body, so any other refusal leaves it
        // usable for a retry; only a spent, expired or outpriced one needs a fresh one.
        if (!isBadPow(error)) throw error;
      }
    }
    for (let attempt = 1; ; attempt++) {
      this.body = { ...this.submission, pow: await proofs.take(onProgress) };
      try {
        return await post(this.body);
      } catch (error) {
        if (!isBadPow(error) || attempt >= MAX_CHALLENGES) throw error;
      }
    }
  }
}

function post(body: Submission & { pow: Proof }) {
  return api<SubmissionReceipt>('POST', '/api/v1/messages', { body });
}
