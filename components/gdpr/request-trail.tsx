import type { GdprRequestEvent } from '@/lib/db/schema';
import type { Locale } from '@/lib/i18n/locale';
import { formatInstant } from '@/components/webhooks/format-instant';
import type { GdprLabels } from './labels';
import styles from './gdpr.module.css';

export function RequestTrail({ events, labels, locale, timeZone }: { events: GdprRequestEvent[]; labels: GdprLabels; locale: Locale; timeZone: string }) {
  const names: Record<string, string> = labels.detail.trailActions;
  if (events.length === 0) return <p>{labels.detail.trailEmpty}</p>;
  return (
    <ol className={styles.trail}>
      {events.map((e) => (
        <li key={e.id}>
          <time dateTime={e.createdAt.toISOString()}>{formatInstant(e.createdAt.toISOString(), locale, timeZone, 'short')}</time>
          <strong>{names[e.action] ?? e.action}</strong> · {e.actor}
          {e.note ? ` · ${e.note}` : ''}
        </li>
      ))}
    </ol>
  );
}
