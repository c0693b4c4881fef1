import { z } from 'zod';

/** Turkey has kept UTC+3 all year since September 2016, so a Turkish wall-clock time has one offset. */
export const TURKEY_UTC_OFFSET = '+03:00';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * A zod schema for a Turkish wall-clock string (Pazarama `2026-01-06 14:20`, PttAVM `06.01.2026 15:42:10`),
 * read with a pattern whose named groups are year, month, day, hour, minute and optionally second,
 * into ISO 8601 with the +03:00 offset. A date that does not exist (31.02) is an issue.
 */
export function turkeyWallClockSchema(pattern: RegExp, format: string) {
  return z.string().transform((text, ctx) => {
    const groups = pattern.exec(text)?.groups;
    const part = (name: string) => Number(groups?.[name] ?? 0);
    const [year, month, day] = [part('year'), part('month'), part('day')];
    const [hour, minute, second] = [part('hour'), part('minute'), part('second')];
    const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
    const exists =
      groups !== undefined &&
      date.getUTCFullYear() === year &&
      date.getUTCMonth() === month - 1 &&
      date.getUTCDate() === day &&
      date.getUTCHours() === hour &&
      date.getUTCMinutes() === minute &&
      date.getUTCSeconds() === second;
    if (!exists) {
      ctx.issues.push({ code: 'custom', message: `a date and time as ${format}`, input: text });
      return z.NEVER;
    }
    return `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}${TURKEY_UTC_OFFSET}`;
  });
}
