import { z } from 'zod';

/** What every adapter turns a marketplace push into. */
export const CANONICAL_EVENT_TYPES = [
  'order.created',
  'order.status_changed',
  'stock.changed',
  'price.observed',
  'question.received',
] as const;
export type CanonicalEventType = (typeof CANONICAL_EVENT_TYPES)[number];

/** Orders first (a status change needs its order), then status, stock, prices, questions. */
export const EVENT_PRIORITY: Record<CanonicalEventType, number> = {
  'order.created': 1,
  'order.status_changed': 2,
  'stock.changed': 3,
  'price.observed': 4,
  'question.received': 5,
};

/** Where a marketplace order is in its life, whatever the marketplace calls it. */
export const CANONICAL_ORDER_STATUSES = [
  'created',
  'processing',
  'shipped',
  'delivered',
  'cancelled',
  'returned',
  'undelivered',
] as const;
export type CanonicalOrderStatus = (typeof CANONICAL_ORDER_STATUSES)[number];

/** Money as a decimal string (never a float): "1299.90". */
export const moneySchema = z
  .string()
  .regex(/^-?\d{1,11}(\.\d{1,4})?$/, 'a decimal amount with at most 4 decimals');
const text = (max: number) => z.string().max(max);

export const addressSchema = z.object({
  firstname: text(32),
  lastname: text(32),
  company: text(60).default(''),
  address1: text(128),
  address2: text(128).default(''),
  city: text(128),
  postcode: text(10).default(''),
  /** ISO 3166-1 alpha-2, e.g. TR. */
  countryCode: z.string().regex(/^[A-Z]{2}$/),
  zone: text(128).default(''),
});
export type CanonicalAddress = z.infer<typeof addressSchema>;

export const orderLineSchema = z.object({
  externalLineId: text(128),
  /** The marketplace's SKU or barcode: matched to an OpenCart product by the account's rule. */
  sku: text(128),
  name: text(255),
  quantity: z.number().int().min(1).max(100_000),
  unitPrice: moneySchema,
  total: moneySchema,
});

export const marketplaceOrderSchema = z.object({
  externalOrderId: text(128).min(1),
  /** The number shown to the buyer, when it differs from the id. */
  orderNumber: text(64).default(''),
  status: z.enum(CANONICAL_ORDER_STATUSES),
  marketplaceStatus: text(64),
  currency: z.string().regex(/^[A-Z]{3}$/),
  customer: z.object({
    firstname: text(32),
    lastname: text(32),
    email: text(96),
    telephone: text(32).default(''),
  }),
  shippingAddress: addressSchema,
  billingAddress: addressSchema,
  lines: z.array(orderLineSchema).min(1).max(500),
  shippingTotal: moneySchema.default('0'),
  total: moneySchema,
  placedAt: z.iso.datetime({ offset: true }),
});
export type CanonicalOrder = z.infer<typeof marketplaceOrderSchema>;

const base = {
  /** Stable across redeliveries of the same fact: the deduplication key with the account. */
  externalId: text(191).min(1),
  occurredAt: z.iso.datetime({ offset: true }),
};

export const canonicalEventSchema = z.discriminatedUnion('type', [
  z.object({ ...base, type: z.literal('order.created'), order: marketplaceOrderSchema }),
  z.object({
    ...base,
    type: z.literal('order.status_changed'),
    externalOrderId: text(128).min(1),
    status: z.enum(CANONICAL_ORDER_STATUSES),
    marketplaceStatus: text(64),
  }),
  z.object({ ...base, type: z.literal('stock.changed'), sku: text(128).min(1), quantity: z.number().int() }),
  z.object({
    ...base,
    type: z.literal('price.observed'),
    sku: text(128).min(1),
    prices: z
      .array(
        z.object({
          seller: text(128).default(''),
          price: moneySchema,
          currency: z.string().regex(/^[A-Z]{3}$/),
          isBuyBoxWinner: z.boolean().default(false),
        }),
      )
      .min(1)
      .max(100),
  }),
  z.object({
    ...base,
    type: z.literal('question.received'),
    questionId: text(128).min(1),
    sku: text(128).default(''),
    text: text(4000).min(1),
    customerName: text(128).default(''),
  }),
]);
export type CanonicalEvent = z.infer<typeof canonicalEventSchema>;
export type CanonicalEventOf<T extends CanonicalEventType> = Extract<CanonicalEvent, { type: T }>;
