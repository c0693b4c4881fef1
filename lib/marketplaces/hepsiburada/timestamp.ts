import { z } from 'zod';
import { TURKEY_UTC_OFFSET } from '../shared/turkey-time';

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?$/i;

function isRealDate(year: number, month: number, day: number, hour: number, minute: number, second: number): boolean {
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth && hour <= 23 && minute <= 59 && second <= 59;
}

function normaliseOffset(zone: string | undefined): string {
  if (!zone) return TURKEY_UTC_OFFSET;
  if (zone.toUpperCase() === 'Z') return 'Z';
  return zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
}

/**
 * [sdk] Hepsiburada serialises times inconsistently: with `Z`, with nothing, with 7 fractional digits
 * ("2026-01-06T13:05:12.1234567"). A time without a zone is Turkish wall-clock time [inferred], the
 * only zone its systems use. The result keeps the wall-clock digits and states the offset.
 */
export const hepsiburadaTimestampSchema = z.string().transform((value, ctx) => {
  const match = TIMESTAMP.exec(value.trim());
  const [, year = '', month = '', day = '', hour = '', minute = '', second = '00', fraction = '', zone] = match ?? [];
  if (!match || !isRealDate(+year, +month, +day, +hour, +minute, +second)) {
    ctx.issues.push({ code: 'custom', message: 'an ISO 8601 date and time such as 2026-01-06T13:05:12', input: value });
    return z.NEVER;
  }
  const millis = fraction.padEnd(3, '0').slice(0, 3);
  return `${year}-${month}-${day}T${hour}:${minute}:${second}.${millis}${normaliseOffset(zone)}`;
});
