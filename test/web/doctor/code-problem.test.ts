import { describe, expect, it } from 'vitest';
import { codeProblem } from '../../../web/src/doctor/code-problem.ts';
import { formatReplyCode } from '../../../web/src/protocol/index.ts';

const CODE = formatReplyCode(Uint8Array.from({ length: 15 }, (_, i) => i + 1));

describe('codeProblem', () => {
  it('accepts a code as shown, in lower case, without dashes, with spaces, and with O, I and L', () => {
    expect(codeProblem(CODE)).toBeNull();
    expect(codeProblem(CODE.toLowerCase())).toBeNull();
    expect(codeProblem(CODE.replaceAll('-', ''))).toBeNull();
    expect(codeProblem(CODE.replaceAll('-', ' '))).toBeNull();
    expect(codeProblem('O410 6105 oR3G g28a lC60 t3gf')).toBeNull();
  });

  it('says nothing was typed for an empty field or only separators', () => {
    expect(codeProblem('')).toEqual({ kind: 'empty' });
    expect(codeProblem(' - - ')).toEqual({ kind: 'empty' });
  });

  it('names each character outside the alphabet once, before counting', () => {
    expect(codeProblem('UUUU-UUUU-UUUU-UUUU-UUUU-UUUU')).toEqual({
      kind: 'characters',
      found: ['U'],
    });
    expect(codeProblem('ab!c-ÆØÅ-ø')).toEqual({
      kind: 'characters',
      found: ['!', 'Æ', 'Ø', 'Å', 'ø'],
    });
  });

  it('counts the characters of a code of the wrong length, ignoring dashes and spaces', () => {
    expect(codeProblem('1234-5678')).toEqual({ kind: 'length', count: 8 });
    expect(codeProblem(`${CODE}-0`)).toEqual({ kind: 'length', count: 25 });
  });
});
