/**
 * @module
 * What is wrong with a typed reply code, found on this device before
 * anything is sent, so each mistake gets its own sentence. The alphabet and
 * length are the protocol's (web/src/protocol/reply-code.ts): 24 Crockford
 * base32 characters, digits and letters without U (I, L and O are read as
 * 1, 1 and 0), with any dashes and spaces ignored.
 */
import { parseReplyCode } from '../protocol';

/** Characters in a reply code, without separators. */
export const REPLY_CODE_LENGTH = 24;

export type CodeProblem =
  | { kind: 'empty' }
  | { kind: 'characters'; found: string[] }
  | { kind: 'length'; count: number };

const SEPARATORS = /[- ]/g;
const ALLOWED = /^[0-9A-TV-Za-tv-z]$/;

/** Why `typed` cannot be a reply code, or `null` if it is one. */
export function codeProblem(typed: string): CodeProblem | null {
  const compact = typed.replace(SEPARATORS, '').trim();
  if (compact === '') return { kind: 'empty' };
  const found = [...new Set([...compact].filter((c) => !ALLOWED.test(c)))];
  if (found.length > 0) return { kind: 'characters', found };
  const count = [...compact].length;
  if (count !== REPLY_CODE_LENGTH) return { kind: 'length', count };
  // Whatever the checks above missed, the parser has the last word.
  return parseReplyCode(typed) ? null : { kind: 'characters', found: [] };
}
