const formatters = new Map<string, Intl.DateTimeFormat>();

/** A formatter per zone, built once: building one costs more than the rest of an order's writes. */
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    const options: Intl.DateTimeFormatOptions = {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    };
    try {
      formatter = new Intl.DateTimeFormat('en-CA', { ...options, timeZone });
    } catch {
      // An unknown config_timezone: OpenCart's PHP would fall back to UTC too.
      formatter = new Intl.DateTimeFormat('en-CA', { ...options, timeZone: 'UTC' });
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * `YYYY-MM-DD HH:MM:SS` of an instant on the shop's wall clock. OpenCart sets its session time zone
 * to config_timezone before NOW(), so its datetime columns hold local time; rows we write must too,
 * or the shop's own reports would put marketplace orders on the wrong day.
 */
export function toShopDateTime(instant: Date, timeZone: string): string {
  const parts: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) parts[part.type] = part.value;
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
}
