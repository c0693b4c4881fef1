import { describe, expect, it } from 'vitest';
import { decodeHtmlEntities } from './decode-html-entities';

describe('decodeHtmlEntities', () => {
  it('shows the text OpenCart stored escaped', () => {
    expect(decodeHtmlEntities('Laptops &amp; Notebooks')).toBe('Laptops & Notebooks');
    expect(decodeHtmlEntities('&quot;Pro&quot; &lt;15&quot;&gt;')).toBe('"Pro" <15">');
    expect(decodeHtmlEntities('O&#039;Brien &#x131;')).toBe("O'Brien ı");
  });

  it('decodes one level only, as OpenCart templates do', () => {
    expect(decodeHtmlEntities('Nikon&amp;#39;s')).toBe('Nikon&#39;s');
  });

  it('leaves unknown entities and plain ampersands alone', () => {
    expect(decodeHtmlEntities('R&D &bogus; &')).toBe('R&D &bogus; &');
  });
});
