/**
 * The Content-Security-Policy every answer of the relay carries, written
 * out once for the tests that pin it (src/app.ts builds it; docs/protocol.md
 * §11, "What the doctor's pages leave behind", explains `blob:` and the
 * Trusted Types policy).
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' blob:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'; require-trusted-types-for 'script'; trusted-types peer-relay-verified-script";

/** `Cache-Control` of every API answer (src/app.ts): never kept, never compressed on the way. */
export const NOT_STORED = 'no-store, no-transform';
