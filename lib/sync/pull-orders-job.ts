import type { JobDefinition } from '@/lib/jobs/types';

// Placeholder while the job is being built; replaced by the real implementation.
export const pullOrdersJob: JobDefinition = {
  name: 'pull-orders',
  title: { tr: 'Sipariş çekme', en: 'Order pull' },
  budgetMs: 50_000,
  async run() {
    throw new Error('pull-orders is not built yet');
  },
};
