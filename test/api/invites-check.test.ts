/**
 * `POST /api/v1/invites/check` (PROTOCOL.md §12): a join page asks whether
 * an invite can still be used before anything is typed. The answers are
 * registration's own (404 `invite_not_found`, 410 `invite_used` or
 * `invite_expired`), and asking changes nothing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { admin, createInvite, register, registrationFor } from '../support/actors.ts';
import { randomB64 } from '../support/bytes.ts';
import { snapshot } from '../support/database.ts';
import { expectError } from '../support/expect-error.ts';
import { createHarness, type Harness } from '../support/harness.ts';
import { NOT_STORED } from '../support/headers.ts';

let harness: Harness;
afterEach(() => harness?.dispose());

function check(body: unknown) {
  return harness.request('POST', '/api/v1/invites/check', { body });
}

describe('POST /api/v1/invites/check', () => {
  it('answers 200 {valid, expiresAt} for an unused invite, with the hour the operator was told', async () => {
    harness = await createHarness();
    const issued = await admin(harness, 'POST', '/api/v1/admin/invites', {});
    expect(issued.status).toBe(201);
    const response = await check({ invite: issued.body.token });
    expect(response.status, response.text).toBe(200);
    expect(response.body).toStrictEqual({ valid: true, expiresAt: issued.body.expiresAt });
    // The fake clock's 14:00 hour plus the default 14 days.
    expect(response.body.expiresAt).toBe('2026-12-11T14:00:00Z');
    expect(response.headers.get('Cache-Control')).toBe(NOT_STORED);
  });

  it('changes nothing: checked twice, the invite still registers, once', async () => {
    harness = await createHarness();
    const invite = (await createInvite(harness)).token;
    const before = await snapshot(harness);
    expect((await check({ invite })).status).toBe(200);
    expect((await check({ invite })).status).toBe(200);
    expect(await snapshot(harness)).toEqual(before);

    const registration = await registrationFor(harness, { invite });
    expect((await register(harness, registration.body)).status).toBe(201);
    expectError(await check({ invite }), 410, 'invite_used');
  });

  it('answers 410 invite_used for a used invite, whether or not it has expired since', async () => {
    harness = await createHarness();
    const invite = (await createInvite(harness)).token;
    expect(
      (await register(harness, (await registrationFor(harness, { invite })).body)).status,
    ).toBe(201);
    expectError(await check({ invite }), 410, 'invite_used');
    harness.clock.advanceHours(15 * 24);
    expectError(await check({ invite }), 410, 'invite_used');
  });

  it('answers 200 until the last hour of the invite, then 410 invite_expired, as registration does', async () => {
    harness = await createHarness();
    const invite = (await createInvite(harness)).token;
    harness.clock.advanceHours(14 * 24 - 1);
    expect((await check({ invite })).status).toBe(200);
    harness.clock.advanceHours(1);
    expectError(await check({ invite }), 410, 'invite_expired');
    const late = await registrationFor(harness, { invite });
    expectError(await register(harness, late.body), 410, 'invite_expired');
  });

  it('answers 404 invite_not_found for a token this relay never issued', async () => {
    harness = await createHarness();
    await createInvite(harness);
    expectError(await check({ invite: randomB64(32) }), 404, 'invite_not_found');
  });

  it('validates the body like every route: 400 invalid_request or bad_encoding, 415, 400 invalid_json', async () => {
    harness = await createHarness();
    const invite = (await createInvite(harness)).token;
    expectError(await check({}), 400, 'invalid_request');
    expectError(await check({ invite: 42 }), 400, 'invalid_request');
    expectError(await check([invite]), 400, 'invalid_request');
    expectError(await check({ invite: `${invite}=` }), 400, 'bad_encoding');
    expectError(await check({ invite: 'not+base64/url' }), 400, 'bad_encoding');
    expectError(await check('{"invite":'), 400, 'invalid_json');
    const asText = await harness.request('POST', '/api/v1/invites/check', {
      body: JSON.stringify({ invite }),
      headers: { 'Content-Type': 'text/plain' },
    });
    expectError(asText, 415, 'unsupported_media_type');
    expectError(await harness.request('GET', '/api/v1/invites/check'), 405, 'method_not_allowed');
    // None of these touched the invite.
    expect((await check({ invite })).status).toBe(200);
  });
});
