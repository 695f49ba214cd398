/**
 * @module
 * The relay's only log line for unexpected errors, shared by the Node and
 * Workers entries.
 */

/**
 * Logs an unexpected error by kind and place only. Its message could quote a
 * request, and it may span several lines (a failed query lists its
 * parameters on the second), so only the first `at …` frame is kept.
 */
export function logError(error: unknown): void {
  const name = error instanceof Error ? error.name : typeof error;
  const frames = error instanceof Error ? (error.stack ?? '').split('\n') : [];
  const where = frames.find((line) => /^\s+at /.test(line))?.trim() ?? '';
  console.error(`peer-relay: unexpected ${name} ${where}`);
}
