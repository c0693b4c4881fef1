import type { Locale } from '@/lib/i18n/locale';
import type { MonitoringLabels } from '@/lib/i18n/messages/monitoring';
import type { MonitoringData } from '@/lib/monitoring/dashboard/get-monitoring-data';
import styles from '@/components/overview/overview.module.css';
import { formatInstant } from '@/components/webhooks/format-instant';
import { formatDuration, formatInteger } from './format';

export function JobsPanel({
  data,
  titles,
  statusLabels,
  labels,
  locale,
  timeZone,
}: {
  data: MonitoringData;
  titles: Record<string, string>;
  statusLabels: Record<string, string>;
  labels: MonitoringLabels;
  locale: Locale;
  timeZone: string;
}) {
  const j = labels.jobs;
  return (
    <section className={styles.panel} aria-labelledby="monitoring-jobs-title">
      <div className={styles.panelHeader}>
        <h2 id="monitoring-jobs-title" className={styles.panelTitle}>
          {j.title}
        </h2>
        <p className={styles.panelDescription}>{j.description}</p>
      </div>
      <div className={styles.tableWrap}>
        <table className={styles.table}>
          <thead>
            <tr>
              <th scope="col">{j.job}</th>
              <th scope="col">{j.last}</th>
              <th scope="col">{j.result}</th>
              <th scope="col" className={styles.numeric}>{j.runs}</th>
              <th scope="col" className={styles.numeric}>{j.failures}</th>
              <th scope="col" className={styles.numeric}>{j.avg}</th>
              <th scope="col" className={styles.numeric}>{j.max}</th>
            </tr>
          </thead>
          <tbody>
            {data.jobs.jobs.map((job) => (
              <tr key={job.job}>
                <th scope="row">{titles[job.job] ?? job.job}</th>
                <td className={styles.nowrap}>{job.last ? formatInstant(job.last.startedAt, locale, timeZone) : j.never}</td>
                <td>{job.last ? <span className={styles.status}>{statusLabels[job.last.status] ?? job.last.status}</span> : '–'}</td>
                <td className={styles.numeric}>{formatInteger(job.runs, locale)}</td>
                <td className={styles.numeric}>{formatInteger(job.failures, locale)}</td>
                <td className={styles.numeric}>{job.avgMs === null ? '–' : formatDuration(job.avgMs, locale)}</td>
                <td className={styles.numeric}>{job.maxMs === null ? '–' : formatDuration(job.maxMs, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
