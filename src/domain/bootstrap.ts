/**
 * @module
 * Secrets the relay needs before it serves: the server secret (generated and
 * kept in the database when not configured, so every instance shares it)
 * and the operator token (only its hash is kept).
 */
import { capabilityHash, fromB64, newToken, utf8 } from '../crypto.ts';
import type { Database } from '../db/database.ts';
import { keepFirstSetting, readSetting, writeSetting } from '../db/settings.ts';

const SERVER_SECRET = 'server_secret';
const OPERATOR_TOKEN_HASH = 'operator_token_hash';

export async function loadServerSecret(
  db: Database,
  configured: string | undefined,
): Promise<Uint8Array> {
  if (configured !== undefined) return utf8(configured);
  const stored = await keepFirstSetting(db, SERVER_SECRET, newToken());
  return fromB64(stored) ?? utf8(stored);
}

/**
 * The operator token's hash. Without a configured token, one is generated at
 * first start and returned once as `generated` for the host to print; later
 * starts find only its hash.
 */
export async function loadOperatorToken(
  db: Database,
  configured: string | undefined,
): Promise<{ hash: string; generated?: string }> {
  if (configured !== undefined) return { hash: capabilityHash(configured) };
  const stored = await readSetting(db, OPERATOR_TOKEN_HASH);
  if (stored !== null) return { hash: stored };
  return rotateOperatorToken(db);
}

/** Replaces the stored operator token with a fresh one (`npm run ops -- operator-token`). */
export async function rotateOperatorToken(
  db: Database,
): Promise<{ hash: string; generated: string }> {
  const generated = newToken();
  const hash = capabilityHash(generated);
  await writeSetting(db, OPERATOR_TOKEN_HASH, hash);
  return { hash, generated };
}
