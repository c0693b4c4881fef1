import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { env } from '@/lib/env';
import { getDb } from '@/lib/db/pool';
import { getLocale, openCurrentTenant } from '@/lib/auth/session';
import { ServiceError } from '@/lib/errors/service-error';
import { format, getMessages } from '@/lib/i18n';
import { getProductPricing, type ProductPricing } from '@/lib/pricing/queries/get-product-pricing';
import { EmptyState } from '@/components/overview/empty-state';
import { formatCount, formatMoney } from '@/components/overview/intl-format';
import overview from '@/components/overview/overview.module.css';
import { CompetitorChart, type CompetitorSeries } from '@/components/pricing/competitor-chart';
import styles from '@/components/pricing/pricing.module.css';
import { ComputeButton, CostForm } from '@/components/pricing/product-pricing-tools';
import { RulesForm } from '@/components/pricing/rules-form';
import { ruleFormValues } from '@/lib/pricing/rule-form-values';
import { reasonText } from '@/components/pricing/reason-text';
import { SalesForecastChart, type SalesChartPoint } from '@/components/pricing/sales-forecast-chart';
import { SuggestionDecision } from '@/components/pricing/suggestion-decision';
import { acceptSuggestionAction, computeProductAction, rejectSuggestionAction, savePricingRuleAction, setProductCostAction } from '../actions';
import { PRICING_EDIT_ROLES } from '../pricing-roles';

const paramsSchema = z.object({ productId: z.coerce.number().int().positive().max(2_147_483_647) });
/** A special offered from the detail page starts tomorrow and lasts two weeks unless edited. */
const SPECIAL_DEFAULT_DAYS = 14;
const DAY_MS = 86_400_000;

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function chartPoints(pricing: ProductPricing): SalesChartPoint[] {
  const history: SalesChartPoint[] = pricing.history.map((w) => ({ week: isoDay(w.weekMs), units: w.units, avgPrice: w.avgPrice, forecast: null, band: null }));
  const forecast = pricing.suggestion?.parsed.forecast ?? [];
  return [...history, ...forecast.map((f) => ({ week: isoDay(f.weekMs), units: null, avgPrice: null, forecast: f.units, band: [f.low, f.high] as [number, number] }))];
}

function competitorSeries(pricing: ProductPricing): CompetitorSeries {
  const sellers = [...new Set(pricing.competitors.map((c) => c.seller))];
  const byDay = new Map<string, Record<string, string | number>>();
  for (const c of pricing.competitors) {
    const day = c.observedAt.slice(0, 10);
    const row = byDay.get(day) ?? { day };
    row[c.seller] = c.price;
    byDay.set(day, row);
  }
  return { sellers, rows: [...byDay.values()] };
}

