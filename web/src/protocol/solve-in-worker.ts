/**
 * @module
 * Solving a proof-of-work challenge (PROTOCOL.md §7) in the Web Worker
 * proof-of-work Web Worker, so the page stays responsive and a progress bar
 * can move: the doctor's submissions and the supporter's logins after
 * failures (PROTOCOL.md §11) both use it.
 */
import { startVerifiedWorker } from '../verified-scripts';
import type { ProofOfWorkProgress } from './pow';

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
