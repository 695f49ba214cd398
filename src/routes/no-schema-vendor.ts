/**
 * @module
 * Stands in, in the Worker bundle only (wrangler.toml `[alias]`), for the
 * JSON Schema converters of other schema libraries (zod, effect, sury) that
 * hono-openapi's converter loads by `import()` when it meets their schemas.
 * This relay's schemas are all valibot's, so none is ever loaded; without
 * the alias, wrangler would bundle whichever of them happen to be installed
 * (zod comes with the Workers test pool), and the Worker's size would depend
 * on the machine that built it.
 */
export {};
