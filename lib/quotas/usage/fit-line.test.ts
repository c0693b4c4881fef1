import { describe, expect, it } from 'vitest';
import { fitLine, projectTimeToLimit } from './fit-line';

const MINUTE = 60_000;
const NOW = Date.UTC(2026, 2, 2, 12, 0, 0);

describe('the linear fit', () => {
  it('recovers a straight line exactly and refuses a single point', () => {
    expect(fitLine([{ x: 0, y: 1 }, { x: 1, y: 3 }, { x: 2, y: 5 }])).toEqual({ slope: 2, intercept: 1 });
    expect(fitLine([{ x: 5, y: 1 }])).toBeNull();
    expect(fitLine([{ x: 5, y: 1 }, { x: 5, y: 2 }])).toBeNull();
  });

  it('projects when a steady rise reaches the limit, from the level now', () => {
    // One use a minute for the last hour: 40 used, limit 100 → 60 minutes to go.
    const points = Array.from({ length: 60 }, (_, i) => ({ x: NOW - (60 - i) * MINUTE, y: i }));
    const line = fitLine(points)!;
    expect(line.slope * MINUTE).toBeCloseTo(1, 6);
    expect(projectTimeToLimit({ points, limit: 100, current: 40, now: NOW, before: NOW + 24 * 60 * MINUTE })).toEqual({ kind: 'at', at: NOW + 60 * MINUTE });
  });

  it('says "not at this rate" when flat or falling, or when the window resets first; "reached" at the limit', () => {
    const flat = Array.from({ length: 10 }, (_, i) => ({ x: NOW - i * MINUTE, y: 7 }));
    expect(projectTimeToLimit({ points: flat, limit: 100, current: 7, now: NOW, before: NOW + MINUTE })).toEqual({ kind: 'not_at_this_rate' });
    const slow = [{ x: NOW - MINUTE, y: 0 }, { x: NOW, y: 1 }];
    expect(projectTimeToLimit({ points: slow, limit: 100, current: 1, now: NOW, before: NOW + 10 * MINUTE })).toEqual({ kind: 'not_at_this_rate' });
    expect(projectTimeToLimit({ points: slow, limit: 1, current: 1, now: NOW, before: NOW + MINUTE })).toEqual({ kind: 'reached' });
    expect(projectTimeToLimit({ points: [], limit: 10, current: 0, now: NOW, before: NOW + MINUTE })).toEqual({ kind: 'unknown' });
  });
});
