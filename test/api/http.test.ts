/**
 * The HTTP surface of the relay, whatever the route: security headers on
 * every kind of response, the PROTOCOL.md §6 error shape for every failure,
 * and errors that never echo what the request carried.
 */
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import type { Hono } from 'hono';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { staticFiles } from '../../src/static-files.ts';
import { toB64 } from '../../web/src/protocol/index.ts';
import { joinSupporter, newDoctor, registrationFor } from '../support/actors.ts';
import { expectError } from '../support/expect-error.ts';
import { createHarness, type Harness, OPERATOR_TOKEN } from '../support/harness.ts';
import { CONTENT_SECURITY_POLICY, NOT_STORED } from '../support/headers.ts';
import { type ApiResponse, type RequestOptions, sendVia } from '../support/transport.ts';

const KIB = 1024;

let harness: Harness | undefined;
afterEach(() => {
  harness?.dispose();
  harness = undefined;
});

async function start(env: Record<string, string> = {}): Promise<Harness> {
  harness = await createHarness({ env });
  return harness;
}

/** The app as src/node.ts builds it: with the web client's static files. */
function appWithAssets(h: Harness, errors: unknown[] = []): Hono {
  return createApp({
    relay: h.relay,
    version: 'test',
    startedAt: h.clock.now(),
    assets: staticFiles('web/dist'),
    logError: (error) => errors.push(error),
  });
}

/** `harness.request`, for an app of our own. */
function requestApp(
  app: Hono,
  method: string,
  path: string,
  options: RequestOptions = {},
): Promise<ApiResponse> {
  return sendVia(async (p, init) => app.request(p, init))(method, path, options);
}

/** A JSON object of exactly `size` bytes (padded with insignificant whitespace). */
function jsonOfSize(size: number): string {
  const core = '{"supporterId":"x"}';
  return `${core.slice(0, -1)}${' '.repeat(size - core.length)}}`;
}

interface Kind {
  kind: string;
  /** Served on the app with static assets (as in production) rather than the bare harness app. */
  withAssets?: boolean;
  method: string;
  path: string;
  options?: RequestOptions;
  status: number;
  code?: string;
  page?: boolean;
}

const kinds: Kind[] = [
  { kind: 'API success', method: 'GET', path: '/api/v1/supporters', status: 200 },
  {
    kind: 'API 400',
    method: 'POST',
    path: '/api/v1/messages',
    options: { body: {} },
    status: 400,
    code: 'invalid_request',
  },
  { kind: 'API 401', method: 'GET', path: '/api/v1/inbox', status: 401, code: 'unauthorized' },
  {
    kind: 'API 404 unknown route',
    method: 'GET',
    path: '/api/v1/no-such-route',
    status: 404,
    code: 'not_found',
  },
  {
    kind: 'API 405 wrong method',
    method: 'PUT',
    path: '/api/v1/pow',
    options: { body: {} },
    status: 405,
    code: 'method_not_allowed',
  },
  {
    kind: 'API 413',
    method: 'POST',
    path: '/api/v1/messages',
    options: { body: jsonOfSize(64 * KIB + 1) },
    status: 413,
    code: 'payload_too_large',
  },
  {
    kind: 'API 415',
    method: 'POST',
    path: '/api/v1/session',
    options: { body: '{}', headers: { 'Content-Type': 'text/plain' } },
    status: 415,
    code: 'unsupported_media_type',
  },
  { kind: 'home page', withAssets: true, method: 'GET', path: '/', status: 200, page: true },
  {
    kind: 'home page by name',
    withAssets: true,
    method: 'GET',
    path: '/index.html',
    status: 200,
    page: true,
  },
  {
    kind: 'missing page',
    withAssets: true,
    method: 'GET',
    path: '/no/such/page',
    status: 404,
    code: 'not_found',
    page: true,
  },
  { kind: '/healthz', method: 'GET', path: '/healthz', status: 200 },
  { kind: '/readyz', method: 'GET', path: '/readyz', status: 200 },
  {
    kind: '/metrics',
    method: 'GET',
    path: '/metrics',
    options: { token: OPERATOR_TOKEN },
    status: 200,
  },
  {
    kind: '/metrics without the operator token',
    method: 'GET',
    path: '/metrics',
    status: 401,
    code: 'unauthorized',
  },
];

async function send(h: Harness, kind: Kind): Promise<ApiResponse> {
  if (kind.withAssets) return requestApp(appWithAssets(h), kind.method, kind.path, kind.options);
  return h.request(kind.method, kind.path, kind.options);
}

