/**
 * @module
 * The Workers bindings the edge entry receives, and the few runtime types it
 * touches. They are declared here, by shape, instead of loading
 * `@cloudflare/workers-types`, whose global declarations (`Request`,
 * `Response`, …) clash with the DOM library that `web/` is checked against.
 */

/** A D1 prepared statement (the part the relay and its tests use). */
export interface D1PreparedStatement {
  bind(...values: unknown[]): D1PreparedStatement;
  first<T = Record<string, unknown>>(): Promise<T | null>;
  all<T = Record<string, unknown>>(): Promise<{ results: T[] }>;
  run(): Promise<{ success: boolean; meta: { changes?: number } }>;
}

/** The D1 binding (`[[d1_databases]]` in wrangler.toml). */
export interface D1Database {
  prepare(query: string): D1PreparedStatement;
  batch(statements: D1PreparedStatement[]): Promise<unknown[]>;
  exec(query: string): Promise<unknown>;
}

/** A service binding such as `ASSETS` (Workers Static Assets). */
export interface Fetcher {
  fetch(request: Request): Promise<Response>;
}

export interface ExecutionContext {
  waitUntil(promise: Promise<unknown>): void;
  passThroughOnException(): void;
}

export interface ScheduledController {
  readonly scheduledTime: number;
  readonly cron: string;
  noRetry(): void;
}

/**
 * What a request or a Cron Trigger is given: bindings from wrangler.toml,
 * plain-text `[vars]` and secrets (`wrangler secret put`), all by name. The
 * string-valued ones are the relay's configuration (see src/config.ts).
 */
export interface WorkerEnv {
  /** D1 database; used unless `DATABASE_URL` names a libSQL/Turso database. */
  DB?: D1Database;
  /** The web client (web/dist) as Workers Static Assets. */
  ASSETS?: Fetcher;
  [variable: string]: unknown;
}
