/**
 * The operator page's own logic, without a browser: the backlog's sort
 * order and the actions a state offers, the durations and sizes in words,
 * and the charts' scale and spoken labels.
 */
import '../../../web/src/i18n/operator';
import { afterEach, describe, expect, it } from 'vitest';
import { lang } from '../../../web/src/i18n';
import {
  actionsFor,
  DEFAULT_SORT,
  nextOrder,
  sortSupporters,
  stateText,
} from '../../../web/src/operator/backlog';
import { chartLabel, chartScale } from '../../../web/src/operator/chart';
import {
  formatBytes,
  formatHours,
  formatPercent,
  formatUptime,
} from '../../../web/src/operator/format';
import type { DailyEntry, SupporterHealth } from '../../../web/src/operator/types';

afterEach(() => {
  lang.value = 'en';
});

function supporter(name: string, fields: Partial<SupporterHealth> = {}): SupporterHealth {
  return {
    id: name.toLowerCase(),
    name,
    county: 'oslo',
    town: 'Oslo',
    status: 'available',
    awayUntil: null,
    active: true,
    pendingCount: 0,
    oldestPendingHours: null,
    deliveredLast30d: 0,
    lastSeen: '2026-12-01T10:00:00Z',
    joinedAt: '2026-11-01T10:00:00Z',
    boxPublicKey: 'AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8',
    fingerprint: '87299 73579 52098 19480 11273',
    ...fields,
  };
}

const names = (list: SupporterHealth[]) => list.map((s) => s.name);

describe('the backlog order', () => {
  const anne = supporter('Anne', { pendingCount: 2, lastSeen: '2026-12-03T10:00:00Z' });
  const bjorn = supporter('Bjørn', { pendingCount: 2, lastSeen: null });
  const chen = supporter('Chen', { pendingCount: 5, active: false });
  const dag = supporter('Dag', { status: 'away', lastSeen: '2026-11-20T10:00:00Z' });

  it('puts most waiting first, ties by name whatever the direction', () => {
    expect(DEFAULT_SORT).toEqual({ key: 'pending', direction: 'descending' });
    expect(names(sortSupporters([dag, bjorn, anne, chen], DEFAULT_SORT))).toEqual([
      'Chen',
      'Anne',
      'Bjørn',
      'Dag',
    ]);
    expect(
      names(sortSupporters([dag, bjorn, anne, chen], { key: 'pending', direction: 'ascending' })),
    ).toEqual(['Dag', 'Anne', 'Bjørn', 'Chen']);
  });

  it('counts a supporter never seen as seen longest ago', () => {
    const order = nextOrder(DEFAULT_SORT, 'lastSeen');
    expect(order).toEqual({ key: 'lastSeen', direction: 'ascending' });
    expect(names(sortSupporters([anne, dag, bjorn], order))).toEqual(['Bjørn', 'Dag', 'Anne']);
  });

  it('sorts states available, away, deactivated, and a second click turns the order', () => {
    const order = nextOrder(DEFAULT_SORT, 'state');
    expect(names(sortSupporters([chen, dag, anne], order))).toEqual(['Anne', 'Dag', 'Chen']);
    expect(nextOrder(order, 'state')).toEqual({ key: 'state', direction: 'descending' });
    expect(nextOrder(DEFAULT_SORT, 'delivered').direction).toBe('descending');
    expect(nextOrder(DEFAULT_SORT, 'name').direction).toBe('ascending');
  });

  it('offers the actions that fit the state, and a purge while messages wait', () => {
    expect(actionsFor(anne)).toEqual(['away', 'purge', 'deactivate']);
    expect(actionsFor({ ...anne, pendingCount: 0 })).toEqual(['away', 'deactivate']);
    expect(actionsFor(dag)).toEqual(['available', 'deactivate']);
    expect(actionsFor(chen)).toEqual(['reactivate', 'purge']);
  });

  it('says an away supporter’s return as a date, never a time', () => {
    const back = supporter('Eva', { status: 'away', awayUntil: '2026-12-19T23:00:00Z' });
    expect(stateText(back)).toMatch(/^Away until \d{1,2} Dec 2026$/);
    lang.value = 'nb';
    expect(stateText(back)).toMatch(/^Borte til \d{1,2}\. des\. 2026$/);
    expect(stateText(chen)).toBe('Deaktivert');
  });
});

describe('the operator’s figures in words', () => {
  it('says whole hours as hours below two days, then days and hours', () => {
    expect(formatHours(0)).toBe('under an hour');
    expect(formatHours(1)).toBe('1 hour');
    expect(formatHours(20)).toBe('20 hours');
    expect(formatHours(48)).toBe('2 days');
    expect(formatHours(197)).toBe('8 days, 5 hours');
    lang.value = 'nb';
    expect(formatHours(2)).toBe('2 timer');
  });

  it('says an uptime in its two largest parts', () => {
    expect(formatUptime(30)).toBe('under a minute');
    expect(formatUptime(3 * 3600 + 12 * 60 + 5)).toBe('3 hours, 12 minutes');
    expect(formatUptime(197 * 3600)).toBe('8 days, 5 hours');
  });

  it('says sizes in decimal units and shares as percentages', () => {
    expect(formatBytes(999)).toBe('999 byte');
    expect(formatBytes(156_000)).toBe('156 kB');
    expect(formatBytes(1_600_000)).toBe('1.6 MB');
    expect(formatPercent(0.25)).toBe('25%');
    lang.value = 'nb';
    expect(formatPercent(0.926)).toMatch(/^92,6\s%$/);
  });
});

describe('the daily charts', () => {
  const day = (date: string, delivered: number, expired = 0, replied = 0) =>
    ({ day: date, delivered, expired, replied }) as DailyEntry;
  const daily = [day('2026-11-26', 0), day('2026-11-27', 4, 1, 1), day('2026-11-28', 4)];

  it('shares one scale, at least 1', () => {
    expect(chartScale(daily, ['delivered', 'expired', 'replied'])).toBe(4);
    expect(chartScale([day('2026-11-26', 0)], ['delivered'])).toBe(1);
  });

  it('says in words what a chart shows, the latest busiest day first', () => {
    expect(chartLabel(daily, 'delivered')).toBe(
      'Delivered per day from 26 Nov to 28 Nov: 8 in all, at most 4 on one day (28 Nov).',
    );
    expect(chartLabel([day('2026-11-26', 0)], 'replied')).toBe(
      'Replied per day from 26 Nov to 26 Nov: none.',
    );
  });
});
