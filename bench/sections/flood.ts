/**
 * @module
 * `npm run bench -- --flood`: what it costs an attacker, in core-seconds of
 * proof of work, to keep one inbox full and to keep every inbox full (or to
 * stop every doctor for an hour), before issue 15 (one relay-wide bucket, a
 * flat price) and after it (per-supporter hourly caps, difficulty that rises
 * as an inbox fills).
 *
 * 1. The hash rate of the pages' own solver (libsodium's BLAKE2b in
 *    WebAssembly, `solveProofOfWork`) on one core, from real solves at the
 *    default difficulty of 16 bits, in attempts per CPU-second.
 * 2. The difficulty the relay actually asks, from an in-process relay (fake
 *    clock, temporary libSQL file) flooded with junk through its HTTP API:
 *    a challenge priced for the target (`POST /api/v1/pow`), solved, then
 *    the submission, until the relay refuses. It runs at POW_DIFFICULTY 1 so
 *    that the flood takes seconds; each difficulty it asked is rebased to the
 *    default 16 (2^(d + 15) attempts). The attacker paces itself below the
 *    surge threshold (30 a minute), as a cheap attacker would.
 * 3. Before: the old limits (SUBMISSIONS_PER_HOUR 2000, INBOX_CAP 200, no
 *    per-supporter cap) at a flat 2^16 attempts a message, as the review
 *    measured.
 *
 * Core-seconds = expected attempts / measured attempts per CPU-second.
 */
import { cpus } from 'node:os';
import { fillBits } from '../../src/domain/submission-price.ts';
import { joinSupporter, type Supporter } from '../../test/support/actors.ts';
import { createHarness, type Harness } from '../../test/support/harness.ts';
import { fromB64, solveProofOfWork, toB64 } from '../../web/src/protocol/index.ts';

/** The default difficulty (POW_DIFFICULTY) and the relay's other defaults the figures assume. */
const DEFAULT_DIFFICULTY = 16;
const INBOX_CAP = 200;
const OLD_RELAY_CEILING = 2000;
const PER_SUPPORTER_PER_HOUR = 30;
/** A directory of this many supporters, as in the review. */
const SUPPORTERS = 50;
/** Below POW_SURGE_PER_MINUTE (30): the surge never adds a bit. */
const PACE_PER_MINUTE = 25;

export interface FloodOptions {
  /** Solves of the hash-rate measurement. */
  solves: number;
}

export interface FloodResults {
  machine: string;
  attemptsPerCpuSecond: number;
  solves: number;
  oneInbox: { messages: number; hours: number; attempts: number; difficulties: number[] };
  everyInboxFirstHour: { messages: number; attempts: number; refusedOthers: number };
  table: { attack: string; before: string; after: string }[];
  markdown: string;
}

/** Attempts per CPU-second of the pages' solver, from `solves` real solves at 16 bits. */
async function measureHashRate(solves: number): Promise<number> {
  let attempts = 0;
  const cpu = process.cpuUsage();
  for (let i = 0; i < solves; i++) {
    const challenge = toB64(crypto.getRandomValues(new Uint8Array(38)));
    const nonce = fromB64(await solveProofOfWork(challenge, DEFAULT_DIFFICULTY));
    // The solver counts up from zero: the nonce is the number of attempts before it.
    attempts += Number(new DataView(nonce.buffer, nonce.byteOffset).getBigUint64(0, true)) + 1;
  }
  const used = process.cpuUsage(cpu);
  return attempts / ((used.user + used.system) / 1e6);
}

/** Random bytes of a one-block message's length: junk the supporter cannot open. */
function junkBody(supporterId: string) {
  const bytes = (n: number) => toB64(crypto.getRandomValues(new Uint8Array(n)));
  return {
    supporterId,
    ciphertext: bytes(1024 + 48),
    mailbox: { id: bytes(32), readToken: bytes(32) },
  };
}

/**
 * One junk submission to `supporter`, paid for as the pages pay: a challenge
 * priced for them, solved, sent. Returns the difficulty asked (rebased to
 * the default) or the refusal's code.
 */
async function floodOnce(h: Harness, supporter: Supporter): Promise<number | string> {
  const priced = await h.request('POST', '/api/v1/pow', { body: { supporterId: supporter.id } });
  const { challenge, difficulty } = priced.body as { challenge: string; difficulty: number };
  const nonce = await solveProofOfWork(challenge, difficulty);
  const response = await h.request('POST', '/api/v1/messages', {
    body: { ...junkBody(supporter.id), pow: { challenge, nonce } },
  });
  if (response.status !== 202) return String(response.body?.error?.code);
  return difficulty - 1 + DEFAULT_DIFFICULTY;
}

/** Advances the fake clock by one paced submission. */
function pace(h: Harness): void {
  h.clock.set(new Date(h.clock.now().getTime() + 60_000 / PACE_PER_MINUTE));
}

function relay(): Promise<Harness> {
  return createHarness({ env: { POW_DIFFICULTY: '1' } });
}

/** Fills one inbox to INBOX_CAP, hour after hour, as cheaply as the relay allows. */
async function fillOneInbox(): Promise<FloodResults['oneInbox']> {
  const h = await relay();
  try {
    const target = await joinSupporter(h);
    const difficulties: number[] = [];
    const startHour = Math.floor(h.clock.now().getTime() / 3_600_000);
    for (;;) {
      const answer = await floodOnce(h, target);
      if (typeof answer === 'number') {
        difficulties.push(answer);
        pace(h);
        continue;
      }
      if (answer !== 'inbox_full') throw new Error(`the relay refused the flood: ${answer}`);
      if (difficulties.length >= INBOX_CAP) break;
      // The hourly cap: wait for the next hour, as the attacker must.
      h.clock.set(new Date((Math.floor(h.clock.now().getTime() / 3_600_000) + 1) * 3_600_000));
    }
    const hours = Math.floor(h.clock.now().getTime() / 3_600_000) - startHour + 1;
    const attempts = difficulties.reduce((sum, d) => sum + 2 ** d, 0);
    return { messages: difficulties.length, hours, attempts, difficulties };
  } finally {
    h.dispose();
  }
}

