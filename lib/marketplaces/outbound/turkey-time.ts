/** Turkey has kept UTC+3 all year since 2016. */
const TURKEY_OFFSET_MS = 3 * 60 * 60_000;

/** An instant as Turkish wall-clock text, `yyyy-MM-dd HH:mm` (or with `T`), as Hepsiburada and Pazarama take dates. */
export function turkeyWallClock(ms: number, separator: ' ' | 'T' = ' '): string {
  const iso = new Date(ms + TURKEY_OFFSET_MS).toISOString();
  return `${iso.slice(0, 10)}${separator}${iso.slice(11, 16)}`;
}

/** `dd.MM.yyyy HH:mm:ss` Turkish wall-clock text, as PttAVM writes dates [sdk]. */
export function turkeyDottedDate(ms: number): string {
  const iso = new Date(ms + TURKEY_OFFSET_MS).toISOString();
  return `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)} ${iso.slice(11, 19)}`;
}
