/** How often the jobs page re-reads its runs while it is visible (TanStack Query pauses in a hidden tab). */
export const JOBS_REFRESH_MS = 10_000;
/** While a run is in progress, often enough to see its counts move. */
export const JOBS_ACTIVE_REFRESH_MS = 2_000;