function expectCommonHeaders(kind: Kind, response: ApiResponse): void {
  const { headers } = response;
  expect(response.status).toBe(kind.status);
  if (kind.code !== undefined) expectError(response, kind.status, kind.code);
  expect(headers.get('X-Content-Type-Options')).toBe('nosniff');
  expect(headers.get('Referrer-Policy')).toBe('no-referrer');
  expect(headers.get('Cross-Origin-Opener-Policy')).toBe('same-origin');
  expect(headers.get('Cross-Origin-Resource-Policy')).toBe('same-origin');
  if (kind.page) expect(headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
  if (kind.path.startsWith('/api/')) expect(headers.get('Cache-Control')).toBe(NOT_STORED);
  expect(headers.get('Set-Cookie')).toBeNull();
  expect(headers.getSetCookie()).toEqual([]);
}

describe('security headers on every kind of response', () => {
  for (const kind of kinds) {
    it(`${kind.kind} (${kind.method} ${kind.path} → ${kind.status}) carries the headers, and no HSTS on plain http`, async () => {
      const h = await start();
      const response = await send(h, kind);
      expectCommonHeaders(kind, response);
      expect(response.headers.get('Strict-Transport-Security')).toBeNull();
      expect(h.errors).toEqual([]);
    });

    it(`${kind.kind} (${kind.method} ${kind.path} → ${kind.status}) carries HSTS for a year when PUBLIC_URL is https`, async () => {
      const h = await start({ PUBLIC_URL: 'https://relay.example.org' });
      const response = await send(h, kind);
      expectCommonHeaders(kind, response);
      const hsts = response.headers.get('Strict-Transport-Security') ?? '';
      expect(hsts.split(';')[0]?.trim()).toBe('max-age=31536000');
    });
  }

  it('serves the home page as HTML from the built web client only when assets are passed', async () => {
    const h = await start();
    const page = await requestApp(appWithAssets(h), 'GET', '/');
    expect(page.status).toBe(200);
    expect(page.headers.get('Content-Type')).toMatch(/^text\/html/);
    expect(page.text).toMatch(/<script type="module" src="\/assets\/home\.js" integrity="sha384-/);
    // The bare app has no pages: "/" is an unknown route there.
    expectError(await h.request('GET', '/'), 404, 'not_found');
  });

  it('answers an unexpected error with the same headers and no-store', async () => {
    const h = await start();
    h.close();
    const response = await h.request('GET', '/api/v1/supporters');
    expectError(response, 500, 'internal_error');
    expect(response.headers.get('Cache-Control')).toBe(NOT_STORED);
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(response.headers.get('Referrer-Policy')).toBe('no-referrer');
    expect(response.headers.get('Set-Cookie')).toBeNull();
  });
});

describe('request bodies', () => {
  it('accepts a body of exactly 64 KiB and refuses one byte more with 413 payload_too_large', async () => {
    const h = await start();
    const limit = jsonOfSize(64 * KIB);
    expect(Buffer.byteLength(limit)).toBe(65_536);
    // At the limit the body is read and validated: supporterId alone is not a submission.
    expectError(
      await h.request('POST', '/api/v1/messages', { body: limit }),
      400,
      'invalid_request',
    );
    const over = jsonOfSize(64 * KIB + 1);
    expectError(
      await h.request('POST', '/api/v1/messages', { body: over }),
      413,
      'payload_too_large',
    );
  });

  it('refuses a large body sent without Content-Length (chunked) with 413 payload_too_large', async () => {
    const h = await start();
    const chunk = new TextEncoder().encode(`"${'a'.repeat(16 * KIB)}",`);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent === 0) controller.enqueue(new TextEncoder().encode('{"padding":['));
        if (sent < 8) controller.enqueue(chunk);
        else {
          controller.enqueue(new TextEncoder().encode('"end"]}'));
          controller.close();
        }
        sent++;
      },
    });
    const response = await h.app.request('/api/v1/session', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit);
    const text = await response.text();
    expectError(
      { status: response.status, body: JSON.parse(text), text, headers: response.headers },
      413,
      'payload_too_large',
    );
    expect(response.headers.get('Cache-Control')).toBe(NOT_STORED);
  });

  it('answers a huge body on every API route with 413, before authentication', async () => {
    const h = await start();
    const huge = jsonOfSize(200 * KIB);
    for (const [method, path] of [
      ['POST', '/api/v1/messages'],
      ['POST', '/api/v1/mailbox/open'],
      ['POST', '/api/v1/supporters'],
      ['POST', '/api/v1/inbox/ack'],
      ['POST', '/api/v1/replies'],
      ['PATCH', '/api/v1/me'],
      ['POST', '/api/v1/admin/invites'],
    ] as const) {
      expectError(await h.request(method, path, { body: huge }), 413, 'payload_too_large');
    }
  });

  describe('over a real socket, through the Node adapter', () => {
    /** Serves the harness's app with @hono/node-server, as src/node.ts does. */
    async function listen(h: Harness): Promise<{ port: number; close(): Promise<void> }> {
      const server = createAdaptorServer({ fetch: h.app.fetch });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const { port } = server.address() as AddressInfo;
      return {
        port,
        close: () => new Promise((resolve) => server.close(() => resolve())),
      };
    }

    /** Sends raw bytes: with a Content-Length, or chunked (`length: false`). */
    function send(
      port: number,
      path: string,
      chunks: string[],
      length = true,
    ): Promise<ApiResponse> {
      return new Promise((resolve, reject) => {
        const total = chunks.reduce((sum, chunk) => sum + Buffer.byteLength(chunk), 0);
        const request = httpRequest(
          {
            host: '127.0.0.1',
            port,
            path,
            method: 'POST',
            headers: {
              'Content-Type': 'application/json',
              ...(length ? { 'Content-Length': String(total) } : {}),
            },
          },
          (response) => {
            const parts: Buffer[] = [];
            response.on('data', (part: Buffer) => parts.push(part));
            response.on('end', () => {
              const text = Buffer.concat(parts).toString('utf8');
              const headers = new Headers();
              for (const [name, value] of Object.entries(response.headers)) {
                if (typeof value === 'string') headers.set(name, value);
              }
              resolve({ status: response.statusCode ?? 0, text, body: JSON.parse(text), headers });
            });
          },
        );
        request.on('error', reject);
        for (const chunk of chunks) request.write(chunk);
        request.end();
      });
    }

    it('reads a declared body directly and stores a real submission (202)', async () => {
      const h = await start();
      const server = await listen(h);
      try {
        const kari = await joinSupporter(h);
        const { body } = await (await newDoctor()).sealFor(kari);
        const response = await send(server.port, '/api/v1/messages', [JSON.stringify(body)]);
        expect(response.status, response.text).toBe(202);
        expect(response.body).toEqual({
          id: expect.any(String),
          status: 'queued',
          expiresAt: expect.any(String),
        });
        expect(response.headers.get('Cache-Control')).toBe(NOT_STORED);
        expect(response.headers.get('X-Frame-Options')).toBe('DENY');
        // Sent whole with its length, not streamed in chunks.
        expect(response.headers.get('Transfer-Encoding')).toBeNull();
        expect(response.headers.get('Content-Length')).toBe(
          String(Buffer.byteLength(response.text)),
        );
        const inbox = await h.request('GET', '/api/v1/inbox', { token: kari.token });
        expect(inbox.body.messages.map((m: { id: string }) => m.id)).toEqual([response.body.id]);
      } finally {
        await server.close();
      }
    });

    it('checks a declared length at 64 KiB, counts a chunked body, and answers bad JSON with 400', async () => {
      const h = await start();
      const server = await listen(h);
      try {
        const path = '/api/v1/messages';
        expectError(await send(server.port, path, [jsonOfSize(64 * KIB)]), 400, 'invalid_request');
        expectError(
          await send(server.port, path, [jsonOfSize(64 * KIB + 1)]),
          413,
          'payload_too_large',
        );
        const piece = `"${'a'.repeat(16 * KIB)}",`;
        expectError(
          await send(
            server.port,
            path,
            ['{"padding":[', ...Array(8).fill(piece), '"end"]}'],
            false,
          ),
          413,
          'payload_too_large',
        );
        const small = await send(server.port, path, ['{"supporterId":', '"x"}'], false);
        expectError(small, 400, 'invalid_request');
        expectError(await send(server.port, path, ['{"supporterId": "x",']), 400, 'invalid_json');
        expect(h.errors).toEqual([]);
      } finally {
        await server.close();
      }
    });
  });

  it.each([
    ['a truncated object', '{"login": "kari",'],
    ['a bare word', 'hello'],
    ['single quotes', "{'login': 'kari'}"],
    ['a trailing comma', '{"login": "kari",}'],
    ['an empty body', ''],
    ['only whitespace', '   \n '],
    ['two objects', '{"login":"a"}{"login":"b"}'],
  ])('answers malformed JSON (%s) with 400 invalid_json', async (_, body) => {
    const h = await start();
    const response = await h.request('POST', '/api/v1/session/params', {
      body,
      headers: { 'Content-Type': 'application/json' },
    });
    expectError(response, 400, 'invalid_json');
    expect(h.errors).toEqual([]);
  });

  it.each([
    ['text/plain', 'text/plain'],
    ['form data', 'application/x-www-form-urlencoded'],
    ['multipart', 'multipart/form-data; boundary=x'],
    ['a near miss', 'application/jsonp'],
  ])('answers a POST sent as %s with 415 unsupported_media_type', async (_, type) => {
    const h = await start();
    const response = await h.request('POST', '/api/v1/session/params', {
      body: '{"login":"kari"}',
      headers: { 'Content-Type': type },
    });
    expectError(response, 415, 'unsupported_media_type');
  });

  it('answers a POST without any Content-Type with 415 unsupported_media_type', async () => {
    const h = await start();
    const response = await h.app.request('/api/v1/session/params', {
      method: 'POST',
      body: new TextEncoder().encode('{"login":"kari"}'),
    });
    expect(response.headers.get('Content-Type')).toMatch(/^application\/json/);
    expect(response.status).toBe(415);
    expect(await response.json()).toEqual({
      error: { code: 'unsupported_media_type', message: expect.any(String) },
    });
  });

  it('accepts application/json with a charset parameter and in any letter case', async () => {
    const h = await start();
    for (const type of ['application/json; charset=utf-8', 'Application/JSON']) {
      const response = await h.request('POST', '/api/v1/session/params', {
        body: '{"login":"kari"}',
        headers: { 'Content-Type': type },
      });
      expect(response.status).toBe(200);
      expect(Object.keys(response.body).sort()).toEqual(['memlimit', 'opslimit', 'salt']);
    }
  });
});

