import { describe, expect, it } from 'vitest';
import { coalescedRunner } from './coalesced-runner';

describe('coalesced runner', () => {
  it('runs one pass at a time and folds requests made meanwhile into one more pass', async () => {
    let concurrent = 0;
    let maxConcurrent = 0;
    let passes = 0;
    let work = 3;
    const request = coalescedRunner(async () => {
      concurrent++;
      maxConcurrent = Math.max(maxConcurrent, concurrent);
      passes++;
      await new Promise((r) => setTimeout(r, 5));
      concurrent--;
      const claimed = work > 0 ? 1 : 0;
      work--;
      return { claimed };
    });
    await Promise.all(Array.from({ length: 50 }, () => request()));
    // the first caller's loop drains the 3 units of work, then one empty pass ends it
    expect(maxConcurrent).toBe(1);
    expect(passes).toBe(4);
  });

  it('starts again for a request after the previous run ended', async () => {
    let passes = 0;
    const request = coalescedRunner(async () => {
      passes++;
      return { claimed: 0 };
    });
    await request();
    await request();
    expect(passes).toBe(2);
  });
});
