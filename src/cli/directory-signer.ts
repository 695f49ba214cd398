/**
 * @module
 * What `npm run sign-directory` does (PROTOCOL.md §13), as a function tests
 * call: read the operator's list of supporters from the relay's admin API
 * (so it works the same for Node and Workers), show every entry that is
 * unsigned or changed since its last signature with its fingerprint, flag a
 * changed key loudly, and sign what the operator confirms.
 *
 * Nothing the relay says is trusted: its record of what was signed before
 * counts only if that old signature verifies under the operator's key, and
 * fingerprints are computed here. A database writer can therefore make an
 * entry look new or changed, never "unchanged"; and a new key is signed
 * only when the operator says yes, having heard the fingerprint from the
 * supporter (SECURITY.md, "A directory the database cannot forge").
 */
import type { SignKeyPair } from '../../web/src/crypto/libsodium.ts';
import { fingerprint, fromB64, signEntry, verifyEntry } from '../../web/src/protocol/index.ts';
import type { Supporter } from '../wire/api.ts';
import type { SignedEntry, SupporterHealth } from '../wire/operator.ts';

/** Why an entry needs a signature. */
export type Change =
  /** Never signed. */
  | 'unsigned'
  /** Signed before for this key, under another name. */
  | 'name-changed'
  /** Signed before for another key. */
  | 'key-changed'
  /** What the relay says was signed does not verify: altered, or signed with another key. */
  | 'unverified';

/** An entry to sign, as the operator is asked about it. */
export interface Candidate {
  id: string;
  name: string;
  active: boolean;
  boxPublicKey: string;
  /** Computed here from `boxPublicKey`, not taken from the relay. */
  fingerprint: string;
  change: Change;
  /** The version the new signature gets: one above the last the relay holds. */
  version: number;
  /** What was signed before, with its fingerprint, when it verifies. */
  previous?: SignedEntry & { fingerprint: string };
}

export interface SignDirectoryOptions {
  keys: SignKeyPair;
  /** The relay's origin, e.g. `https://relay.example.org`. */
  relay: string;
  operatorToken: string;
  /** Asked once per candidate, after it has been shown; true signs it. */
  confirm(candidate: Candidate): Promise<boolean>;
  /** Where the tool writes what the operator reads. */
  print(line: string): void;
  fetch?: typeof fetch;
}

export interface SigningReport {
  /** Already signed, key and name unchanged. */
  current: string[];
  signed: string[];
  declined: string[];
  /** Entries flagged `key-changed` or `unverified`, whatever the operator answered. */
  flagged: string[];
  /** Refused by the relay, or published afterwards in a form that does not verify. */
  failed: string[];
}

const MAX_VERSION = 0xffff_ffff;

/** The relay's origin; plain http only to this machine, as the operator token travels with it. */
export function relayOrigin(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`--relay ${text} is not a URL.`);
  }
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new Error('--relay must be https:// (plain http only to localhost).');
  }
  return url.origin;
}

/** Signs what the operator confirms; see the module note. */
export async function signDirectory(options: SignDirectoryOptions): Promise<SigningReport> {
  const { keys, print } = options;
  const call = relayClient(options);
  const list = await call<{ supporters: SupporterHealth[] }>('GET', '/api/v1/admin/supporters');
  const report: SigningReport = { current: [], signed: [], declined: [], flagged: [], failed: [] };
  for (const supporter of list.supporters) {
    const candidate = await assess(supporter, keys.publicKey);
    if (candidate === null) {
      report.current.push(supporter.id);
      continue;
    }
    if (candidate.change === 'key-changed' || candidate.change === 'unverified') {
      report.flagged.push(candidate.id);
    }
    print(describeCandidate(candidate));
    if (candidate.version > MAX_VERSION) {
      print(`  cannot sign: the relay already holds the highest version.`);
      report.failed.push(candidate.id);
      continue;
    }
    if (!(await options.confirm(candidate))) {
      print('  not signed.');
      report.declined.push(candidate.id);
      continue;
    }
    const signature = await signEntry(candidate, keys.secretKey);
    try {
      const path = `/api/v1/admin/supporters/${encodeURIComponent(candidate.id)}/signature`;
      await call('PUT', path, { version: candidate.version, signature });
      print(`  signed as version ${candidate.version}.`);
      report.signed.push(candidate.id);
    } catch (error) {
      print(`  the relay refused it: ${(error as Error).message}`);
      report.failed.push(candidate.id);
    }
  }
  await checkPublished(call, report, list.supporters, keys.publicKey, print);
  print(
    `${report.signed.length} signed, ${report.declined.length} not signed, ` +
      `${report.current.length} already current, ${report.failed.length} failed.`,
  );
  return report;
}

