/**
 * The OpenAPI 3.1 document at `GET /api/v1/openapi.json` (issue 17 item 6):
 * valid OpenAPI 3.1 (checked by @apidevtools/swagger-parser), every endpoint and error code of PROTOCOL.md (and of the tables of
 * docs/protocol.md §9) is in it, every route the app really has is
 * described, request schemas are the ones the routes validate with, and
 * operator routes carry the operator's bearer scheme.
 *
 * PROTOCOL.md lives outside this repository, so its endpoints and codes are
 * written out here, as it states them.
 */
import SwaggerParser from '@apidevtools/swagger-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../support/harness.ts';

/** Every endpoint PROTOCOL.md names (§6, §10.2, §10.3, §12, §13), as `METHOD /path`. */
const PROTOCOL_ENDPOINTS = [
  'GET /api/v1/supporters',
  'GET /api/v1/supporters/{id}',
  'GET /api/v1/pow',
  'POST /api/v1/messages',
  'POST /api/v1/mailbox/open',
  'POST /api/v1/mailbox/ack',
  'POST /api/v1/mailbox/delete',
  'POST /api/v1/supporters',
  'POST /api/v1/session/params',
  'POST /api/v1/session',
  'DELETE /api/v1/session',
  'GET /api/v1/inbox',
  'POST /api/v1/inbox/ack',
  'POST /api/v1/replies',
  'PATCH /api/v1/me',
  'PUT /api/v1/me/vault',
  'DELETE /api/v1/me',
  'POST /api/v1/archive',
  'GET /api/v1/archive',
  'POST /api/v1/archive/delete',
  'POST /api/v1/invites/check',
  'GET /api/v1/vocabulary',
  'POST /api/v1/admin/invites',
  'GET /api/v1/admin/supporters',
  'PATCH /api/v1/admin/supporters/{id}',
  'PUT /api/v1/admin/supporters/{id}/signature',
  'GET /api/v1/admin/health',
  'GET /metrics',
  'GET /healthz',
  'GET /readyz',
];

/**
 * Every error code with the endpoint and status that PROTOCOL.md or the
 * tables of docs/protocol.md §9 give it. Codes of every route (`not_found`,
 * `method_not_allowed`) are checked apart.
 */
