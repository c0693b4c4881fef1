import Link from 'next/link';
import type { JobInfo } from '@/lib/jobs/job-infos';
import type { JobsLabels } from './labels';
import styles from './jobs.module.css';

/** Links to the history of all jobs or of one, keeping nothing else (the page starts again at 1). */
export function JobFilterTabs({
  jobs,
  current,
  hrefFor,
  labels,
}: {
  jobs: JobInfo[];
  current: string | undefined;
  hrefFor: (job: string | undefined) => string;
  labels: JobsLabels['history'];
}) {
  const tabs = [{ name: undefined, title: labels.all }, ...jobs.map((j) => ({ name: j.name, title: j.title }))];
  return (
    <nav className={styles.tabs} aria-label={labels.filterLabel}>
      {tabs.map((tab) => (
        <Link key={tab.name ?? 'all'} href={hrefFor(tab.name)} className={styles.tab} aria-current={current === tab.name ? 'page' : undefined}>
          {tab.title}
        </Link>
      ))}
    </nav>
  );
}
