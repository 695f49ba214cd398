/**
 * @module
 * `npm run ops -- status` prints the delivery-health summary, `npm run ops
 * -- supporters` the per-supporter backlog, read straight from the
 * configured database (like `npm run invite`). `--json` prints the figures
 * as JSON instead. Colours only on a terminal, and never with `NO_COLOR`.
 */
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.ts';
import { openNodeRelay } from '../node-relay.ts';
import { OPS_COMMANDS, type OpsCommand, opsReport } from './ops-report.ts';

const USAGE = 'usage: npm run ops -- status | supporters [--json]';

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    options: { json: { type: 'boolean' } },
    allowPositionals: true,
    strict: true,
  });
  const command = OPS_COMMANDS.find((c) => c === positionals[0]);
  if (command === undefined || positionals.length !== 1) throw new ConfigError(USAGE);
  const { relay, store } = await openNodeRelay(loadConfig(process.env));
  try {
    const color = process.stdout.isTTY === true && !process.env.NO_COLOR;
    const json = values.json === true;
    process.stdout.write(await opsReport(relay, command as OpsCommand, { color, json }));
  } finally {
    store.close();
  }
}

main().catch((error: unknown) => {
  console.error(`ops: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