describe('odd but well-formed JSON keeps the relay standing', () => {
  const id = toB64(new Uint8Array(32).fill(7));
  const otherId = toB64(new Uint8Array(32).fill(9));
  const cases: [string, string, string, number, string][] = [
    [
      'duplicate keys',
      '/api/v1/mailbox/open',
      `{"id":"${id}","id":"${otherId}","readToken":"${id}","readToken":"${otherId}"}`,
      404,
      'mailbox_not_found',
    ],
    [
      'a __proto__ key',
      '/api/v1/mailbox/open',
      `{"__proto__":{"id":"${id}"},"readToken":"${id}"}`,
      400,
      'invalid_request',
    ],
    [
      'a constructor key',
      '/api/v1/session',
      '{"constructor":{"prototype":{"admin":true}},"login":"kari","authKey":"AAAA"}',
      401,
      'invalid_credentials',
    ],
    [
      'lone surrogates and control characters',
      '/api/v1/session',
      '{"login":"\\ud800\\udfff\\u0000\\u202e\\ufeffk\\u00e4ri","authKey":"AAAA"}',
      401,
      'invalid_credentials',
    ],
    [
      'emoji and combining marks',
      '/api/v1/session',
      `{"login":"${'👩🏽‍⚕️'.repeat(20)}e\u0301","authKey":"AAAA"}`,
      401,
      'invalid_credentials',
    ],
    [
      'a 60 KiB string',
      '/api/v1/session',
      `{"login":"${'x'.repeat(60 * KIB)}","authKey":"AAAA"}`,
      400,
      'invalid_request',
    ],
    [
      'a 60 KiB base64 ciphertext',
      '/api/v1/messages',
      `{"supporterId":"x","ciphertext":"${'A'.repeat(60 * KIB)}","mailbox":{"id":"${id}","readToken":"${id}"}}`,
      400,
      'bad_padding',
    ],
    [
      'deep nesting',
      '/api/v1/session',
      `${'['.repeat(5000)}${']'.repeat(5000)}`,
      400,
      'invalid_request',
    ],
    ['null', '/api/v1/session', 'null', 400, 'invalid_request'],
    ['an array', '/api/v1/inbox/ack', '[]', 401, 'unauthorized'],
    ['a number', '/api/v1/mailbox/open', '1e309', 400, 'invalid_request'],
    ['a string', '/api/v1/session/params', '"kari"', 400, 'invalid_request'],
    [
      'wrong types',
      '/api/v1/mailbox/ack',
      `{"id":"${id}","readToken":"${id}","replyIds":"all"}`,
      400,
      'invalid_request',
    ],
    [
      'a huge number as a limit',
      '/api/v1/supporters',
      '{"invite":"AAAA","login":"kari","profile":{},"vault":{"opslimit":1e308}}',
      400,
      'invalid_request',
    ],
  ];

  it.each(cases)(
    'answers %s on %s with a 4xx in the error shape',
    async (_, path, body, status, code) => {
      const h = await start();
      const response = await h.request('POST', path, {
        body,
        headers: { 'Content-Type': 'application/json' },
      });
      expectError(response, status, code);
      expect(h.errors).toEqual([]);
      // And the relay still serves.
      expect((await h.request('GET', '/readyz')).status).toBe(200);
    },
  );

  it('answers a body that is not UTF-8 without crashing', async () => {
    const h = await start();
    const bytes = Uint8Array.from([
      ...new TextEncoder().encode('{"login":"'),
      0xff,
      0xfe,
      0xc0,
      0x80,
      ...new TextEncoder().encode('","authKey":"AAAA"}'),
    ]);
    const response = await h.app.request('/api/v1/session', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: bytes,
    });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    const body = await response.json();
    expect(Object.keys(body)).toEqual(['error']);
    expect(Object.keys(body.error).sort()).toEqual(['code', 'message']);
    expect(h.errors).toEqual([]);
  });
});

