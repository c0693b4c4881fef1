import type { MarketplaceAdapter } from './adapter';
import type { MarketplaceName } from './names';
import { trendyolAdapter } from './trendyol/adapter';
import { hepsiburadaAdapter } from './hepsiburada/adapter';
import { n11Adapter } from './n11/adapter';
import { pazaramaAdapter } from './pazarama/adapter';
import { pttavmAdapter } from './pttavm/adapter';
import { amazonAdapter } from './amazon/adapter';
import { genericAdapter } from './generic/adapter';

const ADAPTERS: Record<MarketplaceName, MarketplaceAdapter> = {
  trendyol: trendyolAdapter,
  hepsiburada: hepsiburadaAdapter,
  n11: n11Adapter,
  pazarama: pazaramaAdapter,
  pttavm: pttavmAdapter,
  amazon: amazonAdapter,
  generic: genericAdapter,
};

export function getAdapter(marketplace: MarketplaceName): MarketplaceAdapter {
  return ADAPTERS[marketplace];
}
