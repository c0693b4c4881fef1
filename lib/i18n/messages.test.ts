import { describe, expect, it } from 'vitest';
import { format, getMessages, pickLocale } from '.';

/** Every leaf key path of a message tree, e.g. `summary.orderCount.one`. */
function keyPaths(tree: unknown, prefix = ''): string[] {
  if (typeof tree !== 'object' || tree === null) return [prefix];
  return Object.entries(tree).flatMap(([k, v]) => keyPaths(v, prefix ? `${prefix}.${k}` : k));
}

describe('messages', () => {
  it('Turkish and English have exactly the same keys, none empty', () => {
    const en = getMessages('en');
    const tr = getMessages('tr');
    expect(keyPaths(tr).sort()).toEqual(keyPaths(en).sort());
    for (const path of keyPaths(tr)) {
      const value = path.split('.').reduce<unknown>((node, k) => (node as Record<string, unknown>)[k], tr);
      expect(String(value).trim(), path).not.toBe('');
    }
  });

  it('Turkish text is really Turkish, not a copy of the English', () => {
    expect(getMessages('tr').overview.title).not.toBe(getMessages('en').overview.title);
    expect(getMessages('tr').auth.invalid).toMatch(/[çğıöşüİ]/);
  });
});

describe('locale choice', () => {
  it('prefers the remembered choice, then the browser language, then English', () => {
    expect(pickLocale('tr', 'en-GB,en')).toBe('tr');
    expect(pickLocale(undefined, 'tr-TR,tr;q=0.9,en;q=0.8')).toBe('tr');
    expect(pickLocale('xx', 'de-DE,en;q=0.5')).toBe('en');
    expect(pickLocale(undefined, null)).toBe('en');
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(format('Try again in {minutes} minutes ({x})', { minutes: 15 })).toBe('Try again in 15 minutes ({x})');
  });
});
