/**
 * @module
 * `npm start` and `npm run build`: the web client into web/dist and the
 * server into dist/node.mjs. `--report` prints every served asset's SHA-256
 * and SRI digest and sizes (see README, "Checking the code you run").
 */
import { buildServer } from './build-server.ts';
import { buildWeb, reportBuild } from './build-web.ts';

const web = await buildWeb();
await buildServer();
if (process.argv.includes('--report')) reportBuild(web);
console.log('built web/dist and dist/node.mjs');
