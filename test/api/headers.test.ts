/**
 * Privacy promise 6 and the security headers, table-driven over every route
 * the relay answers: every API endpoint (as a success where a plain request
 * can succeed, and as an error), every page, every built asset, the asset
 * list, health, metrics and unknown addresses.
 */
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { staticFiles } from '../../src/static-files.ts';
import { joinSupporter } from '../support/actors.ts';
import { createHarness, type Harness, OPERATOR_TOKEN } from '../support/harness.ts';
import { CONTENT_SECURITY_POLICY, NOT_STORED } from '../support/headers.ts';

let harness: Harness;
let app: Hono;
let supporterToken: string;
let supporterId: string;
let assetPaths: string[];

beforeAll(async () => {
  harness = await createHarness();
  app = createApp({
    relay: harness.relay,
    version: 'test',
    startedAt: harness.clock.now(),
    assets: staticFiles('web/dist'),
  });
  const supporter = await joinSupporter(harness);
  supporterToken = supporter.token;
  supporterId = supporter.id;
  const manifest = (await (await app.request('/.well-known/peer-relay-assets.json')).json()) as {
    assets: { path: string }[];
  };
  assetPaths = manifest.assets.map((asset) => asset.path);
});
afterAll(() => harness?.dispose());

type Auth = 'none' | 'supporter' | 'operator';
const api: [method: string, path: string, auth: Auth, body?: unknown][] = [
  ['GET', '/api/v1/supporters', 'none'],
  ['GET', '/api/v1/supporters/SUPPORTER', 'none'],
  ['GET', '/api/v1/supporters/unknown', 'none'],
  ['GET', '/api/v1/pow', 'none'],
  ['GET', '/api/v1/site', 'none'],
  ['POST', '/api/v1/messages', 'none', {}],
  ['POST', '/api/v1/mailbox/open', 'none', {}],
  ['POST', '/api/v1/mailbox/ack', 'none', {}],
  ['POST', '/api/v1/supporters', 'none', {}],
  ['POST', '/api/v1/session/params', 'none', { login: 'someone' }],
  ['POST', '/api/v1/session', 'none', { login: 'someone', authKey: 'AAAA' }],
  ['DELETE', '/api/v1/session', 'none'],
  ['GET', '/api/v1/inbox', 'supporter'],
  ['GET', '/api/v1/inbox', 'none'],
  ['POST', '/api/v1/inbox/ack', 'supporter', { ids: [] }],
  ['POST', '/api/v1/replies', 'supporter', {}],
  ['GET', '/api/v1/me', 'supporter'],
  ['PATCH', '/api/v1/me', 'supporter', {}],
  ['PUT', '/api/v1/me/vault', 'supporter', {}],
  ['DELETE', '/api/v1/me', 'none'],
  ['POST', '/api/v1/admin/invites', 'operator', {}],
  ['GET', '/api/v1/admin/supporters', 'operator'],
  ['PATCH', '/api/v1/admin/supporters/unknown', 'operator', { active: true }],
  ['GET', '/api/v1/admin/health', 'operator'],
  ['GET', '/api/v1/admin/health', 'none'],
  ['PUT', '/api/v1/pow', 'none'],
  ['GET', '/api/v1/no-such-endpoint', 'none'],
];

async function call(method: string, path: string, auth: Auth, body?: unknown) {
  const headers: Record<string, string> = {};
  if (auth === 'supporter') headers.Authorization = `Bearer ${supporterToken}`;
  if (auth === 'operator') headers.Authorization = `Bearer ${OPERATOR_TOKEN}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  return app.request(path.replace('SUPPORTER', supporterId), {
    method,
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

function expectCommonHeaders(response: Response) {
  expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
  expect(response.headers.get('Referrer-Policy')).toBe('no-referrer');
  expect(response.headers.get('Cross-Origin-Opener-Policy')).toBe('same-origin');
  expect(response.headers.get('Cross-Origin-Resource-Policy')).toBe('same-origin');
  expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
  expect(response.headers.get('Set-Cookie')).toBeNull();
  expect(response.headers.get('Strict-Transport-Security')).toBeNull();
}

describe('headers on every API endpoint', () => {
  it.each(api)('%s %s (%s)', async (method, path, auth, body) => {
    const response = await call(method, path, auth, body);
    expectCommonHeaders(response);
    expect(response.headers.get('Cache-Control')).toBe(NOT_STORED);
    expect(response.headers.get('Content-Type')).toMatch(/^application\/json/);
  });
});

describe('headers on every page, asset and other address', () => {
  it('holds for every page and every file of the built web client', async () => {
    const paths = ['/', '/write', '/mailbox', '/supporter/join', '/supporter', ...assetPaths];
    expect(paths.length).toBeGreaterThan(15);
    for (const path of paths) {
      const response = await app.request(path);
      expect(response.status, path).toBe(200);
      expectCommonHeaders(response);
      // The pages are never kept by a browser or a proxy (docs/protocol.md §11);
      // hashed chunks are kept a year, the rest revalidated (docs/deploy.md).
      const cacheControl = response.headers.get('Cache-Control');
      if (response.headers.get('Content-Type')?.startsWith('text/html')) {
        expect(cacheControl, path).toBe('no-store');
      } else if (path.startsWith('/assets/chunks/')) {
        expect(cacheControl, path).toBe('public, max-age=31536000, immutable');
      } else {
        expect(cacheControl, path).toBe('no-cache');
      }
      expect(response.headers.get('Vary'), path).toBe('Accept-Encoding');
    }
  });

  it.each([
    ['/healthz', 'none' as Auth],
    ['/readyz', 'none' as Auth],
    ['/metrics', 'operator' as Auth],
    ['/metrics', 'none' as Auth],
    ['/.well-known/peer-relay-assets.json', 'none' as Auth],
    ['/no/such/page', 'none' as Auth],
  ])('holds for %s (%s)', async (path, auth) => {
    expectCommonHeaders(await call('GET', path, auth));
  });
});
