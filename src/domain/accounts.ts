/**
 * @module
 * Supporter accounts: joining with an invite, logging in with a key derived
 * from the passphrase (the relay never sees the passphrase), sessions,
 * profile and notification preferences, passphrase change and leaving.
 * See PROTOCOL.md §5 and §6.
 */
import {
  capabilityHash,
  constantTimeEqual,
  keyedHash,
  newToken,
  randomBytes,
  toB64,
  utf8,
} from '../crypto.ts';
import { deleteSession, findInvite, findSessionSupporter, insertSession } from '../db/access.ts';
import { resetBackoff } from '../db/notifications.ts';
import type { Modality, NotificationChannel, SupporterStatus } from '../db/schema.ts';
import {
  eraseSupporter,
  findSupporter,
  findSupporterByLogin,
  insertSupporterWithInvite,
  type NewSupporter,
  replaceVault,
  type SupporterRow,
  touchSupporter,
  updateSupporter,
} from '../db/supporters.ts';
import { badRequest, conflict, forbidden, gone, notFound, unauthorized } from '../errors.ts';
import { isPublicHost } from '../notify/public-address.ts';
import { parseWebhookUrl } from '../notify/webhook.ts';
import { dayOf, hourAtOrAfter, isExpired, isoHour } from '../time.ts';
import type { InviteCheck, Me, SessionAnswer, SessionParams, Vault } from '../wire/supporter.ts';
import { countLoginFailure, loginChallenge, loginKeyOf, spendLoginProof } from './login-proof.ts';
import { resolveProfileTerms } from './profile-terms.ts';
import type { Proof } from './proof-of-work.ts';
import { expiryHour, nowHour, type Relay } from './relay.ts';
import { toSupporter } from './supporter-view.ts';

export type { Me, NotifyPreferences, Vault } from '../wire/supporter.ts';

export const DEFAULT_OPSLIMIT = 3;
export const DEFAULT_MEMLIMIT = 67_108_864;

export interface Profile {
  name: string;
  county: string;
  town: string;
  specialties: string[];
  languages: string[];
  modalities: Modality[];
  about?: string | undefined;
}

export interface Registration {
  invite: string;
  login: string;
  email?: string | undefined;
  profile: Profile;
  boxPublicKey: string;
  vault: Vault;
  authKey: string;
}

/** Logins compare case-insensitively and after Unicode normalisation. */
export function normaliseLogin(login: string): string {
  return login.normalize('NFKC').trim().toLowerCase();
}

function newSupporterId(): string {
  return toB64(randomBytes(9));
}

/**
 * The hash and expiry hour of an invite that can still be used.
 *
 * @throws ApiError 404 `invite_not_found`, 410 `invite_used` or 410 `invite_expired`.
 */
async function usableInvite(
  relay: Relay,
  token: string,
): Promise<{ inviteHash: string; expiresHour: number }> {
  const inviteHash = capabilityHash(token);
  const invite = await findInvite(relay.db, inviteHash);
  if (invite === null) throw notFound('invite_not_found', 'This invite link is not valid.');
  if (invite.used) throw gone('invite_used', 'This invite link has already been used.');
  if (isExpired(invite.expiresHour, nowHour(relay)))
    throw gone('invite_expired', 'This invite link has expired. Ask for a new one.');
  return { inviteHash, expiresHour: invite.expiresHour };
}

/**
 * Whether an invite can be used, without using it (PROTOCOL.md §12
 * `POST /invites/check`): the same answers registration would give.
 */
export async function checkInvite(relay: Relay, token: string): Promise<InviteCheck> {
  const { expiresHour } = await usableInvite(relay, token);
  return { valid: true, expiresAt: isoHour(expiresHour) };
}

/** Joins with a single-use invite. */
export async function registerSupporter(
  relay: Relay,
  registration: Registration,
): Promise<{ id: string }> {
  const { db } = relay;
  const hour = nowHour(relay);
  // A profile outside the vocabulary is a 400 before anything else is looked up.
  const profile = resolveProfileTerms(registration.profile, null);
  const { inviteHash } = await usableInvite(relay, registration.invite);

  const login = normaliseLogin(registration.login);
  if (await findSupporterByLogin(db, login)) {
    throw conflict('login_taken', 'This login is taken. Choose another.');
  }
  const row: NewSupporter = {
    id: newSupporterId(),
    login,
    email: registration.email ?? null,
    ...profile,
    about: profile.about || null,
    boxPublicKey: registration.boxPublicKey,
    vaultSalt: registration.vault.salt,
    vaultOpslimit: registration.vault.opslimit,
    vaultMemlimit: registration.vault.memlimit,
    vaultCiphertext: registration.vault.ciphertext,
    authKeyHash: capabilityHash(registration.authKey),
    createdHour: hour,
  };
  let spent: boolean;
  try {
    spent = await insertSupporterWithInvite(db, row, inviteHash, hour);
  } catch (error) {
    if (/UNIQUE/i.test(String(error)))
      throw conflict('login_taken', 'This login is taken. Choose another.');
    throw error;
  }
  // Between the checks above and the batch another request may have used the invite.
  if (!spent) throw gone('invite_used', 'This invite link has already been used.');
  return { id: row.id! };
}

