/**
 * @module
 * What the load is made of: supporters with real key pairs, enrolled on the
 * relay through its own API (operator invite, registration, login), and
 * first-contact messages really sealed to them with the protocol library,
 * each from its own reply code, so every ciphertext is distinct and padded
 * exactly as a browser would send it. Sealing happens before any timing.
 */
import {
  type BoxKeyPair,
  deriveMailbox,
  newReplyCode,
  newSupporterKeys,
  sealFirstContact,
  toB64,
} from '../../web/src/protocol/index.ts';

export const OPERATOR_TOKEN = 'bench-operator-token-0123456789abcdef0123456789';

/** A sealed first contact, ready to be addressed to the supporter it was sealed for. */
export interface SealedSubmission {
  /** Index into the supporter key list. */
  supporter: number;
  /** `b64` of 1024·n + 48 bytes. */
  ciphertext: string;
  mailbox: { id: string; readToken: string };
}

/** A supporter as a server under test knows them. */
export interface Enrolled {
  id: string;
  /** Bearer token for the inbox. */
  token: string;
}

// About 600 characters: with the envelope, one 1 KiB block, as most first contacts are.
const SAMPLE_TEXT =
  'I have not slept properly for weeks and I am scared of making a mistake at work. ' +
  'I am a registrar in a busy department, and since a difficult case in the spring I ' +
  'go over every decision again at night. My partner says I should talk to someone, ' +
  'but I do not want this in my records or to be seen by colleagues. I would like to ' +
  'talk to another doctor who understands what this job is like, ideally by phone in ' +
  'the evening. I can also meet in person if that is easier for you. Thank you for ' +
  'reading this, it already helps a little to have written it down somewhere safe.';

export function supporterKeys(count: number): Promise<BoxKeyPair[]> {
  return Promise.all(Array.from({ length: count }, () => newSupporterKeys()));
}

/** `count` first contacts, round-robin over `keys`, each from a fresh reply code. */
export async function sealSubmissions(
  count: number,
  keys: readonly BoxKeyPair[],
): Promise<SealedSubmission[]> {
  const sealed: SealedSubmission[] = [];
  for (let i = 0; i < count; i++) {
    const supporter = i % keys.length;
    const mailbox = await deriveMailbox(await newReplyCode());
    const { ciphertext } = await sealFirstContact(
      { text: `${SAMPLE_TEXT} (${i})`, mailbox, prefs: { modalities: ['phone'] } },
      keys[supporter]!.publicKey,
    );
    sealed.push({
      supporter,
      ciphertext: toB64(ciphertext),
      mailbox: { id: mailbox.mailboxId, readToken: mailbox.readToken },
    });
  }
  return sealed;
}

/** The JSON body of `POST /api/v1/messages` (no proof of work: the relay runs at difficulty 0). */
export function submissionBody(
  submission: SealedSubmission,
  enrolled: readonly Enrolled[],
): string {
  return JSON.stringify({
    supporterId: enrolled[submission.supporter]!.id,
    ciphertext: submission.ciphertext,
    mailbox: submission.mailbox,
  });
}

async function call(
  url: string,
  method: string,
  body: unknown,
  token?: string,
): Promise<Record<string, unknown>> {
  const response = await fetch(url, {
    method,
    headers: {
      'Content-Type': 'application/json',
      ...(token === undefined ? {} : { Authorization: `Bearer ${token}` }),
    },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${text}`);
  return JSON.parse(text) as Record<string, unknown>;
}

/** Enrols one supporter per key pair on the relay: invite, registration, login. */
export async function enrolOnRelay(url: string, keys: readonly BoxKeyPair[]): Promise<Enrolled[]> {
  const enrolled: Enrolled[] = [];
  for (const [i, key] of keys.entries()) {
    const invite = await call(`${url}/api/v1/admin/invites`, 'POST', {}, OPERATOR_TOKEN);
    const login = `bench-supporter-${i}`;
    const authKey = toB64(crypto.getRandomValues(new Uint8Array(32)));
    const registered = await call(`${url}/api/v1/supporters`, 'POST', {
      invite: invite.token,
      login,
      profile: {
        name: `Bench Supporter ${i}`,
        county: 'Vestland',
        town: 'Bergen',
        specialties: ['psychiatry'],
        languages: ['nb', 'en'],
        modalities: ['in-person', 'phone', 'video'],
      },
      boxPublicKey: toB64(key.publicKey),
      // The relay stores the vault without reading it; its own cost is measured in the browser.
      vault: {
        salt: toB64(crypto.getRandomValues(new Uint8Array(16))),
        opslimit: 3,
        memlimit: 67_108_864,
        ciphertext: toB64(crypto.getRandomValues(new Uint8Array(108))),
      },
      authKey,
    });
    const session = await call(`${url}/api/v1/session`, 'POST', { login, authKey });
    enrolled.push({ id: String(registered.id), token: String(session.token) });
  }
  return enrolled;
}

/** The minimal store knows supporters only by name; the bearer token is that name. */
export function enrolOnMinimal(keys: readonly BoxKeyPair[]): Enrolled[] {
  return keys.map((_, i) => ({ id: `supporter-${i}`, token: `supporter-${i}` }));
}

/** Submits `submissions` one after another (to seed an inbox); throws on any refusal. */
export async function submitAll(
  url: string,
  submissions: readonly SealedSubmission[],
  enrolled: readonly Enrolled[],
): Promise<void> {
  for (const submission of submissions) {
    const response = await fetch(`${url}/api/v1/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: submissionBody(submission, enrolled),
    });
    const text = await response.text();
    if (response.status !== 202) throw new Error(`seeding: ${response.status} ${text}`);
  }
}
