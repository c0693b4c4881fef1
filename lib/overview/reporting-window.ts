/** The overview reports on this many UTC calendar days, today included. */
export const REPORT_DAYS = 30;
/** "Last 7 days" is today and the 6 calendar days before it. */
export const WEEK_DAYS = 7;

const MS_PER_DAY = 86_400_000;

const dayFormatters = new Map<string, Intl.DateTimeFormat>();

/** Whether Intl knows the IANA zone name (OpenCart's config_timezone holds one, e.g. `Europe/Istanbul`). */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-CA', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** Midnight (as a UTC Date used only for calendar arithmetic) of the calendar day `instant` falls on in `timeZone`. */
function startOfLocalDay(instant: Date, timeZone: string): Date {
  let formatter = dayFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormatters.set(timeZone, formatter);
  }
  return new Date(`${formatter.format(instant)}T00:00:00Z`);
}

function addDays(day: Date, days: number): Date {
  return new Date(day.getTime() + days * MS_PER_DAY);
}

/** `YYYY-MM-DD` of a calendar-arithmetic Date. */
export function toUtcDate(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

/** `YYYY-MM-DD HH:MM:SS` of a calendar-arithmetic Date: the form OpenCart's datetime columns hold. */
export function toUtcDateTime(instant: Date): string {
  return instant.toISOString().slice(0, 19).replace('T', ' ');
}

export type ReportingWindow = {
  /** First second of today in the shop's time zone, as a datetime string. */
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
 * Calendar days around `now` in the shop's time zone. OpenCart sets its session time zone to
 * config_timezone before NOW(), so order dates hold the shop's wall-clock time and compare with
 * these local boundaries as they are. Every period runs up to the end of today, so an order placed
 * later today than `now` (a clock skew between shop and dashboard) still counts as today's.
 */
export function reportingWindow(now: Date, timeZone = 'UTC'): ReportingWindow {
  const today = startOfLocalDay(now, isKnownTimeZone(timeZone) ? timeZone : 'UTC');
  const monthStart = addDays(today, -(REPORT_DAYS - 1));
  return {
    todayStart: toUtcDateTime(today),
    weekStart: toUtcDateTime(addDays(today, -(WEEK_DAYS - 1))),
    monthStart: toUtcDateTime(monthStart),
    end: toUtcDateTime(addDays(today, 1)),
    days: Array.from({ length: REPORT_DAYS }, (_, i) => toUtcDate(addDays(monthStart, i))),
  };
}
