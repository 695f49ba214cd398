/**
 * @module
 * What an anonymous doctor can do: submit a sealed message (with their own
 * copy, if they choose), open their mailbox with the read token, acknowledge
 * (delete) replies, and delete the whole mailbox. The
 * relay learns a random mailbox id, a token hash and ciphertext; nothing
 * that identifies the doctor.
 */
import { capabilityHash, ciphertextId, constantTimeEqual, hash, toB64, utf8 } from '../crypto.ts';
import { countEvent } from '../db/counters.ts';
import {
  deleteMailboxForGood,
  extendMailbox,
  findMailbox,
  hasCopy,
  listSent,
  type MailboxRow,
} from '../db/mailboxes.ts';
import {
  findMessage,
  type MessageRow,
  storeSubmission,
  submissionContext,
} from '../db/messages.ts';
import { deleteReadReplies, listReplies } from '../db/replies.ts';
import type { MessageStatus } from '../db/schema.ts';
import { conflict, forbidden, gone, notFound, rateLimited } from '../errors.ts';
import { dayOf, isExpired, isoHour, secondsToNextHour } from '../time.ts';
import type { MailboxView } from '../wire/api.ts';
import type { MailboxDeleted, MessageAccepted } from '../wire/archive.ts';
import { type Proof, spendProofOfWork } from './proof-of-work.ts';
import { expiryHour, nowHour, type Relay } from './relay.ts';
import { difficultyFor } from './submission-price.ts';
import { effectiveStatus } from './supporter-view.ts';

export interface MailboxKey {
  /** b64 of the 32-byte mailbox id. */
  id: string;
  /** b64 of the 32-byte read token. */
  readToken: string;
}

export interface Submission {
  supporterId: string;
  ciphertext: Uint8Array;
  mailbox: MailboxKey;
  pow?: Proof | undefined;
  /** The doctor's own copy, sealed to their reply key (PROTOCOL.md §10.1). */
  copy?: Uint8Array | undefined;
}

export type SubmittedMessage = MessageAccepted;

const inboxFull = (retryAfter: number) =>
  rateLimited(
    'inbox_full',
    "This supporter's inbox is full. Choose another supporter or try later.",
    retryAfter,
  );

const mailboxNotFound = () =>
  notFound(
    'mailbox_not_found',
    'No mailbox matches this reply code. Check the code and try again.',
  );

function statusAt(row: Pick<MessageRow, 'status' | 'expiresHour'>, hour: number): MessageStatus {
  return row.status === 'queued' && isExpired(row.expiresHour, hour) ? 'expired' : row.status;
}

function tokenMatches(readTokenHash: string, readToken: string): boolean {
  return constantTimeEqual(utf8(readTokenHash), utf8(capabilityHash(readToken)));
}

/**
 * What a proof of work is spent on: the whole submission, so that a refused
 * one can be retried with the same body and proof, while a proof spent on a
 * probe (another mailbox, token or supporter) buys nothing more.
 */
function spentOnKey(submission: Submission, id: string): string {
  const { supporterId, mailbox } = submission;
  return toB64(hash(16, utf8(JSON.stringify([id, supporterId, mailbox.id, mailbox.readToken]))));
}

/**
 * Queues a sealed message for a supporter.
 *
 * A resubmission of stored ciphertext is answered with the stored record
 * before anything else is checked, so a client whose response was lost can
 * retry the same body (PROTOCOL.md §7). Otherwise the proof of work comes
 * first, priced for the recipient (src/domain/submission-price.ts): nothing
 * about the supporter or the mailbox is answered to a request without work.
 *
 * @returns the record, and whether it was created now (202) or found (200).
 */