describe('unknown routes and wrong methods', () => {
  it.each([
    ['GET', '/api/v1/no-such-route'],
    ['POST', '/api/v1/no-such-route'],
    ['GET', '/api/v2/supporters'],
    ['GET', '/api/v1'],
    ['GET', '/api'],
    ['GET', '/api/v1/supporters/abc/extra'],
    ['GET', '/nope'],
    ['GET', '/'],
    ['DELETE', '/healthz/x'],
  ])('%s %s is 404 not_found in the error shape', async (method, path) => {
    const h = await start();
    expectError(await h.request(method, path), 404, 'not_found');
  });

  it('answers an unknown operator route with the operator token as 404 not_found', async () => {
    const h = await start();
    const response = await h.request('GET', '/api/v1/admin/no-such-route', {
      token: OPERATOR_TOKEN,
    });
    expectError(response, 404, 'not_found');
  });

  it.each([
    ['PUT', '/api/v1/pow'],
    ['DELETE', '/api/v1/pow'],
    ['DELETE', '/api/v1/supporters'],
    ['PATCH', '/api/v1/supporters/abc'],
    ['GET', '/api/v1/messages'],
    ['GET', '/api/v1/mailbox/open'],
    ['PUT', '/api/v1/inbox'],
    ['GET', '/api/v1/replies'],
    ['POST', '/api/v1/me'],
    ['GET', '/api/v1/admin/invites'],
  ])('%s %s is 405 method_not_allowed', async (method, path) => {
    const h = await start();
    const response = await h.request(
      method,
      path,
      method === 'GET' ? { token: OPERATOR_TOKEN } : { token: OPERATOR_TOKEN, body: {} },
    );
    expectError(response, 405, 'method_not_allowed');
    expect(response.headers.get('Cache-Control')).toBe(NOT_STORED);
  });
});

