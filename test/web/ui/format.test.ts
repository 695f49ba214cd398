import { afterEach, describe, expect, it } from 'vitest';
import { lang } from '../../../web/src/i18n';
import {
  codePoints,
  formatDateTime,
  formatHourRange,
  formatTimeLeft,
} from '../../../web/src/ui/format';

afterEach(() => {
  lang.value = 'en';
});

describe('formatHourRange', () => {
  // The relay keeps whole hours: it may never claim a minute it does not know.
  it('says a relay hour is a range, in both languages', () => {
    const hour = '2026-12-02T16:00:00Z';
    const start = new Date(hour);
    const time = (date: Date, locale: string) =>
      new Intl.DateTimeFormat(locale, { timeStyle: 'short' }).format(date);
    const end = new Date(start.getTime() + 3_600_000);
    expect(formatHourRange(hour)).toContain(
      `between ${time(start, 'en-GB')} and ${time(end, 'en-GB')}`,
    );
    lang.value = 'nb';
    expect(formatHourRange(hour)).toContain(
      `mellom kl. ${time(start, 'nb-NO')} og ${time(end, 'nb-NO')}`,
    );
    expect(formatHourRange(hour)).not.toContain(' at ');
  });

  it('shows a sender’s own minute as a moment', () => {
    const minute = new Date('2026-12-02T16:42:00Z');
    const expected = new Intl.DateTimeFormat('en-GB', { timeStyle: 'short' }).format(minute);
    expect(formatDateTime(minute)).toContain(expected);
  });
});

describe('formatTimeLeft', () => {
  const now = new Date('2026-12-02T12:00:00Z');
  it('counts days, then hours, then less than an hour, never negative', () => {
    expect(formatTimeLeft('2026-12-06T12:00:00Z', now)).toBe('4 days');
    expect(formatTimeLeft('2026-12-02T17:00:00Z', now)).toBe('5 hours');
    expect(formatTimeLeft('2026-12-02T12:30:00Z', now)).toBe('less than an hour');
    expect(formatTimeLeft('2026-12-01T12:00:00Z', now)).toBe('less than an hour');
    lang.value = 'nb';
    expect(formatTimeLeft('2026-12-06T12:00:00Z', now)).toBe('4 dager');
  });
});

describe('codePoints', () => {
  it('counts as the protocol does, not in UTF-16 units', () => {
    expect(codePoints('æøå')).toBe(3);
    expect(codePoints('🙂🙂')).toBe(2);
  });
});
