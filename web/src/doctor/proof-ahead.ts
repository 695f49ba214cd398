/**
 * @module
 * The proof of work for a doctor's next submission, found while the doctor
 * writes, so that Send only seals and posts. The first input in the compose
 * form fetches a challenge priced for the recipient (`POST /api/v1/pow`
 * with its id) and starts solving it in the worker; later inputs fetch a
 * new one once the held challenge is close to its five-minute lifetime
 * (docs/protocol.md, "When the compose page asks for a challenge"). Each
 * proof is handed out once, to one submission; a recipient of its own
 * (another compose form) has a {@link ProofAhead} of its own.
 */
import { api } from '../api';
import type { ProofOfWorkProgress } from '../protocol';
import { solveInWorker } from '../protocol/solve-in-worker';

/** A solved challenge, as `POST /api/v1/messages` takes it. */
export interface Proof {
  challenge: string;
  nonce: string;
}

/**
 * How long a held challenge is used: the relay's last five minutes
 * (src/domain/proof-of-work.ts) less a margin for solving, sealing and the
 * trip to the relay, measured from before it was asked for.
 */
export const CHALLENGE_USE_MS = 4 * 60 * 1000;

/** How far a search has come, and who is listening. */
interface Progress {
  latest: ProofOfWorkProgress | null;
  listener: ((progress: ProofOfWorkProgress) => void) | null;
}

interface Solving {
  askedAt: number;
  proof: Promise<Proof>;
  progress: Progress;
}

/** Proofs of work for submissions to one supporter, solved ahead of Send. */
export class ProofAhead {
  private solving: Solving | null = null;
  private readonly stopped = new AbortController();

  constructor(readonly supporterId: string) {}

  /** Fetches and starts solving a challenge, unless one is on its way or fresh enough. */
  start(): void {
    if (this.stopped.signal.aborted) return;
    if (this.solving && Date.now() - this.solving.askedAt < CHALLENGE_USE_MS) return;
    const askedAt = Date.now();
    const progress: Progress = { latest: null, listener: null };
    const solving: Solving = { askedAt, proof: this.solve(progress), progress };
    // A failure is reported to whoever takes this proof; held but never
    // taken, it is dropped, and the next input or Send asks again.
    solving.proof.catch(() => {
      if (this.solving === solving) this.solving = null;
    });
    this.solving = solving;
  }

  /**
   * The proof for one submission, never handed out again: the one solved
   * ahead if it is fresh, else a new one. `onProgress` hears how far a
   * search still running has come.
   */
  async take(onProgress: (progress: ProofOfWorkProgress) => void): Promise<Proof> {
    this.start();
    const solving = this.solving;
    if (!solving) throw new Error('pow_failed');
    this.solving = null;
    solving.progress.listener = onProgress;
    if (solving.progress.latest) onProgress(solving.progress.latest);
    return solving.proof;
  }

  /** Stops any search (the doctor chose someone else, or the form is gone). */
  stop(): void {
    this.stopped.abort(new Error('pow_stopped'));
    this.solving = null;
  }

  private async solve(progress: Progress): Promise<Proof> {
    const { challenge, difficulty } = await api<{ challenge: string; difficulty: number }>(
      'POST',
      '/api/v1/pow',
      { body: { supporterId: this.supporterId }, signal: this.stopped.signal },
    );
    const nonce = await solveInWorker(
      challenge,
      difficulty,
      (reached) => {
        progress.latest = reached;
        progress.listener?.(reached);
      },
      this.stopped.signal,
    );
    return { challenge, nonce };
  }
}
