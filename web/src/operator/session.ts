/**
 * @module
 * The operator's session: the token, the figures fetched with it, and which
 * view the page shows. Held in signals, so every part of the page follows
 * them; the token itself lives only here and in this tab's
 * `sessionStorage` ({@link saveToken}), and only once the relay has
 * accepted it at `GET /api/v1/admin/health`. It travels only in the
 * `Authorization` header, never in an address.
 */
import { batch, signal } from '@preact/signals';
import { api, RelayError } from '../api';
import type { MessageKey } from '../i18n';
import { forgetToken, savedToken, saveToken } from './token-store';
import type { HealthReport, SupporterHealth } from './types';

/** A text kept as key and parameters, so a language switch redoes it. */
export interface Message {
  key: MessageKey;
  params?: Record<string, string | number>;
}

export type View = 'login' | 'loading' | 'dashboard';

/** How many days without a sign of life count as "not seen", unless the operator asks otherwise. */
export const NOT_SEEN_DAYS = 7;

export const view = signal<View>('login');
/** A sentence above the token form: why it is asked for again. */
export const loginNotice = signal<Message | null>(null);
/** What was wrong with the token typed (or the relay's answer to it). */
export const tokenError = signal<Message | null>(null);
/** A kept token the relay could not be asked about: put back in the field to try again. */
export const tokenDraft = signal('');
export const health = signal<HealthReport | null>(null);
export const supporters = signal<SupporterHealth[]>([]);
/** When the figures were fetched: this browser's own clock, so known to the minute. */
export const fetchedAt = signal<Date | null>(null);
export const notSeenDays = signal(NOT_SEEN_DAYS);
/** A failure of the dashboard as a whole (a refresh that failed, storage refused). */
export const dashboardError = signal<Message | null>(null);

let token: string | null = null;

/** The words for a failed call; 401 is handled by the callers. */
export function failure(error: unknown): Message {
  if (error instanceof RelayError && error.code === 'network') {
    return { key: 'operator.error.network' };
  }
  return { key: 'operator.error.generic' };
}

export function isUnauthorized(error: unknown): boolean {
  return error instanceof RelayError && error.status === 401;
}

/** Fetches every figure with `candidate`; throws what the relay answered. */
async function fetchAll(candidate: string, days: number): Promise<void> {
  const options = { token: candidate };
  const report = await api<HealthReport>(
    'GET',
    `/api/v1/admin/health?notSeenDays=${days}`,
    options,
  );
  const list = await api<{ supporters: SupporterHealth[] }>(
    'GET',
    '/api/v1/admin/supporters',
    options,
  );
  batch(() => {
    health.value = report;
    supporters.value = list.supporters;
    fetchedAt.value = new Date();
  });
}

function showLogin(notice: Message | null): void {
  token = null;
  batch(() => {
    view.value = 'login';
    health.value = null;
    supporters.value = [];
    loginNotice.value = notice;
    tokenError.value = null;
    dashboardError.value = null;
  });
}

/** Opens the page: with the token this tab kept, else the form. */
export async function start(): Promise<void> {
  const saved = savedToken();
  if (saved === null) {
    showLogin(null);
    return;
  }
  view.value = 'loading';
  try {
    await fetchAll(saved, notSeenDays.value);
  } catch (error) {
    if (isUnauthorized(error)) {
      tokenRefused();
      return;
    }
    // Keep the token: the relay may be back in a moment.
    showLogin(null);
    tokenError.value = failure(error);
    tokenDraft.value = saved;
    return;
  }
  token = saved;
  view.value = 'dashboard';
}

/** @returns whether the relay accepted `candidate` and the dashboard is open. */
export async function logIn(candidate: string): Promise<boolean> {
  loginNotice.value = null;
  if (candidate === '') {
    tokenError.value = { key: 'operator.token.empty' };
    return false;
  }
  try {
    await fetchAll(candidate, notSeenDays.value);
  } catch (error) {
    tokenError.value = isUnauthorized(error) ? { key: 'operator.token.wrong' } : failure(error);
    return false;
  }
  // Kept only now that the relay has accepted it.
  const kept = saveToken(candidate);
  token = candidate;
  batch(() => {
    tokenError.value = null;
    tokenDraft.value = '';
    dashboardError.value = kept ? null : { key: 'operator.error.storage' };
    view.value = 'dashboard';
  });
  return true;
}

/** The token was taken away (rotated on the server): back to the form. */
export function tokenRefused(): void {
  forgetToken();
  showLogin({ key: 'operator.token.expired' });
}

/** The operator's own choice: the tab forgets the token. */
export function forget(): void {
  forgetToken();
  showLogin({ key: 'operator.token.forgotten' });
}

/** Fetches the figures again. @returns whether they are fresh (a refused token logs out). */
export async function reload(): Promise<boolean> {
  if (token === null) return false;
  try {
    await fetchAll(token, notSeenDays.value);
  } catch (error) {
    if (isUnauthorized(error)) tokenRefused();
    else dashboardError.value = failure(error);
    return false;
  }
  dashboardError.value = null;
  return true;
}

/** Whether a token is held (false once it was refused or forgotten). */
export function signedIn(): boolean {
  return token !== null;
}

/** An operator call with the accepted token; a 401 logs out before the error is thrown on. */
export async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  try {
    return await api<T>(method, path, {
      token: token ?? '',
      ...(body === undefined ? {} : { body }),
    });
  } catch (error) {
    if (isUnauthorized(error)) tokenRefused();
    throw error;
  }
}

/** The supporter's name by id, for the lists that give only ids. */
export function supporterById(id: string): SupporterHealth | undefined {
  return supporters.value.find((s) => s.id === id);
}

/** Focuses `id` once the render that the last change scheduled has run (it may not exist yet). */
export function focusSoon(id: string): void {
  setTimeout(() => document.getElementById(id)?.focus(), 0);
}
