/**
 * The page hands its proof-of-work worker the libsodium it verified
 * (web/src/verified-scripts.ts): the worker takes nothing but a `blob:` URL,
 * which only the page's own code can make from bytes it checked.
 */
import { describe, expect, it } from 'vitest';
import { adoptVerifiedModule, ScriptIntegrityError } from '../../web/src/verified-scripts.ts';

describe('adoptVerifiedModule', () => {
  it('refuses anything but a blob: URL, so a worker never runs a script from the network unchecked', () => {
    for (const url of ['https://example.org/libsodium.js', '/assets/chunks/libsodium.js', '']) {
      expect(() => adoptVerifiedModule('libsodium', url)).toThrow(ScriptIntegrityError);
    }
  });
});
