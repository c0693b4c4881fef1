import { describe, expect, it } from 'vitest';
import { guestAddressKinds, guestTaxRates, marketplacePriceWithTax, type GuestTaxSettings, type TaxRuleRow } from './shop-tax';

const TURKEY = 215;
const ISTANBUL = 3354;
const ANKARA = 3319;
const KDV_CLASS = 9;
const EXCISE_CLASS = 11;

const guest: GuestTaxSettings = { countryId: TURKEY, zoneId: ISTANBUL, taxDefault: 'shipping', customerGroupId: 1 };

/** A rule row as the join returns it: zone 0 is the whole country. */
function rule(row: Partial<TaxRuleRow> & Pick<TaxRuleRow, 'taxRateId' | 'rate' | 'type'>): TaxRuleRow {
  return { taxClassId: KDV_CLASS, based: 'shipping', customerGroupId: 1, countryId: TURKEY, zoneId: 0, ...row };
}

describe('guest tax rates', () => {
  it('sets the store address for store rules, and for shipping or payment rules as config_tax_default says', () => {
    expect([...guestAddressKinds('shipping')].sort()).toEqual(['shipping', 'store']);
    expect([...guestAddressKinds('payment')].sort()).toEqual(['payment', 'store']);
    expect([...guestAddressKinds('')]).toEqual(['store']);
  });

  it('adds a percentage of the price for P and the amount for F', () => {
    const rates = guestTaxRates(
      [rule({ taxRateId: 1, rate: '20.0000', type: 'P' }), rule({ taxRateId: 2, rate: '2.0000', type: 'F' })],
      guest,
    );
    expect(marketplacePriceWithTax('100.0000', KDV_CLASS, rates)).toBe('122.0000');
    // 279.99 + 55.998 + 2 = 337.988: rounded once, at the end, to the cent.
    expect(marketplacePriceWithTax('279.9900', KDV_CLASS, rates)).toBe('337.9900');
  });

  it('rounds the exact gross price half away from zero, once, without rounding the tax or four decimals first', () => {
    const twenty = guestTaxRates([rule({ taxRateId: 1, rate: '20.0000', type: 'P' })], guest);
    // 9.8458 * 1.2 = 11.81496: 11.81. Rounding to four decimals first (11.8150), or the tax to cents first
    // (9.8458 + 1.97), would give 11.82.
    expect(marketplacePriceWithTax('9.8458', KDV_CLASS, twenty)).toBe('11.8100');
    // 0.0125 * 1.2 = 0.015 exactly: half a cent goes up.
    expect(marketplacePriceWithTax('0.0125', KDV_CLASS, twenty)).toBe('0.0200');
  });

  it('counts a rate reached through two based kinds, or through two zones of its geo zone, once', () => {
    const rows = [
      rule({ taxRateId: 1, rate: '20.0000', type: 'P', based: 'shipping' }),
      rule({ taxRateId: 1, rate: '20.0000', type: 'P', based: 'store' }),
      rule({ taxRateId: 1, rate: '20.0000', type: 'P', based: 'store', zoneId: ISTANBUL }),
    ];
    const rates = guestTaxRates(rows, guest);
    expect(rates.get(KDV_CLASS)).toEqual([{ taxRateId: 1, rate: '20.0000', type: 'P' }]);
    expect(marketplacePriceWithTax('100.0000', KDV_CLASS, rates)).toBe('120.0000');
  });

  it("applies a rate of the whole country (zone 0) or of the store's zone, not of another zone or country", () => {
    const rows = [
      rule({ taxRateId: 1, rate: '20.0000', type: 'P', zoneId: 0 }),
      rule({ taxRateId: 2, rate: '1.0000', type: 'P', zoneId: ISTANBUL }),
      rule({ taxRateId: 3, rate: '5.0000', type: 'P', zoneId: ANKARA }),
      rule({ taxRateId: 4, rate: '7.0000', type: 'P', countryId: TURKEY + 1 }),
    ];
    const rates = guestTaxRates(rows, guest);
    expect(rates.get(KDV_CLASS)?.map((r) => r.taxRateId)).toEqual([1, 2]);
    expect(marketplacePriceWithTax('100.0000', KDV_CLASS, rates)).toBe('121.0000');
    expect(marketplacePriceWithTax('100.0000', KDV_CLASS, guestTaxRates(rows, { ...guest, zoneId: ANKARA }))).toBe(
      '125.0000',
    );
  });

  it("ignores another customer group's rate, and rules whose address a guest does not have", () => {
    const rows = [
      rule({ taxRateId: 1, rate: '20.0000', type: 'P' }),
      rule({ taxRateId: 2, rate: '10.0000', type: 'P', customerGroupId: 2 }),
      rule({ taxRateId: 3, rate: '3.0000', type: 'F', based: 'payment' }),
    ];
    expect(marketplacePriceWithTax('100.0000', KDV_CLASS, guestTaxRates(rows, guest))).toBe('120.0000');
    // With config_tax_default 'payment' the payment rule applies and the shipping one does not.
    expect(marketplacePriceWithTax('100.0000', KDV_CLASS, guestTaxRates(rows, { ...guest, taxDefault: 'payment' }))).toBe(
      '103.0000',
    );
    // The wholesale group pays its own rate only.
    expect(marketplacePriceWithTax('100.0000', KDV_CLASS, guestTaxRates(rows, { ...guest, customerGroupId: 2 }))).toBe(
      '110.0000',
    );
  });

  it('keeps the price of a product of class 0, or of a class without rates, and rounds it as before', () => {
    const rates = guestTaxRates(
      [rule({ taxRateId: 1, rate: '20.0000', type: 'P' }), rule({ taxRateId: 1, rate: '20.0000', type: 'P', taxClassId: 0 })],
      guest,
    );
    expect(rates.has(0)).toBe(false);
    expect(marketplacePriceWithTax('99.9950', 0, rates)).toBe('100.0000');
    expect(marketplacePriceWithTax('80.0000', EXCISE_CLASS, rates)).toBe('80.0000');
  });
});
