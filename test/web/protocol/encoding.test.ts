import { describe, expect, it } from 'vitest';
import { fromB64, fromUtf8, ProtocolError, toB64, toUtf8 } from '../../../web/src/protocol/index';

describe('toB64 / fromB64', () => {
  it('uses the URL-safe alphabet without padding', () => {
    expect(toB64(Uint8Array.of(0xfb, 0xff))).toBe('-_8');
    expect(toB64(Uint8Array.of(0x12, 0xab))).toBe('Eqs');
    expect(toB64(new Uint8Array())).toBe('');
  });

  it('round-trips every length', () => {
    for (let n = 0; n < 40; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37 + n) & 0xff);
      expect(fromB64(toB64(bytes))).toEqual(bytes);
    }
  });

  it.each([
    ['padding', 'Eqs='],
    ['the standard alphabet', '+/8'],
    ['whitespace', 'Eq s'],
    ['a trailing newline', 'Eqs\n'],
    ['an impossible length', 'Eqs_A'],
    ['non-zero trailing bits', 'Eqt'],
  ])('rejects %s with bad_encoding', (_, text) => {
    expect(() => fromB64(text)).toThrow(ProtocolError);
    expect(() => fromB64(text)).toThrow(expect.objectContaining({ code: 'bad_encoding' }));
  });
});

describe('toUtf8 / fromUtf8', () => {
  it('round-trips non-ASCII text', () => {
    const text = 'Grüße, 医生 🩺';
    expect(fromUtf8(toUtf8(text))).toBe(text);
  });

  it('rejects malformed UTF-8 instead of replacing it', () => {
    expect(() => fromUtf8(Uint8Array.of(0x61, 0xff))).toThrow(TypeError);
  });
});
