import { describe, expect, it } from 'vitest';
import { fitText, splitFullName } from './fit-text';

describe('text fitted to OpenCart columns', () => {
  it('leaves text that fits untouched, spaces and all', () => {
    expect(fitText(" Robert'); DROP TABLE x;-- 🎉 ", 64)).toBe(" Robert'); DROP TABLE x;-- 🎉 ");
  });

  it('cuts long text without splitting an emoji', () => {
    expect(fitText(`${'a'.repeat(31)}🎉`, 32)).toBe('a'.repeat(31));
    expect(fitText(`${'a'.repeat(30)}🎉b`, 32)).toBe(`${'a'.repeat(30)}🎉`);
  });

  it('splits a full name the Turkish way, surname last', () => {
    expect(splitFullName('Ayşe Nur  Yılmaz')).toEqual({ firstname: 'Ayşe Nur', lastname: 'Yılmaz' });
    expect(splitFullName('Cher')).toEqual({ firstname: 'Cher', lastname: '' });
    expect(splitFullName('  ')).toEqual({ firstname: '', lastname: '' });
    expect(splitFullName(`${'Ada '.repeat(20)}Lovelace`).firstname.length).toBeLessThanOrEqual(32);
  });
});
