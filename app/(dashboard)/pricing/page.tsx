import Link from 'next/link';
import { env } from '@/lib/env';
import { getDb } from '@/lib/db/pool';
import { getLocale, openCurrentTenant } from '@/lib/auth/session';
import { format, getMessages } from '@/lib/i18n';
import { listSuggestions } from '@/lib/pricing/queries/list-suggestions';
import { readSuggestionListQuery, SUGGESTION_SORTS, suggestionListQueryToString } from '@/lib/pricing/queries/suggestion-list-query';
import { readShopRule } from '@/lib/pricing/save-pricing-rule';
import { getStoreSettings } from '@/lib/shop/store-settings';
import { EmptyState } from '@/components/overview/empty-state';
import overview from '@/components/overview/overview.module.css';
import { CostImportForm } from '@/components/pricing/cost-import-form';
import styles from '@/components/pricing/pricing.module.css';
import { RulesForm } from '@/components/pricing/rules-form';
import { SuggestionFilterForm } from '@/components/pricing/suggestion-filter-form';
import { SuggestionsTable, type SortLinks } from '@/components/pricing/suggestions-table';
import { Pagination } from '@/components/ui/pagination';
import { ruleFormValues } from '@/lib/pricing/rule-form-values';
import { bulkAcceptAction, importCostsAction, savePricingRuleAction } from './actions';
import { PRICING_EDIT_ROLES } from './pricing-roles';

export default async function PricingPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [locale, tenant, raw] = await Promise.all([getLocale(), openCurrentTenant(), searchParams]);
  const m = getMessages(locale).pricing;
  const db = getDb(env().DATABASE_URL);
  const { query, ignored } = readSuggestionListQuery(raw);
  const store = await getStoreSettings(tenant);
  const [list, shopRule] = await Promise.all([listSuggestions(db, tenant, store.languageId, query), readShopRule(db, tenant.tenant.id)]);
  const canEdit = PRICING_EDIT_ROLES.includes(tenant.role);
  const hrefFor = (page: number) => `/pricing?${suggestionListQueryToString({ ...query, page })}`;
  const sortLinks = Object.fromEntries(
    SUGGESTION_SORTS.map((sort) => [sort, { href: `/pricing?${suggestionListQueryToString({ ...query, sort, page: 1 })}`, current: query.sort === sort }]),
  ) as SortLinks;
  const filtered = query.q !== undefined || query.confidence !== undefined || query.status !== 'open';

  return (
    <div className={styles.page}>
      <div>
        <h1>{m.title}</h1>
        <p className={styles.lead}>{m.description}</p>
      </div>
      {list.lastComputedAt ? (
        <p className={styles.hint}>{format(m.lastComputed, { time: list.lastComputedAt.toISOString().slice(0, 16).replace('T', ' ') + ' UTC' })}</p>
      ) : (
        <p className={styles.notice}>
          {m.neverComputed} <Link href="/jobs">{m.jobsLink}</Link>
        </p>
      )}
      <SuggestionFilterForm query={query} ignored={ignored} labels={m} />
      <section className={overview.panel} aria-label={m.title}>
        {list.rows.length === 0 ? (
          <EmptyState title={m.table.empty} hint={filtered ? m.table.emptyHint : undefined} />
        ) : (
          <SuggestionsTable
            rows={list.rows}
            currency={store.currencyCode}
            sort={query.sort}
            sortLinks={sortLinks}
            bulkAccept={canEdit ? bulkAcceptAction : null}
            labels={m}
            locale={locale}
          />
        )}
        <Pagination page={list.page} pageCount={list.pageCount} total={list.total} hrefFor={hrefFor} labels={m.pagination} locale={locale} scroll={false} />
      </section>
      {canEdit ? (
        <div className={styles.columns}>
          <RulesForm
            scope="shop"
            scopeId={0}
            heading={m.rules.heading}
            hint={m.rules.hint}
            values={ruleFormValues(shopRule)}
            save={savePricingRuleAction}
            labels={m}
          />
          <CostImportForm importCosts={importCostsAction} labels={m} />
        </div>
      ) : null}
    </div>
  );
}
