import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { canonicalEventSchema, type CanonicalEvent } from '@/lib/webhooks/canonical-events';
import type { ParseResult, WebhookRequest } from '../adapter';
import { genericAdapter } from './adapter';
import { GENERIC_MAX_EVENTS_PER_PUSH } from './schema';

type Json = Record<string, any>;

const FIXTURES = new URL('./fixtures/', import.meta.url);

function fixture(name: string): Json {
  return JSON.parse(readFileSync(new URL(name, FIXTURES), 'utf8'));
}

const request: WebhookRequest = { method: 'POST', pathTail: [], headers: {}, rawBody: '', receivedAt: new Date('2026-01-07T09:20:00Z') };

function parse(body: unknown): ParseResult {
  return genericAdapter.parse(body, request);
}

function eventsOf(body: unknown): CanonicalEvent[] {
  const result = parse(body);
  if (!result.ok) throw new Error(`expected the push to parse: ${JSON.stringify(result.issues)}`);
  return result.events;
}

function issuesOf(body: unknown) {
  const result = parse(body);
  if (result.ok) throw new Error('expected the push to be refused');
  return result.issues;
}

function stockEvent(index: number): Json {
  return { type: 'stock.changed', externalId: `stock:SKU-${index}`, occurredAt: '2026-01-07T09:05:00Z', sku: `SKU-${index}`, quantity: index };
}

describe('generic pushes that parse', () => {
  it('one order event comes back as sent, with the optional fields filled with their defaults', () => {
    const sent = fixture('single-order-created.json');
    expect(eventsOf(sent)).toEqual([
      {
        ...sent,
        order: {
          ...sent.order,
          shippingAddress: { ...sent.order.shippingAddress, company: '' },
          billingAddress: { ...sent.order.billingAddress, address2: '' },
        },
      },
    ]);
  });

  it('a batch comes back as the same events in the same order', () => {
    const sent = fixture('batch-mixed.json');
    const events = eventsOf(sent);
    expect(events.map((event) => event.externalId)).toEqual(sent.events.map((event: Json) => event.externalId));
    expect(events[2]).toEqual(sent.events[2]);
    expect(events[3]).toEqual({
      ...sent.events[3],
      prices: [sent.events[3].prices[0], { seller: '', isBuyBoxWinner: false, ...sent.events[3].prices[1] }],
    });
  });

  it.each(['single-order-created.json', 'batch-mixed.json'])('%s gives events that pass the canonical schema again unchanged', (name) => {
    for (const event of eventsOf(fixture(name))) {
      expect(canonicalEventSchema.parse(JSON.parse(JSON.stringify(event)))).toEqual(event);
    }
  });

  it('the same push always gives the same externalIds', () => {
    expect(eventsOf(fixture('batch-mixed.json')).map((event) => event.externalId)).toEqual(
      eventsOf(fixture('batch-mixed.json')).map((event) => event.externalId),
    );
  });

  it(`a batch of exactly ${GENERIC_MAX_EVENTS_PER_PUSH} events is accepted`, () => {
    expect(eventsOf({ events: Array.from({ length: GENERIC_MAX_EVENTS_PER_PUSH }, (_, index) => stockEvent(index)) })).toHaveLength(
      GENERIC_MAX_EVENTS_PER_PUSH,
    );
  });
});

describe('generic pushes that are refused', () => {
  it(`a batch of ${GENERIC_MAX_EVENTS_PER_PUSH + 1} events is refused at the list`, () => {
    const issues = issuesOf({ events: Array.from({ length: GENERIC_MAX_EVENTS_PER_PUSH + 1 }, (_, index) => stockEvent(index)) });
    expect(issues[0]).toMatchObject({ code: 'too_big', path: ['events'] });
  });

  it('a huge batch is refused at the list without reading its events', () => {
    const events = new Array(1_000_000).fill(stockEvent(1));
    expect(issuesOf({ events })[0]).toMatchObject({ code: 'too_big', path: ['events'] });
  });

  it('an empty batch is refused', () => {
    expect(issuesOf({ events: [] })[0]).toMatchObject({ code: 'too_small', path: ['events'] });
  });

  it('one bad event refuses the whole batch, with the path to it', () => {
    const sent = fixture('batch-mixed.json');
    sent.events[2].quantity = '7';
    expect(issuesOf(sent).map((issue) => issue.path)).toEqual([['events', 2, 'quantity']]);
  });

  it.each([
    ['an unknown type', (event: Json) => (event.type = 'order.teleported'), 'type'],
    ['no externalId', (event: Json) => delete event.externalId, 'externalId'],
    ['an empty externalId', (event: Json) => (event.externalId = ''), 'externalId'],
    ['a time without an offset', (event: Json) => (event.occurredAt = '2026-01-06T10:00:00'), 'occurredAt'],
    ['a time as epoch ms', (event: Json) => (event.occurredAt = 1767693600000), 'occurredAt'],
    ['money as a number', (event: Json) => (event.order.total = 1079.7), 'total'],
    ['money with five decimals', (event: Json) => (event.order.lines[0].unitPrice = '524.90001'), 'unitPrice'],
    ['an unknown order status', (event: Json) => (event.order.status = 'lost'), 'status'],
    ['a quantity as a string', (event: Json) => (event.order.lines[0].quantity = '2'), 'quantity'],
    ['no lines', (event: Json) => (event.order.lines = []), 'lines'],
    ['a three-letter country', (event: Json) => (event.order.shippingAddress.countryCode = 'TUR'), 'countryCode'],
    ['a first name over 32 characters', (event: Json) => (event.order.customer.firstname = 'x'.repeat(33)), 'firstname'],
  ])('an event with %s is refused with an issue at that field', (_case, damage, field) => {
    const event = fixture('single-order-created.json');
    damage(event);
    expect(issuesOf(event).some((issue) => issue.path.includes(field))).toBe(true);
  });

  it.each([
    ['null', null],
    ['a string', 'order.created'],
    ['a number', 42],
    ['a bare array of events', [stockEvent(1)]],
    ['an empty object', {}],
    ['a batch whose events are not a list', { events: stockEvent(1) }],
  ])('a body that is %s is refused with issues, not an exception', (_case, body) => {
    expect(() => parse(body)).not.toThrow();
    expect(issuesOf(body).length).toBeGreaterThan(0);
  });
});

describe('generic text that looks dangerous', () => {
  it('SQL-looking text and emoji are passed through unchanged as data', () => {
    const question = {
      type: 'question.received',
      externalId: "question:'; DROP TABLE oc_order; --",
      occurredAt: '2026-01-07T09:15:00+03:00',
      questionId: "Q'); DELETE FROM oc_product;--",
      text: 'Bu ürün pamuklu mu? 🤔 \'; DROP TABLE oc_order; --',
      customerName: 'Ayşe 🌸',
    };
    expect(eventsOf(question)).toEqual([{ ...question, sku: '' }]);
  });
});
