import { z } from 'zod';
import { jsonIdSchema } from '../shared/json-id';
import { jsonMoneySchema } from '../shared/money';
import { turkeyWallClockSchema } from '../shared/turkey-time';
import { pttavmLineStatusSchema } from './status';

/**
 * The order search is not paged, only bounded to 40 days [sdk]; a pull job should slice busier
 * windows rather than push more orders than this at once [inferred].
 */
export const PTTAVM_ORDERS_MAX = 1000;
/** As many lines as a canonical order holds. */
export const PTTAVM_ORDER_LINES_MAX = 500;

const optionalText = z.string().nullish();

/** REST `islemTarihi` is a Turkish local time string, "dd.MM.yyyy HH:mm:ss" [sdk]. */
const transactionDateSchema = turkeyWallClockSchema(
  /^(?<day>\d{2})\.(?<month>\d{2})\.(?<year>\d{4}) (?<hour>\d{2}):(?<minute>\d{2})(?::(?<second>\d{2}))?$/,
  'dd.MM.yyyy HH:mm:ss',
);

export const pttavmLineSchema = z.object({
  lineItemId: jsonIdSchema,
  /** The barcode, which PttAVM's stock-price write keys products by [sdk]. */
  urunBarkod: z.string().min(1),
  urunAdi: optionalText,
  urun: optionalText,
  urunKodu: optionalText,
  toplamIslemAdedi: z.int().min(1),
  /** The line's total with VAT [sdk]. */
  kdvDahilToplamTutar: jsonMoneySchema,
  siparisDurumu: pttavmLineStatusSchema,
});

/** One order as `GET /api/v1/orders/search` lists it [sdk]. */
export const pttavmOrderSchema = z.object({
  siparisNo: jsonIdSchema,
  islemTarihi: transactionDateSchema,
  musteriAdi: z.string(),
  musteriSoyadi: z.string(),
  eposta: optionalText,
  telefonNo: optionalText,
  siparisAdresi: z.string(),
  siparisIlce: optionalText,
  siparisIli: z.string(),
  kargoTutari: jsonMoneySchema.nullish(),
  siparisUrunler: z.array(pttavmLineSchema).min(1).max(PTTAVM_ORDER_LINES_MAX),
});
export type PttavmOrder = z.infer<typeof pttavmOrderSchema>;

/**
 * A pushed search result, read as a JSON array of orders [inferred: the sources show single items
 * only], or one order on its own.
 */
export function parsePttavmOrders(body: unknown) {
  return Array.isArray(body)
    ? z.array(pttavmOrderSchema).max(PTTAVM_ORDERS_MAX).safeParse(body)
    : pttavmOrderSchema.transform((order) => [order]).safeParse(body);
}
