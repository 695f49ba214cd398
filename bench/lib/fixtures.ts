/**
 * @module
 * What the load is made of: supporters with real key pairs, enrolled on the
 * relay through its own API (operator invite, registration, login), and
 * first-contact messages really sealed to them, each by its own doctor (reply
 * code), so every ciphertext is distinct and padded exactly as a browser would
 * send it. Supporters and doctors are the tests' actors (test/support/actors.ts).
 * Sealing happens before any timing, and before any relay runs: the same
 * sealed pool serves every server measured.
 */
import {
  joinSupporter,
  newDoctor,
  overHttp,
  requireStatus,
  submit,
} from '../../test/support/actors.ts';
import { type BoxKeyPair, newSupporterKeys, toB64 } from '../../web/src/protocol/index.ts';

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
    const doctor = await newDoctor();
    const { ciphertext } = await doctor.seal(keys[supporter]!.publicKey, `${SAMPLE_TEXT} (${i})`, {
      prefs: { modalities: ['phone'] },
    });
    sealed.push({ supporter, ciphertext: toB64(ciphertext), mailbox: doctor.key });
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

/** Enrols one supporter per key pair on the relay: invite, registration, login. */
export async function enrolOnRelay(url: string, keys: readonly BoxKeyPair[]): Promise<Enrolled[]> {
  const relay = overHttp(url, OPERATOR_TOKEN);
  const enrolled: Enrolled[] = [];
  for (const [i, key] of keys.entries()) {
    // A placeholder vault: the relay stores it without reading it (the browser
    // section measures a real one).
    const supporter = await joinSupporter(relay, {
      keys: key,
      login: `bench-supporter-${i}`,
      wholeProfile: true,
      profile: {
        name: `Bench Supporter ${i}`,
        county: 'Vestland',
        town: 'Bergen',
        specialties: ['psychiatry'],
        languages: ['nb', 'en'],
        modalities: ['in-person', 'phone', 'video'],
      },
    });
    enrolled.push({ id: supporter.id, token: supporter.token });
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
  const relay = overHttp(url, OPERATOR_TOKEN);
  for (const submission of submissions) {
    requireStatus(await submit(relay, submissionBody(submission, enrolled)), 202, 'seeding');
  }
}
