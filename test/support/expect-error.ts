/**
 * @module
 * The one assertion of PROTOCOL.md §6's error shape, shared by the API tests
 * and the protocol suite on every runtime.
 */
import { expect } from 'vitest';
import type { ApiResponse } from './transport.ts';

/**
 * Exactly `{"error": {"code", "message"}}` with this status and code, a
 * non-empty message, as JSON, and no cookie (the relay never sets one).
 */
export function expectError(response: ApiResponse, status: number, code: string): void {
  expect({ status: response.status, body: response.body }).toEqual({
    status,
    body: { error: { code, message: expect.any(String) } },
  });
  expect(Object.keys(response.body)).toEqual(['error']);
  expect(Object.keys(response.body.error).sort()).toEqual(['code', 'message']);
  expect(response.body.error.message.length).toBeGreaterThan(0);
  expect(response.headers.get('Content-Type')).toMatch(/^application\/json/);
  expect(response.headers.get('Set-Cookie')).toBeNull();
}
