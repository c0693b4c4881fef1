/** Fixed windows aligned in UTC: a minute starts at :00 seconds, a day at 00:00 UTC. */
export const MS_PER_MINUTE = 60_000;
export const MS_PER_DAY = 86_400_000;

export type Grain = 'minute' | 'day';

export const GRAIN_MS: Record<Grain, number> = { minute: MS_PER_MINUTE, day: MS_PER_DAY };

export function windowStart(grain: Grain, at: Date | number): Date {
  const ms = typeof at === 'number' ? at : at.getTime();
  return new Date(Math.floor(ms / GRAIN_MS[grain]) * GRAIN_MS[grain]);
}

export function windowEnd(grain: Grain, at: Date | number): Date {
  return new Date(windowStart(grain, at).getTime() + GRAIN_MS[grain]);
}

/** DATETIME text (UTC, whole seconds) as the counter table's key holds it. */
export function toSqlDatetime(date: Date): string {
  return date.toISOString().slice(0, 19).replace('T', ' ');
}

/** Whole seconds until `end`, at least 1 while it is ahead (headers count in delta-seconds). */
export function secondsUntil(end: Date, now: Date | number): number {
  const ms = end.getTime() - (typeof now === 'number' ? now : now.getTime());
  return ms <= 0 ? 0 : Math.max(1, Math.ceil(ms / 1000));
}
