/**
 * @module
 * The supporter's session: logging in (the §9 Argon2id self-test, the login
 * key and the vault key from the passphrase, the vault opened, its key
 * checked against the one doctors encrypt to), calls with the session
 * token, and logging out, which zeroes the keys. The secret key lives in
 * memory only: a reload means logging in again.
 */
import { signal } from '@preact/signals';
import type { SessionAnswer, SessionParams } from '../../../src/wire/supporter.ts';
import { api, RelayError, type Supporter } from '../api';
import { boxPublicKeyOf } from '../crypto/libsodium';
import type { MessageKey } from '../i18n';
import { checkArgon2, deriveVaultKeys, fromB64, ProtocolError, unlockVault } from '../protocol';
import { isLoadFailure } from './errors';
import type { LocalStore } from './local-store';
import { withLoginProof } from './login-proof';

/** Everything that exists only while logged in; all of it is dropped at logout. */
export interface Session {
  token: string;
  supporter: Supporter;
  boxPublicKey: Uint8Array;
  boxSecretKey: Uint8Array;
  store: LocalStore | null;
}

/** The session, or null when logged out. */
export const session = signal<Session | null>(null);
/**
 * Bumped after every change to what the session holds (the supporter, the
 * conversations, the counts): components that read it draw again. The
 * session object itself keeps its identity, so work that outlives a logout
 * can tell that its session is gone.
 */
export const revision = signal(0);
export function touch(): void {
  revision.value++;
}

/**
 * Subscribes the calling component to {@link revision}. Every component
 * that reads the inbox's mutable state must call it itself: a component
 * that reads signals is not drawn again with its parent unless its own
 * props changed.
 */
export function useRevision(): number {
  return revision.value;
}

/** Why the last session ended, shown above the login form. */
export const endedReason = signal<MessageKey | null>(null);

/** Called when a session ends, to drop what belonged to it. */
const endListeners: (() => void)[] = [];
export function onSessionEnd(listener: () => void): void {
  endListeners.push(listener);
}

/** A 401 on a supporter call: the session has ended. */
export class SessionEnded extends Error {}

/** The vault opened, but its key is not the one the directory publishes. */
class KeyMismatch extends Error {}

/** Calls the relay with the session's token; a 401 ends the session. */
export async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const current = session.value;
  if (!current) throw new SessionEnded();
  try {
    return await api<T>(method, path, {
      token: current.token,
      ...(body === undefined ? {} : { body }),
    });
  } catch (error) {
    if (error instanceof RelayError && error.status === 401) {
      endSession('supporter.login.sessionEnded');
      throw new SessionEnded();
    }
    throw error;
  }
}

export type LoginStep =
  | 'supporter.progress.check'
  | 'supporter.progress.derive'
  | 'supporter.progress.proof'
  | 'supporter.progress.unlock';

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, index) => byte === b[index]);
}

/**
 * Logs in; the session is set once the vault is open and its key checked.
 * `step` names each slow step, with the share done while proving work.
 */
export async function logIn(
  login: string,
  passphrase: string,
  step: (key: LoginStep, share?: number) => void,
): Promise<void> {
  step('supporter.progress.check');
  await checkArgon2();
  step('supporter.progress.derive');
  const params = await api<SessionParams>('POST', '/api/v1/session/params', { body: { login } });
  const keys = await deriveVaultKeys(
    passphrase,
    fromB64(params.salt),
    params.opslimit,
    params.memlimit,
  );
  try {
    const answer = await withLoginProof(
      login,
      params,
      (pow) =>
        api<SessionAnswer>('POST', '/api/v1/session', {
          body: { login, authKey: keys.authKey, ...(pow ? { pow } : {}) },
        }),
      (share) => step('supporter.progress.proof', share),
    );
    step('supporter.progress.unlock');
    const boxSecretKey = await unlockVault(answer.vault, keys.vaultKey);
    const boxPublicKey = fromB64(answer.supporter.boxPublicKey);
    // PROTOCOL §7: the key in the vault must be the one doctors encrypt to.
    if (!sameBytes(await boxPublicKeyOf(boxSecretKey), boxPublicKey)) {
      boxSecretKey.fill(0);
      void api('DELETE', '/api/v1/session', { token: answer.token }).catch(() => {});
      throw new KeyMismatch();
    }
    endedReason.value = null;
    session.value = {
      token: answer.token,
      supporter: answer.supporter,
      boxPublicKey,
      boxSecretKey,
      store: null,
    };
  } finally {
    keys.vaultKey.fill(0);
  }
}

export function loginErrorKey(error: unknown): MessageKey {
  if (error instanceof ProtocolError) {
    if (error.code === 'argon2_self_test_failed') return 'supporter.login.error.argon2';
    if (error.code === 'wrong_passphrase') return 'supporter.login.error.credentials';
    if (error.code === 'weak_kdf') return 'supporter.login.error.parameters';
  }
  if (error instanceof RelayError) {
    if (error.code === 'network') return 'error.network';
    if (error.status === 401) return 'supporter.login.error.credentials';
    if (error.code === 'supporter_inactive') return 'supporter.login.error.inactive';
  }
  if (error instanceof KeyMismatch) return 'supporter.login.error.keyMismatch';
  if (isLoadFailure(error)) return 'error.network';
  return 'supporter.login.error.generic';
}

/** Zeroes the keys, forgets every decrypted text and returns to the login form. */
export function endSession(reason: MessageKey | null): void {
  const current = session.value;
  if (current) {
    current.boxSecretKey.fill(0);
    current.store?.close();
    current.token = '';
  }
  for (const listener of endListeners) listener();
  endedReason.value = reason;
  session.value = null;
}

/** Ends the session on the relay too, then here. */
export async function logOut(): Promise<void> {
  const token = session.value?.token;
  if (token) await api('DELETE', '/api/v1/session', { token }).catch(() => {});
  endSession('supporter.login.loggedOut');
}

/** Updates the supporter as the relay now has them (after `PATCH /me`). */
export function updateSupporter(updated: Supporter): void {
  const current = session.value;
  if (!current) return;
  const supporter = { ...current.supporter, ...updated };
  if (updated.awayUntil === undefined || updated.awayUntil === null) delete supporter.awayUntil;
  current.supporter = supporter;
  touch();
}

// Leaving or reloading the page ends the session on the relay too, so the
// token does not outlive the memory that held it.
export function endSessionOnPageHide(): void {
  window.addEventListener('pagehide', () => {
    const current = session.value;
    if (!current) return;
    void fetch('/api/v1/session', {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${current.token}` },
      credentials: 'omit',
      keepalive: true,
    }).catch(() => {});
    endSession(null);
  });
}
