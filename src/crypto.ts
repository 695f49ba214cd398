/**
 * @module
 * The server's cryptography. The relay never encrypts or decrypts: it only
 * hashes (ids, capability hashes, fingerprints, proof of work), signs its own
 * proof-of-work challenges and draws random tokens. Everything here is pure
 * TypeScript (`@noble/hashes`, `@scure/base`) and Web Crypto randomness, so it
 * runs unchanged on Node and inside workerd, where libsodium's WebAssembly
 * cannot be compiled at run time. See docs/protocol.md for the derivations.
 */
import { blake2b } from '@noble/hashes/blake2.js';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { base64urlnopad } from '@scure/base';

const encoder = new TextEncoder();

/** `H(len, msg, key?)` of PROTOCOL.md: libsodium's `crypto_generichash` (BLAKE2b). */
export function hash(length: number, message: Uint8Array, key?: Uint8Array): Uint8Array {
  return key === undefined
    ? blake2b(message, { dkLen: length })
    : blake2b(message, { dkLen: length, key });
}

export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}

/** base64url without padding, the only binary encoding on the wire. */
export function toB64(bytes: Uint8Array): string {
  return base64urlnopad.encode(bytes);
}

/**
 * Strict base64url-without-padding decoding: any other alphabet, padding or
 * non-zero trailing bits is refused, so every value has exactly one spelling.
 */
export function fromB64(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  try {
    return base64urlnopad.decode(text);
  } catch {
    return null;
  }
}

export function randomBytes(length: number): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(length));
}

/** A fresh capability (session, invite, operator token): 256 random bits. */
export function newToken(): string {
  return toB64(randomBytes(32));
}

/**
 * What the database keeps of a capability: `b64(H(32, bytes))`. Tokens that
 * are base64url are hashed as their bytes (PROTOCOL.md §2 `H(32, readToken)`);
 * the hash of a malformed token simply never matches.
 */
export function capabilityHash(token: string): string {
  return toB64(hash(32, fromB64(token) ?? utf8(`invalid:${token}`)));
}

/** Message and reply id: `b64(H(16, ciphertext))`, so resubmission is idempotent. */
export function ciphertextId(ciphertext: Uint8Array): string {
  return toB64(hash(16, ciphertext));
}

/** Keyed BLAKE2b for values derived from the server secret (fake salts, throttle keys). */
export function keyedHash(secret: Uint8Array, label: string, length = 32): Uint8Array {
  return hash(length, utf8(label), hash(32, secret));
}

export function hmacSha256(key: Uint8Array, message: Uint8Array): Uint8Array {
  return hmac(sha256, key, message);
}

/** Compares without an early exit, so timing does not reveal a matching prefix. */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return difference === 0;
}

/**
 * The supporter key fingerprint of PROTOCOL.md §1: five groups of five
 * digits, each a big-endian 40-bit slice of the hash modulo 100000.
 */
export function fingerprint(boxPublicKey: Uint8Array): string {
  const digest = hash(32, concat(utf8('peer-relay/v1/fingerprint'), boxPublicKey));
  const groups: string[] = [];
  for (let i = 0; i < 5; i++) {
    let value = 0n;
    for (const byte of digest.subarray(5 * i, 5 * i + 5)) value = (value << 8n) | BigInt(byte);
    groups.push((value % 100000n).toString().padStart(5, '0'));
  }
  return groups.join(' ');
}

/** Number of leading zero bits, most significant bit of the first byte first. */
export function leadingZeroBits(bytes: Uint8Array): number {
  let bits = 0;
  for (const byte of bytes) {
    if (byte === 0) {
      bits += 8;
      continue;
    }
    return bits + Math.clz32(byte) - 24;
  }
  return bits;
}

export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
