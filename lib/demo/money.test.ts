import { describe, expect, it } from 'vitest';
import { formatMoney, parseMoney, percentOf } from './money';

describe('money in cents', () => {
  it('reads OpenCart decimals and writes them back with four places', () => {
    expect(parseMoney('279.9900')).toBe(27999);
    expect(parseMoney('0.0050')).toBe(1);
    expect(parseMoney('5.00')).toBe(500);
    expect(parseMoney('-1.2')).toBe(-120);
    expect(formatMoney(27999)).toBe('279.9900');
    expect(formatMoney(5)).toBe('0.0500');
    expect(formatMoney(-120)).toBe('-1.2000');
  });

  it('adds a thousand 0.10 amounts to exactly 100.0000', () => {
    let sum = 0;
    for (let i = 0; i < 1000; i += 1) sum += parseMoney('0.1000');
    expect(formatMoney(sum)).toBe('100.0000');
  });

  it('takes percentages with four-decimal rates, rounding half up to the cent', () => {
    expect(percentOf(27999, '20.0000')).toBe(5600);
    expect(percentOf(1000, '18.0000')).toBe(180);
    expect(percentOf(999, '8.2500')).toBe(82);
  });

  it('rejects what is not a decimal', () => {
    expect(() => parseMoney('12,50')).toThrow(/Not a decimal/);
    expect(() => formatMoney(1.5)).toThrow(/whole cents/);
  });
});
