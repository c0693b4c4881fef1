/**
 * A small seeded PRNG (mulberry32) and the draws the demo needs. The same seed gives the same
 * sequence on every platform, which is what makes `db:demo --seed S` reproducible.
 */
export type Rng = {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max], both included. */
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Standard normal (Box-Muller). */
  normal(): number;
  poisson(mean: number): number;
};

const UINT32 = 2 ** 32;
/** Above this mean a Poisson draw uses its normal approximation (Knuth's loop gets slow). */
const POISSON_NORMAL_ABOVE = 30;

export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / UINT32;
  };
  const normal = () => {
    const u = 1 - next();
    const v = next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (probability) => next() < probability,
    pick: (items) => {
      if (items.length === 0) throw new Error('pick() needs at least one item');
      return items[Math.floor(next() * items.length)]!;
    },
    normal,
    poisson: (mean) => {
      if (mean <= 0) return 0;
      if (mean > POISSON_NORMAL_ABOVE) return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal()));
      const limit = Math.exp(-mean);
      let k = 0;
      let p = next();
      while (p > limit) {
        k += 1;
        p *= next();
      }
      return k;
    },
  };
}

/**
 * An independent seed for one stream (a customer, a day, a product), so each part of the demo
 * draws the same numbers however many other parts there are (FNV-1a over the parts, then a mix).
 */
export function deriveSeed(seed: number, ...parts: Array<string | number>): number {
  let h = 0x811c9dc5 ^ (seed >>> 0);
  for (const ch of `${parts.join('\u0000')}`) {
    h ^= ch.charCodeAt(0);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export function rngFor(seed: number, ...parts: Array<string | number>): Rng {
  return createRng(deriveSeed(seed, ...parts));
}

/** Draws an index with probability proportional to its weight (binary search over the running sum). */
export function createWeightedPicker(weights: readonly number[]): (rng: Rng) => number {
  const cumulative: number[] = [];
  let sum = 0;
  for (const w of weights) {
    sum += Math.max(0, w);
    cumulative.push(sum);
  }
  if (sum <= 0) throw new Error('A weighted pick needs a positive weight');
  return (rng) => {
    const target = rng.next() * sum;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > target) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
}
