/**
 * @module
 * The relay's log: one JSON object per line, `{"level", "event", "hour", …}`,
 * that an operator can ship as it is. Shared by the Node and Workers entries
 * and the scheduled work. A line holds the hour (never a finer time,
 * PROTOCOL.md §6), a fixed event name and counts: numbers, booleans and
 * fixed strings of the relay's own (names of events, steps and transports,
 * names of error classes and functions, configuration sentences). Never
 * anything from a request: the field types admit no plain string.
 */
import type { ConfigError } from './config-values.ts';
import { hourOf, isoHour } from './time.ts';

export type LogLevel = 'info' | 'warn' | 'error';

declare const fixed: unique symbol;
/** A string the relay wrote itself; made only by {@link codeName} and {@link configSentence}. */
export type FixedText = string & { readonly [fixed]: true };

export type LogFields = Record<string, number | boolean | FixedText>;

/** Writes one log line; `info` goes to stdout, `warn` and `error` to stderr. */
export type Log = (level: LogLevel, event: string, fields?: LogFields) => void;

/**
 * Letters, digits and `_ . : / @ < > $ , -`, without spaces: enough for the
 * name of a class, a function, a file, a transport or an error code, too
 * little for a sentence that could quote a request.
 */
const CODE_NAME = /^[\w.:/@<>$,-]{1,160}$/;

/**
 * A name from code (an event's detail, an error class, a function, an error
 * code such as `EADDRINUSE`), checked to be one: anything else is `other`.
 */
export function codeName(text: string): FixedText {
  return (CODE_NAME.test(text) ? text : 'other') as FixedText;
}

/** A configuration error's sentence: it names variables, never their values (config.ts). */
export function configSentence(error: ConfigError): FixedText {
  return error.message as FixedText;
}

/**
 * Logs one event.
 *
 * @example
 * log('info', 'listening', { version: codeName('1.0.0'), port: 8787 });
 * // {"level":"info","event":"listening","hour":"2026-12-04T13:00:00Z","version":"1.0.0","port":8787}
 */
export const log: Log = function log(level, event, fields = {}) {
  const entry: Record<string, unknown> = {
    level,
    event: codeName(event),
    hour: isoHour(hourOf(new Date())),
  };
  // The fixed keys come first, and no field replaces them.
  for (const [key, value] of Object.entries(fields)) if (!(key in entry)) entry[key] = value;
  const line = JSON.stringify(entry);
  if (level === 'info') console.log(line);
  else console.error(line);
};

/** `at name (path/file.ts:80:11)` or `at path/file.ts:80:11`: the function and the file's name. */
const FRAME = /^\s*at (?:async )?(?:(.+?) \()?(?:.*\/)?([^/():]+):(\d+):\d+\)?$/;

/**
 * Logs an unexpected error by kind and place only. Its message could quote a
 * request (a failed query lists its parameters), so it is never logged: the
 * class name, a system error's code (`EADDRINUSE`) and the first `at …`
 * frame's function and file are.
 */
export function logError(error: unknown): void {
  const fields: LogFields = {
    error: codeName(error instanceof Error ? error.name : typeof error),
  };
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string') fields.code = codeName(code);
  const frames = error instanceof Error ? (error.stack ?? '').split('\n') : [];
  const frame = frames.map((line) => FRAME.exec(line)).find((match) => match !== null);
  if (frame) {
    if (frame[1] !== undefined) fields.at = codeName(frame[1]);
    fields.file = codeName(`${frame[2]}:${frame[3]}`);
  }
  log('error', 'unexpected_error', fields);
}
