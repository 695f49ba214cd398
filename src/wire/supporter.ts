/**
 * @module
 * Wire types of the supporter's pages (PROTOCOL.md §7–§8): what the relay
 * answers to logging in, the supporter's own account (`Me`), the vault, the
 * inbox, the invite check and the compensation counts. The relay
 * (`src/domain/accounts.ts`, `src/domain/inbox.ts`) and the browser both
 * import them from here. Types only: no server code, no Node API.
 */
import type { Supporter } from './api.ts';

/** The supporter's secret key, locked under their passphrase (`b64` values). */
export interface Vault {
  salt: string;
  opslimit: number;
  memlimit: number;
  /** `b64(nonce || crypto_secretbox_easy(boxSecretKey, nonce, vaultKey))`. */
  ciphertext: string;
}

/**
 * `POST /api/v1/session/params`: what the browser needs to derive the login
 * key, and, once the login has failed five times this hour, a proof-of-work
 * challenge that `POST /session` (and `PUT /me/vault`) must then carry
 * solved as `pow: {challenge, nonce}` (PROTOCOL.md §11).
 */
export interface SessionParams {
  salt: string;
  opslimit: number;
  memlimit: number;
  pow?: { challenge: string; difficulty: number };
}

/** How a supporter chose to be notified. */
export interface NotifyPreferences {
  /** E-mail to `email`. */
  email: boolean;
  webhookUrl: string | null;
}

/** What a supporter sees of their own account (`GET`/`PATCH /api/v1/me`). */
export interface Me extends Supporter {
  login: string;
  email?: string;
  /** Present once a notification channel is chosen (like `email`, omitted when empty). */
  notify?: NotifyPreferences;
}

/** `POST /api/v1/session`: a session token, the supporter's directory entry and the vault to open. */
export interface SessionAnswer {
  token: string;
  /** The whole UTC hour the session ends (ISO). */
  expiresAt: string;
  supporter: Supporter;
  vault: Vault;
}

/** One sealed message waiting in the supporter's inbox. */
export interface InboxMessage {
  id: string;
  /** `b64` sealed box (PROTOCOL.md §5). */
  ciphertext: string;
  /** The whole UTC hour the relay received it (ISO): show it as a range. */
  receivedAt: string;
}

/** `GET /api/v1/inbox`. */
export interface InboxAnswer {
  messages: InboxMessage[];
}

/** `POST /api/v1/invites/check {invite}` when the invite can still be used (else 410 or 404). */
export interface InviteCheck {
  valid: true;
  /** The whole UTC hour after which the invite no longer works (ISO). */
  expiresAt: string;
}

/** One month's count of first contacts (`GET /api/v1/me/counts`; `YYYY-MM`, UTC). */
export interface MonthlyCount {
  month: string;
  firstContacts: number;
}
