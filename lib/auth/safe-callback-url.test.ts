import { describe, expect, it } from 'vitest';
import { safeCallbackUrl } from './safe-callback-url';

describe('callback URL after sign-in', () => {
  it('keeps a path on this site with its query', () => {
    expect(safeCallbackUrl('/orders?page=2')).toBe('/orders?page=2');
  });

  it.each(['https://evil.example/', '//evil.example/', '/\\evil.example', 'javascript:alert(1)', '', undefined, ['/a']])(
    'sends %j to the overview instead',
    (value) => {
      expect(safeCallbackUrl(value)).toBe('/');
    },
  );

  it('never loops back to the login page or an API route', () => {
    expect(safeCallbackUrl('/login?callbackUrl=/')).toBe('/');
    expect(safeCallbackUrl('/api/health')).toBe('/');
  });
});
