/**
 * @module
 * The operator, as tests play them: every call carries the transport's
 * operator token. `admin` is the raw escape hatch; the rest are the few
 * things tests ask of an operator by name.
 */
import { signEntry } from '../../../web/src/protocol/index.ts';
import { type ApiResponse, requireStatus, type Transport } from '../transport.ts';

/** Any operator request (`Authorization: Bearer <operator token>`), answered as it is. */
export function admin(
  relay: Transport,
  method: string,
  path: string,
  body?: unknown,
): Promise<ApiResponse> {
  return relay.request(method, path, {
    token: relay.operatorToken,
    ...(body === undefined ? {} : { body }),
  });
}

/** A new invite (`POST /admin/invites`); its `url` carries the token in the fragment. */
export async function createInvite(
  relay: Transport,
  options: { note?: string; expiresInDays?: number } = {},
): Promise<{ token: string; url: string }> {
  const response = await admin(relay, 'POST', '/api/v1/admin/invites', options);
  requireStatus(response, 201, 'invite');
  return { token: response.body.token, url: response.body.url };
}

/** Deactivates or reactivates a supporter. */
export function setActive(relay: Transport, id: string, active: boolean): Promise<ApiResponse> {
  return admin(relay, 'PATCH', `/api/v1/admin/supporters/${id}`, { active });
}

/** The aggregate figures of `GET /admin/health`. */
export function health(relay: Transport): Promise<ApiResponse> {
  return admin(relay, 'GET', '/api/v1/admin/health');
}

/**
 * Signs a supporter's directory entry as the operator's list shows it now
 * (PROTOCOL.md §13), as `npm run sign-directory` would, and uploads it;
 * answered as the relay answers (`200 {version}`, `409 stale_version`, …).
 */
export async function signDirectoryEntry(
  relay: Transport,
  operatorSecretKey: Uint8Array,
  id: string,
  version: number,
): Promise<ApiResponse> {
  const listed = requireStatus(await admin(relay, 'GET', '/api/v1/admin/supporters'), 200, 'list');
  const entry = listed.body.supporters.find((s: { id: string }) => s.id === id);
  if (entry === undefined) throw new Error(`no supporter ${id} in the operator's list`);
  const signature = await signEntry(
    { id, name: entry.name, boxPublicKey: entry.boxPublicKey, version },
    operatorSecretKey,
  );
  return admin(relay, 'PUT', `/api/v1/admin/supporters/${id}/signature`, { version, signature });
}