describe('unexpected errors', () => {
  it('answers 500 internal_error with nothing from the request once the database is gone', async () => {
    const h = await start();
    const supporter = await joinSupporter(h);
    const { body } = await (await newDoctor()).sealFor(supporter);
    h.close();

    const sentinel = `Sentinel${crypto.randomUUID().replaceAll('-', '')}`;
    const requests: [string, string, RequestOptions][] = [
      [
        'POST',
        '/api/v1/session',
        { body: { login: sentinel, authKey: toB64(new Uint8Array(32)) } },
      ],
      ['POST', '/api/v1/session/params', { body: { login: sentinel } }],
      ['POST', '/api/v1/messages', { body: { ...body, supporterId: sentinel } }],
      // A known county: an unknown one matches no one without asking the database.
      ['GET', `/api/v1/supporters?county=Vestland&${sentinel}=1`, {}],
      ['GET', `/api/v1/supporters/${sentinel}`, {}],
      ['GET', '/api/v1/inbox', { token: supporter.token }],
    ];
    for (const [method, path, options] of requests) {
      const response = await h.request(method, path, {
        ...options,
        headers: { 'User-Agent': sentinel, 'X-Forwarded-For': '203.0.113.77' },
      });
      expect(response.body).toEqual({
        error: { code: 'internal_error', message: expect.any(String) },
      });
      expectError(response, 500, 'internal_error');
      expect(response.text).not.toContain(sentinel);
      expect(response.text).not.toContain('203.0.113.77');
      expect(response.text).not.toMatch(/sqlite|libsql|stack/i);
      expect(response.text).not.toContain(supporter.token);
    }
    expect(h.errors).toHaveLength(requests.length);
  });

  it('reports /readyz as 503 not_ready once the database is gone, while /healthz stays 200', async () => {
    const h = await start();
    expect((await h.request('GET', '/readyz')).body).toEqual({ status: 'ready' });
    h.close();
    expectError(await h.request('GET', '/readyz'), 503, 'not_ready');
    const live = await h.request('GET', '/healthz');
    expect(live.status).toBe(200);
    expect(live.body).toEqual({ status: 'ok' });
  });
});

