/**
 * @module
 * `npm run invite -- --note "Dr Hansen, Bergen" [--days 14]`: creates a
 * single-use supporter invite in the configured database and prints its
 * link, exactly as `POST /api/v1/admin/invites` would. Send the link to the
 * new supporter over a channel you trust; the token is in its fragment.
 */
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.ts';
import { createInvite } from '../domain/operator.ts';
import { openNodeRelay } from '../node-relay.ts';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { note: { type: 'string' }, days: { type: 'string' } },
    strict: true,
  });
  const days = values.days === undefined ? undefined : Number(values.days);
  if (days !== undefined && (!Number.isInteger(days) || days < 1 || days > 365)) {
    throw new ConfigError('--days must be a whole number from 1 to 365.');
  }
  const { relay, store } = await openNodeRelay(loadConfig(process.env));
  try {
    const invite = await createInvite(relay, { note: values.note, expiresInDays: days });
    console.log(`Invite link (single use, expires ${invite.expiresAt}):\n${invite.url}`);
  } finally {
    store.close();
  }
}

main().catch((error: unknown) => {
  console.error(`invite: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