export async function submitMessage(
  relay: Relay,
  submission: Submission,
): Promise<{ message: SubmittedMessage; created: boolean }> {
  const { db } = relay;
  const hour = nowHour(relay);
  const id = ciphertextId(submission.ciphertext);
  const mailboxIdHash = capabilityHash(submission.mailbox.id);
  const context = await submissionContext(db, {
    messageId: id,
    supporterId: submission.supporterId,
    mailboxId: submission.mailbox.id,
    mailboxIdHash,
    hour,
  });
  if (context === null || context.storedMailboxId !== null) {
    const stored = await findStoredSubmission(relay, id, submission.mailbox);
    if (stored) return { message: stored, created: false };
  }
  const load =
    context === null ? null : { ...context, receivedThisHour: context.supporterReceivedThisHour };
  await spendProofOfWork(
    relay,
    submission.pow,
    spentOnKey(submission, id),
    difficultyFor(relay, load),
  );

  if (!context?.active) {
    throw notFound('supporter_not_found', 'No active supporter has this id.');
  }
  if (context.mailboxDeleted) {
    throw gone('mailbox_deleted', 'This mailbox was deleted. Write again with a new reply code.');
  }
  if (effectiveStatus(context, hour) === 'away') {
    throw conflict(
      'supporter_away',
      'This supporter is away at the moment. Choose another supporter or try later.',
    );
  }
  if (
    context.mailboxTokenHash !== null &&
    !tokenMatches(context.mailboxTokenHash, submission.mailbox.readToken)
  ) {
    throw forbidden('mailbox_forbidden', 'The read token does not belong to this mailbox.');
  }
  if (context.pending >= relay.config.inboxCap) {
    await countEvent(db, dayOf(relay.clock.now()), 'rate_limited');
    throw inboxFull(3600);
  }
  if (context.supporterReceivedThisHour >= relay.config.submissionsPerSupporterPerHour) {
    await countEvent(db, dayOf(relay.clock.now()), 'rate_limited');
    throw inboxFull(secondsToNextHour(relay.clock.now()));
  }
  if (context.receivedThisHour >= relay.config.submissionsPerHour) {
    await countEvent(db, dayOf(relay.clock.now()), 'rate_limited');
    const retryAfter = secondsToNextHour(relay.clock.now());
    throw rateLimited(
      'relay_busy',
      'The relay is receiving more messages than usual. Please try again later.',
      retryAfter,
    );
  }
  const expiresHour = expiryHour(relay, relay.config.lifetimes.messageHours);

  const created = await storeSubmission(db, {
    message: {
      id,
      supporterId: context.supporterId,
      mailboxId: submission.mailbox.id,
      ciphertext: submission.ciphertext,
      status: 'queued',
      receivedHour: hour,
      expiresHour,
    },
    mailbox: {
      id: submission.mailbox.id,
      readTokenHash: capabilityHash(submission.mailbox.readToken),
      expiresHour: expiryHour(relay, relay.config.lifetimes.mailboxHours),
    },
    day: dayOf(relay.clock.now()),
    firstContact: !context.wroteBefore,
    copy: submission.copy,
    mailboxIdHash,
  });
  if (!created) {
    // An identical submission in flight was stored first: answered as a resubmission.
    const raced = await findStoredSubmission(relay, id, submission.mailbox);
    if (raced) return { message: raced, created: false };
    throw conflict(
      'duplicate_ciphertext',
      'This ciphertext was already submitted from another mailbox.',
    );
  }
  relay.load.record(relay.clock.now());
  const message: SubmittedMessage = { id, status: 'queued', expiresAt: isoHour(expiresHour) };
  return {
    message: submission.copy === undefined ? message : { ...message, copy: true },
    created: true,
  };
}

async function findStoredSubmission(
  relay: Relay,
  id: string,
  key: MailboxKey,
): Promise<SubmittedMessage | null> {
  const message = await findMessage(relay.db, id);
  if (message === null) return null;
  const mailbox = await findMailbox(relay.db, message.mailboxId);
  if (
    message.mailboxId !== key.id ||
    (mailbox !== null && !tokenMatches(mailbox.readTokenHash, key.readToken))
  ) {
    throw conflict(
      'duplicate_ciphertext',
      'This ciphertext was already submitted from another mailbox.',
    );
  }
  const found: SubmittedMessage = {
    id: message.id,
    status: statusAt(message, nowHour(relay)),
    expiresAt: isoHour(message.expiresHour),
  };
  // The copy stored first stays; a resubmission never adds or replaces one.
  return (await hasCopy(relay.db, key.id, id)) ? { ...found, copy: true } : found;
}

