import { describe, expect, it } from 'vitest';
import { readWebhookEventFilters, webhookEventFiltersToQuery } from './event-filters';
import { startOfDayInZone } from './received-range';

describe('filters from a query string', () => {
  it('keeps the values that parse and names the ones it ignores', () => {
    const { filters, ignored } = readWebhookEventFilters({
      marketplace: 'trendyol',
      status: 'dead',
      type: 'order.exploded',
      account: 'abc',
      from: '2024-02-30',
      to: '2024-03-01',
      page: '-2',
    });

    expect(filters).toEqual({ marketplace: 'trendyol', status: 'dead', to: '2024-03-01', page: 1 });
    expect(ignored.sort()).toEqual(['account', 'from', 'page', 'type']);
  });

  it('drops the end of a range that ends before it starts, and ignores empty values', () => {
    const { filters, ignored } = readWebhookEventFilters({ from: '2024-03-05', to: '2024-03-01', marketplace: '', page: ['3', '4'] });

    expect(filters).toEqual({ from: '2024-03-05', page: 3 });
    expect(ignored).toEqual(['to']);
  });

  it('writes filters back as a query string, leaving out the first page', () => {
    expect(webhookEventFiltersToQuery({ marketplace: 'n11', account: 4, page: 1 })).toBe('marketplace=n11&account=4');
    expect(webhookEventFiltersToQuery({ status: 'dead', page: 2 })).toBe('status=dead&page=2');
  });
});

describe('days in the shop’s time zone', () => {
  it('starts a day at local midnight, across a daylight-saving change', () => {
    expect(startOfDayInZone('2024-03-13', 'Europe/Istanbul').toISOString()).toBe('2024-03-12T21:00:00.000Z');
    expect(startOfDayInZone('2024-03-31', 'Europe/Berlin').toISOString()).toBe('2024-03-30T23:00:00.000Z');
    expect(startOfDayInZone('2024-04-01', 'Europe/Berlin').toISOString()).toBe('2024-03-31T22:00:00.000Z');
    expect(startOfDayInZone('2024-03-13', 'Not/AZone').toISOString()).toBe('2024-03-13T00:00:00.000Z');
  });
});
