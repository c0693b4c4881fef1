/**
 * The order-status history an order collects, as OpenCart's addOrderHistory writes it: one
 * `order_history` row per change, dated, the order's `order_status_id` being the last one.
 * Steps dated after "now" have not happened yet, so recent orders are still pending or processing.
 */
import type { Rng } from './prng';

/** OpenCart 3's order status ids (install SQL, language 1). */
export const ORDER_STATUS = {
  pending: 1,
  processing: 2,
  shipped: 3,
  complete: 5,
  canceled: 7,
  denied: 8,
  failed: 10,
  refunded: 11,
} as const;
export const DEMO_ORDER_STATUS_IDS: readonly number[] = Object.values(ORDER_STATUS);

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** How orders end, out of 1: most complete, some are canceled, refunded, denied or fail. */
const FATES = [
  { fate: 'complete', share: 0.85 },
  { fate: 'canceled', share: 0.07 },
  { fate: 'refunded', share: 0.04 },
  { fate: 'failed', share: 0.025 },
  { fate: 'denied', share: 0.015 },
] as const;
type Fate = (typeof FATES)[number]['fate'];

export type HistoryStep = { orderStatusId: number; atMs: number; notify: boolean; comment: string };

function drawFate(rng: Rng): Fate {
  let u = rng.next();
  for (const { fate, share } of FATES) {
    if (u < share) return fate;
    u -= share;
  }
  return 'complete';
}

/** A delay between `minMs` and `maxMs`, whole seconds. */
function delay(rng: Rng, minMs: number, maxMs: number): number {
  return Math.floor((minMs + rng.next() * (maxMs - minMs)) / 1000) * 1000;
}

function fulfilmentPath(rng: Rng, placedAtMs: number): HistoryStep[] {
  const processingAt = placedAtMs + delay(rng, 20 * 60_000, 20 * HOUR_MS);
  const shippedAt = processingAt + delay(rng, 4 * HOUR_MS, 3 * DAY_MS);
  const completeAt = shippedAt + delay(rng, 1 * DAY_MS, 5 * DAY_MS);
  const trackingNo = `${rng.int(100_000, 999_999)}${rng.int(100_000, 999_999)}`;
  return [
    { orderStatusId: ORDER_STATUS.pending, atMs: placedAtMs, notify: false, comment: '' },
    { orderStatusId: ORDER_STATUS.processing, atMs: processingAt, notify: false, comment: '' },
    { orderStatusId: ORDER_STATUS.shipped, atMs: shippedAt, notify: true, comment: `Kargo takip no: ${trackingNo}` },
    { orderStatusId: ORDER_STATUS.complete, atMs: completeAt, notify: false, comment: '' },
  ];
}

/** Every step of an order placed at `placedAtMs`, with strictly increasing dates up to `nowMs`. */
export function planStatusPath(rng: Rng, placedAtMs: number, nowMs: number): HistoryStep[] {
  const fate = drawFate(rng);
  let steps: HistoryStep[];
  switch (fate) {
    case 'complete':
      steps = fulfilmentPath(rng, placedAtMs);
      break;
    case 'refunded': {
      const fulfilled = fulfilmentPath(rng, placedAtMs);
      const refundAt = fulfilled[fulfilled.length - 1]!.atMs + delay(rng, 2 * DAY_MS, 14 * DAY_MS);
      steps = [...fulfilled, { orderStatusId: ORDER_STATUS.refunded, atMs: refundAt, notify: true, comment: 'İade tamamlandı.' }];
      break;
    }
    case 'canceled':
      steps = [
        { orderStatusId: ORDER_STATUS.pending, atMs: placedAtMs, notify: false, comment: '' },
        { orderStatusId: ORDER_STATUS.canceled, atMs: placedAtMs + delay(rng, HOUR_MS, 2 * DAY_MS), notify: true, comment: 'Müşteri isteğiyle iptal edildi.' },
      ];
      break;
    case 'denied':
      steps = [
        { orderStatusId: ORDER_STATUS.pending, atMs: placedAtMs, notify: false, comment: '' },
        { orderStatusId: ORDER_STATUS.denied, atMs: placedAtMs + delay(rng, 10 * 60_000, 6 * HOUR_MS), notify: false, comment: '' },
      ];
      break;
    case 'failed':
      // A declined payment: the gateway confirms the order straight into Failed.
      steps = [{ orderStatusId: ORDER_STATUS.failed, atMs: placedAtMs, notify: false, comment: '' }];
      break;
  }
  return steps.filter((step, i) => i === 0 || step.atMs <= nowMs);
}
