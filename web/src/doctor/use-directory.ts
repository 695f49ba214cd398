/**
 * @module
 * The directory, fetched once and whole (`GET /api/v1/supporters`): every
 * filter runs in the browser, so the relay never learns what a doctor
 * looked for. Shared by the home page and the compose page's "write to
 * someone available instead".
 */
import { useEffect, useState } from 'preact/hooks';
import type { Supporter } from '../../../src/wire/api.ts';
import { api } from '../api';

export type DirectoryState =
  | { status: 'loading' }
  | { status: 'failed' }
  | { status: 'ready'; supporters: Supporter[] };

let asked: Promise<Supporter[]> | undefined;

/** The whole directory, asked for once per page. */
export function loadDirectory(): Promise<Supporter[]> {
  asked ??= api<{ supporters: Supporter[] }>('GET', '/api/v1/supporters').then(
    (answer) => answer.supporters,
  );
  return asked;
}

/** The directory for a component; `wanted: false` leaves it unasked. */
export function useDirectory(wanted = true): DirectoryState {
  const [state, setState] = useState<DirectoryState>({ status: 'loading' });
  useEffect(() => {
    if (!wanted) return;
    let current = true;
    loadDirectory().then(
      (supporters) => current && setState({ status: 'ready', supporters }),
      () => current && setState({ status: 'failed' }),
    );
    return () => {
      current = false;
    };
  }, [wanted]);
  return state;
}
