import Link from 'next/link';
import { format, type Locale } from '@/lib/i18n/locale';
import { formatCount, pluralLabel } from '@/components/overview/intl-format';
import styles from './pagination.module.css';

export type PaginationLabels = {
  label: string;
  previous: string;
  next: string;
  page: string;
  total: { one: string; other: string };
};

/** Previous / next links for a list whose page number is in the query string, with the total and the page. */
export function Pagination({
  page,
  pageCount,
  total,
  hrefFor,
  labels,
  locale,
  scroll = true,
}: {
  page: number;
  pageCount: number;
  total: number;
  hrefFor: (page: number) => string;
  labels: PaginationLabels;
  locale: Locale;
  /** false keeps the scroll position, for a list further down a page. */
  scroll?: boolean;
}) {
  const totalText = format(pluralLabel(labels.total, total, locale), { count: formatCount(total, locale) });
  return (
    <nav className={styles.pagination} aria-label={labels.label}>
      <span className={styles.summary}>
        {totalText} · {format(labels.page, { page: formatCount(page, locale), pageCount: formatCount(pageCount, locale) })}
      </span>
      <span className={styles.pageLinks}>
        <PageLink href={hrefFor(page - 1)} disabled={page <= 1} rel="prev" scroll={scroll}>
          ← {labels.previous}
        </PageLink>
        <PageLink href={hrefFor(page + 1)} disabled={page >= pageCount} rel="next" scroll={scroll}>
          {labels.next} →
        </PageLink>
      </span>
    </nav>
  );
}

function PageLink({
  href,
  disabled,
  rel,
  scroll,
  children,
}: {
  href: string;
  disabled: boolean;
  rel: string;
  scroll: boolean;
  children: React.ReactNode;
}) {
  if (disabled) {
    return (
      <span className={`btn ${styles.small} ${styles.disabledLink}`} aria-disabled="true">
        {children}
      </span>
    );
  }
  return (
    <Link href={href} rel={rel} className={`btn ${styles.small}`} scroll={scroll}>
      {children}
    </Link>
  );
}
