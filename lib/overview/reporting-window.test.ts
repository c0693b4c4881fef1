import { describe, expect, it } from 'vitest';
import { isKnownTimeZone, reportingWindow } from './reporting-window';

describe('reporting window', () => {
  it('uses calendar days of the shop time zone: 22:30 UTC is already tomorrow in Istanbul', () => {
    const now = new Date('2026-03-14T22:30:00Z');
    expect(reportingWindow(now, 'UTC').todayStart).toBe('2026-03-14 00:00:00');
    const istanbul = reportingWindow(now, 'Europe/Istanbul');
    expect(istanbul.todayStart).toBe('2026-03-15 00:00:00');
    expect(istanbul.end).toBe('2026-03-16 00:00:00');
    expect(istanbul.weekStart).toBe('2026-03-09 00:00:00');
    expect(istanbul.days).toHaveLength(30);
    expect(istanbul.days.at(-1)).toBe('2026-03-15');
  });

  it('falls back to UTC for a time zone Intl does not know', () => {
    expect(isKnownTimeZone('Mars/Olympus')).toBe(false);
    expect(reportingWindow(new Date('2026-03-14T22:30:00Z'), 'Mars/Olympus').todayStart).toBe('2026-03-14 00:00:00');
  });
});
