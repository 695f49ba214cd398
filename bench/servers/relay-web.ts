/**
 * @module
 * The relay as src/node.ts assembles it, serving a web client built into
 * `WEB_ROOT` (bench/out/web) rather than web/dist, so the browser
 * benchmarks never touch the tree other work builds into. Configuration is
 * the relay's own (`loadConfig(process.env)`).
 */
import { serve } from '@hono/node-server';
import { createApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { openNodeRelay } from '../../src/node-relay.ts';
import { staticFiles } from '../../src/static-files.ts';

const webRoot = process.env.WEB_ROOT;
if (webRoot === undefined) throw new Error('WEB_ROOT must name the built web client.');
const config = loadConfig(process.env);
const { relay } = await openNodeRelay(config);
const app = createApp({
  relay,
  version: 'bench',
  startedAt: new Date(),
  assets: staticFiles(webRoot),
  logError: (error) => console.error(error),
});
serve({ fetch: app.fetch, hostname: config.host, port: config.port }, (info) => {
  console.log(`relay-web listening on http://${info.address}:${info.port}`);
});
