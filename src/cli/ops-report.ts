/**
 * @module
 * The operator's terminal view (`npm run ops`): the health summary and the
 * per-supporter backlog as plain-text tables, the same figures as
 * `GET /api/v1/admin/health` and `GET /api/v1/admin/supporters`. Colours are
 * ANSI escapes, used only when asked for (a TTY without `NO_COLOR`).
 */
import { healthFigures, listSupporterHealth } from '../domain/operator.ts';
import { nowHour, type Relay } from '../domain/relay.ts';
import { isoHour } from '../time.ts';
import type { HealthFigures, SupporterHealth } from '../wire/operator.ts';

export type OpsCommand = 'status' | 'supporters';

export const OPS_COMMANDS: readonly OpsCommand[] = ['status', 'supporters'];

interface Paint {
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  yellow(text: string): string;
  green(text: string): string;
}

function paint(color: boolean): Paint {
  const code = (open: number, close: number) => (text: string) =>
    color ? `\u001b[${open}m${text}\u001b[${close}m` : text;
  return {
    bold: code(1, 22),
    dim: code(2, 22),
    red: code(31, 39),
    yellow: code(33, 39),
    green: code(32, 39),
  };
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: it matches the escapes paint() writes.
const ESCAPE = /\u001b\[[0-9;]*m/g;

const visibleLength = (text: string) => text.replace(ESCAPE, '').length;

/** Columns padded to their widest cell; `right` aligns numbers. */
export function formatTable(rows: string[][], right: ReadonlySet<number> = new Set()): string {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, visibleLength(cell));
    });
  }
  return rows
    .map((row) =>
      row
        .map((cell, i) => {
          const pad = ' '.repeat((widths[i] ?? 0) - visibleLength(cell));
          return right.has(i) ? pad + cell : cell + pad;
        })
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

const hours = (value: number | null) => (value === null ? '—' : `${value} h`);

/** The health summary: one labelled figure a line, in three groups. */
export function statusText(
  figures: HealthFigures,
  context: { hour: number; waitingHours: number },
  color = false,
): string {
  const p = paint(color);
  const last = figures.last30Days;
  const oldest = hours(figures.oldestPendingHours);
  const warnIf = (bad: boolean, text: string) => (bad ? p.red(text) : text);
  const failing = figures.notificationFailures.retrying;
  const rows: string[][] = [
    [p.bold('Messages'), ''],
    ['  waiting now', String(figures.pendingMessages)],
    [
      '  oldest waiting',
      (figures.oldestPendingHours ?? 0) >= context.waitingHours ? p.yellow(oldest) : oldest,
    ],
    [
      '  delivery time, median / p90',
      `${hours(figures.deliveryHours.median)} / ${hours(figures.deliveryHours.p90)}`,
    ],
    [p.bold('Last 30 days'), ''],
    ['  submitted', String(last.submitted)],
    ['  delivered', String(last.delivered)],
    ['  expired undelivered', warnIf(last.expired > 0, String(last.expired))],
    ['  replied', String(last.replied)],
    [
      '  reply rate',
      figures.replyRate === null ? '—' : `${Math.round(figures.replyRate * 1000) / 10} %`,
    ],
    ['  rate limited', String(last.rate_limited)],
    ['  purged by the operator', String(last.purged)],
    ['  notifications failed', warnIf(last.notify_failed > 0, String(last.notify_failed))],
    [p.bold('Supporters'), ''],
    [
      '  active / away / inactive',
      `${figures.supporters.active} / ${figures.supporters.away} / ${figures.supporters.inactive}`,
    ],
    [
      '  notification channels failing',
      failing.length === 0
        ? p.green('0')
        : p.red(
            `${failing.length} (${failing.map((f) => `${f.supporterId} ${f.channel}`).join(', ')})`,
          ),
    ],
  ];
  const title = `${p.bold('peer-relay status')} ${p.dim(`at ${isoHour(context.hour)}`)}`;
  return `${title}\n\n${formatTable(rows)}\n`;
}

/** The backlog: every supporter, most waiting first. */
export function supportersText(
  list: SupporterHealth[],
  context: { hour: number; waitingHours: number; unseenDays: number },
  color = false,
): string {
  const p = paint(color);
  const sorted = [...list].sort(
    (a, b) =>
      b.pendingCount - a.pendingCount ||
      (b.oldestPendingHours ?? -1) - (a.oldestPendingHours ?? -1) ||
      a.name.localeCompare(b.name),
  );
  const header = ['ID', 'NAME', 'TOWN', 'STATE', 'PENDING', 'OLDEST', 'DELIVERED 30D', 'LAST SEEN'];
  const rows = sorted.map((s) => {
    const state = s.active ? s.status : 'inactive';
    const lateHours = s.oldestPendingHours !== null && s.oldestPendingHours >= context.waitingHours;
    const lastSeenHour = s.lastSeen === null ? null : Date.parse(s.lastSeen) / 1000;
    const unseen =
      s.pendingCount > 0 &&
      (lastSeenHour === null || context.hour - lastSeenHour >= context.unseenDays * 86_400);
    const cells = [
      s.id,
      s.name,
      s.town,
      state,
      String(s.pendingCount),
      lateHours ? p.yellow(hours(s.oldestPendingHours)) : hours(s.oldestPendingHours),
      String(s.deliveredLast30d),
      unseen ? p.red(s.lastSeen ?? 'never') : (s.lastSeen ?? 'never'),
    ];
    return s.active ? cells : cells.map((cell) => p.dim(cell));
  });
  if (rows.length === 0) return 'No supporters yet.\n';
  return `${formatTable([header.map((h) => p.bold(h)), ...rows], new Set([4, 5, 6]))}\n`;
}

/**
 * Runs one `npm run ops` command against a relay.
 *
 * @example
 * process.stdout.write(await opsReport(relay, 'status', { color: process.stdout.isTTY }));
 */
export async function opsReport(
  relay: Relay,
  command: OpsCommand,
  options: { color?: boolean; json?: boolean } = {},
): Promise<string> {
  const context = {
    hour: nowHour(relay),
    waitingHours: relay.config.alerts.waitingHours,
    unseenDays: relay.config.alerts.unseenDays,
  };
  if (command === 'status') {
    const figures = await healthFigures(relay);
    if (options.json) return `${JSON.stringify(figures, null, 2)}\n`;
    return statusText(figures, context, options.color);
  }
  const list = await listSupporterHealth(relay);
  if (options.json) return `${JSON.stringify({ supporters: list }, null, 2)}\n`;
  return supportersText(list, context, options.color);
}