/**
 * The key-derivation parameters for a login, with a proof-of-work challenge
 * once the login has failed five times this hour (PROTOCOL.md §11). For an
 * unknown login the parameters are derived from the server secret, stable
 * and shaped like a real one, and its failures count alike, so logins
 * cannot be enumerated.
 */
export async function sessionParameters(relay: Relay, rawLogin: string): Promise<SessionParams> {
  const login = normaliseLogin(rawLogin);
  const row = await findSupporterByLogin(relay.db, login);
  const params = row
    ? { salt: row.vaultSalt, opslimit: row.vaultOpslimit, memlimit: row.vaultMemlimit }
    : {
        salt: toB64(keyedHash(relay.secret, `peer-relay/fake-salt/${login}`, 16)),
        opslimit: DEFAULT_OPSLIMIT,
        memlimit: DEFAULT_MEMLIMIT,
      };
  const pow = await loginChallenge(relay, loginKeyOf(relay, login));
  return pow === null ? params : { ...params, pow };
}

function authKeyMatches(row: SupporterRow, authKey: string): boolean {
  return constantTimeEqual(utf8(row.authKeyHash), utf8(capabilityHash(authKey)));
}

const invalidCredentials = () =>
  unauthorized('invalid_credentials', 'The login or passphrase is not correct.');

/**
 * Logs in. The proof of work, when the login needs one, is checked before
 * anything about the login (src/domain/login-proof.ts); a wrong key is
 * counted against the login for the hour. A success does not reset the
 * count: that would tell a guesser the supporter had just logged in, and
 * hand back the difficulty they had paid for.
 */
export async function logIn(
  relay: Relay,
  rawLogin: string,
  authKey: string,
  proof?: Proof,
): Promise<SessionAnswer> {
  const { db } = relay;
  const hour = nowHour(relay);
  const login = normaliseLogin(rawLogin);
  const loginKey = loginKeyOf(relay, login);
  await spendLoginProof(relay, loginKey, proof);
  const row = await findSupporterByLogin(db, login);
  if (row === null || !authKeyMatches(row, authKey)) {
    await countLoginFailure(relay, loginKey);
    throw invalidCredentials();
  }
  if (!row.active) {
    throw forbidden('supporter_inactive', 'This account has been deactivated by an operator.');
  }
  const token = newToken();
  const expiresHour = expiryHour(relay, relay.config.lifetimes.sessionHours);
  await insertSession(db, { tokenHash: capabilityHash(token), supporterId: row.id, expiresHour });
  await touchSupporter(db, row, hour);
  return {
    token,
    expiresAt: isoHour(expiresHour),
    supporter: toSupporter(row, hour),
    vault: vaultOf(row),
  };
}

function vaultOf(row: SupporterRow): Vault {
  return {
    salt: row.vaultSalt,
    opslimit: row.vaultOpslimit,
    memlimit: row.vaultMemlimit,
    ciphertext: row.vaultCiphertext,
  };
}

/** The supporter behind a bearer token, or null. */
export async function authenticate(relay: Relay, token: string): Promise<SupporterRow | null> {
  const found = await findSessionSupporter(relay.db, capabilityHash(token), nowHour(relay));
  return found?.supporter ?? null;
}

export async function logOut(relay: Relay, token: string): Promise<void> {
  await deleteSession(relay.db, capabilityHash(token));
}

export function toMe(row: SupporterRow, hour: number): Me {
  const notifying = row.notifyEmail || row.notifyWebhookUrl !== null;
  return {
    ...toSupporter(row, hour),
    login: row.login ?? '',
    ...(row.email === null ? {} : { email: row.email }),
    ...(notifying ? { notify: { email: row.notifyEmail, webhookUrl: row.notifyWebhookUrl } } : {}),
  };
}

export type ProfileChanges = { [K in keyof Profile]?: Profile[K] | undefined } & {
  email?: string | null | undefined;
  status?: SupporterStatus | undefined;
  /** ISO 8601; null clears it. */
  awayUntil?: string | null | undefined;
  /** `webhookUrl` null or "" turns the webhook off. */
  notify?: { email?: boolean | undefined; webhookUrl?: string | null | undefined } | undefined;
};

