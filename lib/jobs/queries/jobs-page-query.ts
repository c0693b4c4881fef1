import { z } from 'zod';

/** Far beyond any real history (30 days of a job every minute is 2,160 pages); keeps OFFSET small. */
export const MAX_JOB_RUN_PAGE = 10_000;

/** What the jobs page's history can be narrowed by: one job (of `jobNames`) and a page. */
export function jobsPageQuerySchema(jobNames: readonly string[]) {
  return z.object({
    job: z
      .string()
      .refine((name) => jobNames.includes(name), 'not a job')
      .optional(),
    page: z.coerce.number().int().min(1).max(MAX_JOB_RUN_PAGE).default(1),
  });
}

export type JobsPageQuery = { job?: string; page: number };
export type JobsPageQueryName = keyof JobsPageQuery;

/**
 * The page's query string, field by field: a value that does not parse is dropped and named in
 * `ignored` (the page says so) instead of failing the page.
 */
export function readJobsPageQuery(
  query: Record<string, string | string[] | undefined>,
  jobNames: readonly string[],
): { query: JobsPageQuery; ignored: JobsPageQueryName[] } {
  const schema = jobsPageQuerySchema(jobNames);
  const ignored: JobsPageQueryName[] = [];
  const accepted: Record<string, unknown> = {};
  for (const name of ['job', 'page'] as const) {
    const raw = query[name];
    const value = (Array.isArray(raw) ? raw[0] : raw)?.trim();
    if (!value) continue;
    const parsed = schema.shape[name].safeParse(value);
    if (parsed.success) accepted[name] = parsed.data;
    else ignored.push(name);
  }
  return { query: schema.parse(accepted), ignored };
}

/** The query as a query string (without `?`), leaving out what is unset; `page` only past the first. */
export function jobsPageQueryToString(query: Partial<JobsPageQuery>): string {
  const params = new URLSearchParams();
  if (query.job) params.set('job', query.job);
  if (query.page && query.page > 1) params.set('page', String(query.page));
  return params.toString();
}
