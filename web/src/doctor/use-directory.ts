/**
 * @module
 * The whole directory for a component (./directory-request.ts asks for it).
 */
import { useEffect, useState } from 'preact/hooks';
import type { Supporter } from '../../../src/wire/api.ts';
import { loadDirectory } from './directory-request';

export type DirectoryState =
  | { status: 'loading' }
  | { status: 'failed' }
  | { status: 'ready'; supporters: Supporter[] };

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
