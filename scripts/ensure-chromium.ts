/**
 * @module
 * Browser tests need Debian's Chromium at /usr/bin/chromium. `npm test` runs
 * this first: if Chromium is missing it installs it with apt-get when it can
 * (root on Debian), and otherwise stops with one line saying what to do.
 * Browser tests are never skipped silently.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM = '/usr/bin/chromium';

if (!existsSync(CHROMIUM)) {
  const canInstall = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  if (!canInstall) {
    console.error(
      `Browser tests need Chromium at ${CHROMIUM}: run "sudo apt-get install -y chromium" and try again.`,
    );
    process.exit(1);
  }
  console.log('Installing Chromium for the browser tests (apt-get install -y chromium)…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
}
