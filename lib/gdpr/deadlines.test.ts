import { describe, expect, it } from 'vitest';
import { addMonths, daysLeft, dueDateFor } from './deadlines';

describe('legal deadlines', () => {
  it('one month later is the same day of the next month, clamped to its last day', () => {
    expect(dueDateFor(new Date('2026-03-15T09:30:00Z')).toISOString()).toBe('2026-04-15T09:30:00.000Z');
    expect(dueDateFor(new Date('2026-01-31T12:00:00Z')).toISOString()).toBe('2026-02-28T12:00:00.000Z');
    expect(dueDateFor(new Date('2028-01-31T12:00:00Z')).toISOString()).toBe('2028-02-29T12:00:00.000Z');
    expect(dueDateFor(new Date('2026-12-20T00:00:00Z')).toISOString()).toBe('2027-01-20T00:00:00.000Z');
  });

  it('the extension adds two months to the due date', () => {
    expect(addMonths(new Date('2026-11-30T10:00:00Z'), 2).toISOString()).toBe('2027-01-30T10:00:00.000Z');
    expect(addMonths(new Date('2026-12-31T10:00:00Z'), 2).toISOString()).toBe('2027-02-28T10:00:00.000Z');
  });

  it('counts whole days left, negative once late', () => {
    const now = new Date('2026-05-10T12:00:00Z');
    expect(daysLeft(new Date('2026-05-13T12:00:00Z'), now)).toBe(3);
    expect(daysLeft(new Date('2026-05-10T18:00:00Z'), now)).toBe(1);
    expect(daysLeft(new Date('2026-05-08T12:00:00Z'), now)).toBe(-2);
  });
});
