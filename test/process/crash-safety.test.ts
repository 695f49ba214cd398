/**
 * Crash safety of the real server: its bundle under plain `node`, on a
 * libSQL file, driven over real HTTP on 127.0.0.1 with the real protocol
 * library, and killed with SIGKILL at a random moment while submissions,
 * acknowledgements and replies are in flight, then restarted on the same
 * file, several times over. Whatever was answered must survive exactly once;
 * whatever was cut off must be there once or not at all, never twice and
 * never corrupt.
 *
 * The moments of the kills come from a seeded generator. The seed is printed;
 * run with CRASH_SEED=<seed> to replay a failure.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type DoctorMessage,
  fromB64,
  openDoctorMessage,
  openReply,
  toB64,
} from '../../web/src/protocol/index.ts';
import {
  type ApiResponse,
  type Doctor,
  joinSupporter,
  newDoctor,
  overHttp,
  type RequestOptions,
  type SubmissionBody,
  type Supporter,
} from '../support/actors.ts';
import {
  freePort,
  type RelayProcess,
  startRelay,
  stopStartedRelays,
  within,
} from '../support/process-helpers.ts';

const OPERATOR_TOKEN = 'operator-token-for-crash-tests-0123456789abcdef';
const SEED = Number(process.env.CRASH_SEED ?? 20_261_127);
const ROUNDS = 5;
const SUBMISSIONS_PER_ROUND = 36;
const IN_FLIGHT = 10;
const DOCTORS = 4;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'peer-relay-crash-'));
});
afterEach(async () => {
  await stopStartedRelays();
  rmSync(dir, { recursive: true, force: true });
});

/** mulberry32: a small seeded generator, so every kill moment can be replayed. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function integerBetween(random: () => number, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

function sample<T>(random: () => number, items: T[], share: number): T[] {
  return items.filter(() => random() < share);
}

async function relayEnv(): Promise<Record<string, string>> {
  return {
    DATABASE_URL: `file:${join(dir, 'relay.db')}`,
    PORT: String(await freePort()),
    HOST: '127.0.0.1',
    POW_DIFFICULTY: '0',
    OPERATOR_TOKEN,
    // The load-based limits would otherwise start asking for proofs of work mid-test.
    POW_SURGE_PER_MINUTE: '1000000',
    SUBMISSIONS_PER_HOUR: '10000000',
    SUBMISSIONS_PER_SUPPORTER_PER_HOUR: '1000000',
    INBOX_CAP: '100000',
  };
}

/** One request; a connection cut by the kill (or refused after it) resolves to `null`. */
async function call(
  relay: RelayProcess,
  method: string,
  path: string,
  options: RequestOptions = {},
): Promise<ApiResponse | null> {
  try {
    return await overHttp(relay.baseUrl, OPERATOR_TOKEN, { timeoutMs: 15_000 }).request(
      method,
      path,
      options,
    );
  } catch {
    return null;
  }
}

/** `call` for requests made while the relay is certainly up: no answer is a failure. */
async function must(
  relay: RelayProcess,
  method: string,
  path: string,
  options: RequestOptions = {},
): Promise<ApiResponse> {
  const response = await call(relay, method, path, options);
  if (response === null) throw new Error(`${method} ${path}: no answer from a running relay`);
  return response;
}

/** Invites (as the operator), registers and logs in a supporter over HTTP. */
function seedSupporter(relay: RelayProcess): Promise<Supporter> {
  return joinSupporter(overHttp(relay.baseUrl, OPERATOR_TOKEN), {
    login: `crash-${crypto.randomUUID().slice(0, 8)}`,
  });
}

