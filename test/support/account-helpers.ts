/**
 * Helpers for the supporter-account and operator tests: registration bodies
 * whose vault and keys the test keeps, logins, submissions and replies with
 * the real protocol library, raw reads of the database file, and an
 * assertion for PROTOCOL.md's error shape.
 */
import { expect } from 'vitest';
import { type DoctorMessage, newSupporterKeys, toB64 } from '../../web/src/protocol/index.ts';
import { postReply as sealAndPostReply } from './doctor-helpers.ts';
import {
  type ApiResponse,
  createInvite,
  firstContactBody,
  type Harness,
  OPERATOR_TOKEN,
  placeholderVault,
  sampleProfile,
  type TestDoctor,
  type TestSupporter,
} from './harness.ts';

export function randomB64(length: number): string {
  return toB64(crypto.getRandomValues(new Uint8Array(length)));
}

/** Asserts PROTOCOL.md's error shape with an exact status and code. */
export function expectError(response: ApiResponse, status: number, code: string): void {
  expect({ status: response.status, code: response.body?.error?.code }).toEqual({ status, code });
  expect(response.body).toEqual({ error: { code, message: expect.any(String) } });
}

export interface Registration {
  body: {
    invite: string;
    login: string;
    email?: string;
    profile: typeof sampleProfile;
    boxPublicKey: string;
    vault: ReturnType<typeof placeholderVault>;
    authKey: string;
  };
  publicKey: Uint8Array;
  secretKey: Uint8Array;
}

/** A valid registration body with fresh keys (and a fresh invite unless one is given). */
export async function registrationFor(
  harness: Harness,
  options: {
    login: string;
    invite?: string;
    email?: string;
    profile?: Partial<typeof sampleProfile>;
  },
): Promise<Registration> {
  const keys = await newSupporterKeys();
  return {
    body: {
      invite: options.invite ?? (await createInvite(harness)),
      login: options.login,
      ...(options.email === undefined ? {} : { email: options.email }),
      profile: { ...sampleProfile, ...options.profile },
      boxPublicKey: toB64(keys.publicKey),
      vault: placeholderVault(),
      authKey: randomB64(32),
    },
    publicKey: keys.publicKey,
    secretKey: keys.secretKey,
  };
}

export function register(harness: Harness, body: unknown): Promise<ApiResponse> {
  return harness.request('POST', '/api/v1/supporters', { body });
}

export function logIn(harness: Harness, login: string, authKey: string): Promise<ApiResponse> {
  return harness.request('POST', '/api/v1/session', { body: { login, authKey } });
}

/** Registers and logs in; the result carries the vault and keys the test chose. */
export async function joinWithVault(
  harness: Harness,
  options: { login: string; email?: string; profile?: Partial<typeof sampleProfile> },
): Promise<TestSupporter & { vault: Registration['body']['vault'] }> {
  const registration = await registrationFor(harness, options);
  const registered = await register(harness, registration.body);
  if (registered.status !== 201) throw new Error(`register failed: ${registered.text}`);
  const session = await logIn(harness, options.login, registration.body.authKey);
  if (session.status !== 200) throw new Error(`login failed: ${session.text}`);
  return {
    id: registered.body.id,
    login: options.login,
    token: session.body.token,
    authKey: registration.body.authKey,
    publicKey: registration.publicKey,
    secretKey: registration.secretKey,
    name: registration.body.profile.name,
    vault: registration.body.vault,
  };
}

/** Seals and posts a first contact; fails the test unless it is queued (202). */
export async function submitFirstContact(
  harness: Harness,
  doctor: TestDoctor,
  supporter: TestSupporter,
  text = 'Hello',
): Promise<{ id: string; message: DoctorMessage; expiresAt: string }> {
  const { sealed, body } = await firstContactBody(doctor, supporter, text);
  const response = await harness.request('POST', '/api/v1/messages', { body });
  expect(response.status, response.text).toBe(202);
  return { id: sealed.id, message: sealed.message, expiresAt: response.body.expiresAt };
}

/** Seals a reply to `message` with the supporter's key and posts it (doctor-helpers' `postReply`). */
export async function postReply(
  harness: Harness,
  supporter: TestSupporter,
  message: DoctorMessage,
  text = 'Thank you for writing.',
): Promise<{ id: string; response: ApiResponse; body: { mailboxId: string; ciphertext: string } }> {
  const { reply, response } = await sealAndPostReply(harness, supporter, message, text);
  const body = { mailboxId: reply.mailboxId, ciphertext: toB64(reply.ciphertext) };
  return { id: reply.id, response, body };
}

export function ackInbox(harness: Harness, token: string, ids: string[]): Promise<ApiResponse> {
  return harness.request('POST', '/api/v1/inbox/ack', { token, body: { ids } });
}

export function openMailbox(harness: Harness, doctor: TestDoctor): Promise<ApiResponse> {
  return harness.request('POST', '/api/v1/mailbox/open', { body: doctor.key });
}

export function admin(
  harness: Harness,
  method: string,
  path: string,
  body?: unknown,
): Promise<ApiResponse> {
  return harness.request(method, path, {
    token: OPERATOR_TOKEN,
    ...(body === undefined ? {} : { body }),
  });
}

/** Every row of a table, read straight from the database file. */
export async function tableRows(harness: Harness, table: string): Promise<unknown[]> {
  const result = await harness.node.store.client.execute(`select * from ${table}`);
  return result.rows.map((row) => ({ ...row }));
}
