/**
 * The relay's log (src/log.ts): every line one JSON object with `level`,
 * `event` and `hour` first, info on stdout and the rest on stderr, the hour
 * and never a finer time, and nothing but names of code from an error: its
 * message (which could quote a request) never.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ConfigError } from '../src/config-values.ts';
import { logScheduledWorkError, ScheduledWorkError } from '../src/domain/scheduler.ts';
import { codeName, configSentence, log, logError } from '../src/log.ts';

const HOUR = /^\d{4}-\d\d-\d\dT\d\d:00:00Z$/;

let stdout: string[];
let stderr: string[];
beforeEach(() => {
  stdout = [];
  stderr = [];
  vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
    stdout.push(args.join(' '));
  });
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    stderr.push(args.join(' '));
  });
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

/** Every line written, each parsed; a line that is not one JSON object fails. */
function entries(lines: string[]): Record<string, unknown>[] {
  return lines.map((line) => {
    expect(line).not.toContain('\n');
    const parsed: unknown = JSON.parse(line);
    expect(typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)).toBe(true);
    return parsed as Record<string, unknown>;
  });
}

describe('log', () => {
  it('writes one JSON line, level, event and hour first, info to stdout and the rest to stderr', () => {
    vi.useFakeTimers({ now: new Date('2026-12-04T13:47:12.345Z'), toFake: ['Date'] });
    log('info', 'listening', { version: codeName('1.2.3'), port: 8787, tls: false });
    log('warn', 'notification_failed', { transport: codeName('smtp') });
    log('error', 'scheduled_work_failed');
    expect(stdout).toEqual([
      '{"level":"info","event":"listening","hour":"2026-12-04T13:00:00Z","version":"1.2.3","port":8787,"tls":false}',
    ]);
    expect(entries(stderr)).toEqual([
      {
        level: 'warn',
        event: 'notification_failed',
        hour: '2026-12-04T13:00:00Z',
        transport: 'smtp',
      },
      { level: 'error', event: 'scheduled_work_failed', hour: '2026-12-04T13:00:00Z' },
    ]);
  });

  it('lets no field replace level, event or hour', () => {
    log('info', 'listening', { level: codeName('error'), hour: 5 });
    const [entry] = entries(stdout);
    expect(entry?.level).toBe('info');
    expect(entry?.hour).toMatch(HOUR);
  });

  it('turns anything that is not a name of code into `other`', () => {
    expect(codeName('LibsqlError')).toBe('LibsqlError');
    expect(codeName('http_500')).toBe('http_500');
    expect(codeName('Failed query: select 1')).toBe('other');
    expect(codeName('a"b')).toBe('other');
    expect(codeName('line\nbreak')).toBe('other');
    expect(codeName('')).toBe('other');
  });
});

describe('logError', () => {
  it('keeps the kind, the code and the first frame, never a line of the message (a failed query lists its parameters)', () => {
    const error = Object.assign(
      new Error(
        'Failed query: insert into settings (key, value) values (?, ?)\nparams: server_secret,c2VjcmV0LXZhbHVl',
      ),
      { name: 'DrizzleQueryError', code: 'SQLITE_BUSY' },
    );
    error.stack = `${error.name}: ${error.message}\n    at LibSQLPreparedQuery.queryWithCache (/srv/relay/node_modules/drizzle-orm/sqlite-core/session.js:80:11)\n    at async main (/srv/relay/dist/node.mjs:12:3)`;
    logError(error);
    expect(stdout).toEqual([]);
    expect(entries(stderr)).toEqual([
      {
        level: 'error',
        event: 'unexpected_error',
        hour: expect.stringMatching(HOUR),
        error: 'DrizzleQueryError',
        code: 'SQLITE_BUSY',
        at: 'LibSQLPreparedQuery.queryWithCache',
        file: 'session.js:80',
      },
    ]);
    expect(stderr.join('\n')).not.toMatch(/params|server_secret|c2VjcmV0|insert/);
  });

  it('logs a thrown value that is not an Error by its type only', () => {
    logError('a string that could be anything');
    expect(entries(stderr)).toEqual([
      {
        level: 'error',
        event: 'unexpected_error',
        hour: expect.stringMatching(HOUR),
        error: 'string',
      },
    ]);
  });
});

describe('the relay’s other log lines', () => {
  it('logs a configuration error with its sentence, and a failed scheduled run by its steps', () => {
    log('error', 'config_invalid', {
      message: configSentence(new ConfigError('PORT must be a whole number from 1 to 65535.')),
    });
    logScheduledWorkError(new ScheduledWorkError(['sweep', 'alerts'], []));
    expect(entries(stderr).map(({ hour, ...rest }) => rest)).toEqual([
      {
        level: 'error',
        event: 'config_invalid',
        message: 'PORT must be a whole number from 1 to 65535.',
      },
      { level: 'error', event: 'scheduled_work_failed', steps: 'sweep,alerts' },
    ]);
  });
});