export async function updateMe(
  relay: Relay,
  supporter: SupporterRow,
  changes: ProfileChanges,
): Promise<Me> {
  const hour = nowHour(relay);
  const set: Partial<NewSupporter> = {};
  const resolved = resolveProfileTerms(changes, supporter);
  for (const key of ['name', 'county', 'town', 'specialties', 'languages', 'modalities'] as const) {
    if (resolved[key] !== undefined) Object.assign(set, { [key]: resolved[key] });
  }
  if (changes.about !== undefined) set.about = changes.about === '' ? null : changes.about;
  if (changes.email !== undefined) set.email = changes.email === '' ? null : changes.email;
  if (changes.status !== undefined) set.status = changes.status;
  if (changes.awayUntil !== undefined) {
    set.awayUntilHour =
      changes.awayUntil === null ? null : hourAtOrAfter(new Date(changes.awayUntil));
  }
  if (changes.status === 'available') set.awayUntilHour = null;
  const changed = notificationChanges(relay, supporter, changes, set);
  const row = await updateSupporter(relay.db, supporter.id, set);
  if (row === null) throw notFound('supporter_not_found', 'This account no longer exists.');
  // A new address gets a fresh start, without the old one's backoff.
  for (const channel of changed) await resetBackoff(relay.db, supporter.id, channel);
  return toMe(row, hour);
}

/**
 * Adds the notification preferences in `changes` to `set`, after checking
 * them: e-mail needs an address and a relay that sends e-mail; a webhook URL
 * must pass `parseWebhookUrl`. Clearing the e-mail address turns e-mail
 * notifications off.
 *
 * @returns the channels whose address changed.
 */
function notificationChanges(
  relay: Relay,
  supporter: SupporterRow,
  changes: ProfileChanges,
  set: Partial<NewSupporter>,
): NotificationChannel[] {
  const changed: NotificationChannel[] = [];
  const email = set.email !== undefined ? set.email : supporter.email;
  const wantsEmail = changes.notify?.email;
  if (wantsEmail === true) {
    if (relay.config.notifications.smtp === undefined) {
      throw badRequest(
        'email_unavailable',
        'This relay does not send e-mail. Choose a webhook for notifications instead.',
      );
    }
    if (email === null) {
      throw badRequest('email_missing', 'Add an e-mail address to be notified by e-mail.');
    }
  }
  if (wantsEmail !== undefined) set.notifyEmail = wantsEmail;
  if (email === null && supporter.notifyEmail) set.notifyEmail = false;
  if (wantsEmail === true || (set.email !== undefined && set.email !== supporter.email)) {
    changed.push('email');
  }
  const webhook = changes.notify?.webhookUrl;
  if (webhook !== undefined) {
    if (webhook === null || webhook === '') {
      set.notifyWebhookUrl = null;
    } else {
      const allowPrivate = relay.config.notifications.webhookAllowPrivate;
      const url = parseWebhookUrl(webhook, allowPrivate);
      if (url === null) {
        throw badRequest(
          'invalid_webhook_url',
          'The webhook URL must be an https:// address of at most 1000 characters, without a user name or password.',
        );
      }
      if (!allowPrivate && !isPublicHost(new URL(url).hostname)) {
        throw badRequest(
          'webhook_not_public',
          'The webhook URL must point to a public address, not to this machine or a private network.',
        );
      }
      set.notifyWebhookUrl = url;
    }
    if (set.notifyWebhookUrl !== supporter.notifyWebhookUrl) changed.push('webhook');
  }
  return changed;
}

/** Changes the passphrase: a new vault and auth key, checked against the current key. Other sessions end. */
export async function changeVault(
  relay: Relay,
  supporter: SupporterRow,
  sessionToken: string,
  change: { authKey: string; newAuthKey: string; vault: Vault; pow?: Proof | undefined },
): Promise<void> {
  // The current key is a passphrase check like a login: guarded the same way.
  const loginKey = loginKeyOf(relay, supporter.login ?? supporter.id);
  await spendLoginProof(relay, loginKey, change.pow);
  if (!authKeyMatches(supporter, change.authKey)) {
    await countLoginFailure(relay, loginKey);
    throw invalidCredentials();
  }
  await replaceVault(
    relay.db,
    supporter.id,
    {
      vaultSalt: change.vault.salt,
      vaultOpslimit: change.vault.opslimit,
      vaultMemlimit: change.vault.memlimit,
      vaultCiphertext: change.vault.ciphertext,
      authKeyHash: capabilityHash(change.newAuthKey),
    },
    capabilityHash(sessionToken),
  );
}

/**
 * Leaves the service: login, e-mail, vault, sessions and the archive are
 * erased, queued messages expire (no one can read them any more), and the public key stays
 * so that replies already sent can still be verified by their doctors.
 */
export async function leave(relay: Relay, supporter: SupporterRow): Promise<void> {
  const erased = await eraseSupporter(relay.db, supporter.id, dayOf(relay.clock.now()));
  if (erased.expired + erased.archived > 0) relay.afterDeletion();
}

export async function readMe(relay: Relay, id: string): Promise<Me | null> {
  const row = await findSupporter(relay.db, id);
  return row ? toMe(row, nowHour(relay)) : null;
}
