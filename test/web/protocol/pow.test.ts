import { describe, expect, it } from 'vitest';
import { hash, randomBytes } from '../../../web/src/crypto/libsodium';
import {
  fromB64,
  leadingZeroBits,
  type ProofOfWorkProgress,
  solveProofOfWork,
  toB64,
} from '../../../web/src/protocol/index';

async function proofBits(challenge: string, nonce: string): Promise<number> {
  const input = new Uint8Array([...fromB64(challenge), ...fromB64(nonce)]);
  return leadingZeroBits(await hash(32, input));
}

describe('leadingZeroBits', () => {
  it('counts zero bits from the most significant bit of the first byte', () => {
    expect(leadingZeroBits(Uint8Array.of(0x80))).toBe(0);
    expect(leadingZeroBits(Uint8Array.of(0x01))).toBe(7);
    expect(leadingZeroBits(Uint8Array.of(0x00, 0x1f))).toBe(11);
    expect(leadingZeroBits(Uint8Array.of(0x00, 0x00, 0xff))).toBe(16);
    expect(leadingZeroBits(new Uint8Array(4))).toBe(32);
    expect(leadingZeroBits(new Uint8Array())).toBe(0);
  });
});

describe('solveProofOfWork', () => {
  it('finds an 8-byte nonce meeting difficulty 8', async () => {
    const challenge = toB64(await randomBytes(48));
    const nonce = await solveProofOfWork(challenge, 8);
    expect(fromB64(nonce)).toHaveLength(8);
    expect(await proofBits(challenge, nonce)).toBeGreaterThanOrEqual(8);
  });

  it('returns the smallest little-endian counter that works', async () => {
    const challenge = toB64(await randomBytes(32));
    const nonce = fromB64(await solveProofOfWork(challenge, 6));
    const counter = new DataView(nonce.buffer, nonce.byteOffset).getBigUint64(0, true);
    for (let n = 0n; n < counter; n++) {
      const candidate = new Uint8Array(8);
      new DataView(candidate.buffer).setBigUint64(0, n, true);
      expect(await proofBits(challenge, toB64(candidate))).toBeLessThan(6);
    }
    expect(await proofBits(challenge, toB64(nonce))).toBeGreaterThanOrEqual(6);
  });

  it('with difficulty 0 accepts the zero counter', async () => {
    expect(await solveProofOfWork(toB64(await randomBytes(16)), 0)).toBe('AAAAAAAAAAA');
  });

  it('reports progress and stops when aborted', async () => {
    const controller = new AbortController();
    const progress: ProofOfWorkProgress[] = [];
    const search = solveProofOfWork(toB64(await randomBytes(32)), 64, {
      signal: controller.signal,
      onProgress: (p) => {
        progress.push(p);
        if (progress.length === 2) controller.abort(new Error('doctor cancelled'));
      },
    });
    await expect(search).rejects.toThrow('doctor cancelled');
    expect(progress).toHaveLength(2);
    expect(progress[1]!.attempts).toBeGreaterThan(progress[0]!.attempts);
    expect(progress[0]!.expectedAttempts).toBe(2 ** 64);
  });

  it('rejects at once with an already aborted signal', async () => {
    const signal = AbortSignal.abort();
    await expect(
      solveProofOfWork(toB64(await randomBytes(32)), 8, { signal }),
    ).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('refuses a challenge that is not b64 and an impossible difficulty', async () => {
    await expect(solveProofOfWork('not base64!', 8)).rejects.toMatchObject({
      code: 'bad_encoding',
    });
    await expect(solveProofOfWork('AAAA', -1)).rejects.toThrow(RangeError);
    await expect(solveProofOfWork('AAAA', 8.5)).rejects.toThrow(RangeError);
  });
});
