/**
 * @module
 * Replying in a conversation: a draft prefilled with the template (which
 * follows a language switch until it is edited), checked before sending
 * (no placeholder left, within the text limit), encrypted to the doctor's
 * reply key, sent, and kept in the supporter's archive ({@link ./inbox-state}).
 */
import { RelayError } from '../api';
import { lang, type MessageKey } from '../i18n';
import { MAX_TEXT_CHARS, ProtocolError, sealReplyTo, toB64 } from '../protocol';
import { codePoints } from '../ui/format';
import { itemIdOf } from './archive';
import { type Conversation, latestPrefs, latestReceived } from './conversations';
import { inbox } from './inbox-state';
import { keep } from './inbox-sync';
import { hasPlaceholder, replyTemplate } from './reply-template';
import { call, SessionEnded, session, touch } from './session';

/** A reply being written in one conversation. */
export interface Draft {
  text: string;
  /** The template the text was prefilled with, to tell whether it was edited. */
  template: string;
  /** The language of the template: an untouched one follows a switch. */
  language: string;
  error: MessageKey | null;
  sending: boolean;
}

function findConversation(thread: string): Conversation | undefined {
  return inbox.conversations.find((conversation) => conversation.thread === thread);
}

/** A new draft, prefilled with the template in the page's language. */
export function newDraft(thread: string): Draft {
  const conversation = findConversation(thread);
  const template = replyTemplate(
    session.value?.supporter.name ?? '',
    conversation ? latestPrefs(conversation) : undefined,
  );
  return { text: template, template, language: lang.value, error: null, sending: false };
}

/** An untouched template follows a language switch; edited text is left alone. */
export function followLanguage(draft: Draft, thread: string): void {
  if (draft.language === lang.value || draft.text !== draft.template) return;
  const fresh = newDraft(thread);
  draft.text = fresh.text;
  draft.template = fresh.template;
  draft.language = fresh.language;
}

function replyErrorKey(error: unknown): MessageKey {
  if (error instanceof ProtocolError && error.code === 'message_too_long')
    return 'supporter.reply.error.long';
  if (error instanceof RelayError) {
    if (error.code === 'mailbox_not_found') return 'supporter.reply.error.mailboxGone';
    if (error.code === 'mailbox_full') return 'supporter.reply.error.mailboxFull';
    if (error.code === 'network') return 'error.network';
  }
  return 'supporter.reply.error.generic';
}

/** Sends the thread's draft; resolves to whether it was sent. */
export async function sendReply(thread: string): Promise<boolean> {
  const draft = inbox.drafts.get(thread);
  const conversation = findConversation(thread);
  const target = conversation ? latestReceived(conversation) : undefined;
  const current = session.value;
  if (!current || !draft || !target || draft.sending) return false;
  const text = draft.text.trim();
  draft.error =
    text === ''
      ? 'supporter.reply.error.empty'
      : hasPlaceholder(text)
        ? 'supporter.reply.error.placeholder'
        : codePoints(text) > MAX_TEXT_CHARS
          ? 'supporter.reply.error.long'
          : null;
  if (draft.error) {
    touch();
    return false;
  }
  draft.sending = true;
  touch();
  try {
    const sealed = await sealReplyTo(
      target.message,
      { text, from: { id: current.supporter.id, name: current.supporter.name } },
      current.boxSecretKey,
    );
    await call('POST', '/api/v1/replies', {
      mailboxId: sealed.mailboxId,
      ciphertext: toB64(sealed.ciphertext),
    });
    inbox.drafts.delete(thread);
    await keep([
      {
        type: 'sent',
        itemId: await itemIdOf(current, { reply: sealed.id }),
        reply: sealed.reply,
        mailboxId: sealed.mailboxId,
        storedAt: new Date().toISOString(),
      },
    ]);
    return true;
  } catch (error) {
    if (error instanceof SessionEnded) return false;
    draft.sending = false;
    draft.error = replyErrorKey(error);
    touch();
    return false;
  }
}
