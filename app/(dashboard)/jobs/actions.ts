'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { env } from '@/lib/env';
import { getMessages, type Locale } from '@/lib/i18n';
import { tenantAction } from '@/lib/auth/tenant-action';
import { writeAudit } from '@/lib/audit/write-audit';
import { encryptionKeyFrom } from '@/lib/crypto/secret-box';
import { findJob, JOB_NAMES } from '@/lib/jobs/registry';
import { requestBudgetMs } from '@/lib/jobs/request-budget';
import { runJob, type TenantRunOutcome } from '@/lib/jobs/run-job';
import { RUN_JOB_ROLES } from './run-roles';

const runJobNowSchema = z.object({ job: z.string().refine((name) => JOB_NAMES.includes(name), 'not a job') });

const errors = (locale: Locale) => {
  const m = getMessages(locale).jobs;
  return { ...m.errors, forbidden: m.runNow.forbidden };
};

/**
 * "Run now": the job on the admin's current shop, as cron would run it but in a slot of its own, so it
 * is never taken for a duplicate delivery; the lock still keeps it from overlapping a scheduled run.
 * The audit row says who asked and what came of it, even when the run could not start.
 */
export const runJobNow = tenantAction({ schema: runJobNowSchema, roles: RUN_JOB_ROLES, errors }, async (input, ctx) => {
  const job = findJob(input.job)!.definition;
  const tenantId = ctx.tenant.tenant.id;
  let outcome: TenantRunOutcome | undefined;
  try {
    const result = await runJob({
      db: ctx.db,
      mainDatabaseUrl: env().DATABASE_URL,
      job,
      tenantSlug: ctx.tenant.tenant.slug,
      trigger: 'manual',
      requestedBy: ctx.actor.username,
      budgetMs: requestBudgetMs(job),
      encryptionKey: () => encryptionKeyFrom(env().APP_ENCRYPTION_KEY),
    });
    outcome = result.runs[0];
  } finally {
    await writeAudit(ctx.db, {
      action: 'job.run',
      actor: ctx.actor,
      tenantId,
      target: { type: 'job', id: job.name },
      after: outcome ?? { error: 'The run could not start; see the server log.' },
      request: ctx.request,
    });
  }
  revalidatePath('/jobs');
  if (!outcome) throw new Error(`runJob answered no run for tenant ${tenantId}`);
  return { ok: true, outcome };
});
