/**
 * @module
 * The invite of the join page: read from the address fragment (never sent
 * in a request line, and removed from the address bar at once, so it does
 * not linger in the history or a screenshot), then checked with the relay
 * (`POST /api/v1/invites/check`) before anything is typed.
 */
import { useEffect, useState } from 'preact/hooks';
import type { InviteCheck } from '../../../src/wire/supporter.ts';
import { api, RelayError } from '../api';

export type InviteState =
  | { kind: 'missing' }
  | { kind: 'checking'; invite: string }
  | { kind: 'valid'; invite: string; expiresAt?: string }
  | { kind: 'used' | 'expired' | 'unknown' }
  /** The check itself failed (network, an older relay): the form is shown, registration will tell. */
  | { kind: 'unchecked'; invite: string };

/** Reads `#invite=…` and removes the fragment from the address bar. Call before anything rewrites the address. */
export function takeInviteFromAddress(): string | null {
  const fragment = new URLSearchParams(location.hash.slice(1));
  const invite = fragment.get('invite')?.trim() ?? '';
  if (location.hash !== '') {
    history.replaceState(history.state, '', location.pathname + location.search);
  }
  return invite === '' ? null : invite;
}

/** What a refused check means: used, expired, unknown, or nothing known (null). */
export function refusedInvite(error: unknown): 'used' | 'expired' | 'unknown' | null {
  if (!(error instanceof RelayError)) return null;
  if (error.code === 'invite_used') return 'used';
  if (error.code === 'invite_expired') return 'expired';
  if (error.code === 'invite_not_found' || error.code === 'bad_encoding') return 'unknown';
  if (error.status === 410) return 'used';
  return null;
}

export function useInvite(invite: string | null): [InviteState, (next: InviteState) => void] {
  const [state, setState] = useState<InviteState>(
    invite === null ? { kind: 'missing' } : { kind: 'checking', invite },
  );
  useEffect(() => {
    if (invite === null) return;
    let current = true;
    api<InviteCheck>('POST', '/api/v1/invites/check', { body: { invite } }).then(
      (answer) => {
        if (!current) return;
        setState(
          answer.valid
            ? {
                kind: 'valid',
                invite,
                ...(answer.expiresAt ? { expiresAt: answer.expiresAt } : {}),
              }
            : { kind: 'unknown' },
        );
      },
      (error: unknown) => {
        if (!current) return;
        const refused = refusedInvite(error);
        setState(refused ? { kind: refused } : { kind: 'unchecked', invite });
      },
    );
    return () => {
      current = false;
    };
  }, [invite]);
  return [state, setState];
}
