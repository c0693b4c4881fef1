import { describe, expect, it } from 'vitest';
import { compareMoney, convertMoney, normalizeMoney, parseMoney, sumMoney } from './money';

describe('money strings', () => {
  it('sums decimal(15,4) strings exactly, where floats would drift', () => {
    expect(sumMoney(['0.1000', '0.2000'])).toBe('0.3000');
    expect(sumMoney(['19.9900', '0.0100', '-5.5000'])).toBe('14.5000');
    expect(sumMoney([])).toBe('0.0000');
  });

  it('normalizes to four decimals and rounds extra digits half away from zero', () => {
    expect(normalizeMoney('7')).toBe('7.0000');
    expect(normalizeMoney('1.23455')).toBe('1.2346');
    expect(normalizeMoney('-1.23455')).toBe('-1.2346');
    expect(normalizeMoney('0.00004')).toBe('0.0000');
  });

  it('compares amounts by value, not by text', () => {
    expect(compareMoney('10.5', '10.5000')).toBe(0);
    expect(compareMoney('9.9999', '10')).toBe(-1);
    expect(compareMoney('100', '99.99')).toBe(1);
  });

  it("converts an order total into the order's currency like OpenCart (total × currency_value)", () => {
    expect(convertMoney('100.0000', '0.78460002')).toBe('78.4600');
    expect(convertMoney('123.4500', '1.00000000')).toBe('123.4500');
    expect(convertMoney('10.0000', '0.61250001')).toBe('6.1250');
  });

  it('rejects text that is not a decimal number', () => {
    expect(() => parseMoney('12,50')).toThrow(/Not a decimal/);
    expect(() => parseMoney('')).toThrow(/Not a decimal/);
  });
});
