import { parseMoney, roundMoney, formatMoneyUnits } from '@/lib/shop/money';

/** A decimal written into JSON as a number literal exactly as given ("899.90" stays 899.90, never 899.9). */
export class JsonDecimal {
  constructor(readonly text: string) {
    if (!/^-?\d+(\.\d+)?$/.test(text)) throw new Error(`Not a decimal: "${text}"`);
  }
}

/** A money string rounded half away from zero to two decimals: "1299.9" → "1299.90", "5.125" → "5.13". */
export function twoDecimals(amount: string): string {
  const text = formatMoneyUnits(roundMoney(parseMoney(amount), 2));
  return text.slice(0, text.length - 2);
}

/** Money as a JSON number with exactly two decimals, without passing through a float. */
export function money2(amount: string): JsonDecimal {
  return new JsonDecimal(twoDecimals(amount));
}

/** JSON.stringify that writes JsonDecimal values as bare number literals. */
export function decimalJson(value: unknown): string {
  const literals: string[] = [];
  const text = JSON.stringify(value, (_key, v: unknown) => {
    if (v instanceof JsonDecimal) {
      literals.push(v.text);
      return `\u0000dec${literals.length - 1}\u0000`;
    }
    return v;
  });
  return text.replace(/"\\u0000dec(\d+)\\u0000"/g, (_m, i: string) => literals[Number(i)]!);
}
