/**
 * @module
 * Byte/text encodings of the wire protocol (PROTOCOL.md, notation). Every
 * binary value in JSON is base64url without padding, and decoding is strict:
 * a value has exactly one accepted spelling, so ids derived from it cannot be
 * aliased by a different but equivalent encoding.
 */
import { base64urlnopad } from '@scure/base';
import { ProtocolError } from './protocol-error';

const utf8Encoder = new TextEncoder();
// `fatal`: malformed UTF-8 is an error, not U+FFFD. `ignoreBOM`: a leading BOM is
// kept as text rather than silently dropped, so decoding never loses bytes.
const utf8Decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * `b64(x)`: base64url without padding.
 *
 * @example
 * toB64(new Uint8Array([0x12, 0xab])); // 'Eqs'
 */
export function toB64(bytes: Uint8Array): string {
  return base64urlnopad.encode(bytes);
}

/**
 * Decode `b64(x)`. Throws a {@link ProtocolError} `bad_encoding` for padding,
 * the standard alphabet, whitespace, an impossible length or non-zero
 * trailing bits.
 */
export function fromB64(text: string): Uint8Array {
  try {
    return base64urlnopad.decode(text);
  } catch (cause) {
    throw new ProtocolError('bad_encoding', 'Not canonical base64url without padding.', { cause });
  }
}

/** `utf8(s)`: the UTF-8 bytes of a string. */
export function toUtf8(text: string): Uint8Array {
  return utf8Encoder.encode(text);
}

/** Decode UTF-8 bytes; throws a `TypeError` on malformed input. */
export function fromUtf8(bytes: Uint8Array): string {
  return utf8Decoder.decode(bytes);
}
