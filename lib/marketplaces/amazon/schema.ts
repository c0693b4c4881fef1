import { z } from 'zod';
import { jsonMoneySchema } from '../shared/money';
import { amazonOrderStatusSchema } from './order-status';

/** As many sellers as a canonical `price.observed` holds; Amazon sends its top 20 offers [doc]. */
export const AMAZON_OFFERS_MAX = 100;

const instantSchema = z.iso.datetime({ offset: true });
const metadataSchema = z.object({ NotificationId: z.string().min(1).max(128) });
const amazonMoneySchema = z.object({ Amount: jsonMoneySchema, CurrencyCode: z.string().regex(/^[A-Z]{3}$/) });

/**
 * Amazon delivers only to the seller's SQS queue or EventBridge bus [doc]; the relay forwards either
 * the notification itself or the EventBridge event carrying it in `detail` [inferred].
 */
const eventBridgeEventSchema = z.object({ 'detail-type': z.string(), detail: z.unknown() });

export function notificationOf(body: unknown): unknown {
  const event = eventBridgeEventSchema.safeParse(body);
  return event.success ? event.data.detail : body;
}

/** Most types are PascalCase; PRICING_HEALTH is camelCase [doc]. */
export const notificationTypeSchema = z
  .union([z.object({ NotificationType: z.string().min(1) }), z.object({ notificationType: z.string().min(1) })])
  .transform((envelope) => ('NotificationType' in envelope ? envelope.NotificationType : envelope.notificationType));

export const orderChangeNotificationSchema = z.object({
  NotificationType: z.literal('ORDER_CHANGE'),
  NotificationMetadata: metadataSchema,
  Payload: z.object({
    OrderChangeNotification: z.object({
      AmazonOrderId: z.string().min(1).max(64),
      OrderChangeTrigger: z.object({ TimeOfOrderChange: instantSchema }),
      Summary: z.object({ OrderStatus: amazonOrderStatusSchema }),
    }),
  }),
});
export type OrderChangeNotification = z.infer<typeof orderChangeNotificationSchema>;

/** Offers may carry `IsBuyBoxWinner` [sdk: Peddler reads it as optional], though the published JSON schema omits it. */
const offerSchema = z
  .object({
    SellerId: z.string().min(1).max(128),
    ListingPrice: amazonMoneySchema,
    Shipping: amazonMoneySchema.optional(),
    IsBuyBoxWinner: z.boolean().optional(),
  })
  .refine((offer) => !offer.Shipping || offer.Shipping.CurrencyCode === offer.ListingPrice.CurrencyCode, {
    message: 'shipping in the currency of the listing price',
    path: ['Shipping', 'CurrencyCode'],
  });
export type AmazonOffer = z.infer<typeof offerSchema>;

export const anyOfferChangedNotificationSchema = z.object({
  NotificationType: z.literal('ANY_OFFER_CHANGED'),
  NotificationMetadata: metadataSchema,
  Payload: z.object({
    AnyOfferChangedNotification: z.object({
      OfferChangeTrigger: z.object({
        ASIN: z.string().min(1).max(128),
        ItemCondition: z.string(),
        TimeOfOfferChange: instantSchema,
      }),
      Offers: z.array(offerSchema).max(AMAZON_OFFERS_MAX),
    }),
  }),
});
export type AnyOfferChangedNotification = z.infer<typeof anyOfferChangedNotificationSchema>;
