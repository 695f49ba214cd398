/**
 * @module
 * The last 30 days as per-day bar charts, drawn as SVG by the page itself:
 * no chart library and nothing from elsewhere. Colours and strokes come from
 * CSS classes (the CSP allows no style attributes). Each chart is one
 * `role="img"` whose label says what it shows in words, and a table below
 * holds every number.
 */
import { t } from '../i18n';
import { Disclosure } from '../ui';
import { formatCount, formatDay } from './format';
import { type DailyEntry, SERIES, type Series } from './types';

const WIDTH = 300;
const HEIGHT = 100;
/** Headroom above the tallest bar, in viewBox units. */
const TOP = 6;

/** The highest daily value over the series, at least 1 (the shared scale). */
export function chartScale(daily: DailyEntry[], series: readonly Series[]): number {
  return Math.max(1, ...daily.flatMap((entry) => series.map((name) => entry[name])));
}

function total(daily: DailyEntry[], series: Series): number {
  return daily.reduce((sum, entry) => sum + entry[series], 0);
}

/** What a chart shows, in words: its label for screen readers. */
export function chartLabel(daily: DailyEntry[], series: Series): string {
  const first = daily[0];
  const last = daily[daily.length - 1];
  const range = {
    series: t(`operator.series.${series}`),
    first: first ? formatDay(first.day) : '',
    last: last ? formatDay(last.day) : '',
  };
  const sum = total(daily, series);
  if (sum === 0) return t('operator.chart.labelEmpty', range);
  // The latest of the busiest days.
  const peak = daily.reduce((best, entry) => (entry[series] >= best[series] ? entry : best));
  return t('operator.chart.label', {
    ...range,
    total: formatCount(sum),
    max: formatCount(peak[series]),
    day: formatDay(peak.day),
  });
}

interface ChartProps {
  daily: DailyEntry[];
  series: Series;
  /** The shared scale: the value of a full-height bar. */
  scale: number;
}

/** One series as a figure: a caption with its total, one bar per day (oldest left), the first and last day. */
function DailyChart({ daily, series, scale }: ChartProps) {
  const slot = WIDTH / Math.max(1, daily.length);
  const first = daily[0];
  const last = daily[daily.length - 1];
  return (
    <figure class="card operator-chart" data-series={series}>
      <figcaption>
        <span class="operator-chart-name">{t(`operator.series.${series}`)}</span>{' '}
        <span class="operator-chart-total">
          {t('operator.chart.total', { count: formatCount(total(daily, series)) })}
        </span>
      </figcaption>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        preserveAspectRatio="none"
        role="img"
        aria-label={chartLabel(daily, series)}
        class={`operator-svg operator-series-${series}`}
        focusable="false"
      >
        <line x1={0} x2={WIDTH} y1={TOP} y2={TOP} class="operator-chart-grid" />
        {daily.map((entry, index) => {
          const value = entry[series];
          if (value === 0) return null;
          // Even a single message gets a visible bar.
          const height = Math.max(2, ((HEIGHT - TOP) * value) / scale);
          return (
            <rect
              key={entry.day}
              x={(index * slot + slot * 0.15).toFixed(2)}
              y={(HEIGHT - height).toFixed(2)}
              width={(slot * 0.7).toFixed(2)}
              height={height.toFixed(2)}
              class="operator-bar"
            >
              {/* A tooltip for pointer users; the label and the table serve everyone else. */}
              <title>{`${formatDay(entry.day)}: ${formatCount(value)}`}</title>
            </rect>
          );
        })}
        <line x1={0} x2={WIDTH} y1={HEIGHT - 0.5} y2={HEIGHT - 0.5} class="operator-chart-base" />
      </svg>
      <div class="operator-chart-axis" aria-hidden="true">
        <span>{first ? formatDay(first.day) : ''}</span>
        <span>{last ? formatDay(last.day) : ''}</span>
      </div>
    </figure>
  );
}

/** Every number behind the charts: one row per day and a total. */
function DailyTable({ daily }: { daily: DailyEntry[] }) {
  return (
    <table id="operator-days-table" class="operator-table operator-days-table">
      <caption>{t('operator.days.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('operator.days.day')}</th>
          {SERIES.map((name) => (
            <th key={name} scope="col">
              {t(`operator.series.${name}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {daily.map((entry) => (
          <tr key={entry.day} data-day={entry.day}>
            <th scope="row">{formatDay(entry.day)}</th>
            {SERIES.map((name) => (
              <td key={name}>{formatCount(entry[name])}</td>
            ))}
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{t('operator.days.total')}</th>
          {SERIES.map((name) => (
            <td key={name}>{formatCount(total(daily, name))}</td>
          ))}
        </tr>
      </tfoot>
    </table>
  );
}

/** "The last 30 days": the charts on one scale, and their numbers folded away. */
export function DailySection({ daily }: { daily: DailyEntry[] }) {
  const scale = chartScale(daily, SERIES);
  const any = daily.some((entry) => SERIES.some((name) => entry[name] > 0));
  return (
    <section aria-labelledby="operator-days-title">
      <h2 id="operator-days-title">{t('operator.days.title')}</h2>
      <p id="operator-days-intro" class="hint">
        {any
          ? t('operator.days.intro', { max: formatCount(scale) })
          : t('operator.days.introEmpty')}
      </p>
      <div id="operator-charts" class="operator-charts">
        {SERIES.map((name) => (
          <DailyChart key={name} daily={daily} series={name} scale={scale} />
        ))}
      </div>
      <Disclosure class="operator-data" summary={t('operator.days.show')}>
        <div id="operator-days-wrap" class="operator-table-wrap">
          <DailyTable daily={daily} />
        </div>
      </Disclosure>
    </section>
  );
}
