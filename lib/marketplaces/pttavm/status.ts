import { statusTableSchema } from '../shared/status-table';

/** `siparisDurumu` values [sdk citing developers.pttavm.com]; PttAVM keeps status per line. */
export const PTTAVM_LINE_STATUSES = {
  /** Awaiting bank-transfer approval: reserve, do not ship [sdk]. */
  havale_onayi_bekleniyor: 'created',
  /** In approval: reserve, do not ship [sdk]. */
  onay_surecinde: 'created',
  /** Paid and waiting for the seller to ship. */
  kargo_yapilmasi_bekleniyor: 'processing',
  gonderilmis: 'shipped',
  tamamlandi: 'delivered',
  iptal: 'cancelled',
  /** Payment invalid. */
  odeme_gecersiz: 'cancelled',
  iade: 'returned',
  /** Handed back to the sender: the delivery failed [inferred]. */
  gondericisine_teslim_edildi: 'undelivered',
} as const;

export const pttavmLineStatusSchema = statusTableSchema(PTTAVM_LINE_STATUSES, 'PttAVM line');
