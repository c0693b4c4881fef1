import { z } from 'zod';
import { env } from '@/lib/env';
import { ensureServer } from '@/lib/db/server';
import { getDb } from '@/lib/db/pool';
import { encryptionKeyFrom } from '@/lib/crypto/secret-box';
import { ServiceError } from '@/lib/errors/service-error';
import { findJob, JOB_NAMES } from '@/lib/jobs/registry';
import { anyRunFailed, runJob } from '@/lib/jobs/run-job';
import { fail, parseCliArgs } from './cli-args';

/** A run from the command line may take longer than a serverless function, but not all day. */
const MAX_CLI_BUDGET_MS = 60 * 60_000;

export const JOB_RUN_USAGE = `npm run cli -- job:run ${JOB_NAMES.join('|')} [--tenant SLUG] [--budget-ms N]`;

const jobRunFlagsSchema = z.object({
  tenant: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, 'a tenant slug: letters, digits, _ and - only')
    .optional(),
  'budget-ms': z.coerce.number().int().min(1).max(MAX_CLI_BUDGET_MS).optional(),
});

/**
 * `job:run NAME [--tenant SLUG] [--budget-ms N]`: the same run the cron route does, for system cron.
 * Prints `{ job, runs }` as JSON; exits 1 when a run failed (a run skipped because another one is
 * working is not a failure). SIGINT/SIGTERM ask the job to stop at its next step, as its budget would.
 */
export async function jobRunCommand(argv: string[]) {
  const [name, ...flags] = argv;
  const usage = `Usage: ${JOB_RUN_USAGE}`;
  const registered = name && !name.startsWith('-') ? findJob(name) : undefined;
  if (!registered) fail(`${name ? `Unknown job "${name}".` : 'Name the job to run.'}\n${usage}`);
  const args = parseCliArgs(flags, { tenant: { type: 'string' }, 'budget-ms': { type: 'string' } }, jobRunFlagsSchema, usage);

  const url = env().DATABASE_URL;
  await ensureServer(url);
  const stop = new AbortController();
  const abort = () => stop.abort();
  process.once('SIGINT', abort);
  process.once('SIGTERM', abort);
  try {
    const result = await runJob({
      db: getDb(url),
      mainDatabaseUrl: url,
      job: registered.definition,
      tenantSlug: args.tenant,
      trigger: 'cli',
      requestedBy: 'cli',
      budgetMs: args['budget-ms'],
      encryptionKey: () => encryptionKeyFrom(env().APP_ENCRYPTION_KEY),
      signal: stop.signal,
    });
    console.log(JSON.stringify(result, null, 2));
    if (anyRunFailed(result)) process.exitCode = 1;
  } catch (err) {
    if (err instanceof ServiceError && err.code === 'NOT_FOUND') fail(err.message, 1);
    throw err;
  } finally {
    process.off('SIGINT', abort);
    process.off('SIGTERM', abort);
  }
}
