import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '@/lib/db/pool';
import { tenants, type Tenant } from '@/lib/db/schema';
import { ServiceError } from '@/lib/errors/service-error';
import { cronSlot } from './job-slot';
import { runJobOnTenant, type RunJobOnTenantInput, type TenantRunOutcome } from './run-job-on-tenant';

const MS_PER_MINUTE = 60_000;

export type RunJobInput = Omit<RunJobOnTenantInput, 'tenant' | 'slot' | 'budgetMs'> & {
  /** One tenant by slug; every tenant when omitted. */
  tenantSlug?: string;
  /** The whole call's time; the job's own budget when omitted. */
  budgetMs?: number;
};

export type JobRunsResult = { job: string; runs: TenantRunOutcome[] };

/** Disabled tenants are not run: asked for by slug, they are answered like a missing one. */
async function tenantsToRun(db: Db, slug: string | undefined): Promise<Tenant[]> {
  const active = eq(tenants.status, 'active');
  if (slug === undefined) return db.select().from(tenants).where(active).orderBy(asc(tenants.id));
  const found = await db.select().from(tenants).where(and(eq(tenants.slug, slug), active));
  if (found.length === 0) throw new ServiceError('NOT_FOUND', `No tenant "${slug}".`);
  return found;
}

/** The list started at `offset`, wrapping round. */
function rotate<T>(items: readonly T[], offset: number): T[] {
  const start = items.length === 0 ? 0 : offset % items.length;
  return [...items.slice(start), ...items.slice(0, start)];
}

/**
 * Runs a job on one tenant or on each tenant in turn (the shops of one deployment share its database
 * and this call's time). The call's budget is shared fairly: each tenant may use what is left divided
 * by the tenants still waiting, so a busy shop cannot starve the ones after it, and time one leaves
 * unused goes to the rest. A tenant reached after the time is spent is answered `skipped: 'budget'`;
 * cron calls start at a different tenant each minute, so no shop is always last. Deployments with many
 * shops can call the route once per tenant (`?tenant=`) instead, in parallel.
 */
export async function runJob(input: RunJobInput): Promise<JobRunsResult> {
  const { db, job, trigger } = input;
  const found = await tenantsToRun(db, input.tenantSlug);
  const slot = trigger === 'cron' ? await cronSlot(db) : null;
  const order = slot?.scheduledFor ? rotate(found, Math.floor(slot.scheduledFor.getTime() / MS_PER_MINUTE)) : found;
  const budgetMs = input.budgetMs ?? job.budgetMs;
  const callDeadline = Date.now() + budgetMs;

  const runs: TenantRunOutcome[] = [];
  for (const [index, tenant] of order.entries()) {
    const remainingMs = callDeadline - Date.now();
    if (index > 0 && remainingMs <= 0) {
      runs.push({ tenant: tenant.slug, skipped: 'budget' });
      continue;
    }
    const shareMs = Math.max(1, Math.floor(remainingMs / (order.length - index)));
    runs.push(await runJobOnTenant({ ...input, tenant, slot, budgetMs: shareMs }));
  }
  return { job: job.name, runs };
}

/** A job's runs for the CLI's exit code: any failed run fails the command. */
export function anyRunFailed(result: JobRunsResult): boolean {
  return result.runs.some((run) => 'status' in run && run.status === 'failed');
}

export type { TenantRunOutcome };
