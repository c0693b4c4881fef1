/** The demo period and OpenCart's datetime text, all in UTC (OpenCart's default config_timezone). */
export const DAY_MS = 86_400_000;

export type DemoPeriod = {
  /** Midnight UTC, `months` calendar months before today. */
  startMs: number;
  /** The moment the demo is generated: nothing is dated after it. */
  endMs: number;
  /** Calendar days from start to today, today included. */
  days: number;
};

export function demoPeriod(now: Date, months: number): DemoPeriod {
  const endMs = Math.floor(now.getTime() / 1000) * 1000;
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const start = new Date(today);
  start.setUTCMonth(start.getUTCMonth() - months);
  // setUTCMonth rolls 31 March - 1 month over into March; clamp to the month's last day instead.
  const wantedMonth = (((today.getUTCMonth() - months) % 12) + 12) % 12;
  if (start.getUTCMonth() !== wantedMonth) start.setUTCDate(0);
  const startMs = start.getTime();
  return { startMs, endMs, days: Math.round((today.getTime() - startMs) / DAY_MS) + 1 };
}

/** 'YYYY-MM-DD HH:MM:SS', the text a datetime column holds. */
export function formatDateTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

/** 'YYYY-MM-DD'. */
export function formatDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
