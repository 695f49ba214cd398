import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONFIGURATION_DOCS, renderConfigurationDocs } from '../scripts/config-docs.ts';
import { ConfigError, loadConfig } from '../src/config.ts';

describe('configuration', () => {
  it('has the documented defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 8787,
      host: '127.0.0.1',
      databaseUrl: 'file:./data/relay.db',
      publicUrl: 'http://127.0.0.1:8787',
      powDifficulty: 16,
      inboxCap: 200,
      loginPowDifficulty: 16,
      loginPowMaxDifficulty: 22,
      server: { headersTimeoutSeconds: 10, requestTimeoutSeconds: 30, maxConnections: 500 },
      lifetimes: {
        messageHours: 336,
        replyHours: 720,
        mailboxHours: 720,
        sessionHours: 12,
        inviteHours: 336,
      },
    });
    expect(config.operatorToken).toBeUndefined();
    expect(config.serverSecret).toBeUndefined();
  });

  it.each([
    ['PORT', 'abc', /PORT must be a whole number from 1 to 65535/],
    ['PORT', '70000', /PORT/],
    ['POW_DIFFICULTY', '33', /POW_DIFFICULTY must be a whole number from 0 to 32/],
    ['MESSAGE_TTL_HOURS', '0', /MESSAGE_TTL_HOURS/],
    ['PUBLIC_URL', 'relay.example.org', /PUBLIC_URL must be an absolute http\(s\) URL/],
    ['PUBLIC_URL', 'ftp://relay.example.org', /PUBLIC_URL/],
    ['OPERATOR_TOKEN', 'short', /OPERATOR_TOKEN must be at least 32 characters/],
    ['SERVER_SECRET', 'short', /SERVER_SECRET must be at least 32 characters/],
    ['LOGIN_POW_DIFFICULTY', '0', /LOGIN_POW_DIFFICULTY must be a whole number from 1 to 32/],
    [
      'LOGIN_POW_MAX_DIFFICULTY',
      '8',
      /LOGIN_POW_MAX_DIFFICULTY must be at least LOGIN_POW_DIFFICULTY/,
    ],
    [
      'REQUEST_TIMEOUT_SECONDS',
      '5',
      /REQUEST_TIMEOUT_SECONDS must be at least HEADERS_TIMEOUT_SECONDS/,
    ],
  ])('refuses %s=%s with a clear sentence', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });

  it('reads emergency numbers, defaulting to Norway, and refuses malformed ones', () => {
    expect(loadConfig({}).emergencyNumbers).toEqual([
      { number: '113', kind: 'emergency' },
      { number: '116 117', kind: 'out-of-hours' },
    ]);
    expect(
      loadConfig({ EMERGENCY_NUMBERS: '112:emergency, +46 8 123 45:crisis-line' }).emergencyNumbers,
    ).toEqual([
      { number: '112', kind: 'emergency' },
      { number: '+46 8 123 45', kind: 'crisis-line' },
    ]);
    expect(() => loadConfig({ EMERGENCY_NUMBERS: '112' })).toThrow(/EMERGENCY_NUMBERS must be/);
    expect(() => loadConfig({ EMERGENCY_NUMBERS: 'call-me:emergency' })).toThrow(
      /EMERGENCY_NUMBERS/,
    );
  });

  it('keeps only the origin of PUBLIC_URL and derives its default from PORT', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://relay.example.org/some/path' }).publicUrl).toBe(
      'https://relay.example.org',
    );
    expect(loadConfig({ PORT: '9000' }).publicUrl).toBe('http://127.0.0.1:9000');
  });
});

describe('docs/configuration.md', () => {
  it('is the table the schema renders', () => {
    expect(
      readFileSync(CONFIGURATION_DOCS, 'utf8'),
      'docs/configuration.md differs from src/config.ts: run `npm run docs:config`',
    ).toBe(renderConfigurationDocs());
  });
});
