/**
 * @module
 * `npm run directory-key -- <file>`: makes the operator's directory signing
 * key (PROTOCOL.md §13) on this machine, writes it to `<file>` (mode 0600)
 * with its secret key locked under a passphrase, and prints the public key
 * to build the pages with. Run it on the machine that will sign, ideally one
 * that is otherwise offline; see SECURITY.md for keeping the key.
 */
import { parseArgs } from 'node:util';
import { ConfigError } from '../config.ts';
import { makeDirectoryKey, PASSPHRASE_VARIABLE, passphrase } from './directory-key-file.ts';

async function main(): Promise<void> {
  const { positionals } = parseArgs({ allowPositionals: true, strict: true });
  const [file] = positionals;
  if (file === undefined || positionals.length !== 1) {
    throw new ConfigError('usage: npm run directory-key -- <file>');
  }
  const secret = await passphrase(process.env[PASSPHRASE_VARIABLE], { repeat: true });
  const publicKey = await makeDirectoryKey(file, secret);
  console.log(
    [
      `Directory key written to ${file} (readable only by you).`,
      `Public key: ${publicKey}`,
      '',
      'Build the pages with it, so that they accept only entries signed with this key:',
      `  DIRECTORY_PUBLIC_KEY=${publicKey}`,
      'then sign the directory with `npm run sign-directory`.',
      'Keep a backup of the file and of its passphrase: without both, every entry must be',
      'signed again under a new key, and the pages rebuilt with it.',
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  console.error(`directory-key: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
