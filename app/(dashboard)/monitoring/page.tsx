import { env } from '@/lib/env';
import { getDb } from '@/lib/db/pool';
import { getLocale, openCurrentTenant, requireSessionUser } from '@/lib/auth/session';
import { getMessages } from '@/lib/i18n';
import { getStoreSettings } from '@/lib/shop/store-settings';
import { shopTimeZone } from '@/lib/webhooks/queries';
import { describeJobs } from '@/lib/jobs/job-infos';
import { JOB_NAMES } from '@/lib/jobs/registry';
import { getMonitoringData } from '@/lib/monitoring/dashboard/get-monitoring-data';
import { mayViewAllTenants, monitoringQuerySchema, openAdministeredTenants } from '@/lib/monitoring/dashboard/monitoring-scope';
import { MonitoringLive } from '@/components/monitoring/monitoring-live';
import { RangePicker } from '@/components/monitoring/range-picker';
import styles from '@/components/monitoring/monitoring.module.css';
import { ALERT_THRESHOLD_DEFAULTS, getAlertThresholds } from '@/lib/alerts/thresholds';
import { ALERT_THRESHOLD_BOUNDS } from '@/lib/alerts/set-alert-thresholds';
import { ThresholdsForm } from '@/components/monitoring/thresholds-form';
import { acknowledgeAlertAction, setAlertThresholdsAction } from './actions';
import { ACKNOWLEDGE_ALERT_ROLES } from './acknowledge-roles';

export default async function MonitoringPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [locale, user, tenant, raw] = await Promise.all([getLocale(), requireSessionUser(), openCurrentTenant(), searchParams]);
  const messages = getMessages(locale);
  const m = messages.monitoring;
  // A malformed or forbidden choice falls back to the default view rather than failing the page.
  const parsed = monitoringQuerySchema.safeParse({ range: raw.range, scope: raw.scope });
  const query = parsed.success ? parsed.data : { range: '24h' as const, scope: 'tenant' as const };
  const scope = query.scope === 'all' && mayViewAllTenants(user) ? 'all' : 'tenant';
  const db = getDb(env().DATABASE_URL);
  const tenantDbs = scope === 'all' ? await openAdministeredTenants(db, env().DATABASE_URL, user) : [tenant];
  // Thresholds are per shop: admins edit the current shop's in its own view.
  const editThresholds = scope === 'tenant' && tenant.role === 'admin';
  const [data, settings, thresholds] = await Promise.all([
    getMonitoringData(db, tenantDbs, JOB_NAMES, query.range),
    getStoreSettings(tenant),
    editThresholds ? getAlertThresholds(db, tenant.tenant.id) : null,
  ]);
  const liveQuery = `range=${query.range}&scope=${scope}`;

  return (
    <div className={styles.page}>
      <div>
        <h1>{m.title}</h1>
        <p className={styles.lead}>{m.description}</p>
      </div>
      <RangePicker range={query.range} scope={scope} mayViewAll={mayViewAllTenants(user)} labels={m} />
      <MonitoringLive
        key={liveQuery}
        initial={data}
        renderedAt={Date.now()}
        query={liveQuery}
        jobTitles={Object.fromEntries(describeJobs(locale).map((j) => [j.name, j.title]))}
        statusLabels={messages.jobs.status}
        acknowledge={ACKNOWLEDGE_ALERT_ROLES.includes(tenant.role) ? acknowledgeAlertAction : undefined}
        labels={m}
        locale={locale}
        timeZone={shopTimeZone(settings)}
      />
      {thresholds ? (
        <ThresholdsForm values={thresholds} defaults={ALERT_THRESHOLD_DEFAULTS} bounds={ALERT_THRESHOLD_BOUNDS} save={setAlertThresholdsAction} labels={m.thresholds} />
      ) : null}
    </div>
  );
}