export default async function ProductPricingPage({ params }: { params: Promise<{ productId: string }> }) {
  const parsed = paramsSchema.safeParse(await params);
  if (!parsed.success) notFound();
  const [locale, tenant] = await Promise.all([getLocale(), openCurrentTenant()]);
  const m = getMessages(locale).pricing;
  const d = m.detail;
  const db = getDb(env().DATABASE_URL);
  let pricing: ProductPricing;
  try {
    pricing = await getProductPricing(db, tenant, parsed.data.productId);
  } catch (err) {
    if (err instanceof ServiceError && err.code === 'NOT_FOUND') notFound();
    throw err;
  }
  const canEdit = PRICING_EDIT_ROLES.includes(tenant.role);
  const money = (n: number) => formatMoney(n, pricing.currency, locale);
  const s = pricing.suggestion;
  const backtest = s?.parsed.backtest ?? null;
  const hasSales = pricing.history.some((w) => w.units > 0);
  const tomorrow = Date.now() + DAY_MS;

  return (
    <div className={styles.page}>
      <div>
        <p>
          <Link href="/pricing">← {d.back}</Link>
        </p>
        <h1>
          {pricing.name ?? m.table.unnamed} <span className={styles.muted}>{format(m.table.productId, { id: pricing.productId })}</span>
        </h1>
        <p className={styles.lead}>{format(d.price, { price: money(Number(pricing.price)) })}</p>
      </div>

      <div className={styles.columns}>
        <section className={overview.panel} aria-labelledby="suggestion">
          <h2 id="suggestion" className={overview.panelTitle}>
            {d.suggestion}
          </h2>
          {s ? (
            <>
              <p className={styles.bigPrice}>
                {s.suggestedPriceGross ? `${money(Number(s.currentPriceGross))} → ${money(Number(s.suggestedPriceGross))}` : money(Number(s.currentPriceGross))}
              </p>
              <div className={styles.facts}>
                <p>
                  {m.statuses[s.status]}
                  {s.decidedBy ? ` · ${format(d.decided, { status: m.statuses[s.status], user: s.decidedBy })}` : ''}
                </p>
                <p>{format(d.expected, { unitsCurrent: formatCount(Math.round(s.unitsCurrent), locale), unitsSuggested: formatCount(Math.round(s.unitsSuggested), locale) })}</p>
                <p>{format(d.revenueDelta, { value: money(Number(s.revenueDelta)) })}</p>
                {s.profitDelta !== null ? <p>{format(d.profitDelta, { value: money(Number(s.profitDelta)) })}</p> : null}
                <p>{format(d.elasticity, { value: s.elasticity.toFixed(2), source: m.sources[s.elasticitySource] })}</p>
                <p>
                  {format(d.confidence, { value: '' })}
                  <span className={`${styles.badge} ${styles[`badge_${s.confidence}`]}`}>{m.confidences[s.confidence]}</span>
                </p>
              </div>
              <h3 className={overview.panelTitle}>{d.reasons}</h3>
              <ul className={styles.reasons}>
                {s.parsed.reasons.map((reason, i) => (
                  <li key={i}>{reasonText(reason, m.reasons, money)}</li>
                ))}
              </ul>
              {canEdit && s.status === 'open' && s.suggestedPriceGross ? (
                <div style={{ marginTop: '1rem' }}>
                  <SuggestionDecision
                    productId={pricing.productId}
                    suggestedGross={s.suggestedPriceGross}
                    currency={pricing.currency}
                    defaultStart={isoDay(tomorrow)}
                    defaultEnd={isoDay(tomorrow + SPECIAL_DEFAULT_DAYS * DAY_MS)}
                    accept={acceptSuggestionAction}
                    reject={rejectSuggestionAction}
                    labels={m}
                    locale={locale}
                  />
                </div>
              ) : null}
            </>
          ) : (
            <EmptyState title={d.noSuggestion} />
          )}
          {canEdit ? (
            <div style={{ marginTop: '1rem' }}>
              <ComputeButton productId={pricing.productId} compute={computeProductAction} labels={m} />
            </div>
          ) : null}
        </section>

        <section className={overview.panel} aria-labelledby="backtest">
          <h2 id="backtest" className={overview.panelTitle}>
            {d.backtest}
          </h2>
          {backtest ? (
            <>
              <p className={overview.panelDescription}>{format(d.backtestDescription, { weeks: backtest.holdoutWeeks })}</p>
              <dl className={styles.metrics}>
                <div>
                  <dt>{d.mase}</dt>
                  {backtest.mase !== null ? <dd>{backtest.mase.toFixed(2)}</dd> : <dd className={styles.skipped}>{d.skipped[backtest.maseSkipped as keyof typeof d.skipped] ?? '—'}</dd>}
                </div>
                <div>
                  <dt>{d.mape}</dt>
                  {backtest.mape !== null ? <dd>{`${backtest.mape.toFixed(1)}%`}</dd> : <dd className={styles.skipped}>{d.skipped[backtest.mapeSkipped as keyof typeof d.skipped] ?? '—'}</dd>}
                </div>
                {backtest.mae !== null ? (
                  <div>
                    <dt>{d.mae}</dt>
                    <dd>{format(d.maeValue, { value: backtest.mae.toFixed(1) })}</dd>
                  </div>
                ) : null}
              </dl>
            </>
          ) : (
            <EmptyState title={d.noSuggestion} />
          )}
          {canEdit ? (
            <div style={{ marginTop: '1rem' }}>
              <h3 className={overview.panelTitle}>{m.cost.heading}</h3>
              <CostForm productId={pricing.productId} cost={pricing.cost} save={setProductCostAction} labels={m} />
            </div>
          ) : null}
        </section>
      </div>

      <figure className={overview.panel} aria-labelledby="history">
        <figcaption className={overview.panelHeader}>
          <h2 id="history" className={overview.panelTitle}>
            {d.history}
          </h2>
          <p className={overview.panelDescription}>{d.historyDescription}</p>
        </figcaption>
        {hasSales ? <SalesForecastChart points={chartPoints(pricing)} currency={pricing.currency} labels={d} locale={locale} /> : <EmptyState title={d.noHistory} />}
      </figure>

      <figure className={overview.panel} aria-labelledby="competitors">
        <figcaption className={overview.panelHeader}>
          <h2 id="competitors" className={overview.panelTitle}>
            {d.competitors}
          </h2>
          <p className={overview.panelDescription}>{d.competitorsDescription}</p>
        </figcaption>
        {pricing.competitors.length > 0 ? (
          <CompetitorChart series={competitorSeries(pricing)} currency={pricing.currency} title={d.competitors} locale={locale} />
        ) : (
          <EmptyState title={d.noCompetitors} />
        )}
      </figure>

      {canEdit ? (
        <div className={styles.columns}>
          <RulesForm
            scope="product"
            scopeId={pricing.productId}
            heading={m.rules.productHeading}
            hint={m.rules.overrideHint}
            values={ruleFormValues(pricing.rules.product)}
            save={savePricingRuleAction}
            labels={m}
          />
          {pricing.categoryId > 0 ? (
            <RulesForm
              scope="category"
              scopeId={pricing.categoryId}
              heading={format(m.rules.categoryHeading, { id: pricing.categoryId })}
              hint={m.rules.overrideHint}
              values={ruleFormValues(pricing.rules.category)}
              save={savePricingRuleAction}
              labels={m}
            />
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
