/**
 * @module
 * Kind words for what can go wrong when a doctor sends a message. Each says
 * what happened, whether anything was sent, and what to do next.
 */
import { RelayError } from '../api';
import { t } from '../i18n';
import { ProtocolError } from '../protocol/protocol-error';
import { ScriptIntegrityError } from '../verified-scripts';
import { UnconfirmedEntryError } from './confirmation';

/** What the page should offer after a failure. */
export interface SendFailure {
  message: string;
  /** Offer a link back to the directory to choose someone else. */
  suggestAnother: boolean;
}

/** Turns an error from sealing, proof of work or the relay into words for the doctor. */
export function describeSendFailure(error: unknown, name: string): SendFailure {
  if (error instanceof ScriptIntegrityError) {
    return { message: t('doctor.error.integrity'), suggestAnother: false };
  }
  if (error instanceof ProtocolError) {
    return error.code === 'message_too_long'
      ? { message: t('doctor.error.tooLong'), suggestAnother: false }
      : { message: t('doctor.error.crypto'), suggestAnother: false };
  }
  if (error instanceof RelayError) {
    switch (error.code) {
      case 'supporter_away':
        return { message: t('doctor.error.away', { name }), suggestAnother: true };
      case 'inbox_full':
        return { message: t('doctor.error.inboxFull', { name }), suggestAnother: true };
      case 'supporter_not_found':
        return { message: t('doctor.error.notFound', { name }), suggestAnother: true };
      case 'relay_busy':
        return { message: t('doctor.error.busy'), suggestAnother: false };
      case 'network':
        return { message: t('doctor.error.network'), suggestAnother: false };
      case 'bad_pow':
        return { message: t('doctor.error.pow'), suggestAnother: false };
      default:
        return { message: t('doctor.error.unknown'), suggestAnother: false };
    }
  }
  if (error instanceof Error && error.message === 'pow_failed') {
    return { message: t('doctor.error.pow'), suggestAnother: false };
  }
  return { message: t('doctor.error.crypto'), suggestAnother: false };
}

/**
 * A failure before anything left the device: a text too long, an entry the
 * service has not confirmed, or the device's own crypto.
 */
export function describeSealFailure(error: unknown, name: string): SendFailure {
  if (error instanceof UnconfirmedEntryError) {
    return { message: t('doctor.unconfirmed.text', { name }), suggestAnother: true };
  }
  return (error instanceof ProtocolError && error.code === 'message_too_long') ||
    error instanceof ScriptIntegrityError
    ? describeSendFailure(error, name)
    : { message: t('doctor.error.crypto'), suggestAnother: false };
}
