import { z } from 'zod';
import { isoCurrencyCode } from '../shared/money';

const TURKEY_NAMES = new Set(['tr', 'tur', 'turkey', 'turkiye']);

/** Lower case without accents or the Turkish dotted and dotless i, so `TÜRKİYE` reads as `turkiye`. */
function foldName(value: string): string {
  return value.toLowerCase().replace(/ı/g, 'i').normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

/**
 * ISO 3166-1 alpha-2 from what a marketplace sends: `TR`, `tr`, `TUR`, `Turkey`, `Türkiye` all mean
 * Turkey; other two-letter codes (Trendyol's international storefronts) pass through upper-cased.
 */
export const countryCodeSchema = z.string().transform((value, ctx) => {
  const text = value.trim();
  if (TURKEY_NAMES.has(foldName(text))) return 'TR';
  if (/^[A-Za-z]{2}$/.test(text)) return text.toUpperCase();
  ctx.issues.push({ code: 'custom', message: 'an ISO 3166-1 alpha-2 country code such as TR', input: value });
  return z.NEVER;
});

/** ISO 4217, with the lira's older spelling TL read as TRY. */
export const currencyCodeSchema = z
  .string()
  .transform(isoCurrencyCode)
  .pipe(z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 currency code such as TRY'));
