/**
 * @module
 * Operator-signed directory entries (PROTOCOL.md §13), the relay's part: it
 * keeps the operator's last signature with the key and name it was made
 * for, and publishes it only while those are still the entry's own. The
 * relay cannot check a signature (it never holds the operator's key, and
 * server code never loads libsodium); the clients and the operator's tool
 * do. So what is stored here is a claim, not a trust decision: a database
 * writer can change it, and the signature then simply fails to verify
 * (SECURITY.md, "A directory the database cannot forge").
 */
import { findSupporter, type SupporterRow, storeDirectorySignature } from '../db/supporters.ts';
import { conflict, notFound } from '../errors.ts';
import { HOUR_SECONDS, isoHour } from '../time.ts';
import { KEY_CHANGE_NOTICE_DAYS } from '../wire/api.ts';
import type { DirectorySignature, SignedEntry } from '../wire/operator.ts';
import { nowHour, type Relay } from './relay.ts';

type SignedRow = Pick<
  SupporterRow,
  'name' | 'boxPublicKey' | 'signedVersion' | 'signature' | 'signedBoxPublicKey' | 'signedName'
>;

/**
 * The `{version, signature}` a directory entry carries: the last signature,
 * while the entry's name and key are exactly those it was made for (a change
 * of either drops it until the operator signs again; other edits keep it).
 */
export function publishedSignature(row: SignedRow): DirectorySignature | null {
  if (row.signedVersion === null || row.signature === null) return null;
  if (row.signedName !== row.name || row.signedBoxPublicKey !== row.boxPublicKey) return null;
  return { version: row.signedVersion, signature: row.signature };
}

/**
 * The ISO hour at which a signature for a changed key was accepted, while
 * that was less than {@link KEY_CHANGE_NOTICE_DAYS} days ago; else null.
 */
export function keyChangeNotice(
  row: Pick<SupporterRow, 'keyChangedHour'>,
  hour: number,
): string | null {
  if (row.keyChangedHour === null) return null;
  const endsHour = row.keyChangedHour + KEY_CHANGE_NOTICE_DAYS * 24 * HOUR_SECONDS;
  return hour < endsHour ? isoHour(row.keyChangedHour) : null;
}

/** What the operator last signed for a supporter, whatever the entry holds now. */
export function lastSigned(row: SignedRow): SignedEntry | null {
  if (
    row.signedVersion === null ||
    row.signature === null ||
    row.signedBoxPublicKey === null ||
    row.signedName === null
  ) {
    return null;
  }
  return {
    version: row.signedVersion,
    signature: row.signature,
    boxPublicKey: row.signedBoxPublicKey,
    name: row.signedName,
  };
}

/**
 * Stores the operator's signature of a supporter's entry as it is now
 * (`PUT /admin/supporters/{id}/signature`).
 *
 * @throws `404 supporter_not_found` for an unknown supporter (or one who left),
 *   `409 stale_version` when `version` is not above the last one signed.
 */
export async function recordDirectorySignature(
  relay: Relay,
  id: string,
  signed: DirectorySignature,
): Promise<{ version: number }> {
  const row = await findSupporter(relay.db, id);
  if (row === null || row.left) throw notFound('supporter_not_found', 'No supporter has this id.');
  const stored = await storeDirectorySignature(relay.db, id, { ...signed, hour: nowHour(relay) });
  if (stored === null) {
    throw conflict(
      'stale_version',
      'The version must be greater than the last one signed for this supporter.',
    );
  }
  return { version: signed.version };
}
