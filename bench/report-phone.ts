/**
 * @module
 * The phone section's targets (issue 16) and its part of the markdown that
 * bench/report.ts prints and bench/README.md reproduces.
 */

import type { RequestKind } from './lib/emulation.ts';
import { type Target, table, targetsTable } from './lib/markdown.ts';
import { fmt, fmtSummary, type Summary } from './lib/stats.ts';
import type { PageLoad, PhoneResult } from './sections/phone.ts';

const KB = 1000;
const seconds = (summary: Summary) =>
  fmtSummary(
    { ...summary, median: summary.median / 1000, min: summary.min / 1000, max: summary.max / 1000 },
    2,
  );

/** Requests finished by the time the page was usable, and their bytes by kind. */
export function beforeUsable(load: PageLoad): {
  requests: number;
  bytes: Record<RequestKind, number>;
} {
  const done = load.requests.filter((r) => r.endMs <= load.usableMs);
  const bytes: Record<RequestKind, number> = { html: 0, js: 0, css: 0, api: 0, other: 0 };
  for (const r of done) bytes[r.kind] += r.bytes;
  return { requests: done.length, bytes };
}

/** Each figure of the issue's table with its goal, in the order of the table. */
export function phoneTargets(phone: PhoneResult | { error: string }): Target[] {
  if ('error' in phone) {
    return [
      { name: 'A doctor on a phone (issue 16)', target: '—', measured: phone.error, met: null },
    ];
  }
  const s = phone.summary;
  const within = (name: string, summary: Summary, goalMs: number): Target => ({
    name,
    target: `≤ ${fmt(goalMs / 1000, 1)} s median`,
    measured: `${fmt(summary.median / 1000, 2)} s`,
    met: Number.isFinite(summary.median) ? summary.median <= goalMs : null,
  });
  return [
    within('Phone: home, first supporter card with "Write to" visible', s.homeMs, 1200),
    within('Phone: write page, message box visible and usable', s.writeMs, 1500),
    {
      name: 'Phone: write page, JavaScript transferred before Send',
      target: '≤ 200 kB',
      measured: `${fmt(s.jsBeforeSendBytes.median / KB)} kB`,
      met: s.jsBeforeSendBytes.median <= 200 * KB,
    },
    within(
      `Phone: Send → reply code shown (difficulty 16, worker CPU ×${phone.emulation.throttling?.cpuSlowdown ?? 1}, Send right after typing)`,
      s.sendMs,
      1000,
    ),
    within('Phone: mailbox form usable', s.mailboxMs, 1200),
    within('Phone: supporter login form usable', s.supporterMs, 1200),
    within('Desktop, no emulation: write page usable', s.desktopWriteMs, 400),
  ];
}

