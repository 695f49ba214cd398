/**
 * @module
 * The devices of the phone section (bench/sections/phone.ts) and what is
 * recorded on them: a phone as Lighthouse emulates its mobile device (a
 * Moto G Power: 390×844 at 3×, touch, 150 ms round trip, 1.6 Mbit/s down,
 * 750 kbit/s up, the CPU slowed 4×, no cache), or a desktop without any
 * emulation; every request with its bytes on the wire; and the CPU time a
 * page's Web Workers spend, from a Chromium trace, because Chromium's CPU
 * throttling slows only the page's main thread.
 */
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { recordUsable, type UsableOptions } from '../browser/usable.ts';

export interface Device {
  name: 'phone' | 'desktop';
  /** Chromium's own network and CPU emulation (CDP); none on the desktop. */
  throttling: {
    latencyMs: number;
    downloadBytesPerSecond: number;
    uploadBytesPerSecond: number;
    cpuSlowdown: number;
  } | null;
}

export const PHONE: Device = {
  name: 'phone',
  throttling: {
    latencyMs: 150,
    downloadBytesPerSecond: 1.6e6 / 8,
    uploadBytesPerSecond: 750e3 / 8,
    cpuSlowdown: 4,
  },
};

export const DESKTOP: Device = { name: 'desktop', throttling: null };

/**
 * A fresh context (empty cache, no cookies, new connections) and page on
 * `device`, with the usable-time recorder (bench/browser/usable.ts) in every
 * document. Viewport, scale, touch and user agent are the context's options
 * (Playwright sets them over CDP: Emulation.setDeviceMetricsOverride,
 * setTouchEmulationEnabled, setUserAgentOverride); network, cache and CPU are
 * set on the page's own CDP session, and hold for its later documents and
 * its workers' requests; the cache is disabled in the workers too.
 */
export async function openOn(
  browser: Browser,
  device: Device,
  usable: UsableOptions,
): Promise<{ context: BrowserContext; page: Page }> {
  const context =
    device.name === 'phone'
      ? await browser.newContext({
          viewport: { width: 390, height: 844 },
          deviceScaleFactor: 3,
          isMobile: true,
          hasTouch: true,
          userAgent: `Mozilla/5.0 (Linux; Android 11; moto g power (2022)) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${browser.version()} Mobile Safari/537.36`,
        })
      : await browser.newContext();
  // Sent as source text. tsx compiles with esbuild's keepNames, which wraps
  // named functions in a `__name()` helper that exists only in Node.
  await context.addInitScript({
    content: `(() => { const __name = (f) => f; (${recordUsable})(${JSON.stringify(usable)}); })();`,
  });
  const page = await context.newPage();
  if (device.throttling !== null) {
    const cdp = await context.newCDPSession(page);
    const t = device.throttling;
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: t.latencyMs,
      downloadThroughput: t.downloadBytesPerSecond,
      uploadThroughput: t.uploadBytesPerSecond,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: t.cpuSlowdown });
    // A worker is a target of its own, which the page's "cache disabled"
    // does not reach: the proof-of-work worker's libsodium came from the HTTP
    // cache that the page's own download had filled. Playwright disables
    // the cache in every target, workers included, before they run, while
    // any route is set ("Enabling routing disables http cache"): this one
    // matches no request, so every request goes on unchanged.
    await context.route('**/phone-bench-routes-nothing', (route) => route.abort());
  }
  return { context, page };
}

/** What a request was for, by its path. */
export type RequestKind = 'html' | 'js' | 'css' | 'api' | 'other';

/** One request on the wire, as the waterfall shows it. */
export interface RequestRecord {
  path: string;
  kind: RequestKind;
  /** Milliseconds from the epoch (wall clock), so that any document's origin can be subtracted. */
  startEpochMs: number;
  endEpochMs: number;
  status: number;
  /** Response body bytes as received (after any Content-Encoding), headers excluded. */
  bytes: number;
  encoding: string | null;
}

function kindOf(path: string, request: Request): RequestKind {
  if (path.startsWith('/api/')) return 'api';
  if (/^\/assets\/.*\.js$/.test(path)) return 'js';
  if (path.endsWith('.css')) return 'css';
  return request.resourceType() === 'document' ? 'html' : 'other';
}

/**
 * Records every http(s) request of a context, its workers' included (the
 * scripts the pages verify are fetched with `fetch()` and run from `blob:`
 * URLs, which are not on the wire and not recorded).
 */
export function recordRequests(context: BrowserContext): () => Promise<RequestRecord[]> {
  const records: Promise<RequestRecord | null>[] = [];
  const record = async (request: Request): Promise<RequestRecord | null> => {
    const url = new URL(request.url());
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    const response = await request.response();
    const timing = request.timing();
    const sizes = await request.sizes().catch(() => ({ responseBodySize: 0 }));
    return {
      path: url.pathname,
      kind: kindOf(url.pathname, request),
      startEpochMs: timing.startTime,
      endEpochMs: timing.startTime + Math.max(0, timing.responseEnd),
      status: response?.status() ?? 0,
      bytes: Math.max(0, sizes.responseBodySize),
      encoding: (await response?.headerValue('content-encoding')) ?? null,
    };
  };
  context.on('requestfinished', (request) => records.push(record(request)));
  context.on('requestfailed', (request) => records.push(record(request).catch(() => null)));
  return async () =>
    (await Promise.all(records))
      .filter((r): r is RequestRecord => r !== null)
      .sort((a, b) => a.startEpochMs - b.startEpochMs);
}

/** The trace categories {@link workerCpuMs} reads: tasks per thread, and the pages' marks. */
export const TRACE_CATEGORIES = ['toplevel', 'blink.user_timing'];

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

/**
 * CPU time (thread time, wall time where the trace has none) that Web
 * Workers' tasks spent between the page's marks `from` and `to`, in
 * milliseconds. A task that straddles a mark counts in proportion.
 */
export function workerCpuMs(trace: Buffer, from: string, to: string): number {
  const events = (JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  const start = events.find((e) => e.name === from)?.ts;
  const end = events.find((e) => e.name === to)?.ts;
  if (start === undefined || end === undefined) throw new Error(`no marks ${from} and ${to}`);
  const workers = new Set(
    events
      .filter(
        (e) =>
          e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'DedicatedWorker thread',
      )
      .map((e) => `${e.pid}:${e.tid}`),
  );
  let micros = 0;
  for (const e of events) {
    if (e.name !== 'ThreadControllerImpl::RunTask' || !workers.has(`${e.pid}:${e.tid}`)) continue;
    const dur = e.dur ?? 0;
    const overlap = Math.min(end, e.ts + dur) - Math.max(start, e.ts);
    if (dur <= 0 || overlap <= 0) continue;
    micros += (e.tdur ?? dur) * (overlap / dur);
  }
  return micros / 1000;
}
