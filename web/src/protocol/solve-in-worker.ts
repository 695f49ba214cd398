/**
 * @module
 * Solving a proof-of-work challenge (PROTOCOL.md §7) in the proof-of-work
 * Web Worker, so the page stays responsive and a progress bar can move: the
 * doctor's submissions (solved while the doctor writes,
 * ../doctor/proof-ahead.ts) and the supporter's logins after failures
 * (PROTOCOL.md §11) both use it. The worker hashes with the libsodium the
 * page has already downloaded and verified: the page hands it the `blob:`
 * URL of those checked bytes, so libsodium is downloaded once per page.
 */
import { prefetchVerified, startVerifiedWorker, verifiedModuleUrl } from '../verified-scripts';
import type { ProofOfWorkProgress } from './pow';

/** What the page posts to the worker (web/src/workers/pow-worker.ts). */
export interface SolveRequest {
  challenge: string;
  difficulty: number;
  /** The `blob:` URL of the page's verified libsodium. */
  libsodium: string;
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
 * Fetches and checks the worker's script before there is a challenge to
 * solve (it is the same for everyone, so asking for it tells the relay
 * nothing), so the first solve starts as soon as its challenge arrives.
 */
export function prepareSolver(): void {
  prefetchVerified('pow-worker');
}

/**
 * Solves a challenge in the proof-of-work worker, verified before it starts
 * (../verified-scripts.ts); resolves with `b64(nonce)`. Aborting `signal`
 * stops the worker and rejects with the signal's reason.
 */
export async function solveInWorker(
  challenge: string,
  difficulty: number,
  onProgress: (progress: ProofOfWorkProgress) => void,
  signal?: AbortSignal,
): Promise<string> {
  const [worker, libsodium] = await Promise.all([
    startVerifiedWorker('pow-worker'),
    verifiedModuleUrl('libsodium'),
  ]);
  return new Promise((resolve, reject) => {
    const finish = () => {
      worker.terminate();
      signal?.removeEventListener('abort', stop);
    };
    const stop = () => {
      finish();
      reject(signal?.reason);
    };
    if (signal?.aborted) return stop();
    signal?.addEventListener('abort', stop);
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
    worker.postMessage({ challenge, difficulty, libsodium } satisfies SolveRequest);
  });
}
