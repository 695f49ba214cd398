import { describe, expect, it } from 'vitest';
import { PHONE, workerCpuMs } from '../../bench/lib/emulation.ts';
import type { Summary } from '../../bench/lib/stats.ts';
import { beforeUsable, phoneTargets } from '../../bench/report-phone.ts';
import type { PageLoad, PhoneResult } from '../../bench/sections/phone.ts';

/** A Chromium trace: a page's marks, and tasks on a worker thread and on the page's main thread. */
function trace(events: object[]): Buffer {
  return Buffer.from(JSON.stringify({ traceEvents: events }));
}
const WORKER = { pid: 7, tid: 70 };
const MAIN = { pid: 7, tid: 7 };
const threadNames = [
  { ph: 'M', name: 'thread_name', ...WORKER, ts: 0, args: { name: 'DedicatedWorker thread' } },
  { ph: 'M', name: 'thread_name', ...MAIN, ts: 0, args: { name: 'CrRendererMain' } },
];
const marks = [
  { ph: 'I', name: 'phone-bench:click', ...MAIN, ts: 10_000 },
  { ph: 'I', name: 'phone-bench:code', ...MAIN, ts: 50_000 },
];
const task = (thread: object, ts: number, dur: number, tdur?: number) => ({
  ph: 'X',
  name: 'ThreadControllerImpl::RunTask',
  ...thread,
  ts,
  dur,
  ...(tdur === undefined ? {} : { tdur }),
});

describe("the workers' CPU time after Send", () => {
  it("counts only worker threads' tasks between the marks, by their thread time", () => {
    const ms = workerCpuMs(
      trace([
        ...threadNames,
        ...marks,
        task(WORKER, 0, 5_000, 5_000), // solving while the doctor typed: before Send
        task(WORKER, 20_000, 10_000, 8_000),
        task(WORKER, 60_000, 5_000, 5_000), // after the code was shown
        task(MAIN, 20_000, 10_000, 10_000), // the page's own thread is slowed already
      ]),
      'phone-bench:click',
      'phone-bench:code',
    );
    expect(ms).toBe(8);
  });

  it('counts a task that straddles a mark in proportion, by wall time where there is no thread time', () => {
    const ms = workerCpuMs(
      trace([...threadNames, ...marks, task(WORKER, 0, 20_000), task(WORKER, 40_000, 20_000)]),
      'phone-bench:click',
      'phone-bench:code',
    );
    expect(ms).toBe(20);
  });

  it('refuses a trace without the marks', () => {
    expect(() => workerCpuMs(trace(threadNames), 'phone-bench:click', 'phone-bench:code')).toThrow(
      /no marks/,
    );
  });
});

describe('what a page waited for', () => {
  it('counts the requests finished by the time the page was usable, bytes by kind', () => {
    const request = (path: string, kind: 'js' | 'api' | 'html', endMs: number, bytes: number) => ({
      path,
      kind,
      startMs: 0,
      endMs,
      status: 200,
      bytes,
      encoding: null,
    });
    const load: PageLoad = {
      usableMs: 1000,
      requests: [
        request('/write', 'html', 200, 1500),
        request('/assets/write.js', 'js', 900, 10_000),
        request('/api/v1/supporters', 'api', 1000, 800),
        request('/assets/chunks/libsodium.js', 'js', 3000, 400_000),
      ],
    };
    expect(beforeUsable(load)).toEqual({
      requests: 3,
      bytes: { html: 1500, js: 10_000, css: 0, api: 800, other: 0 },
    });
  });
});

describe('the phone targets', () => {
  const at = (median: number): Summary => ({ median, min: median, max: median, n: 5 });
  const result = (ms: number, jsBytes: number) =>
    ({
      emulation: PHONE,
      summary: {
        homeMs: at(ms),
        writeMs: at(ms),
        jsBeforeSendBytes: at(jsBytes),
        sendMs: at(ms),
        sendClickToCodeMs: at(ms),
        sendWorkerCpuMs: at(0),
        typedSendMs: at(ms),
        mailboxMs: at(ms),
        supporterMs: at(ms),
        desktopHomeMs: at(ms),
        desktopWriteMs: at(ms),
      },
    }) as unknown as PhoneResult; // only what the targets read

  it("checks each of the issue's figures against its goal", () => {
    const targets = phoneTargets(result(1000, 200_000));
    expect(targets.map((t) => [t.target, t.met])).toEqual([
      ['≤ 1.2 s median', true],
      ['≤ 1.5 s median', true],
      ['≤ 200 kB', true],
      ['≤ 1.0 s median', true],
      ['≤ 1.2 s median', true],
      ['≤ 1.2 s median', true],
      ['≤ 0.4 s median', false],
    ]);
    expect(phoneTargets(result(1001, 200_001)).map((t) => t.met)).toEqual([
      true,
      true,
      false,
      false,
      true,
      true,
      false,
    ]);
  });

  it('names the worker slowdown and reports a figure that could not be measured', () => {
    const targets = phoneTargets(result(Number.NaN, 0));
    expect(targets[3]?.name).toContain('worker CPU ×4');
    expect(targets[0]?.met).toBeNull();
  });

  it('reports a section that could not be measured as one target, neither met nor missed', () => {
    expect(phoneTargets({ error: 'no card to tap' })).toEqual([
      {
        name: 'A doctor on a phone (issue 16)',
        target: '—',
        measured: 'no card to tap',
        met: null,
      },
    ]);
  });
});
