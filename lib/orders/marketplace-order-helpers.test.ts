import { describe, expect, it } from 'vitest';
import { toDefaultCurrency } from './currency';
import { shouldApplyMarketplaceStatus } from './marketplace-status-progression';
import { REPLACEMENT_CHARACTER, toOpenCartText } from './opencart-text';
import { toShopDateTime } from './shop-clock';
import { orderMarker } from './write-opencart-order';
import { formatMoneyUnits } from '@/lib/shop/money';

describe('text for OpenCart columns', () => {
  it('escapes as htmlspecialchars(ENT_COMPAT) does, leaving single quotes alone', () => {
    expect(toOpenCartText(`<b>"Tom" & Jerry's</b>`, 255, 'utf8mb3')).toBe('&lt;b&gt;&quot;Tom&quot; &amp; Jerry\'s&lt;/b&gt;');
  });

  it('replaces 4-byte characters for utf8 (3-byte) tables and keeps them for utf8mb4 ones', () => {
    expect(toOpenCartText('Ali 😀🚚 Veli', 32, 'utf8mb3')).toBe(`Ali ${REPLACEMENT_CHARACTER}${REPLACEMENT_CHARACTER} Veli`);
    expect(toOpenCartText('Ali 😀 Veli', 32, 'utf8mb4')).toBe('Ali 😀 Veli');
  });

  it('cuts to the column length in characters, never inside an entity', () => {
    expect(toOpenCartText('a&b', 5, 'utf8mb3')).toBe('a');
    expect(toOpenCartText('a&b', 6, 'utf8mb3')).toBe('a&amp;');
    // An emoji is one character to MySQL although it is two UTF-16 units to JavaScript.
    expect(toOpenCartText('😀😀😀', 2, 'utf8mb4')).toBe('😀😀');
    expect(toOpenCartText('  padded  ', 32, 'utf8mb3')).toBe('padded');
  });
});

describe('the order marker', () => {
  it('is ASCII-only JSON that PHP json_decode reads back to the same key', () => {
    const marker = orderMarker(3, 'Sipariş "7"');
    expect(marker).toBe('{"meschain":"3:Sipari\\u015f \\"7\\""}');
    expect(JSON.parse(marker)).toEqual({ meschain: '3:Sipariş "7"' });
  });
});

describe('currency conversion', () => {
  it("divides by the order currency's rate, rounding half away from zero to 4 decimals", () => {
    expect(formatMoneyUnits(toDefaultCurrency('78.46', '0.78460002'))).toBe('100.0000');
    expect(formatMoneyUnits(toDefaultCurrency('10', '1.00000000'))).toBe('10.0000');
    expect(formatMoneyUnits(toDefaultCurrency('-1', '3'))).toBe('-0.3333');
    expect(formatMoneyUnits(toDefaultCurrency('2', '3'))).toBe('0.6667');
  });
});

describe('marketplace status progression', () => {
  it('moves forward only, and final statuses stay final', () => {
    expect(shouldApplyMarketplaceStatus(['created'], 'shipped')).toBe(true);
    expect(shouldApplyMarketplaceStatus(['shipped'], 'shipped')).toBe(false);
    expect(shouldApplyMarketplaceStatus(['delivered'], 'shipped')).toBe(false);
    expect(shouldApplyMarketplaceStatus(['undelivered'], 'delivered')).toBe(true);
    expect(shouldApplyMarketplaceStatus(['cancelled'], 'shipped')).toBe(false);
    expect(shouldApplyMarketplaceStatus(['cancelled'], 'cancelled')).toBe(false);
    expect(shouldApplyMarketplaceStatus(['cancelled'], 'returned')).toBe(true);
    expect(shouldApplyMarketplaceStatus(['delivered'], 'returned')).toBe(true);
    // A status an admin chose by hand: the marketplace decides.
    expect(shouldApplyMarketplaceStatus([], 'processing')).toBe(true);
  });
});

describe('shop clock', () => {
  it("writes the shop's wall-clock time, falling back to UTC for an unknown zone", () => {
    const instant = new Date('2024-05-01T21:30:05Z');
    expect(toShopDateTime(instant, 'UTC')).toBe('2024-05-01 21:30:05');
    expect(toShopDateTime(instant, 'Europe/Istanbul')).toBe('2024-05-02 00:30:05');
    expect(toShopDateTime(instant, 'Not/AZone')).toBe('2024-05-01 21:30:05');
  });
});
