import { z } from 'zod';
import type { JobsOverview } from '@/lib/jobs/queries/get-jobs-overview';

// Spelled out rather than imported: the statuses live beside the Drizzle table, which the browser bundle must not pull in.
const statusSchema = z.enum(['running', 'succeeded', 'failed', 'skipped', 'abandoned']);
const count = z.number().int().nonnegative();

const runSchema = z.object({
  id: z.number().int(),
  job: z.string(),
  trigger: z.enum(['cron', 'cli', 'manual']),
  requestedBy: z.string(),
  status: statusSchema,
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  durationMs: z.number().nullable(),
  counts: z.record(z.string(), z.number()),
  more: z.boolean(),
  error: z.string().nullable(),
});

/** The live refresh's answer (app/api/admin/jobs), checked before the page shows it. */
export const jobsOverviewResponseSchema = z.object({
  latest: z.record(z.string(), runSchema.nullable()),
  history: z.object({
    runs: z.array(runSchema),
    total: count,
    page: z.number().int().min(1),
    pageCount: z.number().int().min(1),
    pageSize: z.number().int().min(1),
  }),
  durations: z.array(
    z.object({
      job: z.string(),
      points: z.array(
        z.object({ runId: z.number().int(), startedAt: z.string(), durationMs: z.number(), status: z.enum(['succeeded', 'failed']) }),
      ),
    }),
  ),
}) satisfies z.ZodType<JobsOverview>;

export async function fetchJobsOverview(query: string): Promise<JobsOverview> {
  const response = await fetch(`/api/admin/jobs?${query}`, { cache: 'no-store', headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`The jobs refresh answered ${response.status}`);
  return jobsOverviewResponseSchema.parse(await response.json());
}
