import type { PricingRuleRow } from '@/lib/db/schema';

/** A rule row's editable fields as the rules form shows them; a missing row is a rule with every field empty (inherited). */
export type RuleFormValues = Pick<
  PricingRuleRow,
  'marginFloorPct' | 'maxStepPct' | 'priceFloor' | 'priceCeiling' | 'rounding' | 'beatCompetitorBy' | 'beatCompetitorFloor'
>;

export function ruleFormValues(row: PricingRuleRow | null): RuleFormValues {
  return {
    marginFloorPct: row?.marginFloorPct ?? null,
    maxStepPct: row?.maxStepPct ?? null,
    priceFloor: row?.priceFloor ?? null,
    priceCeiling: row?.priceCeiling ?? null,
    rounding: row?.rounding ?? null,
    beatCompetitorBy: row?.beatCompetitorBy ?? null,
    beatCompetitorFloor: row?.beatCompetitorFloor ?? null,
  };
}
