/**
 * @module
 * `npm run sign-directory -- --key <file> --relay <url> [--yes]`: signs the
 * relay's directory entries that are unsigned or changed (PROTOCOL.md §13),
 * asking y/N for each; a changed key is flagged loudly. The operator token
 * comes from OPERATOR_TOKEN, the key file's passphrase from a terminal
 * prompt or DIRECTORY_KEY_PASSPHRASE; `--yes` answers yes to every entry
 * (for scripts and tests: it also signs changed keys). Works against any
 * relay, Node or Workers, through its admin API (./directory-signer.ts).
 */
import { parseArgs } from 'node:util';
import { read } from 'read';
import { ConfigError } from '../config.ts';
import { PASSPHRASE_VARIABLE, passphrase, readDirectoryKey } from './directory-key-file.ts';
import { type Candidate, relayOrigin, signDirectory } from './directory-signer.ts';

const USAGE = 'usage: npm run sign-directory -- --key <file> --relay <url> [--yes]';

async function ask(candidate: Candidate): Promise<boolean> {
  const answer = await read({
    prompt: `  Sign ${candidate.name} as version ${candidate.version}? [y/N] `,
  });
  return /^y(es)?$/i.test(answer.trim());
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { key: { type: 'string' }, relay: { type: 'string' }, yes: { type: 'boolean' } },
    strict: true,
  });
  if (values.key === undefined || values.relay === undefined) throw new ConfigError(USAGE);
  const relay = relayOrigin(values.relay);
  const operatorToken = process.env.OPERATOR_TOKEN;
  if (!operatorToken) throw new ConfigError("Set OPERATOR_TOKEN to the relay's operator token.");
  if (values.yes !== true && !process.stdin.isTTY) {
    throw new ConfigError('Run this on a terminal to answer for each entry, or pass --yes.');
  }
  const keys = await readDirectoryKey(
    values.key,
    await passphrase(process.env[PASSPHRASE_VARIABLE]),
  );
  const report = await signDirectory({
    keys,
    relay,
    operatorToken,
    print: (line) => console.log(line),
    confirm: values.yes === true ? async () => true : ask,
  });
  keys.secretKey.fill(0);
  if (report.failed.length > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(`sign-directory: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
