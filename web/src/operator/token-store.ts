/**
 * @module
 * Where the operator token lives between page loads: `sessionStorage` only,
 * so it survives a reload of this tab and is gone when the tab closes. It is
 * saved only after the relay has accepted it. Storage can be switched off or
 * full; every call then fails quietly and the page simply asks again.
 */

const KEY = 'peer-relay.operator-token';

export function savedToken(): string | null {
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

/** @returns whether the browser kept it. */
export function saveToken(token: string): boolean {
  try {
    sessionStorage.setItem(KEY, token);
    return true;
  } catch {
    return false;
  }
}

export function forgetToken(): void {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // Nothing was kept.
  }
}
