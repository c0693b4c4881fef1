/** GDPR art. 12(3) and KVKK art. 13: answer within one month (KVKK: 30 days, which one month never exceeds by more than a day). */
export const RESPONSE_MONTHS = 1;
/** GDPR art. 12(3): extendable once by two further months, with the reason told to the person. */
export const EXTENSION_MONTHS = 2;
/** The page shows a request in red from this many days before its due date. */
export const DUE_SOON_DAYS = 3;
const MS_PER_DAY = 86_400_000;

/** The same day of the month `months` later (clamped to the month's last day), in UTC. */
export function addMonths(from: Date, months: number): Date {
  const d = new Date(from.getTime());
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, lastDay));
  return d;
}

export function dueDateFor(receivedAt: Date): Date {
  return addMonths(receivedAt, RESPONSE_MONTHS);
}

/** Whole days left until the due date (negative once past), counted as the page shows them. */
export function daysLeft(dueAt: Date, now: Date): number {
  return Math.ceil((dueAt.getTime() - now.getTime()) / MS_PER_DAY);
}
