/**
 * @module
 * The operator's directory key file on disk (`npm run directory-key` writes
 * it, `npm run sign-directory` reads it) and the passphrase that locks it:
 * from a terminal prompt that echoes nothing, or from
 * DIRECTORY_KEY_PASSPHRASE for scripts and tests. The cryptography is in
 * web/src/protocol/operator-key.ts, shared with nothing else.
 */
import { readFile, stat, writeFile } from 'node:fs/promises';
import { read } from 'read';
import type { SignKeyPair } from '../../web/src/crypto/libsodium.ts';
import { createOperatorKey, openOperatorKey } from '../../web/src/protocol/operator-key.ts';
import { ProtocolError } from '../../web/src/protocol/protocol-error.ts';
import { ConfigError } from '../config.ts';

/** Shorter passphrases are refused for a new key: the file may be copied to backups. */
export const MIN_PASSPHRASE_CHARS = 12;

/** The variable a script sets instead of typing the passphrase. */
export const PASSPHRASE_VARIABLE = 'DIRECTORY_KEY_PASSPHRASE';

/**
 * The key file's passphrase: `fromEnv` when set, else typed at the terminal
 * (twice for a new key). Without either there is no safe way to ask.
 */
export async function passphrase(
  fromEnv: string | undefined,
  { repeat = false }: { repeat?: boolean } = {},
): Promise<string> {
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (!process.stdin.isTTY) {
    throw new ConfigError(`Set ${PASSPHRASE_VARIABLE}, or run this on a terminal to type it.`);
  }
  const typed = await read({ prompt: 'Passphrase of the directory key: ', silent: true });
  if (repeat) {
    const again = await read({ prompt: 'The same passphrase again: ', silent: true });
    if (again !== typed) throw new ConfigError('The two passphrases differ; nothing was written.');
  }
  return typed;
}

/**
 * Makes a new operator key pair and writes it, its secret key locked under
 * the passphrase, to `file` (mode 0600; an existing file is never
 * overwritten, as it may hold the only copy of a key in use).
 *
 * @returns the public key, `b64`: the value of DIRECTORY_PUBLIC_KEY.
 */
export async function makeDirectoryKey(file: string, secret: string): Promise<string> {
  if ([...secret].length < MIN_PASSPHRASE_CHARS) {
    throw new ConfigError(`Choose a passphrase of at least ${MIN_PASSPHRASE_CHARS} characters.`);
  }
  const content = await createOperatorKey(secret);
  try {
    await writeFile(file, `${JSON.stringify(content, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new ConfigError(`${file} already exists; it is not overwritten.`);
    }
    throw error;
  }
  return content.publicKey;
}

/**
 * Opens the key file with its passphrase. Warns (on `warn`) when others may
 * read it; throws a {@link ConfigError} that says what is wrong otherwise.
 */
export async function readDirectoryKey(
  file: string,
  secret: string,
  warn: (line: string) => void = console.error,
): Promise<SignKeyPair> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new ConfigError(`Cannot read the key file ${file}.`);
  }
  if (((await stat(file)).mode & 0o077) !== 0) {
    warn(`warning: ${file} can be read by others than you; chmod 600 it.`);
  }
  let content: unknown;
  try {
    content = JSON.parse(text);
  } catch {
    throw new ConfigError(`${file} is not a directory key file (not JSON).`);
  }
  try {
    return await openOperatorKey(content, secret);
  } catch (error) {
    if (error instanceof ProtocolError) throw new ConfigError(`${file}: ${error.message}`);
    throw error;
  }
}
