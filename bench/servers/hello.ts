/**
 * @module
 * Baseline A: Hono's hello world on @hono/node-server, the floor under any
 * Hono app on this machine. `/readyz` answers like the relay's, so cold
 * starts are timed the same way. `PORT` picks the port (127.0.0.1 only).
 */
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const app = new Hono();
app.get('/', (c) => c.text('Hello Hono!'));
app.get('/readyz', (c) => c.json({ status: 'ready' }));

serve({ fetch: app.fetch, hostname: '127.0.0.1', port: Number(process.env.PORT ?? 8790) }, () => {
  console.log('hello listening');
});

// Exit normally on SIGTERM, so `node --cpu-prof` writes its profile.
process.on('SIGTERM', () => process.exit(0));
