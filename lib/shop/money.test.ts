import { describe, expect, it } from 'vitest';
import {
  compareMoney,
  convertMoney,
  formatMoneyUnits,
  normalizeMoney,
  parseMoney,
  percentOfMoney,
  roundMoney,
  sumMoney,
} from './money';

describe('money strings', () => {
  it('reads OpenCart decimals as units of 1/10 000 and writes them back with four places', () => {
    expect(parseMoney('279.9900')).toBe(2_799_900n);
    expect(parseMoney('5.00')).toBe(50_000n);
    expect(parseMoney('-1.2')).toBe(-12_000n);
    expect(formatMoneyUnits(2_799_900n)).toBe('279.9900');
    expect(formatMoneyUnits(5n)).toBe('0.0005');
    expect(formatMoneyUnits(0n)).toBe('0.0000');
    expect(formatMoneyUnits(-12_000n)).toBe('-1.2000');
    expect(formatMoneyUnits(-5n)).toBe('-0.0005');
  });

  it('sums decimal(15,4) strings exactly, where floats would drift', () => {
    expect(sumMoney(['0.1000', '0.2000'])).toBe('0.3000');
    expect(sumMoney(['19.9900', '0.0100', '-5.5000'])).toBe('14.5000');
    expect(sumMoney([])).toBe('0.0000');
    expect(sumMoney(Array.from({ length: 1000 }, () => '0.1000'))).toBe('100.0000');
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
    expect(() => percentOfMoney(100n, '20%')).toThrow(/Not a decimal/);
  });
});

describe('percentages and rounding of money units', () => {
  it('takes a four-decimal rate of an amount, rounding once, half away from zero, to the places asked', () => {
    expect(formatMoneyUnits(percentOfMoney(parseMoney('279.99'), '20.0000', 2))).toBe('56.0000');
    expect(formatMoneyUnits(percentOfMoney(parseMoney('279.99'), '20.0000'))).toBe('55.9980');
    expect(formatMoneyUnits(percentOfMoney(parseMoney('10.00'), '18.0000', 2))).toBe('1.8000');
    expect(formatMoneyUnits(percentOfMoney(parseMoney('9.99'), '8.2500', 2))).toBe('0.8200');
    expect(formatMoneyUnits(percentOfMoney(parseMoney('0.25'), '10', 2))).toBe('0.0300');
    expect(formatMoneyUnits(percentOfMoney(parseMoney('-0.25'), '10', 2))).toBe('-0.0300');
  });

  it('does not round twice: 0.00495 to the cent is 0.00, not 0.0050 then 0.01', () => {
    expect(percentOfMoney(parseMoney('0.0990'), '5', 2)).toBe(0n);
  });

  it('rounds an amount to fewer decimals', () => {
    expect(roundMoney(parseMoney('12.3450'), 2)).toBe(parseMoney('12.35'));
    expect(roundMoney(parseMoney('-12.3450'), 2)).toBe(parseMoney('-12.35'));
    expect(roundMoney(parseMoney('12.3449'), 2)).toBe(parseMoney('12.34'));
    expect(roundMoney(parseMoney('12.5'), 0)).toBe(parseMoney('13'));
    expect(roundMoney(parseMoney('1.2345'), 4)).toBe(parseMoney('1.2345'));
    expect(() => roundMoney(1n, 5)).toThrow(/0\.\.4 decimals/);
  });
});
