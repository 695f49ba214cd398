/**
 * @module
 * The directory, fetched once and whole (`GET /api/v1/supporters`): every
 * filter runs in the browser, so the relay never learns what a doctor
 * looked for. Shared by every doctor page: the home page, the compose page
 * (its recipient and "write to someone available instead") and the mailbox.
 * No page asks for one supporter's entry (`GET /api/v1/supporters/{id}`):
 * its size differs per profile, so an observer of the encrypted traffic
 * could tell whom a doctor chose; the whole list is the same bytes for
 * every doctor (docs/protocol.md, "The pages ask for the whole directory").
 */
import { useEffect, useState } from 'preact/hooks';
import type { Supporter } from '../../../src/wire/api.ts';
import { api } from '../api';

export type DirectoryState =
  | { status: 'loading' }
  | { status: 'failed' }
  | { status: 'ready'; supporters: Supporter[] };

let asked: Promise<Supporter[]> | undefined;

/**
 * The whole directory, asked for once per page; again after a failure, or
 * when `fresh` (the mailbox shows names and away status as they are now).
 */
export function loadDirectory(fresh = false): Promise<Supporter[]> {
  if (asked && !fresh) return asked;
  const request = api<{ supporters: Supporter[] }>('GET', '/api/v1/supporters').then(
    (answer) => answer.supporters,
    (error: unknown) => {
      if (asked === request) asked = undefined;
      throw error;
    },
  );
  asked = request;
  return request;
}

/** `id`'s entry in the whole directory, or null for someone not (or no longer) listed. */
export async function findInDirectory(id: string, fresh = false): Promise<Supporter | null> {
  return (await loadDirectory(fresh)).find((supporter) => supporter.id === id) ?? null;
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