/** The candidate a supporter is, or null when their entry is signed as it is. */
async function assess(
  supporter: SupporterHealth,
  operatorPublicKey: Uint8Array,
): Promise<Candidate | null> {
  const { id, name, boxPublicKey, active, lastSigned } = supporter;
  const base = {
    id,
    name,
    active,
    boxPublicKey,
    fingerprint: await fingerprintOf(boxPublicKey),
    version: (lastSigned?.version ?? 0) + 1,
  };
  if (lastSigned === undefined) return { ...base, change: 'unsigned' };
  if (!(await verifyEntry({ id, ...lastSigned }, operatorPublicKey))) {
    return { ...base, change: 'unverified' };
  }
  const previous = { ...lastSigned, fingerprint: await fingerprintOf(lastSigned.boxPublicKey) };
  if (lastSigned.boxPublicKey !== boxPublicKey) return { ...base, change: 'key-changed', previous };
  if (lastSigned.name !== name) return { ...base, change: 'name-changed', previous };
  return null;
}

async function fingerprintOf(boxPublicKey: string): Promise<string> {
  try {
    return await fingerprint(fromB64(boxPublicKey));
  } catch {
    return '(not a valid key)';
  }
}

/** The lines the operator reads before answering; the changes of key stand out. */
export function describeCandidate(candidate: Candidate): string {
  const who = `${candidate.name} (id ${candidate.id}${candidate.active ? '' : ', inactive'})`;
  const { previous } = candidate;
  switch (candidate.change) {
    case 'unsigned':
      return `\nNot yet signed: ${who}\n  fingerprint ${candidate.fingerprint}`;
    case 'name-changed':
      return (
        `\nName changed: ${who}, signed as "${previous?.name}" in version ${previous?.version}\n` +
        `  fingerprint ${candidate.fingerprint} (unchanged)`
      );
    case 'key-changed':
      return [
        '',
        `!!! KEY CHANGE: ${who}`,
        `!!!   key signed in version ${previous?.version}: ${previous?.fingerprint}`,
        `!!!   key the relay has now:      ${candidate.fingerprint}`,
        '!!! A supporter keeps their key when they change devices. Sign only if they told you',
        '!!! themselves (by phone, not through the relay) that this new fingerprint is theirs.',
      ].join('\n');
    case 'unverified':
      return [
        '',
        `!!! KEY NOT CONFIRMED: ${who}`,
        '!!!   the relay says this entry was signed, but that signature does not verify under',
        '!!!   your key: the database was altered, or it was signed with another operator key.',
        `!!!   key the relay has now: ${candidate.fingerprint}`,
        '!!! Sign only if the supporter told you themselves that this fingerprint is theirs.',
      ].join('\n');
  }
}

/** After signing: every active entry signed now must verify in the public directory as served. */
async function checkPublished(
  call: RelayCall,
  report: SigningReport,
  supporters: SupporterHealth[],
  operatorPublicKey: Uint8Array,
  print: (line: string) => void,
): Promise<void> {
  const active = new Set(supporters.filter((s) => s.active).map((s) => s.id));
  const toCheck = report.signed.filter((id) => active.has(id));
  if (toCheck.length === 0) return;
  const directory = await call<{ supporters: Supporter[] }>('GET', '/api/v1/supporters');
  for (const id of toCheck) {
    const entry = directory.supporters.find((s) => s.id === id);
    if (entry !== undefined && (await verifyEntry(entry, operatorPublicKey))) continue;
    print(`!!! ${id}: the directory does not serve a verifying entry (changed meanwhile?).`);
    report.signed = report.signed.filter((signed) => signed !== id);
    report.failed.push(id);
  }
}

type RelayCall = <T>(method: string, path: string, body?: unknown) => Promise<T>;

/** JSON calls to the relay with the operator token; an error answer throws its message. */
function relayClient(options: SignDirectoryOptions): RelayCall {
  const origin = relayOrigin(options.relay);
  const send = options.fetch ?? fetch;
  return async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await send(`${origin}${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${options.operatorToken}`,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(30_000),
    }).catch((cause: unknown) => {
      throw new Error(`cannot reach ${origin} (${(cause as Error).message}).`, { cause });
    });
    const answer = (await response.json().catch(() => null)) as
      | (T & { error?: { code: string; message: string } })
      | null;
    if (!response.ok || answer === null) {
      const error = answer?.error;
      throw new Error(
        error ? `${error.code}: ${error.message}` : `${method} ${path} answered ${response.status}`,
      );
    }
    return answer;
  };
}
