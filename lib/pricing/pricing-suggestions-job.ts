import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '@/lib/db/pool';
import { jobRuns } from '@/lib/db/schema';
import type { JobDefinition } from '@/lib/jobs/types';
import { computeSuggestions } from './compute-suggestions';

export const PRICING_JOB_NAME = 'pricing-suggestions';
/** A finished pass is fresh for this long; calls in between find nothing to do. */
export const PRICING_PASS_FRESH_MS = 20 * 60 * 60_000;

type Cursor = { afterProductId: number } | { fresh: true };

/**
 * Where this call starts. A pass over the catalogue may need several calls (a cron call has about a
 * minute): a run that stopped for time stores the last product it finished as a count, and the next
 * call goes on after it. A pass that finished less than PRICING_PASS_FRESH_MS ago leaves nothing to do,
 * except for an admin's "run now", which starts a new pass.
 */
async function readCursor(db: Db, tenantId: number, now: Date, startAgain: boolean): Promise<Cursor> {
  const [last] = await db
    .select({ counts: jobRuns.counts, more: jobRuns.more, startedAt: jobRuns.startedAt })
    .from(jobRuns)
    .where(and(eq(jobRuns.tenantId, tenantId), eq(jobRuns.job, PRICING_JOB_NAME), eq(jobRuns.status, 'succeeded')))
    .orderBy(desc(jobRuns.id))
    .limit(1);
  if (!last) return { afterProductId: 0 };
  if (last.more) return { afterProductId: last.counts.lastProductId ?? 0 };
  return !startAgain && now.getTime() - last.startedAt.getTime() < PRICING_PASS_FRESH_MS ? { fresh: true } : { afterProductId: 0 };
}

export const pricingSuggestionsJob: JobDefinition = {
  name: PRICING_JOB_NAME,
  title: { tr: 'Fiyat önerileri', en: 'Pricing suggestions' },
  budgetMs: 50_000,
  countLabels: {
    products: { tr: 'Hesaplanan ürünler', en: 'Products computed' },
    open: { tr: 'Açık öneriler', en: 'Open suggestions' },
    lastProductId: { tr: 'Son ürün no.', en: 'Last product id' },
  },
  async run(ctx) {
    const now = new Date();
    const cursor = await readCursor(ctx.mainDb, ctx.tenant.tenant.id, now, ctx.trigger === 'manual');
    if ('fresh' in cursor) return { counts: { products: 0, open: 0 } };
    const result = await computeSuggestions(ctx.mainDb, ctx.tenant, {
      now,
      afterProductId: cursor.afterProductId,
      shouldStop: ctx.shouldStop,
      onChunk: (p) => ctx.reportProgress?.({ products: p.products, lastProductId: p.lastProductId }),
    });
    const counts = { products: result.products, open: result.open, lastProductId: result.lastProductId };
    return result.done ? { counts } : { counts, more: true };
  },
};
