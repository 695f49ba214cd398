/**
 * Proof of work under a flood (issue 15, PROTOCOL.md §11): the difficulty is
 * checked when a proof is spent, priced for the recipient (rising as their
 * inbox fills) and checked before anything about the supporter or mailbox.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { fillBits } from '../../src/domain/submission-price.ts';
import { fromB64, toB64 } from '../../web/src/protocol/index.ts';
import {
  joinSupporter,
  newDoctor,
  type ProofOfWork,
  type Supporter,
  solvedProof,
  submit,
} from '../support/actors.ts';
import { findNonce, randomBytes } from '../support/bytes.ts';
import { createHarness, type Harness } from '../support/harness.ts';

const harnesses: Harness[] = [];
afterEach(() => {
  for (const h of harnesses.splice(0)) h.dispose();
});

async function relay(env: Record<string, string>): Promise<Harness> {
  const h = await createHarness({ env: { POW_SURGE_PER_MINUTE: '1000', ...env } });
  harnesses.push(h);
  return h;
}

interface Priced {
  challenge: string;
  difficulty: number;
}

async function pricedFor(h: Harness, supporter?: Supporter): Promise<Priced> {
  const response =
    supporter === undefined
      ? await h.request('GET', '/api/v1/pow')
      : await h.request('POST', '/api/v1/pow', { body: { supporterId: supporter.id } });
  expect(response.status).toBe(200);
  return response.body as Priced;
}

/** A proof of `challenge` with exactly `bits` leading zero bits, no more. */
async function proofWithBits(challenge: string, bits: number): Promise<ProofOfWork> {
  const nonce = await findNonce(fromB64(challenge), 8, (zeroBits) => zeroBits === bits);
  return { challenge, nonce: toB64(nonce) };
}

async function write(h: Harness, supporter: Supporter, text: string) {
  const { body } = await (await newDoctor()).sealFor(supporter, text);
  return submit(h, { ...body, pow: await solvedProof(h) });
}

describe('difficulty checked when a proof is spent (PROTOCOL.md §11)', () => {
  it('refuses a stockpiled proof below the difficulty now less one bit, and takes one at it', async () => {
    const h = await relay({ POW_DIFFICULTY: '2', POW_SURGE_PER_MINUTE: '1' });
    const supporter = await joinSupporter(h);
    const stockpiled = [await pricedFor(h), await pricedFor(h)];
    expect(stockpiled.map((c) => c.difficulty)).toEqual([2, 2]);
    for (let i = 0; i < 4; i++) expect((await write(h, supporter, `surge ${i}`)).status).toBe(202);
    // Four a minute over a threshold of one: 1 + log2(4) = 3 surge bits.
    expect((await pricedFor(h)).difficulty).toBe(5);

    const { body } = await (await newDoctor()).sealFor(supporter, 'stockpiled');
    const weak = await submit(h, {
      ...body,
      pow: await proofWithBits(stockpiled[0]!.challenge, 3),
    });
    expect(weak.status).toBe(400);
    expect(weak.body).toStrictEqual({ error: { code: 'bad_pow', message: expect.any(String) } });
    const graced = await submit(h, {
      ...body,
      pow: await proofWithBits(stockpiled[1]!.challenge, 4),
    });
    expect(graced.status).toBe(202);
  });
});

describe('difficulty priced per recipient (POST /pow)', () => {
  it('adds a bit as the room left in an inbox halves', () => {
    expect([0, 0.49, 0.5, 0.74, 0.75, 0.875, 0.99, 1].map(fillBits)).toEqual([
      0, 0, 1, 1, 2, 3, 6, 6,
    ]);
  });

  it('rises for the recipient being filled only; GET /pow prices for the fullest', async () => {
    const h = await relay({ POW_DIFFICULTY: '2', INBOX_CAP: '8' });
    const flooded = await joinSupporter(h);
    const other = await joinSupporter(h);
    expect((await pricedFor(h, flooded)).difficulty).toBe(2);
    for (let i = 0; i < 5; i++) expect((await write(h, flooded, `junk ${i}`)).status).toBe(202);
    // The next message would leave it ¾ full: two more bits.
    expect((await pricedFor(h, flooded)).difficulty).toBe(4);
    expect((await pricedFor(h, other)).difficulty).toBe(2);
    expect((await pricedFor(h)).difficulty).toBe(4);

    // A challenge priced for the empty inbox is not enough for the full one.
    const cheap = await proofWithBits((await pricedFor(h, other)).challenge, 2);
    const { body } = await (await newDoctor()).sealFor(flooded, 'cheap');
    const refused = await submit(h, { ...body, pow: cheap });
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('bad_pow');
    const honest = await (await newDoctor()).sealFor(other, 'honest');
    expect((await submit(h, { ...honest.body, pow: cheap })).status).toBe(202);
  });

  it('prices an unknown supporter at the relay difficulty and refuses a body without supporterId', async () => {
    const h = await relay({ POW_DIFFICULTY: '3' });
    const unknown = await h.request('POST', '/api/v1/pow', { body: { supporterId: 'nobody' } });
    expect(unknown.status).toBe(200);
    expect(unknown.body.difficulty).toBe(3);
    const bad = await h.request('POST', '/api/v1/pow', { body: {} });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('invalid_request');
  });
});

describe('no existence oracle in POST /messages (issue 15)', () => {
  it('answers every probe without work the same, whatever the mailbox or supporter', async () => {
    const h = await relay({ POW_DIFFICULTY: '8' });
    const supporter = await joinSupporter(h);
    const doctor = await newDoctor();
    const first = await doctor.sealFor(supporter, 'first');
    expect((await submit(h, { ...first.body, pow: await solvedProof(h) })).status).toBe(202);

    const second = await doctor.sealFor(supporter, 'second');
    const random = () => toB64(randomBytes(32));
    const probes = [
      { ...second.body, mailbox: { id: doctor.key.id, readToken: random() } },
      { ...second.body, mailbox: { id: random(), readToken: random() } },
      { ...second.body, supporterId: 'nobody' },
    ];
    const answers = [];
    for (const probe of probes) {
      const response = await submit(h, probe);
      answers.push({ status: response.status, text: response.text });
    }
    expect(answers[0]?.status).toBe(400);
    expect(answers[0]?.text).toContain('bad_pow');
    expect(answers[1]).toStrictEqual(answers[0]);
    expect(answers[2]).toStrictEqual(answers[0]);
  });
});
