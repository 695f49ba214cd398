/**
 * @module
 * Whether a directory entry is confirmed by the service: signed by the
 * operator's directory key that the build baked into this page
 * (../verified-scripts.ts, PROTOCOL.md §13). A page seals nothing to an entry
 * that is not, so whoever can write to the relay's database cannot put
 * their own key next to a supporter's name. A build without a directory
 * key (a first local run) confirms every entry as the directory gives it,
 * without loading libsodium, and says so on the operator page.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Supporter } from '../../../src/wire/api.ts';
import { DIRECTORY_PUBLIC_KEY } from '../verified-scripts';

/** Whether this build verifies entries at all. */
export const VERIFIES_ENTRIES = DIRECTORY_PUBLIC_KEY !== null;

/** Sealing was refused: the entry is not (or no longer) confirmed by the service. */
export class UnconfirmedEntryError extends Error {
  override name = 'UnconfirmedEntryError';
  constructor() {
    super('This directory entry is not confirmed by the service; nothing was sealed to it.');
  }
}

const verdicts = new Map<string, Promise<boolean>>();

/** Everything the signature covers, and the signature: any change is a new question. */
const entryKey = (entry: Supporter) =>
  JSON.stringify([entry.id, entry.name, entry.boxPublicKey, entry.version, entry.signature]);

/**
 * Whether `entry` is confirmed by the service. Never throws: a signature
 * that cannot be checked (libsodium did not load) is not a confirmation,
 * and is asked again next time.
 */
export function isConfirmed(entry: Supporter): Promise<boolean> {
  const operatorKey = DIRECTORY_PUBLIC_KEY;
  if (operatorKey === null) return Promise.resolve(true);
  const key = entryKey(entry);
  let verdict = verdicts.get(key);
  if (verdict === undefined) {
    // Loaded only by a build that verifies, so the home page of one that does not loads no libsodium.
    verdict = import('../protocol/directory-entry')
      .then(({ verifyEntry }) => verifyEntry(entry, operatorKey))
      .catch(() => {
        verdicts.delete(key);
        return false;
      });
    verdicts.set(key, verdict);
  }
  return verdict;
}

/** Throws {@link UnconfirmedEntryError} unless `entry` is confirmed: the last check before sealing. */
export async function assertConfirmed(entry: Supporter): Promise<void> {
  if (!(await isConfirmed(entry))) throw new UnconfirmedEntryError();
}

/**
 * Each entry's verdict for a component: `true` or `false` once checked,
 * `undefined` while checking. A build without a directory key answers
 * `true` at once, so its first paint is as before.
 */
export function useConfirmations(entries: Supporter[]): (entry: Supporter) => boolean | undefined {
  const [checked, setChecked] = useState<ReadonlyMap<string, boolean>>(new Map());
  // Keyed by what was signed, not by the array: a new array of the same entries asks nothing again.
  const asked = entries.map(entryKey).join('\n');
  useEffect(() => {
    if (!VERIFIES_ENTRIES) return;
    let current = true;
    void Promise.all(
      entries.map(async (entry) => [entryKey(entry), await isConfirmed(entry)] as const),
    ).then((verdicts) => current && setChecked(new Map(verdicts)));
    return () => {
      current = false;
    };
  }, [asked]);
  return (entry) => (VERIFIES_ENTRIES ? checked.get(entryKey(entry)) : true);
}
