/**
 * @module
 * Sending a sealed message: fetch a proof-of-work challenge, solve it in the
 * Web Worker (so the page stays responsive and the progress bar moves), and
 * post the submission. A {@link PendingSubmission} keeps its exact body, so
 * a retry after a failure resends the same ciphertext from the same mailbox
 * (which the relay answers idempotently) instead of silently starting over
 * with a new reply code.
 */
import { api, RelayError } from '../api';
import type { ProofOfWorkProgress } from '../protocol';
import { startVerifiedWorker } from '../verified-scripts';

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

interface WorkerAnswer {
  progress?: ProofOfWorkProgress;
  nonce?: string;
  error?: string;
}

/** Share of the expected work done, 0..1, never claiming to be finished before it is. */
export function progressShare(progress: ProofOfWorkProgress): number {
  return Math.min(0.95, progress.attempts / Math.max(1, progress.expectedAttempts));
}

/**
 * Solves a challenge in the proof-of-work worker, verified before it starts
 * (../verified-scripts.ts); resolves with `b64(nonce)`.
 */
export async function solveInWorker(
  challenge: string,
  difficulty: number,
  onProgress: (progress: ProofOfWorkProgress) => void,
): Promise<string> {
  const worker = await startVerifiedWorker('pow-worker');
  return new Promise((resolve, reject) => {
    const finish = () => worker.terminate();
    worker.onmessage = (event: MessageEvent<WorkerAnswer>) => {
      const { progress, nonce, error } = event.data;
      if (progress) onProgress(progress);
      if (typeof nonce === 'string') {
        finish();
        resolve(nonce);
      } else if (error !== undefined) {
        finish();
        reject(new Error('pow_failed'));
      }
    };
    worker.onerror = () => {
      finish();
      reject(new Error('pow_failed'));
    };
    worker.postMessage({ challenge, difficulty });
  });
}

/** One message on its way to the relay, retried with exactly the same body. */
export class PendingSubmission {
  private body: (Submission & { pow: { challenge: string; nonce: string } }) | undefined;

  constructor(readonly submission: Submission) {}

  /**
   * Sends the submission, proving work first if needed. Throws `RelayError`
   * (relay answers and `network`) or `Error('pow_failed')`.
   */
  async send(onProgress: (progress: ProofOfWorkProgress) => void): Promise<SubmissionReceipt> {
    if (this.body) {
      try {
        return await post(this.body);
      } catch (error) {
        // The proof is checked last, so every other refusal leaves it usable;
        // only a spent or expired challenge needs a fresh one.
        if (!(error instanceof RelayError && error.code === 'bad_pow')) throw error;
      }
    }
    const { challenge, difficulty } = await api<{ challenge: string; difficulty: number }>(
      'GET',
      '/api/v1/pow',
    );
    const nonce = await solveInWorker(challenge, difficulty, onProgress);
    this.body = { ...this.submission, pow: { challenge, nonce } };
    return post(this.body);
  }
}

function post(body: Submission & { pow: { challenge: string; nonce: string } }) {
  return api<SubmissionReceipt>('POST', '/api/v1/messages', { body });
}
