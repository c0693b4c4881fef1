/** The overview reports on this many UTC calendar days, today included. */
export const REPORT_DAYS = 30;
/** "Last 7 days" is today and the 6 calendar days before it. */
export const WEEK_DAYS = 7;

const MS_PER_DAY = 86_400_000;

function startOfUtcDay(instant: Date): Date {
  return new Date(Math.floor(instant.getTime() / MS_PER_DAY) * MS_PER_DAY);
}

function addDays(day: Date, days: number): Date {
  return new Date(day.getTime() + days * MS_PER_DAY);
}

/** `YYYY-MM-DD` of a UTC instant. */
export function toUtcDate(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

/** `YYYY-MM-DD HH:MM:SS` of a UTC instant: how OpenCart's datetime columns read on a UTC session. */
export function toUtcDateTime(instant: Date): string {
  return instant.toISOString().slice(0, 19).replace('T', ' ');
}

export type ReportingWindow = {
  /** First second of today (UTC), as a datetime string. */
  todayStart: string;
  /** First second of the day 6 days before today. */
  weekStart: string;
  /** First second of the day 29 days before today. */
  monthStart: string;
  /** First second of tomorrow: the exclusive end of every period. */
  end: string;
  /** The REPORT_DAYS calendar days from monthStart through today, oldest first. */
  days: string[];
};

/**
 * UTC calendar days around `now`. Every period runs up to the end of today, so an order placed
 * later today than `now` (a clock skew between shop and dashboard) still counts as today's.
 */
export function reportingWindow(now: Date): ReportingWindow {
  const today = startOfUtcDay(now);
  const monthStart = addDays(today, -(REPORT_DAYS - 1));
  return {
    todayStart: toUtcDateTime(today),
    weekStart: toUtcDateTime(addDays(today, -(WEEK_DAYS - 1))),
    monthStart: toUtcDateTime(monthStart),
    end: toUtcDateTime(addDays(today, 1)),
    days: Array.from({ length: REPORT_DAYS }, (_, i) => toUtcDate(addDays(monthStart, i))),
  };
}
