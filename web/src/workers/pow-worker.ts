/**
 * @module
 * Solves a proof-of-work challenge off the main thread, so the compose page
 * stays responsive. Messages in: {@link SolveRequest} (the challenge, its
 * difficulty, and the `blob:` URL of the libsodium the page verified, which
 * this worker runs instead of downloading its own); out:
 * `{ progress: { attempts, expectedAttempts } }` while working and
 * `{ nonce }` or `{ error }` at the end.
 */
import { solveProofOfWork } from '../protocol/pow';
import type { SolveRequest } from '../protocol/solve-in-worker';
import { adoptVerifiedModule } from '../verified-scripts';

// The project's types are the DOM's; inside a dedicated worker `self` is this.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<SolveRequest>) => void) | null;
  postMessage(message: unknown): void;
};

scope.onmessage = async (event) => {
  try {
    adoptVerifiedModule('libsodium', event.data.libsodium);
    const nonce = await solveProofOfWork(event.data.challenge, event.data.difficulty, {
      onProgress: (progress) => scope.postMessage({ progress }),
    });
    scope.postMessage({ nonce });
  } catch {
    scope.postMessage({ error: 'pow_failed' });
  }
};
