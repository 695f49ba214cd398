/**
 * @module
 * Stands in for the JSON Schema converters of other schema libraries (zod,
 * effect, sury) that hono-openapi's converter loads by `import()` when it
 * meets their schemas. This relay's schemas are all valibot's, so none is
 * ever loaded; without this stand-in, a bundle would hold whichever of them
 * happen to be installed (zod comes with the Workers test pool), and its
 * size would depend on the machine that built it. The Node build
 * (scripts/build-server.ts) and the Worker's (wrangler.toml `[alias]`, which
 * must list the same) point each of `UNUSED_SCHEMA_VENDORS` here.
 */

/** The packages hono-openapi's converter may import, other than valibot's. */
export const UNUSED_SCHEMA_VENDORS = [
  'effect',
  'sury',
  'zod-openapi',
  'zod-to-json-schema',
  'zod/v4/core',
] as const;
