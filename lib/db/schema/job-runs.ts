import { bigint, boolean, datetime, index, int, json, mysqlEnum, mysqlTable, text, uniqueIndex, varchar } from 'drizzle-orm/mysql-core';
import { relations, sql } from 'drizzle-orm';
import { tenants } from './tenants';

export const JOB_RUN_STATUSES = ['running', 'succeeded', 'failed', 'skipped', 'abandoned'] as const;
export type JobRunStatus = (typeof JOB_RUN_STATUSES)[number];

/** Spelled out as in lib/jobs/types.ts (JOB_TRIGGERS); a test keeps the two equal. */
export const JOB_RUN_TRIGGERS = ['cron', 'cli', 'manual'] as const;

/**
 * One run of a job on one tenant. Cron may deliver one scheduled call twice: the unique key on
 * (job, tenant, slot) turns the second delivery into a no-op. A cron run's slot is the minute of the
 * call; every other run (command line, "run now", a skipped attempt) gets a slot of its own. A row left
 * 'running' by a process that died is marked 'abandoned' by the next run that takes the job's lock.
 */
export const jobRuns = mysqlTable(
  'msc_job_run',
  {
    id: bigint('id', { mode: 'number', unsigned: true }).autoincrement().primaryKey(),
    job: varchar('job', { length: 64 }).notNull(),
    tenantId: bigint('tenant_id', { mode: 'number', unsigned: true })
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    triggeredBy: mysqlEnum('triggered_by', JOB_RUN_TRIGGERS).notNull(),
    /** Who asked: the admin's user name for "run now", `cron` or `cli` otherwise. */
    requestedBy: varchar('requested_by', { length: 64 }).notNull(),
    slot: varchar('slot', { length: 64 }).notNull(),
    /** The minute a cron call was for (UTC); null for other triggers. */
    scheduledFor: datetime('scheduled_for', { mode: 'date', fsp: 3 }),
    status: mysqlEnum('status', JOB_RUN_STATUSES).notNull(),
    startedAt: datetime('started_at', { mode: 'date', fsp: 3 }).notNull().default(sql`CURRENT_TIMESTAMP(3)`),
    finishedAt: datetime('finished_at', { mode: 'date', fsp: 3 }),
    durationMs: int('duration_ms'),
    budgetMs: int('budget_ms').notNull(),
    counts: json('counts').$type<Record<string, number>>().notNull().default({}),
    /** Work was left for the next run (the time budget was spent). */
    more: boolean('more').notNull().default(false),
    error: text('error'),
    /** Host and process that ran it, for the logs. */
    worker: varchar('worker', { length: 64 }).notNull().default(''),
  },
  (t) => [
    uniqueIndex('msc_job_run_slot_uq').on(t.job, t.tenantId, t.slot),
    index('msc_job_run_tenant_job_started_idx').on(t.tenantId, t.job, t.startedAt),
    index('msc_job_run_tenant_job_status_idx').on(t.tenantId, t.job, t.status),
    index('msc_job_run_tenant_started_idx').on(t.tenantId, t.startedAt),
  ],
);

export const jobRunsRelations = relations(jobRuns, ({ one }) => ({
  tenant: one(tenants, { fields: [jobRuns.tenantId], references: [tenants.id] }),
}));

export type JobRun = typeof jobRuns.$inferSelect;
export type NewJobRun = typeof jobRuns.$inferInsert;
