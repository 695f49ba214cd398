/**
 * @module
 * Per-day bar charts drawn as SVG by the page itself: no chart library and
 * nothing from elsewhere. Colours come from CSS classes (the CSP allows no
 * style attributes). Each chart is one `role="img"` whose label says what
 * it shows in words; the page adds a table with every number.
 */
import { t } from '../i18n';
import { h } from '../ui/dom';
import { formatCount, formatDay } from './format';
import type { DailyEntry, Series } from './types';

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 300;
const HEIGHT = 100;
/** Headroom above the tallest bar, in viewBox units. */
const TOP = 6;

function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | number>,
): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  return element;
}

/** The highest daily value over the series, at least 1 (the shared scale). */
export function chartScale(daily: DailyEntry[], series: readonly Series[]): number {
  return Math.max(1, ...daily.flatMap((entry) => series.map((name) => entry[name])));
}

/** What a chart shows, in words: its label for screen readers. */
export function chartLabel(daily: DailyEntry[], series: Series): string {
  const name = t(`operator.series.${series}`);
  const first = daily[0];
  const last = daily[daily.length - 1];
  const range = {
    series: name,
    first: first ? formatDay(first.day) : '',
    last: last ? formatDay(last.day) : '',
  };
  const total = daily.reduce((sum, entry) => sum + entry[series], 0);
  if (total === 0) return t('operator.chart.labelEmpty', range);
  // The latest of the busiest days.
  const peak = daily.reduce((best, entry) => (entry[series] >= best[series] ? entry : best));
  return t('operator.chart.label', {
    ...range,
    total: formatCount(total),
    max: formatCount(peak[series]),
    day: formatDay(peak.day),
  });
}

/**
 * One series as a figure: a caption with its total, the bars (one per day,
 * oldest left, on the shared `scale`), and the first and last day below.
 */
export function dailyChart(daily: DailyEntry[], series: Series, scale: number): HTMLElement {
  const total = daily.reduce((sum, entry) => sum + entry[series], 0);
  const chart = svg('svg', {
    viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
    preserveAspectRatio: 'none',
    role: 'img',
    'aria-label': chartLabel(daily, series),
    class: `operator-svg operator-series-${series}`,
    focusable: 'false',
  });
  chart.append(
    svg('line', {
      x1: 0,
      x2: WIDTH,
      y1: TOP,
      y2: TOP,
      class: 'operator-chart-grid',
      'vector-effect': 'non-scaling-stroke',
    }),
  );
  const slot = WIDTH / Math.max(1, daily.length);
  daily.forEach((entry, index) => {
    const value = entry[series];
    if (value === 0) return;
    // Even a single message gets a visible bar.
    const height = Math.max(2, ((HEIGHT - TOP) * value) / scale);
    const bar = svg('rect', {
      x: (index * slot + slot * 0.15).toFixed(2),
      y: (HEIGHT - height).toFixed(2),
      width: (slot * 0.7).toFixed(2),
      height: height.toFixed(2),
      class: 'operator-bar',
    });
    // A tooltip for pointer users; the figure's label and table serve everyone else.
    const title = svg('title', {});
    title.textContent = `${formatDay(entry.day)}: ${formatCount(value)}`;
    bar.append(title);
    chart.append(bar);
  });
  chart.append(
    svg('line', {
      x1: 0,
      x2: WIDTH,
      y1: HEIGHT - 0.5,
      y2: HEIGHT - 0.5,
      class: 'operator-chart-base',
      'vector-effect': 'non-scaling-stroke',
    }),
  );
  const first = daily[0];
  const last = daily[daily.length - 1];
  return h(
    'figure',
    { class: 'card operator-chart', attrs: { 'data-series': series } },
    h(
      'figcaption',
      {},
      h('span', { class: 'operator-chart-name', text: t(`operator.series.${series}`) }),
      ' ',
      h('span', {
        class: 'operator-chart-total',
        text: t('operator.chart.total', { count: formatCount(total) }),
      }),
    ),
    chart,
    h(
      'div',
      { class: 'operator-chart-axis', attrs: { 'aria-hidden': 'true' } },
      h('span', { text: first ? formatDay(first.day) : '' }),
      h('span', { text: last ? formatDay(last.day) : '' }),
    ),
  );
}

/** Every number behind the charts: one row per day and a total. */
export function dailyTable(daily: DailyEntry[], series: readonly Series[]): HTMLTableElement {
  const totals = series.map((name) => daily.reduce((sum, entry) => sum + entry[name], 0));
  return h(
    'table',
    { class: 'operator-table operator-days-table', attrs: { id: 'operator-days-table' } },
    h('caption', { text: t('operator.days.caption') }),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { text: t('operator.days.day'), attrs: { scope: 'col' } }),
        ...series.map((name) =>
          h('th', { text: t(`operator.series.${name}`), attrs: { scope: 'col' } }),
        ),
      ),
    ),
    h(
      'tbody',
      {},
      ...daily.map((entry) =>
        h(
          'tr',
          { attrs: { 'data-day': entry.day } },
          h('th', { text: formatDay(entry.day), attrs: { scope: 'row' } }),
          ...series.map((name) => h('td', { text: formatCount(entry[name]) })),
        ),
      ),
    ),
    h(
      'tfoot',
      {},
      h(
        'tr',
        {},
        h('th', { text: t('operator.days.total'), attrs: { scope: 'row' } }),
        ...totals.map((total) => h('td', { text: formatCount(total) })),
      ),
    ),
  );
}
