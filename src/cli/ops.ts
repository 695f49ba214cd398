/**
 * @module
 * `npm run ops -- status` prints the delivery-health summary, `npm run ops
 * -- supporters` the per-supporter backlog, read straight from the
 * configured database (like `npm run invite`). `--json` prints the figures
 * as JSON instead. Colours only on a terminal, and never with `NO_COLOR`.
 * `npm run ops -- purge <supporterId> <hours>` deletes the ciphertext of that
 * supporter's queued messages received at least that many hours ago, as
 * `POST /api/v1/admin/supporters/{id}/purge` does (issue 15).
 */
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.ts';
import { purgeSupporterQueue } from '../domain/operator.ts';
import type { Relay } from '../domain/relay.ts';
import { openNodeRelay } from '../node-relay.ts';
import { OPS_COMMANDS, type OpsCommand, opsReport } from './ops-report.ts';

const USAGE =
  'usage: npm run ops -- status | supporters [--json] | purge <supporterId> <olderThanHours>';

/** `purge <supporterId> <hours>`: the operator's purge, from the terminal. */
async function purge(relay: Relay, args: string[]): Promise<string> {
  const [supporterId, hours] = args;
  if (supporterId === undefined || hours === undefined || !/^\d{1,4}$/.test(hours)) {
    throw new ConfigError(USAGE);
  }
  const { purged } = await purgeSupporterQueue(relay, supporterId, {
    olderThanHours: Number(hours),
  });
  return `purged ${purged} queued message${purged === 1 ? '' : 's'} of ${supporterId}\n`;
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    options: { json: { type: 'boolean' } },
    allowPositionals: true,
    strict: true,
  });
  const isPurge = positionals[0] === 'purge' && positionals.length === 3;
  const command = OPS_COMMANDS.find((c) => c === positionals[0]);
  if (!isPurge && (command === undefined || positionals.length !== 1)) {
    throw new ConfigError(USAGE);
  }
  const { relay, store } = await openNodeRelay(loadConfig(process.env));
  try {
    if (isPurge) {
      process.stdout.write(await purge(relay, positionals.slice(1)));
      return;
    }
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
