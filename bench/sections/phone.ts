/**
 * @module
 * A doctor on a phone (issue 16): the pages as `npm start` serves them, on
 * Lighthouse's mobile emulation (bench/lib/emulation.ts), each figure the
 * median of fresh loads, and the write page on a desktop without emulation.
 *
 * A journey is what a doctor does: open the home page, tap the first
 * supporter's "Write to" (the page hands the choice to the compose page in
 * `window.name`), type, and tap Send. Times come from the page's own clock
 * (bench/browser/usable.ts): the home and write figures from their
 * navigation's start (for the write page, the tap), Send from the tap on
 * Send to the reply code on screen. Chromium slows only the page's main
 * thread, not its Web Workers, so the workers' CPU time after the tap
 * (from a trace) is added three more times: counted ×4. Immediate journeys
 * tap Send right after the text is filled in (the worst case, the figure
 * checked); typed journeys wait `typingMs` between the first words and
 * Send, as a doctor typing would, so work a page starts while the doctor
 * types has time to finish.
 */
import { rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { buildServer } from '../../scripts/build-server.ts';
import { buildWeb } from '../../scripts/build-web.ts';
import { launchBrowser } from '../../test/browser/chromium.ts';
import type { UsableTimes } from '../browser/usable.ts';
import { RELAY_BUNDLE } from '../lib/bundle.ts';
import {
  DESKTOP,
  type Device,
  openOn,
  PHONE,
  type RequestRecord,
  recordRequests,
  TRACE_CATEGORIES,
  workerCpuMs,
} from '../lib/emulation.ts';
import { enrolOnRelay, OPERATOR_TOKEN, supporterKeys } from '../lib/fixtures.ts';
import { type ServerProcess, startServer } from '../lib/processes.ts';
import { type Summary, summarize } from '../lib/stats.ts';
import { freshDataDir } from './server.ts';

export interface PhoneOptions {
  /** Loads per figure, each in a fresh context. */
  repetitions: number;
  /** Typed journeys: milliseconds between the first words and Send. */
  typingMs: number;
  /** Supporters in the directory the home page lists. */
  supporters: number;
}

/** The first supporter card's "Write to" link. */
const WRITE_TO = '.doctor-card a[href*="/write"]';
const WATCHES = {
  watches: [
    { name: 'home', selectors: [WRITE_TO] },
    { name: 'write', selectors: ['#write-text'] },
    { name: 'sendReady', selectors: ['#write-send'] },
    { name: 'code', selectors: ['#write-code'], withText: true },
    { name: 'mailbox', selectors: ['#mailbox-code'] },
    { name: 'supporter', selectors: ['#login-name', '#login-passphrase'] },
  ],
  click: '#write-send',
};
const MESSAGE = [
  'I have not been sleeping well since a difficult case this spring. ',
  'I would like to talk to another doctor, by phone in the evening if possible.',
];
const WAIT_MS = 60_000;

/** A request relative to its document: milliseconds from the navigation's start. */
export interface WaterfallEntry extends Omit<RequestRecord, 'startEpochMs' | 'endEpochMs'> {
  startMs: number;
  endMs: number;
}

/** One page load: when it became usable, and every request its document made. */
export interface PageLoad {
  usableMs: number;
  requests: WaterfallEntry[];
}

export interface Journey {
  typingMs: number;
  home: PageLoad;
  write: PageLoad & {
    /** When Send was first enabled (not waited for by the figure). */
    sendReadyMs: number | null;
    /** Encoded bytes of /assets/*.js the write page asked for before the tap on Send. */
    jsBeforeSendBytes: number;
  };
  send: {
    clickToCodeMs: number;
    workerCpuMs: number;
    /** Tap to code, the workers' CPU counted ×4. */
    figureMs: number;
    difficulty: number | null;
  } | null;
}

export interface PhoneResult {
  date: string;
  /** The machine is shared: its load average (1, 5, 15 min) before and after. */
  loadAverage: { before: number[]; after: number[] };
  options: PhoneOptions;
  emulation: Device;
  journeys: Journey[];
  typedJourneys: Journey[];
  mailbox: PageLoad[];
  supporter: PageLoad[];
  desktop: Journey[];
  summary: {
    homeMs: Summary;
    writeMs: Summary;
    jsBeforeSendBytes: Summary;
    sendMs: Summary;
    sendClickToCodeMs: Summary;
    sendWorkerCpuMs: Summary;
    typedSendMs: Summary;
    mailboxMs: Summary;
    supporterMs: Summary;
    desktopHomeMs: Summary;
    desktopWriteMs: Summary;
  };
}

async function usableTimes(page: Page, name: string): Promise<UsableTimes> {
  await page.waitForFunction(
    (watched) =>
      (window as unknown as { __phoneBench?: Record<string, number> }).__phoneBench?.[watched] !==
      undefined,
    name,
    { timeout: WAIT_MS },
  );
  return page.evaluate(() => ({
    ...(window as unknown as { __phoneBench: Record<string, number> }).__phoneBench,
  }));
}

const timeOrigin = (page: Page) => page.evaluate(() => performance.timeOrigin);

/** Requests started in [from, to) on the wall clock, relative to `origin`. */
function waterfall(
  records: RequestRecord[],
  origin: number,
  to = Number.POSITIVE_INFINITY,
): WaterfallEntry[] {
  // The two clocks are the same wall clock, read in two processes: allow a little skew.
  return records
    .filter((r) => r.startEpochMs >= origin - 5 && r.startEpochMs < to - 5)
    .map(({ startEpochMs, endEpochMs, ...rest }) => ({
      ...rest,
      startMs: startEpochMs - origin,
      endMs: endEpochMs - origin,
    }));
}

/** Fills `selector` and checks that the page kept what was typed. */
async function typeInto(page: Page, selector: string, text: string): Promise<void> {
  await page.fill(selector, text, { timeout: WAIT_MS });
  if ((await page.inputValue(selector)) !== text) throw new Error(`${selector} did not take input`);
}

async function journey(
  browser: Browser,
  relay: ServerProcess,
  device: Device,
  typingMs: number | null,
): Promise<Journey> {
  const { context, page } = await openOn(browser, device, WATCHES);
  const requests = recordRequests(context);
  let difficulty: number | null = null;
  page.on('response', (response) => {
    if (!response.url().endsWith('/api/v1/pow')) return;
    void response.json().then((body: { difficulty?: number }) => {
      difficulty = body.difficulty ?? null;
    });
  });
  try {
    await page.goto(`${relay.url}/`);
    const homeOrigin = await timeOrigin(page);
    const home = await usableTimes(page, 'home');
    await page.locator(WRITE_TO).first().click();
    await page.waitForURL(/\/write/, { timeout: WAIT_MS });
    let write = await usableTimes(page, 'write');
    const writeOrigin = await timeOrigin(page);
    let send: Journey['send'] = null;
    if (typingMs !== null) {
      if (typingMs > 0) {
        await typeInto(page, '#write-text', MESSAGE[0]!);
        await page.waitForTimeout(typingMs);
      }
      await typeInto(page, '#write-text', MESSAGE.join(''));
      await browser.startTracing(page, { categories: TRACE_CATEGORIES });
      await page.click('#write-send', { timeout: WAIT_MS });
      write = await usableTimes(page, 'code');
      const trace = await browser.stopTracing();
      const workerMs = workerCpuMs(trace, 'phone-bench:click', 'phone-bench:code');
      const clickToCodeMs = write.code! - write.click!;
      const slowdown = device.throttling?.cpuSlowdown ?? 1;
      send = {
        clickToCodeMs,
        workerCpuMs: workerMs,
        figureMs: clickToCodeMs + (slowdown - 1) * workerMs,
        difficulty,
      };
    }
    const records = await requests();
    const writeRequests = waterfall(records, writeOrigin);
    const clickMs = write.click ?? Number.POSITIVE_INFINITY;
    return {
      typingMs: typingMs ?? 0,
      home: { usableMs: home.home!, requests: waterfall(records, homeOrigin, writeOrigin) },
      write: {
        usableMs: write.write!,
        requests: writeRequests,
        sendReadyMs: write.sendReady ?? null,
        jsBeforeSendBytes: writeRequests
          .filter((r) => r.kind === 'js' && r.startMs < clickMs)
          .reduce((sum, r) => sum + r.bytes, 0),
      },
      send,
    };
  } finally {
    await context.close();
  }
}

/** A page opened directly, until its form is usable; the form must take input. */
async function openForm(
  browser: Browser,
  relay: ServerProcess,
  route: string,
  watch: 'mailbox' | 'supporter',
  inputs: string[],
): Promise<PageLoad> {
  const { context, page } = await openOn(browser, PHONE, WATCHES);
  const requests = recordRequests(context);
  try {
    await page.goto(`${relay.url}${route}`);
    const origin = await timeOrigin(page);
    const times = await usableTimes(page, watch);
    for (const input of inputs) await typeInto(page, input, 'abc');
    return { usableMs: times[watch]!, requests: waterfall(await requests(), origin) };
  } finally {
    await context.close();
  }
}

/**
 * The relay as `npm install` builds it and `npm start` starts it: the web client built into web/dist
 * and the server into dist/node.mjs (scripts/build.ts), run with plain node
 * on a fresh database, every setting at its default (proof of work at 16
 * bits). One supporter is enrolled per `supporters`; every journey writes
 * to the first card, at most 2 × repetitions messages, far below where a
 * recipient's price rises (src/domain/submission-price.ts).
 */
export async function measurePhone(
  options: PhoneOptions,
  log: (message: string) => void,
): Promise<PhoneResult> {
  const loadBefore = loadavg();
  await buildWeb();
  await buildServer();
  const dir = freshDataDir();
  const relay = await startServer({
    entry: RELAY_BUNDLE,
    plainNode: true,
    env: { DATABASE_URL: `file:${join(dir, 'relay.db')}`, OPERATOR_TOKEN },
  });
  const browser = await launchBrowser();
  try {
    await enrolOnRelay(relay.url, await supporterKeys(options.supporters));
    const runs = {
      journeys: [] as Journey[],
      typedJourneys: [] as Journey[],
      mailbox: [] as PageLoad[],
      supporter: [] as PageLoad[],
      desktop: [] as Journey[],
    };
    for (let rep = 0; rep < options.repetitions; rep++) {
      log(`phone, repetition ${rep + 1}/${options.repetitions}`);
      runs.journeys.push(await journey(browser, relay, PHONE, 0));
      runs.typedJourneys.push(await journey(browser, relay, PHONE, options.typingMs));
      runs.mailbox.push(await openForm(browser, relay, '/mailbox', 'mailbox', ['#mailbox-code']));
      runs.supporter.push(
        await openForm(browser, relay, '/supporter', 'supporter', [
          '#login-name',
          '#login-passphrase',
        ]),
      );
      runs.desktop.push(await journey(browser, relay, DESKTOP, null));
    }
    const sends = (list: Journey[], value: (send: NonNullable<Journey['send']>) => number) =>
      summarize(list.flatMap((j) => (j.send ? [value(j.send)] : [])));
    return {
      date: new Date().toISOString(),
      loadAverage: { before: loadBefore, after: loadavg() },
      options,
      emulation: PHONE,
      ...runs,
      summary: {
        homeMs: summarize(runs.journeys.map((j) => j.home.usableMs)),
        writeMs: summarize(runs.journeys.map((j) => j.write.usableMs)),
        jsBeforeSendBytes: summarize(runs.typedJourneys.map((j) => j.write.jsBeforeSendBytes)),
        sendMs: sends(runs.journeys, (s) => s.figureMs),
        sendClickToCodeMs: sends(runs.journeys, (s) => s.clickToCodeMs),
        sendWorkerCpuMs: sends(runs.journeys, (s) => s.workerCpuMs),
        typedSendMs: sends(runs.typedJourneys, (s) => s.figureMs),
        mailboxMs: summarize(runs.mailbox.map((load) => load.usableMs)),
        supporterMs: summarize(runs.supporter.map((load) => load.usableMs)),
        desktopHomeMs: summarize(runs.desktop.map((j) => j.home.usableMs)),
        desktopWriteMs: summarize(runs.desktop.map((j) => j.write.usableMs)),
      },
    };
  } finally {
    await browser.close();
    await relay.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
