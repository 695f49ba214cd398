/**
 * @module
 * A first message on its way. Order of work: reply code → mailbox (drawn
 * as soon as libsodium is ready) → sealed message (any failure stops here,
 * and nothing has been sent), then proof of work and the submission
 * ({@link PendingSubmission}). The reply code is
 * drawn once per page and kept across retries and a change of recipient,
 * so a retry can never leave a message stored under a code the doctor was
 * not shown; the sealed body is kept while the draft and recipient stay the
 * same, so a retry resends exactly the same ciphertext.
 */
import type { Supporter } from '../../../src/wire/api.ts';
import {
  type ContactPrefs,
  deriveMailbox,
  formatReplyCode,
  fromB64,
  type MailboxKeys,
  newReplyCode,
  sealFirstContact,
  sealOwnCopy,
  toB64,
} from '../protocol';
import { assertConfirmed } from './confirmation';
import { PendingSubmission } from './send';

export class FirstContact {
  private replyCode: Uint8Array | null = null;
  private mailbox: MailboxKeys | null = null;
  private drawn: Promise<MailboxKeys> | null = null;
  private sealed: { key: string; pending: PendingSubmission } | null = null;

  /**
   * Draws the reply code and derives its mailbox, once per page (again
   * after a failure): the compose page calls it as soon as libsodium is
   * ready, so that Send only seals and posts.
   */
  drawCode(): Promise<MailboxKeys> {
    this.drawn ??= (async () => {
      const code = await newReplyCode();
      const mailbox = await deriveMailbox(code);
      this.replyCode = code;
      this.mailbox = mailbox;
      return mailbox;
    })().catch((error: unknown) => {
      this.drawn = null;
      throw error;
    });
    return this.drawn;
  }

  /**
   * Seals `draft` to `supporter`, on this device; reuses the last sealing if
   * nothing changed. Throws `UnconfirmedEntryError` for an entry the service
   * has not confirmed (./confirmation.ts), whatever the page showed before.
   */
  async prepare(
    supporter: Supporter,
    draft: { text: string; prefs?: ContactPrefs },
    keepCopy = false,
  ): Promise<PendingSubmission> {
    await assertConfirmed(supporter);
    const mailbox = await this.drawCode();
    const key = JSON.stringify([
      supporter.id,
      supporter.boxPublicKey,
      supporter.signature,
      draft,
      keepCopy,
    ]);
    if (this.sealed?.key === key) return this.sealed.pending;
    const sealed = await sealFirstContact(
      {
        text: draft.text,
        ...(draft.prefs ? { prefs: draft.prefs } : {}),
        mailbox,
        // Only a kept copy records the key, so the mailbox can later warn of another one.
        recordSealedTo: keepCopy,
      },
      fromB64(supporter.boxPublicKey),
    );
    // The copy is the same plaintext, sealed to the doctor's own reply key; never sent unless chosen.
    const copy = keepCopy ? toB64(await sealOwnCopy(sealed.message, mailbox)) : undefined;
    const pending = new PendingSubmission({
      supporterId: supporter.id,
      ciphertext: toB64(sealed.ciphertext),
      mailbox: { id: mailbox.mailboxId, readToken: mailbox.readToken },
      ...(copy ? { copy } : {}),
    });
    this.sealed = { key, pending };
    return pending;
  }

  /** The code to show once the relay has the message; the bytes are wiped. */
  takeCode(): string {
    const code = this.replyCode ? formatReplyCode(this.replyCode) : '';
    this.replyCode?.fill(0);
    this.mailbox?.replySecretKey.fill(0);
    this.replyCode = null;
    this.mailbox = null;
    this.drawn = null;
    this.sealed = null;
    return code;
  }
}
