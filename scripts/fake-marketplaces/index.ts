import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { amazonHandler, type AmazonFakeCredentials } from './amazon';
import { hepsiburadaHandler, type HepsiburadaFakeCredentials } from './hepsiburada';
import { n11Handler, type N11FakeCredentials } from './n11';
import { pazaramaHandler, type PazaramaFakeCredentials } from './pazarama';
import { pttavmHandler, type PttavmFakeCredentials } from './pttavm';
import { startFakeServer, type FakeBehaviour, type FakeHandler, type FakeServer, type ReceivedRequest } from './server';
import { FakeState, type AcceptedBatch, type StoredOrder } from './state';
import { trendyolHandler, type TrendyolFakeCredentials } from './trendyol';

export type { FakeBehaviour, ReceivedRequest, AcceptedBatch, StoredOrder };

export const FAKE_MARKETPLACES = ['trendyol', 'hepsiburada', 'n11', 'pazarama', 'pttavm', 'amazon'] as const;
export type FakeMarketplaceName = (typeof FAKE_MARKETPLACES)[number];

type FakeCredentials = {
  trendyol: TrendyolFakeCredentials;
  hepsiburada: HepsiburadaFakeCredentials;
  n11: N11FakeCredentials;
  pazarama: PazaramaFakeCredentials;
  pttavm: PttavmFakeCredentials;
  amazon: AmazonFakeCredentials;
};

/**
 * The credentials each fake accepts unless told others. `sellerId` is what an account's API seller
 * id must say; the rest is what its API credentials hold (the names of lib/marketplace-accounts/api-credentials.ts).
 */
export const FAKE_CREDENTIALS: FakeCredentials = {
  trendyol: { sellerId: '107700', apiKey: 'fake-trendyol-api-key', apiSecret: 'fake-trendyol-api-secret' },
  hepsiburada: { sellerId: 'fake-hb-merchant', serviceKey: 'FAKEHBKEY123' },
  n11: { appKey: 'fake-n11-app-key', appSecret: 'fake-n11-app-secret' },
  pazarama: { clientId: 'fake-pazarama-client', clientSecret: 'fake-pazarama-secret' },
  pttavm: { apiKey: 'fake-pttavm-api-key', accessToken: 'fake-pttavm-access-token' },
  amazon: { sellerId: 'A1FAKESELLER', clientId: 'amzn1.application-oa2-client.fake', clientSecret: 'fake-lwa-secret', refreshToken: 'Atzr|fake-refresh-token' },
};

/** An account's API fields for a fake: seller id and the credentials object. */
export function fakeAccountApi(name: FakeMarketplaceName, baseUrl: string): { apiBaseUrl: string; apiSellerId: string; apiCredentials: Record<string, string> } {
  const { sellerId = '', ...credentials } = FAKE_CREDENTIALS[name] as Record<string, string> & { sellerId?: string };
  return { apiBaseUrl: baseUrl, apiSellerId: sellerId, apiCredentials: credentials };
}

const here = path.dirname(fileURLToPath(import.meta.url));
const adapterFixture = (file: string): unknown => JSON.parse(readFileSync(path.resolve(here, '../../lib/marketplaces', file), 'utf8'));

/** Orders each fake lists from the start, taken from the adapters' fixtures (the marketplace's own format). */
function seedOrders(name: FakeMarketplaceName): Record<string, unknown>[] {
  switch (name) {
    case 'trendyol':
      return (adapterFixture('trendyol/fixtures/package-2026-created-page.json') as { content: Record<string, unknown>[] }).content;
    case 'hepsiburada':
      return [adapterFixture('hepsiburada/fixtures/post-packages.json') as Record<string, unknown>];
    case 'n11':
      return [adapterFixture('n11/fixtures/package-created.json') as Record<string, unknown>];
    case 'pazarama':
      return (adapterFixture('pazarama/fixtures/orders-response.json') as { data: Record<string, unknown>[] }).data;
    case 'pttavm':
      return adapterFixture('pttavm/fixtures/orders.json') as Record<string, unknown>[];
    case 'amazon':
      return JSON.parse(readFileSync(path.join(here, 'fixtures/amazon-orders.json'), 'utf8')) as Record<string, unknown>[];
  }
}

export type FakeMarketplace = FakeServer & {
  readonly name: FakeMarketplaceName;
  readonly state: FakeState;
  /** Stock/price batches accepted (answered 2xx with an id), in order. */
  readonly accepted: AcceptedBatch[];
  addOrder(raw: Record<string, unknown>, times?: { createdAt?: number; modifiedAt?: number }): void;
  failSku(sku: string, reason: string): void;
};

export type StartFakeOptions = {
  /** 0 or absent: a free port. */
  port?: number;
  credentials?: Partial<FakeCredentials[FakeMarketplaceName]>;
  /** List the adapters' fixture orders (changed 30 minutes before start); default true. */
  seedOrders?: boolean;
  /** The fake's clock for order filters and repeat windows; default Date.now. */
  now?: () => number;
};

/**
 * Starts one fake marketplace on 127.0.0.1. It speaks the marketplace's documented shapes, checks
 * its authentication, records every request (`received`, GET /__fake/received) and plays
 * misbehaviours queued with `behave()` or POST /__fake/behaviour (429 with Retry-After, 500,
 * timeout, slow answer, slow body).
 */
export async function startFakeMarketplace(name: FakeMarketplaceName, options: StartFakeOptions = {}): Promise<FakeMarketplace> {
  const state = new FakeState(options.now);
  let baseUrl = '';
  const creds = { ...FAKE_CREDENTIALS[name], ...options.credentials };
  const handlers: Record<FakeMarketplaceName, () => FakeHandler> = {
    trendyol: () => trendyolHandler(state, creds as TrendyolFakeCredentials),
    hepsiburada: () => hepsiburadaHandler(state, creds as HepsiburadaFakeCredentials),
    n11: () => n11Handler(state, creds as N11FakeCredentials),
    pazarama: () => pazaramaHandler(state, creds as PazaramaFakeCredentials),
    pttavm: () => pttavmHandler(state, creds as PttavmFakeCredentials),
    amazon: () => amazonHandler(state, creds as AmazonFakeCredentials, () => baseUrl),
  };
  const server = await startFakeServer({ port: options.port, handler: handlers[name](), admin: (req) => state.admin(req) });
  baseUrl = server.baseUrl;
  if (options.seedOrders !== false) {
    const at = state.now() - 30 * 60_000;
    for (const order of seedOrders(name)) state.addOrder(order, { createdAt: at, modifiedAt: at });
  }
  return Object.assign(server, {
    name,
    state,
    accepted: state.accepted,
    addOrder: (raw: Record<string, unknown>, times?: { createdAt?: number; modifiedAt?: number }) => state.addOrder(raw, times),
    failSku: (sku: string, reason: string) => void state.failSkus.set(sku, reason),
  });
}

export async function behaviourOverHttp(baseUrl: string, behaviour: FakeBehaviour): Promise<void> {
  const res = await fetch(`${baseUrl}/__fake/behaviour`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(behaviour) });
  if (!res.ok) throw new Error(`The fake refused the behaviour: ${await res.text()}`);
}
