import { z } from 'zod';

/** A list whose length is checked before any element is parsed, so a huge array is refused at once. */
export function boundedArray<T extends z.ZodType>(element: T, { min, max }: { min: number; max: number }) {
  return z.array(z.unknown()).min(min).max(max).pipe(z.array(element));
}