const PROTOCOL_ERRORS: [endpoint: string, status: number, code: string][] = [
  ['POST /api/v1/messages', 400, 'bad_encoding'],
  ['POST /api/v1/messages', 400, 'bad_padding'],
  ['POST /api/v1/messages', 400, 'bad_pow'],
  ['POST /api/v1/messages', 400, 'invalid_json'],
  ['POST /api/v1/messages', 400, 'invalid_request'],
  ['POST /api/v1/messages', 413, 'payload_too_large'],
  ['POST /api/v1/messages', 415, 'unsupported_media_type'],
  ['POST /api/v1/messages', 404, 'supporter_not_found'],
  ['POST /api/v1/messages', 409, 'supporter_away'],
  ['POST /api/v1/messages', 409, 'duplicate_ciphertext'],
  ['POST /api/v1/messages', 403, 'mailbox_forbidden'],
  ['POST /api/v1/messages', 410, 'mailbox_deleted'],
  ['POST /api/v1/messages', 429, 'inbox_full'],
  ['POST /api/v1/messages', 429, 'relay_busy'],
  ['POST /api/v1/messages', 500, 'internal_error'],
  ['GET /api/v1/supporters', 400, 'invalid_request'],
  ['GET /api/v1/supporters/{id}', 404, 'supporter_not_found'],
  ['POST /api/v1/mailbox/open', 404, 'mailbox_not_found'],
  ['POST /api/v1/mailbox/ack', 404, 'mailbox_not_found'],
  ['POST /api/v1/mailbox/delete', 404, 'mailbox_not_found'],
  ['POST /api/v1/supporters', 400, 'weak_kdf'],
  ['POST /api/v1/supporters', 400, 'unknown_value'],
  ['POST /api/v1/supporters', 400, 'invisible_characters'],
  ['POST /api/v1/supporters', 404, 'invite_not_found'],
  ['POST /api/v1/supporters', 410, 'invite_used'],
  ['POST /api/v1/supporters', 410, 'invite_expired'],
  ['POST /api/v1/supporters', 409, 'login_taken'],
  ['POST /api/v1/invites/check', 404, 'invite_not_found'],
  ['POST /api/v1/invites/check', 410, 'invite_used'],
  ['POST /api/v1/invites/check', 410, 'invite_expired'],
  ['POST /api/v1/session/params', 400, 'invalid_request'],
  ['POST /api/v1/session', 400, 'bad_pow'],
  ['POST /api/v1/session', 401, 'invalid_credentials'],
  ['POST /api/v1/session', 403, 'supporter_inactive'],
  ['DELETE /api/v1/session', 401, 'unauthorized'],
  ['GET /api/v1/inbox', 401, 'unauthorized'],
  ['POST /api/v1/inbox/ack', 401, 'unauthorized'],
  ['POST /api/v1/replies', 400, 'bad_padding'],
  ['POST /api/v1/replies', 404, 'mailbox_not_found'],
  ['POST /api/v1/replies', 409, 'duplicate_ciphertext'],
  ['POST /api/v1/replies', 429, 'mailbox_full'],
  ['PATCH /api/v1/me', 400, 'unknown_value'],
  ['PATCH /api/v1/me', 400, 'invisible_characters'],
  ['PATCH /api/v1/me', 400, 'invalid_webhook_url'],
  ['PATCH /api/v1/me', 400, 'webhook_not_public'],
  ['PATCH /api/v1/me', 400, 'email_missing'],
  ['PATCH /api/v1/me', 400, 'email_unavailable'],
  ['PUT /api/v1/me/vault', 400, 'weak_kdf'],
  ['PUT /api/v1/me/vault', 400, 'bad_pow'],
  ['PUT /api/v1/me/vault', 401, 'invalid_credentials'],
  ['DELETE /api/v1/me', 401, 'unauthorized'],
  ['POST /api/v1/archive', 400, 'bad_padding'],
  ['POST /api/v1/archive', 429, 'archive_full'],
  ['GET /api/v1/archive', 400, 'bad_cursor'],
  ['POST /api/v1/admin/invites', 401, 'unauthorized'],
  ['PATCH /api/v1/admin/supporters/{id}', 404, 'supporter_not_found'],
  ['PUT /api/v1/admin/supporters/{id}/signature', 400, 'bad_encoding'],
  ['PUT /api/v1/admin/supporters/{id}/signature', 400, 'invalid_request'],
  ['PUT /api/v1/admin/supporters/{id}/signature', 401, 'unauthorized'],
  ['PUT /api/v1/admin/supporters/{id}/signature', 404, 'supporter_not_found'],
  ['PUT /api/v1/admin/supporters/{id}/signature', 409, 'stale_version'],
  ['GET /metrics', 401, 'unauthorized'],
  ['GET /readyz', 503, 'not_ready'],
];

interface Operation {
  summary?: string;
  security?: Record<string, string[]>[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
  parameters?: { in: string; name: string }[];
  responses: Record<string, { content?: Record<string, { schema?: JsonSchema }> }>;
}
interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  allOf?: JsonSchema[];
  enum?: string[];
}
interface Document {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, JsonSchema>; responses: Record<string, unknown> };
}

let harness: Harness;
let document: Document;
beforeAll(async () => {
  harness = await createHarness();
  const response = await harness.request('GET', '/api/v1/openapi.json');
  expect(response.status).toBe(200);
  document = response.body;
});
afterAll(() => harness?.dispose());

function operation(endpoint: string): Operation | undefined {
  const [method, path] = endpoint.split(' ') as [string, string];
  return document.paths[path]?.[method.toLowerCase()];
}

/** The error codes an operation lists for a status (its schema's `code` enum). */
function codesOf(endpoint: string, status: number): string[] {
  const schema =
    operation(endpoint)?.responses[String(status)]?.content?.['application/json']?.schema;
  return schema?.allOf?.[1]?.properties?.error?.properties?.code?.enum ?? [];
}

