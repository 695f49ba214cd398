/**
 * @module
 * The tests run three programs from Debian: Chromium at /usr/bin/chromium
 * (the browser tests), Caddy at /usr/bin/caddy (test/process/caddy.test.ts,
 * the TLS proxy of docs/deploy-node.md) and systemd-analyze
 * (test/process/systemd-unit.test.ts, the unit in deploy/). `npm test` and
 * .ci/run run this first: whatever is missing it installs with apt-get when
 * it can (root on Debian), and otherwise stops with one line saying what to
 * do. No test is ever skipped silently for want of one.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Each program by the path the tests run it at, and the Debian package that installs it there. */
const NEEDED = [
  { path: '/usr/bin/chromium', debian: 'chromium', usedBy: 'The browser tests' },
  { path: '/usr/bin/caddy', debian: 'caddy', usedBy: 'The TLS proxy test' },
  { path: '/usr/bin/systemd-analyze', debian: 'systemd', usedBy: 'The systemd unit test' },
];

const missing = NEEDED.filter((program) => !existsSync(program.path));
if (missing.length > 0) {
  const packages = missing.map((program) => program.debian);
  const canInstall = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  if (!canInstall) {
    for (const program of missing) console.error(`${program.usedBy}: ${program.path} is missing.`);
    console.error(`Run "sudo apt-get install -y ${packages.join(' ')}" and try again.`);
    process.exit(1);
  }
  console.log(`Installing for the tests: apt-get install -y ${packages.join(' ')}…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', ...packages], { stdio: 'inherit', env });
  // Debian's package also starts a system Caddy serving a sample page on
  // port 80; the test starts its own, so that one is stopped again.
  if (packages.includes('caddy') && existsSync('/run/systemd/system')) {
    execFileSync('systemctl', ['disable', '--now', 'caddy'], { stdio: 'inherit' });
  }
}
