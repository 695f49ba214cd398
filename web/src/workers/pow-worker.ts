/**
 * @module
 * Solves a proof-of-work challenge off the main thread, so the compose page
 * stays responsive. Messages in: `{ challenge, difficulty }`; out:
 * `{ progress: { attempts, expectedAttempts } }` while working and `{ nonce }` or `{ error }` at the end.
 */
import { solveProofOfWork } from '../protocol/pow';

interface Request {
  challenge: string;
  difficulty: number;
}

// The project's types are the DOM's; inside a dedicated worker `self` is this.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<Request>) => void) | null;
  postMessage(message: unknown): void;
};

scope.onmessage = async (event) => {
  try {
    const nonce = await solveProofOfWork(event.data.challenge, event.data.difficulty, {
      onProgress: (progress) => scope.postMessage({ progress }),
    });
    scope.postMessage({ nonce });
  } catch {
    scope.postMessage({ error: 'pow_failed' });
  }
};
