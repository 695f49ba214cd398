/**
 * @module
 * The proof of work a login needs after failures (PROTOCOL.md §11): when
 * `session/params` names a challenge, it is solved in the Web Worker (with
 * progress) and sent with the key; a `400 bad_pow` (the challenge expired, or
 * the difficulty rose meanwhile) fetches a new challenge and solves again.
 * Logging in and changing the passphrase both check the key this way.
 */
import type { SessionParams } from '../../../src/wire/supporter.ts';
import { api, RelayError } from '../api';
import { progressShare, solveInWorker } from '../protocol/solve-in-worker';

export type LoginProof = { challenge: string; nonce: string };

const ATTEMPTS = 3;

/**
 * Calls `send` with the proof `params` asks for (none when it names no
 * challenge); `onProgress` gets the share of the work done while solving.
 */
export async function withLoginProof<T>(
  login: string,
  params: SessionParams,
  send: (pow: LoginProof | undefined) => Promise<T>,
  onProgress: (share: number) => void,
): Promise<T> {
  let current = params;
  for (let attempt = 1; ; attempt++) {
    let pow: LoginProof | undefined;
    if (current.pow) {
      // Shown at once: a quick solve may finish before the worker's first report.
      onProgress(0);
      const { challenge, difficulty } = current.pow;
      const nonce = await solveInWorker(challenge, difficulty, (p) => onProgress(progressShare(p)));
      pow = { challenge, nonce };
    }
    try {
      return await send(pow);
    } catch (error) {
      if (!(error instanceof RelayError && error.code === 'bad_pow') || attempt >= ATTEMPTS) {
        throw error;
      }
      current = await api<SessionParams>('POST', '/api/v1/session/params', { body: { login } });
    }
  }
}
