import { format } from '@/lib/i18n/locale';
import type { PricingLabels } from './labels';

type StoredReason = { code: string; [key: string]: unknown };

const RULE_NAMES = ['none', 'marginFloor', 'maxStep', 'priceFloor', 'priceCeiling', 'beatCompetitor'] as const;

/** A stored reason in the reader's words; amounts go through `money`, the elasticity with two decimals. */
export function reasonText(reason: StoredReason, labels: PricingLabels['reasons'], money: (amount: number) => string): string {
  const num = (key: string) => Number(reason[key] ?? 0);
  const str = (key: string) => String(reason[key] ?? '');
  const rule = (key: string) => {
    const name = RULE_NAMES.find((r) => r === reason[key]);
    return name ? labels.ruleNames[name] : str(key);
  };
  switch (reason.code) {
    case 'competitor':
      return format(labels.competitor, { seller: str('seller'), price: money(num('price')) });
    case 'buyBox':
      return format(labels.buyBox, { seller: str('seller'), price: money(num('price')) });
    case 'elasticity': {
      const value = num('value').toFixed(2);
      const refusalKey = str('refusal') as keyof PricingLabels['reasons']['refusals'];
      const refusal = labels.refusals[refusalKey] ?? '';
      if (reason.source === 'own') {
        return format(labels.elasticityOwn, { pct: Math.abs(num('value')).toFixed(1), value, se: reason.se == null ? '—' : num('se').toFixed(2) });
      }
      if (reason.source === 'category') return format(labels.elasticityCategory, { refusal, products: num('products'), value });
      return format(labels.elasticityPrior, { refusal, value });
    }
    case 'revenueOnly':
      return labels.revenueOnly;
    case 'peak':
      return format(labels.peak, { price: money(num('price')) });
    case 'marginFloor':
      return format(labels.marginFloor, { pct: num('pct'), price: money(num('price')) });
    case 'maxStepDown':
      return format(labels.maxStepDown, { pct: num('pct'), price: money(num('price')) });
    case 'maxStepUp':
      return format(labels.maxStepUp, { pct: num('pct'), price: money(num('price')) });
    case 'priceFloor':
      return format(labels.priceFloor, { price: money(num('price')) });
    case 'priceCeiling':
      return format(labels.priceCeiling, { price: money(num('price')) });
    case 'beatCompetitor':
      return format(labels.beatCompetitor, { by: money(num('by')), price: money(num('price')) });
    case 'competitorOverruled':
      return format(labels.competitorOverruled, { price: money(num('price')), floor: money(num('floor')) });
    case 'rounding':
      return format(labels.rounding, { ending: str('ending').slice(1) });
    case 'special':
      return format(labels.special, { price: money(num('price')) });
    case 'keep':
      return labels.keep;
    case 'noSales':
      return labels.noSales;
    case 'noPrice':
      return labels.noPrice;
    case 'conflict':
      return format(labels.conflict, { lowRule: rule('lowRule'), low: money(num('low')), highRule: rule('highRule'), high: money(num('high')) });
    case 'noRoundedPrice':
      return format(labels.noRoundedPrice, { ending: str('ending').slice(1), low: money(num('low')), high: money(num('high')) });
    default:
      return reason.code;
  }
}