/** Runs `tasks` with at most `limit` in flight. */
async function inPool(tasks: (() => Promise<void>)[], limit: number): Promise<void> {
  let nextTask = 0;
  const worker = async () => {
    while (nextTask < tasks.length) {
      const task = tasks[nextTask++];
      if (task) await task();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------------------

interface Submission {
  id: string;
  text: string;
  doctor: Doctor;
  message: DoctorMessage;
  body: SubmissionBody;
  /** Every status the relay answered for this body (a retry adds one). */
  answers: number[];
  /** Requests sent for this body that got no answer. */
  lost: number;
}

interface Ack {
  ids: string[];
  deleted: number | null;
}

interface SentReply {
  id: string;
  /** The submission it answers. */
  messageId: string;
  text: string;
  doctor: Doctor;
  status: number | null;
}

async function sealSubmissions(
  supporter: Supporter,
  doctors: Doctor[],
  random: () => number,
  round: number,
): Promise<Submission[]> {
  return Promise.all(
    Array.from({ length: SUBMISSIONS_PER_ROUND }, async (_, index) => {
      const doctor = doctors[integerBetween(random, 0, doctors.length - 1)];
      if (doctor === undefined) throw new Error('no doctor');
      const text = `round ${round}, message ${index}: ${'ord '.repeat(integerBetween(random, 1, 400))}`;
      const { sealed, body } = await doctor.sealFor(supporter, text);
      return {
        id: sealed.id,
        text,
        doctor,
        message: sealed.message,
        body,
        answers: [],
        lost: 0,
      };
    }),
  );
}

describe('SIGKILL at a random moment, then restart on the same file', () => {
  it('keeps every answered submission, ack and reply exactly once, and every cut-off one once or not at all, never corrupt', async () => {
    console.log(`crash-safety seed: ${SEED} (replay with CRASH_SEED=${SEED})`);
    // The kill plan draws a fixed number of values per round, so a seed always
    // gives the same plan; what is in flight at each kill still depends on timing.
    const plan = seededRandom(SEED);
    const content = seededRandom(SEED ^ 0x9e3779b9);
    let relay = await startRelay(await relayEnv());
    const supporter = await seedSupporter(relay);
    const doctors = await Promise.all(Array.from({ length: DOCTORS }, () => newDoctor()));

    const submissions: Submission[] = [];
    const acks: Ack[] = [];
    const replies: SentReply[] = [];

    for (let round = 1; round <= ROUNDS; round++) {
      const fresh = await sealSubmissions(supporter, doctors, content, round);
      // A client whose request was cut off retries exactly the same body.
      const retries = sample(
        content,
        submissions.filter((s) => s.answers.length === 0),
        0.5,
      );
      submissions.push(...fresh);
      // The kill comes a few ms after the k-th answer to a submission, an ack or a reply.
      const trigger = (['submission', 'ack', 'reply'] as const)[integerBetween(plan, 0, 2)];
      const killAfter =
        trigger === 'submission'
          ? integerBetween(plan, 4, SUBMISSIONS_PER_ROUND - 4)
          : integerBetween(plan, 1, 4);
      const killDelayMs = integerBetween(plan, 0, 25);
      // Once every submission is answered, acks and replies go on alone for a while.
      const tailMs = integerBetween(plan, 100, 1500);
      const ackShare = 0.3 + plan() * 0.5;
      const ackRandom = seededRandom(SEED + round);
      const replyRandom = seededRandom(SEED + 1000 + round);
      const submitRandom = seededRandom(SEED + 2000 + round);

      const answered = { submission: 0, ack: 0, reply: 0 };
      let killed = false;
      let killing: Promise<void> | undefined;
      const current = relay;
      let killedBy = 'the end of the round';
      const kill = (cause?: string) => {
        if (cause !== undefined && killing === undefined) killedBy = cause;
        killing ??= (async () => {
          await pause(killDelayMs);
          killed = true;
          process.kill(-current.pid, 'SIGKILL');
          await current.waitForExit(10_000);
        })();
        return killing;
      };

      const answer = (kind: keyof typeof answered) => {
        answered[kind] += 1;
        if (kind === trigger && answered[kind] === killAfter) {
          void kill(`${killDelayMs} ms after ${kind} answer #${killAfter}`);
        }
      };

      const submit = (submission: Submission) => async () => {
        // Spread out, so acks and replies interleave with submissions.
        await pause(integerBetween(submitRandom, 0, 40));
        if (killed) return;
        const response = await call(current, 'POST', '/api/v1/messages', {
          body: submission.body,
        });
        if (response === null) {
          submission.lost += 1;
          return;
        }
        submission.answers.push(response.status);
        expect([200, 202], `${response.status} ${response.text}`).toContain(response.status);
        answer('submission');
      };

      const acknowledge = async () => {
        while (!killed) {
          const inbox = await call(current, 'GET', '/api/v1/inbox', { token: supporter.token });
          if (inbox === null) return;
          expect(inbox.status, inbox.text).toBe(200);
          const listed: string[] = inbox.body.messages.map((m: { id: string }) => m.id);
          const ids = sample(ackRandom, listed, ackShare);
          if (ids.length > 0) {
            const ack: Ack = { ids, deleted: null };
            acks.push(ack);
            const response = await call(current, 'POST', '/api/v1/inbox/ack', {
              token: supporter.token,
              body: { ids },
            });
            if (response === null) return;
            expect(response.status, response.text).toBe(200);
            ack.deleted = response.body.deleted;
            answer('ack');
          }
          await pause(integerBetween(ackRandom, 0, 8));
        }
      };

      const reply = async () => {
        while (!killed) {
          const candidates = submissions.filter(
            (s) => s.answers.length > 0 && !replies.some((r) => r.messageId === s.id),
          );
          const chosen = candidates[integerBetween(replyRandom, 0, candidates.length - 1)];
          if (chosen === undefined) {
            await pause(5);
            continue;
          }
          const text = `reply to ${chosen.id}`;
          const sealed = await supporter.sealReply(chosen.message, text);
          const sent: SentReply = {
            id: sealed.id,
            messageId: chosen.id,
            text,
            doctor: chosen.doctor,
            status: null,
          };
          replies.push(sent);
          const response = await call(current, 'POST', '/api/v1/replies', {
            token: supporter.token,
            body: { mailboxId: sealed.mailboxId, ciphertext: toB64(sealed.ciphertext) },
          });
          if (response === null) return;
          expect(response.status, response.text).toBe(202);
          sent.status = response.status;
          answer('reply');
          await pause(integerBetween(replyRandom, 0, 8));
        }
      };

      await within(
        Promise.all([
          inPool([...retries, ...fresh].map(submit), IN_FLIGHT)
            .then(() => pause(tailMs))
            .then(() => kill()),
          acknowledge(),
          reply(),
        ]),
        30_000,
        `round ${round} to end with a kill`,
      );
      await kill();
      console.log(
        `round ${round}: killed ${killedBy}; answered ${JSON.stringify(answered)}, cut off ${[...retries, ...fresh].filter((x) => x.lost > 0).length} submissions`,
      );
      relay = await startRelay(await relayEnv());
    }

    // The last restart is the one we look at.
    const messageIds = new Set(submissions.map((s) => s.id));
    const byId = new Map(submissions.map((s) => [s.id, s]));
    const inbox = await must(relay, 'GET', '/api/v1/inbox', { token: supporter.token });
    expect(inbox.status, inbox.text).toBe(200);
    const inboxIds: string[] = inbox.body.messages.map((m: { id: string }) => m.id);
    expect(new Set(inboxIds).size, 'an inbox entry appears twice').toBe(inboxIds.length);
    for (const entry of inbox.body.messages as { id: string; ciphertext: string }[]) {
      const submission = byId.get(entry.id);
      expect(submission, `unknown message ${entry.id} in the inbox`).toBeDefined();
      const opened = await openDoctorMessage(
        fromB64(entry.ciphertext),
        supporter.publicKey,
        supporter.secretKey,
      );
      expect(opened).toEqual(submission?.message);
    }

    const status = new Map<string, string>();
    const waitingReplies = new Map<string, { ciphertext: string; doctor: Doctor }>();
    for (const doctor of doctors) {
      const mailbox = await must(relay, 'POST', '/api/v1/mailbox/open', { body: doctor.key });
      if (mailbox.status === 404) continue; // this doctor's every submission was cut off
      expect(mailbox.status, mailbox.text).toBe(200);
      for (const sent of mailbox.body.sent as { id: string; status: string }[]) {
        expect(status.has(sent.id), `message ${sent.id} is listed twice`).toBe(false);
        expect(byId.get(sent.id)?.doctor, `message ${sent.id} in the wrong mailbox`).toBe(doctor);
        status.set(sent.id, sent.status);
      }
      for (const waiting of mailbox.body.replies as { id: string; ciphertext: string }[]) {
        expect(waitingReplies.has(waiting.id), `reply ${waiting.id} is listed twice`).toBe(false);
        waitingReplies.set(waiting.id, { ciphertext: waiting.ciphertext, doctor });
      }
    }

    const ackedIds = new Set(acks.flatMap((a) => a.ids));
    for (const submission of submissions) {
      const state = status.get(submission.id);
      const inInbox = inboxIds.includes(submission.id);
      const what = `message ${submission.id} (answers ${submission.answers.join(',') || 'none'}, cut off ${submission.lost}×)`;
      if (submission.answers.length > 0) {
        expect(['queued', 'delivered'], `${what} was answered but is ${state}`).toContain(state);
      } else if (submission.lost === 0) {
        expect(state, `${what} was never sent`).toBeUndefined();
      } else {
        expect([undefined, 'queued', 'delivered'], what).toContain(state);
      }
      expect(inInbox, `${what}: in the inbox iff queued`).toBe(state === 'queued');
      if (state === 'delivered') expect(ackedIds.has(submission.id), what).toBe(true);
      // A retry of a body is answered 200 only if the first request had stored it.
      if (submission.answers.includes(200)) expect(submission.lost, what).toBeGreaterThan(0);
    }
    for (const id of status.keys()) expect(messageIds.has(id), `unknown message ${id}`).toBe(true);

    const answeredAcks = acks.filter((a) => a.deleted !== null);
    const deletedTotal = answeredAcks.reduce((sum, a) => sum + (a.deleted ?? 0), 0);
    const delivered = [...status].filter(([, s]) => s === 'delivered').map(([id]) => id);
    expect(deletedTotal, 'acks deleted more than there was to delete').toBeLessThanOrEqual(
      ackedIds.size,
    );
    expect(deletedTotal).toBeLessThanOrEqual(delivered.length);
    for (const ack of answeredAcks) {
      for (const id of ack.ids) {
        expect(status.get(id), `acked ${id} (answered) is not delivered`).toBe('delivered');
      }
    }

    const replyIds = new Set(replies.map((r) => r.id));
    for (const sent of replies) {
      const waiting = waitingReplies.get(sent.id);
      if (sent.status === 202) expect(waiting, `answered reply ${sent.id} is gone`).toBeDefined();
      if (waiting === undefined) continue;
      expect(waiting.doctor, `reply ${sent.id} in the wrong mailbox`).toBe(sent.doctor);
      const opened = await openReply(
        fromB64(waiting.ciphertext),
        supporter.publicKey,
        sent.doctor.mailbox.replySecretKey,
      );
      expect(opened.text).toBe(sent.text);
    }
    for (const id of waitingReplies.keys()) {
      expect(replyIds.has(id), `unknown reply ${id}`).toBe(true);
    }

    console.log(
      `crash-safety seed ${SEED}: ${submissions.length} submissions (${submissions.filter((s) => s.answers.length > 0).length} answered, ${submissions.filter((s) => s.answers.length === 0 && status.has(s.id)).length} cut off but stored), ${acks.length} acks (${deletedTotal} deleted), ${replies.filter((r) => r.status === 202).length}/${replies.length} replies answered`,
    );

    // The file itself: intact, and ciphertext kept exactly for the queued messages.
    process.kill(-relay.pid, 'SIGKILL');
    await relay.waitForExit(10_000);
    const client = createClient({ url: `file:${join(dir, 'relay.db')}` });
    try {
      const integrity = await client.execute('pragma integrity_check');
      expect(integrity.rows.map((row) => row[0])).toEqual(['ok']);
      const rows = await client.execute(
        'select id, status, ciphertext is not null as kept from messages order by id',
      );
      expect(rows.rows.length).toBe(status.size);
      for (const row of rows.rows) {
        expect(status.get(String(row.id))).toBe(String(row.status));
        expect(Number(row.kept), `ciphertext of ${row.id}`).toBe(row.status === 'queued' ? 1 : 0);
      }
    } finally {
      client.close();
    }
  }, 120_000);

  it('two sessions of the same supporter acknowledging the same ids concurrently deliver each message exactly once', async () => {
    const relay = await startRelay(await relayEnv());
    const supporter = await seedSupporter(relay);
    const second = (await supporter.logIn()).token;
    const tokens = [supporter.token, second];
    const random = seededRandom(SEED ^ 0x5a5a5a5a);
    const doctor = await newDoctor();
    const ids: string[] = [];
    await inPool(
      Array.from({ length: 30 }, (_, index) => async () => {
        const { sealed, body } = await doctor.sealFor(supporter, `message ${index}`);
        const response = await must(relay, 'POST', '/api/v1/messages', { body });
        expect(response.status, response.text).toBe(202);
        ids.push(sealed.id);
      }),
      6,
    );

    const ackAll = async (batch: string[], requestsPerSession: number) => {
      const requests = tokens.flatMap((token) =>
        Array.from({ length: requestsPerSession }, (_, n) => {
          // The first request of each session carries every id; the others random overlapping subsets.
          const subset = n === 0 ? batch : sample(random, batch, 0.6);
          const shuffled = [...subset].sort(() => random() - 0.5);
          return must(relay, 'POST', '/api/v1/inbox/ack', { token, body: { ids: shuffled } });
        }),
      );
      const responses = await Promise.all(requests);
      for (const response of responses) expect(response.status, response.text).toBe(200);
      return responses.reduce((sum, r) => sum + r.body.deleted, 0);
    };

    // The same ten ids from both sessions at once, then twenty more in four racing requests each.
    expect(await ackAll(ids.slice(0, 10), 1)).toBe(10);
    expect(await ackAll(ids.slice(10), 4)).toBe(20);
    // Repeating it all changes nothing.
    expect(await ackAll(ids, 2)).toBe(0);

    const inbox = await must(relay, 'GET', '/api/v1/inbox', { token: second });
    expect(inbox.body.messages).toEqual([]);
    const mailbox = await must(relay, 'POST', '/api/v1/mailbox/open', { body: doctor.key });
    expect(mailbox.body.sent.map((m: { id: string }) => m.id).sort()).toEqual([...ids].sort());
    expect(mailbox.body.sent.every((m: { status: string }) => m.status === 'delivered')).toBe(true);
    const health = await must(relay, 'GET', '/api/v1/admin/health', { token: OPERATOR_TOKEN });
    expect(health.body.totals.delivered).toBe(30);
    expect(health.body.pendingMessages).toBe(0);
  }, 60_000);
});
