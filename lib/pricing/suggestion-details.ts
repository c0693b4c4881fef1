import { z } from 'zod';

/** The JSON of msc_price_suggestion.details, parsed on the way out like any stored payload. */
export const suggestionDetailsSchema = z.object({
  forecast: z.array(z.object({ weekMs: z.number(), units: z.number(), low: z.number(), high: z.number() })),
  /** The same weeks at the current price, for the comparison on the page. */
  forecastCurrent: z.array(z.object({ weekMs: z.number(), units: z.number(), low: z.number(), high: z.number() })),
  reasons: z.array(z.looseObject({ code: z.string() })),
  backtest: z
    .object({
      holdoutWeeks: z.number(),
      mase: z.number().nullable(),
      mape: z.number().nullable(),
      mae: z.number().nullable(),
      maseSkipped: z.string().optional(),
      mapeSkipped: z.string().optional(),
    })
    .nullable(),
  cost: z.number().nullable(),
  taxPct: z.number(),
  taxFixed: z.number(),
});
export type SuggestionDetails = z.infer<typeof suggestionDetailsSchema>;
