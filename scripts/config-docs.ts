/**
 * @module
 * `npm run docs:config`: writes docs/configuration.md, the deployer's table
 * of environment variables, from the schema in src/config.ts. A test fails
 * when the file and the schema differ.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as v from 'valibot';
import { environmentVariables, type OnWorkers, type VariableNotes } from '../src/config.ts';

export const CONFIGURATION_DOCS = fileURLToPath(
  new URL('../docs/configuration.md', import.meta.url),
);

/** One variable as docs/configuration.md shows it. */
export interface VariableRow {
  name: string;
  /** The text a deployer would write, or `undefined` when unset has its own meaning. */
  default: string | undefined;
  description: string;
  workers: OnWorkers;
  notes: VariableNotes;
}

/** Every configuration variable, in the schema's order. */
export function variableRows(): VariableRow[] {
  return Object.entries(environmentVariables).map(([name, entry]): VariableRow => {
    const schema: v.GenericSchema = entry;
    const description = v.getDescription(schema);
    if (description === undefined) throw new Error(`${name} has no description in src/config.ts.`);
    const fallback = v.getDefault(schema);
    // Only `notes()` in src/config.ts adds metadata to these schemas.
    const notes = v.getMetadata(schema) as VariableNotes;
    return {
      name,
      default: fallback === undefined ? undefined : String(fallback),
      description,
      workers: notes.workers ?? 'var',
      notes,
    };
  });
}

const ON_WORKERS: Record<OnWorkers, string> = {
  var: 'var',
  secret: '**secret**',
  ignored: 'ignored',
  unavailable: 'not available',
};

function defaultCell({ name, default: fallback, notes }: VariableRow): string {
  if (fallback === undefined) return notes.unset ?? '—';
  const hours = Number(fallback);
  const days = name.endsWith('_HOURS') && hours >= 48 && hours % 24 === 0 ? hours / 24 : 0;
  return days > 0 ? `\`${fallback}\` (${days} days)` : `\`${fallback}\``;
}

function meaningCell({ description, notes }: VariableRow): string {
  const range = notes.range === undefined ? '' : ` Whole number, ${notes.range.join('–')}.`;
  return `${description}${range}`;
}

/** The whole of docs/configuration.md. */
export function renderConfigurationDocs(): string {
  const rows = variableRows().map(
    (row) =>
      `| \`${row.name}\` | ${defaultCell(row)} | ${ON_WORKERS[row.workers]} | ${meaningCell(row)} |`,
  );
  return `# Configuration

<!-- Generated from src/config.ts by \`npm run docs:config\`: edit the schema there, not this file. -->

All settings are environment variables, read and checked once at start by
\`loadConfig\` (\`src/config.ts\`), the same on Node and on Workers. A bad value
stops the Node relay with a sentence naming the variable; a Worker answers
every request with \`503 not_ready\` and that sentence.

On Workers ([deploy.md](deploy.md)), a **var** goes in \`[vars]\` of
\`wrangler.toml\` (plain text, visible in the dashboard) and a **secret** is set
with \`npx wrangler secret put NAME\` (encrypted, never shown again; for
\`npm run cf:dev\` it lives in \`.dev.vars\`).

Lifetimes are whole hours. Every stored time is truncated to the hour and an
expiry is rounded up to the next whole hour, so nothing lives shorter than its
stated lifetime ([protocol §10](protocol.md#10-lifetimes-and-rounding-to-the-hour)).

| variable | default | on Workers | meaning |
| --- | --- | --- | --- |
${rows.join('\n')}

## At build time

One variable is read by the build (\`npm install\`, \`npm run build\`,
\`npm run cf:build\`), not by the relay: \`DIRECTORY_PUBLIC_KEY\`, the
operator's Ed25519 public key (base64url, 32 bytes) from
\`npm run directory-key\`. The pages are built with it and then verify every
directory entry's signature before a doctor can write (PROTOCOL.md §13,
SECURITY.md); unset, they trust the directory as served. A bad value stops the
build with a sentence saying so (\`scripts/directory-public-key.ts\`).
`;
}

if (process.argv[1] !== undefined && import.meta.filename === process.argv[1]) {
  writeFileSync(CONFIGURATION_DOCS, renderConfigurationDocs());
  console.log('Wrote docs/configuration.md');
}
