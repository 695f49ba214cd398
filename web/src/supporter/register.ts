/**
 * @module
 * Registering an invited supporter: the §9 Argon2id self-test, a new key
 * pair, the secret half locked in a vault under the passphrase, and
 * `POST /api/v1/supporters`. The relay never sees the passphrase or the
 * secret key. Keys and vault made for a passphrase are kept while the page
 * is open, so a retry (another login after "login taken") does not repeat
 * Argon2id; the secret key itself is only inside the vault.
 */
import type { Modality } from '../../../src/wire/api.ts';
import { api, RelayError } from '../api';
import type { MessageKey } from '../i18n';
import {
  checkArgon2,
  createVault,
  fingerprint,
  newSupporterKeys,
  ProtocolError,
  toB64,
  type VaultRecord,
} from '../protocol';
import { isLoadFailure } from './errors';

export interface JoinDetails {
  login: string;
  email?: string;
  profile: {
    name: string;
    county: string;
    town: string;
    specialties: string[];
    languages: string[];
    modalities: Modality[];
    about?: string;
  };
  passphrase: string;
}

interface Prepared {
  passphrase: string;
  publicKey: Uint8Array;
  vault: VaultRecord;
  authKey: string;
}
let prepared: Prepared | undefined;

export type JoinStep =
  | 'join.progress.check'
  | 'join.progress.keys'
  | 'join.progress.vault'
  | 'join.progress.register';

async function prepare(passphrase: string, step: (key: JoinStep) => void): Promise<Prepared> {
  if (prepared?.passphrase === passphrase) return prepared;
  step('join.progress.keys');
  const keys = await newSupporterKeys();
  step('join.progress.vault');
  try {
    const created = await createVault(passphrase, keys.secretKey);
    created.vaultKey.fill(0);
    prepared = {
      passphrase,
      publicKey: keys.publicKey,
      vault: created.vault,
      authKey: created.authKey,
    };
    return prepared;
  } finally {
    keys.secretKey.fill(0);
  }
}

/** Registers; resolves to the new key's fingerprint. */
export async function register(
  invite: string,
  details: JoinDetails,
  step: (key: JoinStep) => void,
): Promise<string> {
  // §9: a browser that computes Argon2id wrongly would lock the supporter out.
  step('join.progress.check');
  await checkArgon2();
  const ready = await prepare(details.passphrase, step);
  step('join.progress.register');
  await api<{ id: string }>('POST', '/api/v1/supporters', {
    body: {
      invite,
      login: details.login,
      ...(details.email === undefined ? {} : { email: details.email }),
      profile: details.profile,
      boxPublicKey: toB64(ready.publicKey),
      vault: ready.vault,
      authKey: ready.authKey,
    },
  });
  prepared = undefined;
  return fingerprint(ready.publicKey);
}

/** The sentence for a failed registration. */
export function joinErrorKey(error: unknown): MessageKey {
  if (error instanceof ProtocolError && error.code === 'argon2_self_test_failed') {
    return 'join.error.argon2';
  }
  if (error instanceof RelayError) {
    switch (error.code) {
      case 'invite_used':
        return 'join.error.inviteUsed';
      case 'invite_expired':
        return 'join.error.inviteExpired';
      case 'invite_not_found':
      case 'bad_encoding':
        return 'join.error.inviteUnknown';
      case 'login_taken':
        return 'join.error.loginTaken';
      case 'invalid_request':
        return 'join.error.invalid';
      case 'invisible_characters':
        return 'join.error.invisible';
      case 'network':
        return 'error.network';
    }
    if (error.status === 429) return 'join.error.busy';
  }
  if (isLoadFailure(error)) return 'error.network';
  return 'join.error.generic';
}
