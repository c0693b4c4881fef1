import { isKnownTimeZone } from '@/lib/overview/reporting-window';

const MS_PER_DAY = 86_400_000;

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

/** How far `timeZone`'s wall clock is ahead of UTC at `instant`, in ms (Istanbul: +3 h). */
function zoneOffsetMs(instant: Date, timeZone: string): number {
  let formatter = offsetFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    offsetFormatters.set(timeZone, formatter);
  }
  const parts = Object.fromEntries(formatter.formatToParts(instant).map((p) => [p.type, p.value]));
  const wallClock = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return wallClock - Math.floor(instant.getTime() / 1000) * 1000;
}

/**
 * The instant a calendar day (`YYYY-MM-DD`) begins in `timeZone`. The offset is read twice because
 * the offset at UTC midnight can differ from the one at local midnight on a daylight-saving change.
 */
export function startOfDayInZone(day: string, timeZone: string): Date {
  const zone = isKnownTimeZone(timeZone) ? timeZone : 'UTC';
  const utcMidnight = new Date(`${day}T00:00:00Z`).getTime();
  const firstGuess = utcMidnight - zoneOffsetMs(new Date(utcMidnight), zone);
  return new Date(utcMidnight - zoneOffsetMs(new Date(firstGuess), zone));
}

function nextDay(day: string): string {
  return new Date(new Date(`${day}T00:00:00Z`).getTime() + MS_PER_DAY).toISOString().slice(0, 10);
}

/** `[from, to]` inclusive calendar days as the half-open instant range `[start, end)`. */
export function receivedRange(
  from: string | undefined,
  to: string | undefined,
  timeZone: string,
): { start?: Date; end?: Date } {
  return {
    start: from ? startOfDayInZone(from, timeZone) : undefined,
    end: to ? startOfDayInZone(nextDay(to), timeZone) : undefined,
  };
}
