import { describe, expect, it } from 'vitest';
import { createRng, createWeightedPicker, deriveSeed } from './prng';

describe('seeded PRNG', () => {
  it('repeats its sequence for the same seed and differs for another', () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const seqA = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(seqA);
  });

  it('derives independent, stable stream seeds', () => {
    expect(deriveSeed(1, 'day', 3)).toBe(deriveSeed(1, 'day', 3));
    expect(deriveSeed(1, 'day', 3)).not.toBe(deriveSeed(1, 'day', 4));
    expect(deriveSeed(1, 'day', 3)).not.toBe(deriveSeed(2, 'day', 3));
  });

  it('draws Poisson counts around their mean, small and large', () => {
    const rng = createRng(7);
    for (const mean of [0.3, 4, 250]) {
      const draws = Array.from({ length: 4000 }, () => rng.poisson(mean));
      const avg = draws.reduce((s, x) => s + x, 0) / draws.length;
      expect(Math.abs(avg - mean)).toBeLessThan(Math.max(0.05, mean * 0.03));
    }
  });

  it('picks by weight and never picks a zero weight', () => {
    const rng = createRng(9);
    const pick = createWeightedPicker([1, 0, 3]);
    const counts = [0, 0, 0];
    for (let i = 0; i < 8000; i += 1) counts[pick(rng)]! += 1;
    expect(counts[1]).toBe(0);
    expect(counts[2]! / counts[0]!).toBeGreaterThan(2.6);
    expect(counts[2]! / counts[0]!).toBeLessThan(3.4);
  });
});
