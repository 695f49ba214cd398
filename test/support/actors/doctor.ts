/**
 * @module
 * The doctor actor: no account, only a reply code and the mailbox it derives.
 * Writes sealed messages to supporters (first contacts and follow-ups, with a
 * proof of work when asked), opens the mailbox and reads replies. `writeTo`
 * must be accepted; `tryWriteTo`, `submit` and `withKey` are the escape hatches
 * for tests that send refused or forged requests.
 */
import {
  type ContactPrefs,
  type DoctorMessage,
  deriveMailbox,
  fromB64,
  type MailboxKeys,
  newReplyCode,
  openOwnCopy,
  openReply,
  type Reply,
  type SealedDoctorMessage,
  sealFirstContact,
  sealFollowUp,
  sealOwnCopy,
  solveProofOfWork,
  toB64,
} from '../../../web/src/protocol/index.ts';
import { type ApiResponse, requireStatus, type Transport } from '../transport.ts';

/** A solved challenge (PROTOCOL.md §7), as `pow` carries it. */
export interface ProofOfWork {
  challenge: string;
  nonce: string;
}

/** The body `POST /api/v1/messages` takes. */
export interface SubmissionBody {
  supporterId: string;
  ciphertext: string;
  mailbox: { id: string; readToken: string };
  pow?: ProofOfWork;
  /** The doctor's own copy (PROTOCOL.md §10.1). */
  copy?: string;
}

/** Whom a doctor writes to: a directory entry's id and box public key. */
export interface Recipient {
  id: string;
  publicKey: Uint8Array;
}

export interface WriteOptions {
  prefs?: ContactPrefs;
  /** Continue this conversation (a follow-up) instead of starting one. */
  thread?: string;
  /**
   * A proof of work to send (a relay above difficulty 0 requires one): `true`
   * fetches and solves one first; or give one already solved.
   */
  pow?: boolean | ProofOfWork;
  /** Send the doctor's own copy, sealed to their reply key (PROTOCOL.md §10.1). */
  keepCopy?: boolean;
}

/** A sealed message, the body it was posted with, and the relay's answer. */
export interface Submission {
  sealed: SealedDoctorMessage;
  body: SubmissionBody;
  response: ApiResponse;
}

/** `POST /api/v1/messages` with any body, answered as it is. */
export function submit(relay: Transport, body: unknown): Promise<ApiResponse> {
  return relay.request('POST', '/api/v1/messages', { body });
}

/**
 * A fresh challenge from the relay, solved at the difficulty it states;
 * throws if that is below `minimumDifficulty` (a suite that needs proofs checks it).
 */
export async function solvedProof(relay: Transport, minimumDifficulty = 0): Promise<ProofOfWork> {
  const pow = requireStatus(await relay.request('GET', '/api/v1/pow'), 200, 'proof of work');
  const { challenge, difficulty } = pow.body as { challenge: string; difficulty: number };
  if (difficulty < minimumDifficulty) {
    throw new Error(`the relay asks for ${difficulty} bits, expected ${minimumDifficulty}`);
  }
  return { challenge, nonce: await solveProofOfWork(challenge, difficulty) };
}

export class Doctor {
  /** What goes on the wire as `mailbox`: the mailbox id and read token. */
  readonly key: { id: string; readToken: string };

  constructor(
    /** Absent for a doctor who only seals (the bench seals before any relay runs). */
    readonly relay: Transport | undefined,
    readonly replyCode: Uint8Array,
    readonly mailbox: MailboxKeys,
    key?: { id: string; readToken: string },
  ) {
    this.key = key ?? { id: mailbox.mailboxId, readToken: mailbox.readToken };
  }

  /** The same doctor presenting another mailbox key: an impostor's, or a mistyped one. */
  withKey(key: { id: string; readToken: string }): Doctor {
    return new Doctor(this.relay, this.replyCode, this.mailbox, key);
  }

  /** Seals a message to `publicKey` with this mailbox as `replyTo`; sends nothing. */
  seal(
    publicKey: Uint8Array,
    text: string,
    { prefs, thread }: Omit<WriteOptions, 'pow' | 'keepCopy'> = {},
  ): Promise<SealedDoctorMessage> {
    const draft = { text, mailbox: this.mailbox, ...(prefs === undefined ? {} : { prefs }) };
    return thread === undefined
      ? sealFirstContact(draft, publicKey)
      : sealFollowUp(thread, draft, publicKey);
  }

