import Link from 'next/link';
import { format, type Locale } from '@/lib/i18n/locale';
import { formatCount, pluralLabel } from '@/components/overview/intl-format';
import styles from './product-links.module.css';

export type PageLinksLabels = {
  label: string;
  previous: string;
  next: string;
  page: string;
  total: { one: string; other: string };
};

/** Previous / next links for a server-rendered list whose page number is in the query string. */
export function PageLinks({
  page,
  pageCount,
  total,
  hrefFor,
  labels,
  locale,
}: {
  page: number;
  pageCount: number;
  total: number;
  hrefFor: (page: number) => string;
  labels: PageLinksLabels;
  locale: Locale;
}) {
  return (
    <nav className={styles.pagination} aria-label={labels.label}>
      <span className={styles.muted}>
        {format(pluralLabel(labels.total, total, locale), { count: formatCount(total, locale) })} ·{' '}
        {format(labels.page, { page: formatCount(page, locale), pageCount: formatCount(pageCount, locale) })}
      </span>
      <span className={styles.pageLinks}>
        <PageLink href={hrefFor(page - 1)} disabled={page <= 1} rel="prev">
          ← {labels.previous}
        </PageLink>
        <PageLink href={hrefFor(page + 1)} disabled={page >= pageCount} rel="next">
          {labels.next} →
        </PageLink>
      </span>
    </nav>
  );
}

function PageLink({ href, disabled, rel, children }: { href: string; disabled: boolean; rel: string; children: React.ReactNode }) {
  if (disabled) {
    return (
      <span className={`btn ${styles.small} ${styles.disabledLink}`} aria-disabled="true">
        {children}
      </span>
    );
  }
  return (
    <Link href={href} rel={rel} className={`btn ${styles.small}`} scroll={false}>
      {children}
    </Link>
  );
}
