// npm runs this after `npm install` and `npm ci`, and before `npm pack`.
// In a checkout it builds the relay, its tools and the web client once
// (scripts/build.ts), so `npm start` runs only what was built. In a release
// (the tarball of `npm pack`, installed with `npm ci --omit=dev`) there are
// no sources and no build tools: it is built already, and nothing is written.
// Plain JavaScript, as a release has no TypeScript loader.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

if (existsSync('src/node.ts')) {
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build.ts'], { stdio: 'inherit' });
}
