import type { MarketplaceAdapter } from '../adapter';
import { checkCanonicalEvents } from '../shared/checked-events';
import { mapN11Package } from './map-package';
import { parseN11Packages } from './schema';

/**
 * N11 documents no webhooks [doc]: its channel is the order pull. This adapter takes what
 * `GET /rest/delivery/v1/shipmentPackages` returns (a page, or one package), pushed by the pull job
 * or a relay, so both feed the same idempotent import.
 */
export const n11Adapter: MarketplaceAdapter = {
  marketplace: 'n11',
  authTypes: ['apikey', 'basic'],
  parse(body) {
    const packages = parseN11Packages(body);
    if (!packages.success) return { ok: false, issues: packages.error.issues };
    return checkCanonicalEvents(packages.data.flatMap(mapN11Package));
  },
};
