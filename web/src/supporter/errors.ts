/** @module Recognising failures that are the network's fault rather than the page's. */

/**
 * Whether `error` is the browser failing to load part of the page's code
 * (the encryption library is fetched only when first needed), which a
 * flaky connection causes and a retry cures.
 */
export function isLoadFailure(error: unknown): boolean {
  return (
    error instanceof TypeError &&
    /dynamically imported module|importing a module script|module script failed/i.test(
      error.message,
    )
  );
}
