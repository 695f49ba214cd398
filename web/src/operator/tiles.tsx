/**
 * @module
 * "At a glance": the relay's health as a grid of figures, each the operator
 * API's own number (kept raw in `data-value`) in words of the page's
 * language.
 */
import { t } from '../i18n';
import { formatBytes, formatCount, formatHours, formatPercent, formatUptime } from './format';
import type { HealthReport } from './types';

interface TileProps {
  name: string;
  label: string;
  value: string;
  raw: number | string | null;
  hint?: string;
}

function Tile({ name, label, value, raw, hint }: TileProps) {
  return (
    <div class="operator-tile" data-tile={name}>
      <dt>{label}</dt>
      <dd class="operator-tile-value" data-value={raw === null ? 'null' : String(raw)}>
        {value}
      </dd>
      {hint === undefined ? null : <dd class="operator-tile-hint">{hint}</dd>}
    </div>
  );
}

export function Tiles({ health }: { health: HealthReport }) {
  const { median, p90 } = health.deliveryHours;
  const hours = (value: number | null) =>
    value === null ? t('operator.noDeliveries') : formatHours(value);
  const failures = health.notificationFailures;
  return (
    <section aria-labelledby="operator-summary-title">
      <h2 id="operator-summary-title">{t('operator.summary.title')}</h2>
      <dl id="operator-tiles" class="operator-tiles">
        <Tile
          name="pending"
          label={t('operator.tile.pending')}
          value={formatCount(health.pendingMessages)}
          raw={health.pendingMessages}
        />
        <Tile
          name="oldest"
          label={t('operator.tile.oldest')}
          value={
            health.oldestPendingHours === null
              ? t('operator.none')
              : formatHours(health.oldestPendingHours)
          }
          raw={health.oldestPendingHours}
        />
        <Tile
          name="median"
          label={t('operator.tile.median')}
          value={hours(median)}
          raw={median}
          hint={t('operator.tile.deliveryHint')}
        />
        <Tile
          name="p90"
          label={t('operator.tile.p90')}
          value={hours(p90)}
          raw={p90}
          hint={t('operator.tile.deliveryHint')}
        />
        <Tile
          name="replyRate"
          label={t('operator.tile.replyRate')}
          value={
            health.replyRate === null ? t('operator.noDeliveries') : formatPercent(health.replyRate)
          }
          raw={health.replyRate}
          hint={t('operator.tile.replyRateHint', {
            replied: formatCount(health.last30Days.replied),
            delivered: formatCount(health.last30Days.delivered),
          })}
        />
        <Tile
          name="failures"
          label={t('operator.tile.failures')}
          value={formatCount(failures.last30Days)}
          raw={failures.last30Days}
          hint={t('operator.tile.failuresHint', { count: formatCount(failures.retrying.length) })}
        />
        <Tile
          name="purged"
          label={t('operator.tile.purged')}
          value={formatCount(health.last30Days.purged)}
          raw={health.last30Days.purged}
          hint={t('operator.tile.purgedHint')}
        />
        <Tile
          name="supporters"
          label={t('operator.tile.supporters')}
          value={formatCount(health.supporters.active)}
          raw={health.supporters.active}
          hint={t('operator.tile.supportersHint', {
            away: formatCount(health.supporters.away),
            inactive: formatCount(health.supporters.inactive),
          })}
        />
        <Tile
          name="database"
          label={t('operator.tile.database')}
          value={
            health.databaseSizeBytes === null
              ? t('operator.unknown')
              : formatBytes(health.databaseSizeBytes)
          }
          raw={health.databaseSizeBytes}
        />
        <Tile
          name="version"
          label={t('operator.tile.version')}
          value={health.version}
          raw={health.version}
        />
        <Tile
          name="uptime"
          label={t('operator.tile.uptime')}
          value={formatUptime(health.uptimeSeconds)}
          raw={health.uptimeSeconds}
        />
      </dl>
    </section>
  );
}
