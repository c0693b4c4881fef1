/** How often live views re-read events while the page is open. */
export const LIVE_REFRESH_MS = 5_000;
