import { z } from 'zod';
import { jsonIdSchema } from '../shared/json-id';
import { jsonMoneySchema } from '../shared/money';
import { turkeyWallClockSchema } from '../shared/turkey-time';
import { pazaramaLineStatusSchema } from './status';

/** [doc] The order list is asked for with `pageSize: 500`; no larger page is documented [inferred]. */
export const PAZARAMA_PAGE_SIZE_MAX = 500;
/** As many lines as a canonical order holds. */
export const PAZARAMA_ORDER_ITEMS_MAX = 500;

const optionalText = z.string().nullish();

/**
 * A money object [doc]. Only `value` is read: `valueString` has a decimal comma and a currency
 * suffix ("349,90 TL"), and `valueInt` is in kuruş.
 */
const pazaramaMoneySchema = z.object({ value: jsonMoneySchema });

/** [doc] `orderDate` is "yyyy-MM-dd HH:mm", Turkish local time. */
const orderDateSchema = turkeyWallClockSchema(
  /^(?<year>\d{4})-(?<month>\d{2})-(?<day>\d{2})[ T](?<hour>\d{2}):(?<minute>\d{2})(?::(?<second>\d{2})(?:\.\d+)?)?$/,
  'yyyy-MM-dd HH:mm',
);

export const pazaramaAddressSchema = z.object({
  /** May be empty on a corporate invoice address, which names the company instead [inferred]. */
  nameSurname: optionalText,
  cityName: z.string(),
  districtName: optionalText,
  neighborhoodName: optionalText,
  addressDetail: z.string(),
  phoneNumber: optionalText,
  companyName: optionalText,
});

export const pazaramaItemSchema = z.object({
  orderItemId: jsonIdSchema,
  orderItemStatus: pazaramaLineStatusSchema,
  quantity: z.int().min(1),
  salePrice: pazaramaMoneySchema,
  totalPrice: pazaramaMoneySchema,
  product: z.object({
    name: z.string(),
    /** The barcode, which Pazarama's stock and price writes key products by [doc]. */
    code: z.string().min(1),
  }),
});

/** One order as `POST /order/getOrdersForApi` lists it [doc]. */
export const pazaramaOrderSchema = z.object({
  orderNumber: jsonIdSchema,
  orderDate: orderDateSchema,
  orderAmount: jsonMoneySchema,
  shipmentAmount: jsonMoneySchema.nullish(),
  /** "TL" [doc]. */
  currency: z.string(),
  customerName: z.string(),
  customerEmail: optionalText,
  shipmentAddress: pazaramaAddressSchema,
  billingAddress: pazaramaAddressSchema,
  items: z.array(pazaramaItemSchema).min(1).max(PAZARAMA_ORDER_ITEMS_MAX),
});
export type PazaramaOrder = z.infer<typeof pazaramaOrderSchema>;

/**
 * The API's envelope `{ data, success, messageCode, … }` [doc]. `success: false` arrives with HTTP
 * 200 [doc], so a relayed failure is refused rather than read as "no orders".
 */
export const pazaramaOrdersResponseSchema = z.object({
  data: z.array(pazaramaOrderSchema).max(PAZARAMA_PAGE_SIZE_MAX),
  success: z.literal(true).optional(),
});

/** A pushed order list as the API wraps it, or one order on its own. */
export function parsePazaramaOrders(body: unknown) {
  const isEnvelope = typeof body === 'object' && body !== null && 'data' in body;
  return isEnvelope
    ? pazaramaOrdersResponseSchema.transform((response) => response.data).safeParse(body)
    : pazaramaOrderSchema.transform((order) => [order]).safeParse(body);
}
