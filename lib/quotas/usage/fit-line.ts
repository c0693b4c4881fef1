/** A point of a series: x in any unit of time, y the level or count at it. */
export type Point = { x: number; y: number };
export type Line = { intercept: number; slope: number };

/** Least-squares line through the points; null with fewer than two distinct x. */
export function fitLine(points: readonly Point[]): Line | null {
  const n = points.length;
  if (n < 2) return null;
  const meanX = points.reduce((s, p) => s + p.x, 0) / n;
  const meanY = points.reduce((s, p) => s + p.y, 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (const p of points) {
    sxx += (p.x - meanX) ** 2;
    sxy += (p.x - meanX) * (p.y - meanY);
  }
  if (sxx === 0) return null;
  const slope = sxy / sxx;
  return { slope, intercept: meanY - slope * meanX };
}

export type Projection =
  /** At or over the limit now. */
  | { kind: 'reached' }
  /** At the fitted rate the limit is reached at `at` (epoch ms). */
  | { kind: 'at'; at: number }
  /** Flat or falling, or not before the window resets / the horizon: "not at this rate". */
  | { kind: 'not_at_this_rate' }
  /** Nothing to fit yet. */
  | { kind: 'unknown' };

/**
 * When a series reaches `limit` if it keeps its linear trend: the fitted line crosses the limit after
 * `now` and before `before` (the window's end, or a horizon for levels). `current` is the level now,
 * which decides "reached" whatever the fit says.
 */
export function projectTimeToLimit(input: { points: readonly Point[]; limit: number; current: number; now: number; before: number }): Projection {
  if (input.current >= input.limit) return { kind: 'reached' };
  const line = fitLine(input.points);
  if (!line) return { kind: 'unknown' };
  if (line.slope <= 0) return { kind: 'not_at_this_rate' };
  // From the level now, at the fitted rate: the fit gives the rate, the counter gives where we are.
  const at = input.now + (input.limit - input.current) / line.slope;
  return at < input.before ? { kind: 'at', at: Math.round(at) } : { kind: 'not_at_this_rate' };
}
