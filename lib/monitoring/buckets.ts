/**
 * Fixed histogram bounds of the rollups (upper bounds, inclusive). Changing them changes what the
 * stored bucket columns mean: add a migration and recompute, never edit in place.
 */
export const INGEST_BUCKET_BOUNDS_MS = [5, 10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000, Infinity] as const;
/** Processing lag, received to applied. */
export const LAG_BUCKET_BOUNDS_MS = [1_000, 5_000, 15_000, 30_000, 60_000, 120_000, 300_000, 900_000, 3_600_000, Infinity] as const;

/**
 * The percentile `p` (0–100) of a histogram, as the upper bound of the bucket the rank falls in: the
 * true value is at most this and above the previous bound. Null without observations; Infinity when
 * it falls in the open last bucket.
 */
export function percentileFromBuckets(bounds: readonly number[], counts: readonly number[], p: number): number | null {
  const total = counts.reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * total));
  let seen = 0;
  for (let i = 0; i < counts.length; i += 1) {
    seen += counts[i] ?? 0;
    if (seen >= rank) return bounds[i] ?? Infinity;
  }
  return Infinity;
}

/** The bucket an observation falls in (tests and the bench use it to predict the rollup). */
export function bucketIndex(bounds: readonly number[], value: number): number {
  const i = bounds.findIndex((b) => value <= b);
  return i === -1 ? bounds.length - 1 : i;
}

/** SQL of `SUM(lo < x <= hi)` per bucket, for a trusted column expression (our own constants only). */
export function bucketSumsSql(expression: string, bounds: readonly number[], alias: string): string {
  return bounds
    .map((hi, i) => {
      const lo = i === 0 ? null : bounds[i - 1]!;
      const parts = [lo === null ? null : `${expression} > ${lo}`, Number.isFinite(hi) ? `${expression} <= ${hi}` : null].filter(Boolean);
      return `SUM(CASE WHEN ${parts.length ? parts.join(' AND ') : '1=1'} THEN 1 ELSE 0 END) AS ${alias}${i}`;
    })
    .join(', ');
}
