/** The weeks pricing reads: whole Monday-to-Sunday weeks of the shop's calendar, ending before the current one. */
import { WEEK_MS } from './demand-model';

/** Two years: the yearly shape needs more than one and the backtest holds out the last weeks. */
export const HISTORY_WEEKS = 104;
const DAY_MS = 86_400_000;

export type SalesWindow = {
  /** Shop dates, `YYYY-MM-DD`: the first Monday and the Monday of the current (incomplete) week. */
  start: string;
  end: string;
  firstWeekMs: number;
  weeks: number;
};

/** `shopNow` is the shop's wall clock (`YYYY-MM-DD HH:MM:SS`), as OpenCart writes `date_added`. */
export function salesWindow(shopNow: string, weeks: number = HISTORY_WEEKS): SalesWindow {
  const today = Date.parse(`${shopNow.slice(0, 10)}T00:00:00Z`);
  const sinceMonday = (new Date(today).getUTCDay() + 6) % 7;
  const endMs = today - sinceMonday * DAY_MS;
  const firstWeekMs = endMs - weeks * WEEK_MS;
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return { start: iso(firstWeekMs), end: iso(endMs), firstWeekMs, weeks };
}