/**
 * One hour of junk to every supporter of a directory of SUPPORTERS, each to
 * their hourly cap; then an honest doctor writes to each. Counts how many
 * of those the relay refused for a reason other than the supporter's cap.
 */
async function floodEveryInboxForAnHour(): Promise<FloodResults['everyInboxFirstHour']> {
  const h = await relay();
  try {
    const supporters: Supporter[] = [];
    for (let i = 0; i < SUPPORTERS; i++) supporters.push(await joinSupporter(h));
    let messages = 0;
    let attempts = 0;
    // From the top of an hour, so that all of it falls in one hour.
    h.clock.set(new Date((Math.floor(h.clock.now().getTime() / 3_600_000) + 1) * 3_600_000));
    for (let round = 0; round < PER_SUPPORTER_PER_HOUR; round++) {
      for (const supporter of supporters) {
        const answer = await floodOnce(h, supporter);
        if (typeof answer === 'number') {
          messages += 1;
          attempts += 2 ** answer;
        }
        // 2.2 s apart: 27 a minute, under the surge threshold, 1500 in 55 minutes.
        h.clock.set(new Date(h.clock.now().getTime() + 2_200));
      }
    }
    let refusedOthers = 0;
    for (const supporter of supporters) {
      const answer = await floodOnce(h, supporter);
      if (typeof answer === 'string' && answer !== 'inbox_full') refusedOthers += 1;
    }
    return { messages, attempts, refusedOthers };
  } finally {
    h.dispose();
  }
}

const coreSeconds = (attempts: number, rate: number) => attempts / rate;

function format(seconds: number): string {
  if (seconds < 120) return `${seconds.toFixed(0)} core-s`;
  if (seconds < 7200) return `${(seconds / 60).toFixed(1)} core-min`;
  return `${(seconds / 3600).toFixed(1)} core-h`;
}

/** The expected attempts of filling one inbox at the after-prices, from the pricing rule alone. */
function modelledOneInboxAttempts(): number {
  let attempts = 0;
  for (let k = 0; k < INBOX_CAP; k++) {
    const thisHour = k % PER_SUPPORTER_PER_HOUR;
    const fill = Math.max((k + 1) / INBOX_CAP, (thisHour + 1) / PER_SUPPORTER_PER_HOUR);
    attempts += 2 ** (DEFAULT_DIFFICULTY + fillBits(fill));
  }
  return attempts;
}

export async function measureFlood(options: FloodOptions): Promise<FloodResults> {
  const rate = await measureHashRate(options.solves);
  const oneInbox = await fillOneInbox();
  const everyInboxFirstHour = await floodEveryInboxForAnHour();
  const flat = 2 ** DEFAULT_DIFFICULTY;
  const cost = (attempts: number) => format(coreSeconds(attempts, rate));
  const table = [
    {
      attack: 'Fill one inbox (200 junk messages)',
      before: `${cost(INBOX_CAP * flat)}, in minutes`,
      after: `${cost(oneInbox.attempts)}, over ${oneInbox.hours} hours (30 an hour)`,
    },
    {
      attack: `Fill every inbox (${SUPPORTERS} supporters × 200)`,
      before: `${cost(SUPPORTERS * INBOX_CAP * flat)}, over ${Math.ceil((SUPPORTERS * INBOX_CAP) / OLD_RELAY_CEILING)} hours (2000 an hour)`,
      after: `${cost(SUPPORTERS * oneInbox.attempts)}, over ${oneInbox.hours} hours`,
    },
    {
      attack: 'Refuse every honest doctor for one hour',
      before: `${cost(OLD_RELAY_CEILING * flat)} (the relay-wide 2000 an hour, then 429 relay_busy)`,
      after: `${cost(everyInboxFirstHour.attempts)} (every supporter's 30 an hour; relay_busy at 20000 is out of reach); ${everyInboxFirstHour.refusedOthers} of ${SUPPORTERS} refused for another reason`,
    },
  ];
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  const machine = `${cpus().length} cores (${cpu}), Node ${process.version}`;
  const markdown = [
    `Measured ${new Date().toISOString().slice(0, 10)} on ${machine}: the pages' solver does ${(rate / 1e6).toFixed(2)} M attempts per CPU-second (${options.solves} solves at 16 bits).`,
    '',
    '| Attack (default limits, difficulty 16) | Before (one relay-wide bucket) | After (per-supporter caps, priced per recipient) |',
    '| --- | --- | --- |',
    ...table.map((row) => `| ${row.attack} | ${row.before} | ${row.after} |`),
    '',
    `Filling one inbox took ${oneInbox.messages} accepted messages; the relay asked ${(oneInbox.attempts / 2 ** 20).toFixed(0)} Mi attempts in all, the pricing rule alone predicts ${(modelledOneInboxAttempts() / 2 ** 20).toFixed(0)} Mi.`,
  ].join('\n');
  return {
    machine,
    attemptsPerCpuSecond: rate,
    solves: options.solves,
    oneInbox,
    everyInboxFirstHour,
    table,
    markdown,
  };
}
