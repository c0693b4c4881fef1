import Link from 'next/link';
import type { ConsentState } from '@/lib/gdpr/consent';
import type { Locale } from '@/lib/i18n/locale';
import { formatInstant } from '@/components/webhooks/format-instant';
import type { GdprLabels } from './labels';
import styles from './gdpr.module.css';

/** A person's current consent per purpose, from the newest ledger row of each. */
export function ConsentStateList({
  email,
  states,
  labels,
  locale,
  timeZone,
  linkToLedger = true,
}: {
  email: string;
  states: ConsentState[];
  labels: GdprLabels;
  locale: Locale;
  timeZone: string;
  linkToLedger?: boolean;
}) {
  const c = labels.consent;
  return (
    <>
      <ul className={styles.totals}>
        {states.map((s) => (
          <li key={s.purpose}>
            <strong>{c.purposes[s.purpose]}</strong>: {s.action ? c.actions[s.action] : c.none}
            {s.at ? ` (${formatInstant(s.at.toISOString(), locale, timeZone, 'short')})` : ''}
          </li>
        ))}
      </ul>
      {linkToLedger ? (
        <p>
          <Link href={`/gdpr/consent?email=${encodeURIComponent(email)}`}>{c.nav}</Link>
        </p>
      ) : null}
    </>
  );
}
