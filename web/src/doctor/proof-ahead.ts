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
  failed: boolean;
}

/** Proofs of work for submissions to one supporter, solved ahead of Send. */
export class ProofAhead {
  private solving: Solving | null = null;
  private readonly stopped = new AbortController();

  constructor(readonly supporterId: string) {}

  /** Fetches and starts solving a challenge, unless one is on its way or fresh enough. */
  start(): void {
    if (this.stopped.signal.aborted) return;
    if (this.solving && !this.solving.failed && this.fresh(this.solving)) return;
    this.ask();
  }

  /**
   * The proof for one submission, never handed out again: the one solved
   * ahead if it is fresh, else a new one. A search that failed since the
   * doctor's last input is reported as it failed (Send again asks anew).
   * `onProgress` hears how far a search still running has come.
   */
  async take(onProgress: (progress: ProofOfWorkProgress) => void): Promise<Proof> {
    const solving = this.solving && this.fresh(this.solving) ? this.solving : this.ask();
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

  private fresh(solving: Solving): boolean {
    return Date.now() - solving.askedAt < CHALLENGE_USE_MS;
  }

  private ask(): Solving {
    const progress: Progress = { latest: null, listener: null };
    const solving: Solving = {
      askedAt: Date.now(),
      proof: this.solve(progress),
      progress,
      failed: false,
    };
    // Reported to whoever takes it; the doctor's next input asks again.
    solving.proof.catch(() => {
      solving.failed = true;
    });
    this.solving = solving;
    return solving;
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
