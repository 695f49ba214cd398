import { describe, expect, it } from 'vitest';
import {
  formatReplyCode,
  newReplyCode,
  parseReplyCode,
  REPLY_CODE_BYTES,
} from '../../../web/src/protocol/index';

const R = Uint8Array.from({ length: 15 }, (_, i) => i + 1);
const CODE = '0410-6105-0R3G-G28A-1C60-T3GF';

describe('newReplyCode', () => {
  it('draws 15 fresh random bytes each time', async () => {
    const a = await newReplyCode();
    const b = await newReplyCode();
    expect(a).toHaveLength(REPLY_CODE_BYTES);
    expect(a).not.toEqual(b);
  });
});

describe('formatReplyCode', () => {
  it('writes six groups of four Crockford characters', async () => {
    const text = formatReplyCode(await newReplyCode());
    expect(text).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){5}$/);
  });

  it('refuses anything but 15 bytes', () => {
    expect(() => formatReplyCode(new Uint8Array(14))).toThrow(RangeError);
    expect(() => formatReplyCode(new Uint8Array(16))).toThrow(RangeError);
  });

  it('round-trips through parseReplyCode', async () => {
    for (let i = 0; i < 50; i++) {
      const code = await newReplyCode();
      expect(parseReplyCode(formatReplyCode(code))).toEqual(code);
    }
  });
});

describe('parseReplyCode', () => {
  it('ignores case', () => {
    expect(parseReplyCode(CODE.toLowerCase())).toEqual(R);
  });

  it('ignores dashes and spaces anywhere, and their absence', () => {
    expect(parseReplyCode('041061050R3GG28A1C60T3GF')).toEqual(R);
    expect(parseReplyCode('0410 6105 0R3G G28A 1C60 T3GF')).toEqual(R);
    expect(parseReplyCode(' 04-10 6105--0R3GG28A1C 60-T3GF ')).toEqual(R);
  });

  it('reads O as 0 and I or L as 1, in either case', () => {
    expect(parseReplyCode('O41O-61O5-OR3G-G28A-IC6O-T3GF')).toEqual(R);
    expect(parseReplyCode('o41o-61o5-or3g-g28a-lc6o-t3gf')).toEqual(R);
    expect(parseReplyCode('0410-6105-0R3G-G28A-iC60-T3GF')).toEqual(R);
    expect(parseReplyCode('0410-6105-0R3G-G28A-LC60-T3GF')).toEqual(R);
  });

  it('rejects letters outside the alphabet (U) and symbols', () => {
    expect(parseReplyCode('0410-6105-0R3G-G28A-1C60-T3GU')).toBeNull();
    expect(parseReplyCode('0410-6105-0R3G-G28A-1C60-T3Gu')).toBeNull();
    expect(parseReplyCode('0410-6105-0R3G-G28A-1C60-T3G*')).toBeNull();
    expect(parseReplyCode('0410_6105_0R3G_G28A_1C60_T3GF')).toBeNull();
    expect(parseReplyCode('0410.6105.0R3G.G28A.1C60.T3GF')).toBeNull();
  });

  it('rejects other whitespace and non-ASCII look-alikes', () => {
    expect(parseReplyCode('0410\t6105\t0R3G\tG28A\t1C60\tT3GF')).toBeNull();
    // U+0131 dotless i upper-cases to I; it must not sneak in as 1.
    expect(parseReplyCode('0410-6105-0R3G-G28A-\u0131C60-T3GF')).toBeNull();
    expect(parseReplyCode('0410-6105-0R3G-G28A-1C60-T3G\uff26')).toBeNull();
  });

  it('rejects a wrong length', () => {
    expect(parseReplyCode('')).toBeNull();
    expect(parseReplyCode('----')).toBeNull();
    expect(parseReplyCode('0410-6105-0R3G-G28A-1C60-T3G')).toBeNull();
    expect(parseReplyCode('0410-6105-0R3G-G28A-1C60-T3GF0')).toBeNull();
    expect(parseReplyCode('0410-6105-0R3G-G28A-1C60-T3GF-0410')).toBeNull();
  });
});