/** The mailbox this key opens, unchanged; `404` as {@link openMailbox} says. */
async function findAuthorised(relay: Relay, key: MailboxKey): Promise<MailboxRow> {
  const mailbox = await findMailbox(relay.db, key.id);
  if (
    mailbox === null ||
    isExpired(mailbox.expiresHour, nowHour(relay)) ||
    !tokenMatches(mailbox.readTokenHash, key.readToken)
  ) {
    throw mailboxNotFound();
  }
  return mailbox;
}

async function openAuthorised(relay: Relay, key: MailboxKey): Promise<MailboxRow> {
  const mailbox = await findAuthorised(relay, key);
  // Opening is activity: the mailbox lives on for its full lifetime from now.
  const expiresHour = expiryHour(relay, relay.config.lifetimes.mailboxHours);
  return (await extendMailbox(relay.db, mailbox.id, expiresHour)) ?? mailbox;
}

export type { MailboxView } from '../wire/api.ts';

/**
 * Everything a doctor's reply code unlocks: unread replies and the status of
 * each message sent from this mailbox.
 *
 * @throws `404 mailbox_not_found` for an unknown, expired or wrongly keyed mailbox, indistinguishably.
 */
export async function openMailbox(relay: Relay, key: MailboxKey): Promise<MailboxView> {
  const mailbox = await openAuthorised(relay, key);
  const hour = nowHour(relay);
  const [replies, sent] = await Promise.all([
    listReplies(relay.db, mailbox.id, hour),
    listSent(relay.db, mailbox.id),
  ]);
  return {
    expiresAt: isoHour(mailbox.expiresHour),
    replies: replies.map((reply) => ({
      id: reply.id,
      supporterId: reply.supporterId,
      ciphertext: toB64(reply.ciphertext),
      sentAt: isoHour(reply.sentHour),
      expiresAt: isoHour(reply.expiresHour),
      ...(reply.boxPublicKey === null ? {} : { boxPublicKey: reply.boxPublicKey }),
    })),
    sent: sent.map((message) => ({
      id: message.id,
      supporterId: message.supporterId,
      status: statusAt(message, hour),
      expiresAt: isoHour(message.expiresHour),
      receivedAt: isoHour(message.receivedHour),
      ...(message.copy === null ? {} : { copy: toB64(message.copy) }),
    })),
  };
}

/** Deletes replies the doctor has read. Idempotent: unknown or deleted ids count zero. */
export async function acknowledgeReplies(
  relay: Relay,
  key: MailboxKey,
  replyIds: string[],
): Promise<{ deleted: number }> {
  const mailbox = await openAuthorised(relay, key);
  const deleted =
    replyIds.length === 0
      ? 0
      : await deleteReadReplies(relay.db, mailbox.id, replyIds, dayOf(relay.clock.now()));
  if (deleted > 0) relay.afterDeletion();
  return { deleted };
}

/**
 * Deletes the mailbox for good (PROTOCOL.md §10.2): its replies, the
 * doctor's copies and the sent-status rows; messages still queued stay with
 * their supporter. Its id is kept, hashed, until the mailbox would have
 * expired, so no one who saw it in a `replyTo` can claim it meanwhile.
 *
 * @throws `404 mailbox_not_found` exactly as {@link openMailbox}.
 */
export async function deleteMailbox(relay: Relay, key: MailboxKey): Promise<MailboxDeleted> {
  const mailbox = await findAuthorised(relay, key);
  await deleteMailboxForGood(relay.db, {
    mailboxId: mailbox.id,
    idHash: capabilityHash(mailbox.id),
    expiresHour: mailbox.expiresHour,
  });
  relay.afterDeletion();
  return { deleted: true };
}
