import type { JobDefinition } from '@/lib/jobs/types';

// Placeholder while the job is being built; replaced by the real implementation.
export const syncStockPriceJob: JobDefinition = {
  name: 'sync-stock-price',
  title: { tr: 'Stok ve fiyat eşitleme', en: 'Stock and price sync' },
  budgetMs: 50_000,
  async run() {
    throw new Error('sync-stock-price is not built yet');
  },
};
