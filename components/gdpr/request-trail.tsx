import type { GdprRequestEvent } from '@/lib/db/schema';
import type { Locale } from '@/lib/i18n/locale';
import { formatInstant } from '@/components/webhooks/format-instant';
import type { GdprLabels } from './labels';
import styles from './gdpr.module.css';

export function RequestTrail({ events, labels, locale, timeZone }: { events: GdprRequestEvent[]; labels: GdprLabels; locale: Locale; timeZone: string }) {
  const names: Record<string, string> = labels.detail.trailActions;
  const methods: Record<string, string> = labels.identityMethods;
  // Identity events note the method's code; everything else is the text an admin typed.
  const noteText = (e: GdprRequestEvent) => (e.action === 'identity_verified' ? (methods[e.note] ?? e.note) : e.note);
  if (events.length === 0) return <p>{labels.detail.trailEmpty}</p>;
  return (
    <ol className={styles.trail}>
      {events.map((e) => (
        <li key={e.id}>
          <time dateTime={e.createdAt.toISOString()}>{formatInstant(e.createdAt.toISOString(), locale, timeZone, 'short')}</time>
          <strong>{names[e.action] ?? e.action}</strong> · {e.actor}
          {e.note ? ` · ${noteText(e)}` : ''}
        </li>
      ))}
    </ol>
  );
}