  /** A sealed message to `to` and the submission body that carries it; sends nothing. */
  async sealFor(
    to: Recipient,
    text = 'Hello',
    options: Omit<WriteOptions, 'pow'> = {},
  ): Promise<{ sealed: SealedDoctorMessage; body: SubmissionBody }> {
    const { keepCopy, ...sealing } = options;
    const sealed = await this.seal(to.publicKey, text, sealing);
    const body: SubmissionBody = {
      supporterId: to.id,
      ciphertext: toB64(sealed.ciphertext),
      mailbox: this.key,
    };
    if (keepCopy) body.copy = toB64(await sealOwnCopy(sealed.message, this.mailbox));
    return { sealed, body };
  }

  /** Seals and sends a message to `to`, whatever the relay answers. */
  async tryWriteTo(to: Recipient, text = 'Hello', options: WriteOptions = {}): Promise<Submission> {
    const { pow, ...sealing } = options;
    const { sealed, body } = await this.sealFor(to, text, sealing);
    const proof = pow === true ? await solvedProof(this.#connection) : pow || undefined;
    const sent: SubmissionBody = proof === undefined ? body : { ...body, pow: proof };
    return { sealed, body: sent, response: await submit(this.#connection, sent) };
  }

  /** Writes to `to`; the relay must queue it (202). */
  async writeTo(
    to: Recipient,
    text = 'Hello',
    options: WriteOptions = {},
  ): Promise<Submission & { id: string; message: DoctorMessage; expiresAt: string }> {
    const submission = await this.tryWriteTo(to, text, options);
    requireStatus(submission.response, 202, 'the doctor writes');
    const { id, message } = submission.sealed;
    return { ...submission, id, message, expiresAt: submission.response.body.expiresAt };
  }

  /** `POST /mailbox/open` with this doctor's key, answered as it is. */
  openMailbox(): Promise<ApiResponse> {
    return this.#connection.request('POST', '/api/v1/mailbox/open', { body: this.key });
  }

  /** Opens the mailbox and every reply in it, proving each came from `from`'s key. */
  async readReplies(from: { publicKey: Uint8Array }): Promise<Reply[]> {
    const box = requireStatus(await this.openMailbox(), 200, 'the doctor opens the mailbox');
    return Promise.all(
      (box.body.replies as { ciphertext: string }[]).map((reply) =>
        openReply(fromB64(reply.ciphertext), from.publicKey, this.mailbox.replySecretKey),
      ),
    );
  }

  /** The messages this doctor kept a copy of (`sent[].copy`), opened with the reply key, by id. */
  async readOwnCopies(): Promise<Map<string, DoctorMessage>> {
    const box = requireStatus(await this.openMailbox(), 200, 'the doctor opens the mailbox');
    const copies = new Map<string, DoctorMessage>();
    for (const sent of box.body.sent as { id: string; copy?: string }[]) {
      if (sent.copy !== undefined) {
        copies.set(sent.id, await openOwnCopy(fromB64(sent.copy), this.mailbox));
      }
    }
    return copies;
  }

  /** `POST /mailbox/delete` (PROTOCOL.md §10.2), answered as it is. */
  deleteMailbox(): Promise<ApiResponse> {
    return this.#connection.request('POST', '/api/v1/mailbox/delete', { body: this.key });
  }

  /** `POST /mailbox/ack`: deletes those replies, answered as it is. */
  ackReplies(replyIds: string[]): Promise<ApiResponse> {
    return this.#connection.request('POST', '/api/v1/mailbox/ack', {
      body: { ...this.key, replyIds },
    });
  }

  get #connection(): Transport {
    if (this.relay === undefined) throw new Error('this doctor was made to seal, not to send');
    return this.relay;
  }
}

/**
 * A doctor with a fresh reply code, or with `replyCode` (one typed back in to
 * read replies), talking to `relay` (leave it out to only seal).
 */
export async function newDoctor(relay?: Transport, replyCode?: Uint8Array): Promise<Doctor> {
  const code = replyCode ?? (await newReplyCode());
  return new Doctor(relay, code, await deriveMailbox(code));
}
