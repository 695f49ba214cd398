/**
 * @module
 * `npm run build`, and `npm install` through scripts/prepare.mjs: the web
 * client into web/dist, the relay and its tools into dist/. `--report`
 * prints every served asset's SHA-256, SRI digest and sizes
 * (docs/verifying-builds.md).
 */
import { buildServer } from './build-server.ts';
import { buildWeb, reportBuild } from './build-web.ts';

const web = await buildWeb();
await buildServer();
if (process.argv.includes('--report')) reportBuild(web);
console.log('built web/dist, and dist/ with the relay and its tools');