describe('GET /api/v1/openapi.json', () => {
  it('is OpenAPI 3.1, public and cacheable like /vocabulary', async () => {
    expect(document.openapi).toBe('3.1.0');
    const response = await harness.request('GET', '/api/v1/openapi.json');
    expect(response.headers.get('Cache-Control')).toBe('public, max-age=3600, no-transform');
    expect(response.headers.get('Set-Cookie')).toBeNull();
  });

  it('is a valid OpenAPI 3.1 document, its references resolved', async () => {
    // The validator resolves references in place, so it gets a copy.
    const validated = await SwaggerParser.validate(structuredClone(document) as never);
    expect('openapi' in validated && validated.openapi).toBe('3.1.0');
  });

  it('describes every endpoint of PROTOCOL.md', () => {
    const missing = PROTOCOL_ENDPOINTS.filter((endpoint) => operation(endpoint) === undefined);
    expect(missing).toEqual([]);
  });

  it('gives every error code of PROTOCOL.md its endpoint and status', () => {
    const missing = PROTOCOL_ERRORS.filter(
      ([endpoint, status, code]) => !codesOf(endpoint, status).includes(code),
    );
    expect(missing).toEqual([]);
  });

  it('lists the answers of any path once: not_found and method_not_allowed', () => {
    const text = JSON.stringify(document.components.responses);
    expect(text).toContain('"not_found"');
    expect(text).toContain('"method_not_allowed"');
  });

  it('describes every route the app has, each with a summary and the shared error shape', () => {
    const routes = harness.app.routes
      .filter((route) => route.method !== 'ALL')
      .map((route) => `${route.method} ${route.path.replace(/:(\w+)/g, '{$1}')}`);
    const undescribed = [...new Set(routes)].filter(
      (endpoint) => operation(endpoint) === undefined,
    );
    expect(undescribed).toEqual([]);
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const [method, described] of Object.entries(operations)) {
        expect(described.summary, `${method} ${path}`).toBeTruthy();
        expect(codesOf(`${method.toUpperCase()} ${path}`, 500)).toEqual(['internal_error']);
      }
    }
    const error = document.components.schemas.Error;
    expect(error?.required).toEqual(['error']);
    expect(error?.properties?.error?.required).toEqual(['code', 'message']);
  });

  it('has the operator bearer scheme on operator routes, the session on supporter routes, none for doctors', () => {
    expect(operation('GET /api/v1/admin/health')?.security).toEqual([{ operatorToken: [] }]);
    expect(operation('PATCH /api/v1/admin/supporters/{id}')?.security).toEqual([
      { operatorToken: [] },
    ]);
    expect(operation('GET /metrics')?.security).toEqual([{ operatorToken: [] }]);
    expect(operation('GET /api/v1/inbox')?.security).toEqual([{ supporterSession: [] }]);
    expect(operation('POST /api/v1/messages')?.security).toEqual([]);
    expect(operation('POST /api/v1/mailbox/open')?.security).toEqual([]);
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const described of Object.values(operations)) {
        const schemes = described.security?.flatMap((entry) => Object.keys(entry)) ?? [];
        expect(schemes.includes('operatorToken'), path).toBe(
          path.startsWith('/api/v1/admin/') || path === '/metrics',
        );
      }
    }
  });

  it('shows request bodies and queries from the schemas the routes validate with', () => {
    const body =
      operation('POST /api/v1/messages')?.requestBody?.content['application/json']?.schema;
    expect(body?.type).toBe('object');
    expect(body?.required).toEqual(['supporterId', 'ciphertext', 'mailbox']);
    expect(body?.properties?.mailbox?.required).toEqual(['id', 'readToken']);
    const vault =
      operation('PUT /api/v1/me/vault')?.requestBody?.content['application/json']?.schema;
    expect(vault?.properties?.vault?.properties?.opslimit).toMatchObject({
      type: 'integer',
      minimum: 3,
    });
    const query = operation('GET /api/v1/supporters')?.parameters?.map((p) => `${p.in} ${p.name}`);
    expect(query).toEqual(['query county', 'query specialty', 'query language', 'query modality']);
  });
});