/** The load whose usable time is the median (the lower middle for an even count). */
function medianLoad(loads: PageLoad[]): PageLoad | undefined {
  const sorted = [...loads].sort((a, b) => a.usableMs - b.usableMs);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

function waterfallRow(name: string, loads: PageLoad[]): string[] {
  const load = medianLoad(loads);
  if (load === undefined) return [name, '—', '—', '—', '—', '—', '—'];
  const before = beforeUsable(load);
  const kb = (bytes: number) => fmt(bytes / KB, 1);
  return [
    name,
    fmt(load.usableMs / 1000, 2),
    `${before.requests} of ${load.requests.length}`,
    kb(before.bytes.js),
    kb(before.bytes.css),
    kb(before.bytes.html),
    kb(before.bytes.api + before.bytes.other),
  ];
}

export function renderPhone(phone: PhoneResult | { error: string }): string {
  if ('error' in phone) return `\n**A doctor on a phone** (issue 16): not measured: ${phone.error}`;
  const s = phone.summary;
  const t = phone.emulation.throttling;
  const o = phone.options;
  const out: string[] = [];
  out.push(
    `\n**A doctor on a phone** (issue 16), measured ${phone.date.slice(0, 10)}: Chromium with Lighthouse's mobile emulation ` +
      `(390×844 at 3×, touch, mobile user agent; ${t?.latencyMs} ms round trip, ${fmt(((t?.downloadBytesPerSecond ?? 0) * 8) / 1e6, 1)} Mbit/s down, ` +
      `${fmt(((t?.uploadBytesPerSecond ?? 0) * 8) / 1e3)} kbit/s up; CPU slowed ${t?.cpuSlowdown}×; cache disabled), ` +
      `against the relay as \`npm start\` runs it (proof of work at 16 bits) with ${o.supporters} supporters listed. ` +
      `Seconds, median of ${o.repetitions} fresh loads (min–max), on the page's own clock from the navigation's start; ` +
      `load average ${phone.loadAverage.before.map((n) => n.toFixed(1)).join('/')} before, ${phone.loadAverage.after.map((n) => n.toFixed(1)).join('/')} after.\n`,
  );
  out.push(
    table(
      ['Figure', 's'],
      [
        ['Home: first supporter card with "Write to" visible', seconds(s.homeMs)],
        [
          'Write page (after tapping "Write to"): message box visible and usable',
          seconds(s.writeMs),
        ],
        [
          `Write page: JavaScript transferred before Send (kB on the wire, after ${fmt(o.typingMs / 1000, 1)} s of typing)`,
          fmtSummary({
            ...s.jsBeforeSendBytes,
            median: s.jsBeforeSendBytes.median / KB,
            min: s.jsBeforeSendBytes.min / KB,
            max: s.jsBeforeSendBytes.max / KB,
          }),
        ],
        ['Send → reply code shown, Send right after typing (worker CPU ×4)', seconds(s.sendMs)],
        [
          '  of which tap → code on screen (main thread slowed, workers not)',
          seconds(s.sendClickToCodeMs),
        ],
        ["  workers' CPU time after the tap (added 3× more)", seconds(s.sendWorkerCpuMs)],
        [
          `Send → reply code shown, after ${fmt(o.typingMs / 1000, 1)} s of typing (worker CPU ×4)`,
          seconds(s.typedSendMs),
        ],
        ['Mailbox: reply code field usable', seconds(s.mailboxMs)],
        ['Supporter: login form usable', seconds(s.supporterMs)],
        ['Desktop, no emulation: home, first card visible', seconds(s.desktopHomeMs)],
        ['Desktop, no emulation: write page usable', seconds(s.desktopWriteMs)],
      ],
    ),
  );
  out.push(
    '\nWhat the phone waited for (the median load of each page): requests finished before the page was usable, of all its requests, and their kB on the wire by kind.\n',
  );
  out.push(
    table(
      [
        'Page',
        'usable s',
        'requests before usable',
        'JS kB',
        'CSS kB',
        'HTML kB',
        'API and other kB',
      ],
      [
        waterfallRow(
          'home',
          phone.journeys.map((j) => j.home),
        ),
        waterfallRow(
          'write',
          phone.journeys.map((j) => j.write),
        ),
        waterfallRow('mailbox', phone.mailbox),
        waterfallRow('supporter', phone.supporter),
      ],
    ),
  );
  const asked = [...phone.journeys, ...phone.typedJourneys].map((j) => j.send?.difficulty);
  if (asked.some((difficulty) => difficulty !== 16)) {
    out.push(
      `\nWarning: the sends were asked ${asked.map(String).join(', ')} bits of proof of work, not 16 each.`,
    );
  }
  const write = medianLoad(phone.journeys.map((j) => j.write));
  if (write !== undefined) {
    const steps = write.requests.map(
      (r) =>
        `${r.path} ${fmt(r.startMs / 1000, 2)}–${fmt(r.endMs / 1000, 2)} s (${fmt(r.bytes / KB, 1)} kB${r.encoding ? ` ${r.encoding}` : ''})`,
    );
    out.push(`\nWrite page, that load's requests until the reply code: ${steps.join('; ')}.`);
  }
  return out.join('\n');
}

/** `--phone` alone: the section and its targets. */
export function renderPhoneOnly(phone: PhoneResult): string {
  return `${renderPhone(phone)}\n\n**Targets**\n\n${targetsTable(phoneTargets(phone))}`;
}
