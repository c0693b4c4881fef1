import { describe, expect, it } from 'vitest';
import type { CanonicalOrderStatus } from '@/lib/webhooks/canonical-events';
import { foldLineStatuses } from './line-statuses';

const lines = (...statuses: CanonicalOrderStatus[]) =>
  statuses.map((status, i) => ({ lineId: String(i), marketplaceStatus: status.toUpperCase(), status }));

describe('one order status from per-line statuses', () => {
  it('is the least advanced live line', () => {
    expect(foldLineStatuses(lines('shipped', 'created')).status).toBe('created');
    expect(foldLineStatuses(lines('delivered', 'shipped', 'delivered')).status).toBe('shipped');
    expect(foldLineStatuses(lines('delivered', 'returned')).status).toBe('delivered');
    expect(foldLineStatuses(lines('returned', 'returned')).status).toBe('returned');
  });

  it('ignores cancelled lines unless every line is cancelled', () => {
    expect(foldLineStatuses(lines('cancelled', 'shipped')).status).toBe('shipped');
    expect(foldLineStatuses(lines('cancelled', 'cancelled')).status).toBe('cancelled');
  });

  it('lists the distinct marketplace statuses in a stable order, cut to the column width', () => {
    expect(foldLineStatuses(lines('shipped', 'cancelled', 'shipped')).marketplaceStatus).toBe('CANCELLED,SHIPPED');
    const many = Array.from({ length: 20 }, (_, i) => ({ lineId: String(i), marketplaceStatus: `status_${i}`, status: 'created' as const }));
    expect(foldLineStatuses(many).marketplaceStatus.length).toBeLessThanOrEqual(64);
  });
});