describe('error messages never echo the request', () => {
  it('keeps a sentinel sent in paths, queries, headers and bodies out of every error', async () => {
    const h = await start();
    const supporter = await joinSupporter(h);
    const sentinel = `Sentinel${crypto.randomUUID().replaceAll('-', '')}`;
    const b64Sentinel = toB64(new TextEncoder().encode(sentinel));
    const { body: registration } = await registrationFor(h);
    const cases: [string, string, RequestOptions, number, string][] = [
      ['GET', `/api/v1/${sentinel}`, {}, 404, 'not_found'],
      ['GET', `/api/v1/supporters/${sentinel}`, {}, 404, 'supporter_not_found'],
      ['GET', `/api/v1/supporters?modality=${sentinel}`, {}, 400, 'invalid_request'],
      ['GET', '/api/v1/inbox', { token: sentinel }, 401, 'unauthorized'],
      ['GET', '/metrics', { token: sentinel }, 401, 'unauthorized'],
      [
        'POST',
        '/api/v1/session',
        { body: { login: sentinel, authKey: b64Sentinel } },
        401,
        'invalid_credentials',
      ],
      ['POST', '/api/v1/session', { body: `{"login":"${sentinel}",` }, 400, 'invalid_json'],
      [
        'POST',
        '/api/v1/session',
        { body: { login: sentinel }, headers: { 'Content-Type': `text/${sentinel}` } },
        415,
        'unsupported_media_type',
      ],
      [
        'POST',
        '/api/v1/mailbox/open',
        { body: { id: `${sentinel}+/=`, readToken: b64Sentinel } },
        400,
        'bad_encoding',
      ],
      [
        'POST',
        '/api/v1/messages',
        {
          body: {
            supporterId: sentinel,
            ciphertext: b64Sentinel,
            mailbox: { id: b64Sentinel, readToken: b64Sentinel },
          },
        },
        400,
        'bad_padding',
      ],
      [
        'POST',
        '/api/v1/replies',
        { token: supporter.token, body: { mailboxId: sentinel, ciphertext: sentinel } },
        400,
        'bad_padding',
      ],
      [
        'POST',
        '/api/v1/supporters',
        { body: { invite: b64Sentinel, login: `${sentinel}!`, profile: {} } },
        400,
        'invalid_request',
      ],
      [
        'POST',
        '/api/v1/supporters',
        { body: { ...registration, profile: { ...registration.profile, county: sentinel } } },
        400,
        'unknown_value',
      ],
      [
        'PATCH',
        '/api/v1/me',
        { token: supporter.token, body: { languages: ['nb', sentinel] } },
        400,
        'unknown_value',
      ],
      ['PUT', `/api/v1/pow?${sentinel}=1`, { body: { sentinel } }, 405, 'method_not_allowed'],
      [
        'POST',
        '/api/v1/session',
        { body: jsonOfSize(70 * KIB).replace('"x"', `"${sentinel}"`) },
        413,
        'payload_too_large',
      ],
    ];
    for (const [method, path, options, status, code] of cases) {
      const response = await h.request(method, path, {
        ...options,
        headers: {
          'User-Agent': sentinel,
          Referer: `https://${sentinel}.example/`,
          ...options.headers,
        },
      });
      expectError(response, status, code);
      expect(response.text).not.toContain(sentinel);
      expect(response.text).not.toContain(b64Sentinel);
      expect([...response.headers.values()].join('\n')).not.toContain(sentinel);
    }
    expect(h.errors).toEqual([]);
  });
});
