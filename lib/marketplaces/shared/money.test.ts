import { describe, expect, it } from 'vitest';
import { decimalFromJsonNumber, decimalFromMoneyUnits, isoCurrencyCode, jsonMoneySchema } from './money';

describe('JSON numbers as decimal strings', () => {
  it('keeps the decimals the sender wrote, up to four', () => {
    expect(decimalFromJsonNumber(899.9)).toBe('899.9');
    expect(decimalFromJsonNumber(JSON.parse('899.90'))).toBe('899.9');
    expect(decimalFromJsonNumber(0.3)).toBe('0.3');
    expect(decimalFromJsonNumber(58.32)).toBe('58.32');
    expect(decimalFromJsonNumber(0.0001)).toBe('0.0001');
    expect(decimalFromJsonNumber(12345678901.1234)).toBe('12345678901.1234');
    expect(decimalFromJsonNumber(-5.5)).toBe('-5.5');
    expect(decimalFromJsonNumber(-0)).toBe('0');
    expect(decimalFromJsonNumber(1000)).toBe('1000');
  });

  it('refuses float artefacts, more than four decimals, exponents and non-finite numbers rather than rounding', () => {
    for (const n of [0.1 + 0.2, 1.23456, 1e-7, 1e21, 2 ** 53 + 2, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      expect(() => decimalFromJsonNumber(n), String(n)).toThrow(RangeError);
    }
  });

  it('as a schema, turns a refused number into an issue instead of a throw', () => {
    expect(jsonMoneySchema.safeParse(349.9)).toEqual({ success: true, data: '349.9' });
    const refused = jsonMoneySchema.safeParse(0.1 + 0.2);
    expect(refused.success).toBe(false);
    expect(refused.error?.issues).toEqual([expect.objectContaining({ code: 'custom', path: [] })]);
    expect(jsonMoneySchema.safeParse('349.90').success).toBe(false);
  });

  it('writes computed amounts without trailing zeros', () => {
    expect(decimalFromMoneyUnits(5_249_000n)).toBe('524.9');
    expect(decimalFromMoneyUnits(1_000_000n)).toBe('100');
    expect(decimalFromMoneyUnits(333_333n)).toBe('33.3333');
    expect(decimalFromMoneyUnits(0n)).toBe('0');
    expect(decimalFromMoneyUnits(-1_000n)).toBe('-0.1');
  });
});

describe('currency codes', () => {
  it('reads the Turkish lira written as TL as TRY and leaves ISO codes alone', () => {
    expect(isoCurrencyCode('TL')).toBe('TRY');
    expect(isoCurrencyCode(' tl ')).toBe('TRY');
    expect(isoCurrencyCode('TRY')).toBe('TRY');
    expect(isoCurrencyCode('eur')).toBe('EUR');
  });
});
