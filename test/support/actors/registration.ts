/**
 * @module
 * A supporter's way in, at the level of single requests: the registration
 * body (profile, keys, vault, auth key), registering it and logging in. The
 * supporter actor (./supporter.ts) is built on these; tests that break a
 * registration or a login on purpose use them directly.
 */
import type { Supporter as DirectoryEntry } from '../../../web/src/api.ts';
import {
  type BoxKeyPair,
  createVault,
  newSupporterKeys,
  solveProofOfWork,
  toB64,
  type VaultRecord,
} from '../../../web/src/protocol/index.ts';
import { type ApiResponse, requireStatus, type Transport } from '../transport.ts';
import { createInvite } from './operator.ts';

/** A profile as registration takes it: the web client's directory entry, in part. */
export type Profile = Pick<
  DirectoryEntry,
  'name' | 'county' | 'town' | 'specialties' | 'languages' | 'modalities' | 'about'
>;

/** In vocabulary codes (src/wire/vocabulary.ts), so it reads back exactly as sent. */
export const sampleProfile = {
  name: 'Kari Nordmann',
  county: 'vestland',
  town: 'Bergen',
  specialties: ['psychiatry'],
  languages: ['nb', 'en'],
  modalities: ['in-person', 'phone', 'video'],
  about: 'Psychiatrist, peer supporter since 2019.',
} satisfies Profile;

/**
 * A vault-shaped record for supporters whose vault no test opens (the relay
 * stores it without reading it); `passphrase` in {@link JoinOptions} makes a real one.
 */
export function placeholderVault(): VaultRecord {
  return {
    salt: toB64(crypto.getRandomValues(new Uint8Array(16))),
    opslimit: 3,
    memlimit: 67_108_864,
    ciphertext: toB64(crypto.getRandomValues(new Uint8Array(120))),
  };
}

/** The body of `POST /api/v1/supporters`. */
export interface RegistrationBody {
  invite: string;
  login: string;
  email?: string;
  profile: Profile;
  boxPublicKey: string;
  vault: VaultRecord;
  authKey: string;
}

export interface JoinOptions {
  /** Default: a fresh random login. */
  login?: string;
  email?: string;
  /** Default: a fresh invite from the operator. */
  invite?: string;
  /** Fields over {@link sampleProfile}, or with `wholeProfile` the whole profile. */
  profile?: Partial<Profile>;
  /** Use `profile` as it is (so a test can leave out `about`). */
  wholeProfile?: boolean;
  /** Default: a fresh key pair (the bench brings keys it has already sealed to). */
  keys?: BoxKeyPair;
  /** A real vault under this passphrase (Argon2id, about a second), so a browser can log in. */
  passphrase?: string;
}

/** A registration body and the secrets behind it, which the relay never sees. */
export interface Registration {
  body: RegistrationBody;
  publicKey: Uint8Array;
  secretKey: Uint8Array;
  /** The passphrase the vault is sealed under, when it is a real one. */
  passphrase?: string;
}

/** A valid registration body with fresh keys (and a fresh invite unless one is given). */
export async function registrationFor(
  relay: Transport,
  options: JoinOptions = {},
): Promise<Registration> {
  const keys = options.keys ?? (await newSupporterKeys());
  const { vault, authKey } =
    options.passphrase === undefined
      ? { vault: placeholderVault(), authKey: toB64(crypto.getRandomValues(new Uint8Array(32))) }
      : await createVault(options.passphrase, keys.secretKey);
  // Trusted as complete: only tests that give a whole profile set `wholeProfile`.
  const profile = options.wholeProfile
    ? (options.profile as Profile)
    : { ...sampleProfile, ...options.profile };
  return {
    body: {
      invite: options.invite ?? (await createInvite(relay)).token,
      login: options.login ?? `supporter-${crypto.randomUUID().slice(0, 8)}`,
      ...(options.email === undefined ? {} : { email: options.email }),
      profile,
      boxPublicKey: toB64(keys.publicKey),
      vault,
      authKey,
    },
    publicKey: keys.publicKey,
    secretKey: keys.secretKey,
    ...(options.passphrase === undefined ? {} : { passphrase: options.passphrase }),
  };
}

/** `POST /api/v1/supporters` with any body, answered as it is. */
export function register(relay: Transport, body: unknown): Promise<ApiResponse> {
  return relay.request('POST', '/api/v1/supporters', { body });
}

/** A login's proof of work (PROTOCOL.md §11): `{challenge, nonce}`. */
export interface LoginProof {
  challenge: string;
  nonce: string;
}

/** `POST /api/v1/session` with any login, key and proof, answered as it is. */
export function logIn(
  relay: Transport,
  login: string,
  authKey: string,
  pow?: LoginProof,
): Promise<ApiResponse> {
  const body = pow === undefined ? { login, authKey } : { login, authKey, pow };
  return relay.request('POST', '/api/v1/session', { body });
}

/**
 * Asks `session/params` for `login` and solves the challenge it names, as
 * the login page does once a login has failed five times this hour;
 * undefined while no proof is needed.
 */
export async function loginProof(relay: Transport, login: string): Promise<LoginProof | undefined> {
  const params = await relay.request('POST', '/api/v1/session/params', { body: { login } });
  const pow = requireStatus(params, 200, 'session parameters').body.pow as
    | { challenge: string; difficulty: number }
    | undefined;
  if (pow === undefined) return undefined;
  return { challenge: pow.challenge, nonce: await solveProofOfWork(pow.challenge, pow.difficulty) };
}
