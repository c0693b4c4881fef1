import { env } from '@/lib/env';
import { getDb } from '@/lib/db/pool';
import { getLocale, openCurrentTenant } from '@/lib/auth/session';
import { format, getMessages } from '@/lib/i18n';
import { getStoreSettings } from '@/lib/shop/store-settings';
import { shopTimeZone } from '@/lib/webhooks/queries';
import { describeJobs } from '@/lib/jobs/job-infos';
import { DURATION_CHART_RUNS, getJobsOverview, jobsPageQueryToString, readJobsPageQuery } from '@/lib/jobs/queries';
import { JOB_NAMES } from '@/lib/jobs/registry';
import { getOutboxPanelData, readOutboxPanelParams } from '@/lib/sync/outbox-panel-query';
import { JobsLive } from '@/components/jobs/jobs-live';
import { OutboxPanel } from '@/components/sync/outbox-panel';
import styles from '@/components/jobs/jobs.module.css';
import { runJobNow } from './actions';
import { RUN_JOB_ROLES } from './run-roles';

/** Seconds: "run now" waits for its run (at most lib/jobs/request-budget.ts's cap) inside this page's action. */
export const maxDuration = 60;

export default async function JobsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [locale, tenant, rawQuery] = await Promise.all([getLocale(), openCurrentTenant(), searchParams]);
  const m = getMessages(locale).jobs;
  const { query, ignored } = readJobsPageQuery(rawQuery, JOB_NAMES);
  const mainDb = getDb(env().DATABASE_URL);
  const [overview, settings, outbox] = await Promise.all([
    getJobsOverview(mainDb, tenant.tenant.id, JOB_NAMES, query),
    getStoreSettings(tenant),
    getOutboxPanelData(mainDb, tenant.tenant.id, readOutboxPanelParams(rawQuery)),
  ]);
  const liveQuery = jobsPageQueryToString({ ...query, page: overview.history.page });

  return (
    <div className={styles.page}>
      <div>
        <h1>{m.title}</h1>
        <p className={styles.lead}>{m.description}</p>
      </div>
      {ignored.length > 0 ? (
        <p className={styles.notice} role="status">
          {format(m.ignored, { names: ignored.map((name) => m.queryNames[name]).join(', ') })}
        </p>
      ) : null}
      <JobsLive
        key={liveQuery}
        jobs={describeJobs(locale)}
        initial={overview}
        renderedAt={Date.now()}
        query={liveQuery}
        selectedJob={query.job}
        runsPerJob={DURATION_CHART_RUNS}
        runJobNow={RUN_JOB_ROLES.includes(tenant.role) ? runJobNow : undefined}
        labels={m}
        locale={locale}
        timeZone={shopTimeZone(settings)}
      />
      <OutboxPanel
        data={outbox}
        searchParams={rawQuery}
        basePath="/jobs"
        locale={locale}
        timeZone={shopTimeZone(settings)}
        currency={settings.currencyCode}
      />
    </div>
  );
}
