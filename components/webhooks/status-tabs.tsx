import Link from 'next/link';
import type { WebhookEventStatus } from '@/lib/db/schema';
import type { Locale } from '@/lib/i18n/locale';
import type { WebhookEventStatusCounts } from '@/lib/webhooks/queries/count-webhook-events-by-status';
import { formatCount } from '@/components/overview/intl-format';
import type { WebhooksLabels } from './labels';
import styles from './webhooks.module.css';

const TABS = ['all', 'pending', 'done', 'failed', 'dead'] as const;

/** Links to the list in each status, keeping the other filters; the dead tab is the dead letter queue. */
export function StatusTabs({
  current,
  counts,
  hrefFor,
  labels,
  locale,
}: {
  current: WebhookEventStatus | undefined;
  counts: WebhookEventStatusCounts;
  hrefFor: (status: WebhookEventStatus | undefined) => string;
  labels: WebhooksLabels['tabs'];
  locale: Locale;
}) {
  return (
    <nav className={styles.tabs} aria-label={labels.label}>
      {TABS.map((tab) => {
        const status = tab === 'all' ? undefined : tab;
        return (
          <Link key={tab} href={hrefFor(status)} className={styles.tab} aria-current={current === status ? 'page' : undefined}>
            {labels[tab]}
            <span className={styles.tabCount}>{formatCount(counts[tab], locale)}</span>
          </Link>
        );
      })}
    </nav>
  );
}
