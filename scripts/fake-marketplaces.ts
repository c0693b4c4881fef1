/**
 * Starts the six fake marketplaces on 127.0.0.1 and prints their base URLs (for the demo and manual
 * tests). Usage: npx tsx scripts/fake-marketplaces.ts [--port 4100] [--no-orders]
 * Ports are consecutive from --port (default 4100, in FAKE_MARKETPLACES order); --port 0 picks free ones.
 */
import { parseArgs } from 'node:util';
import { FAKE_CREDENTIALS, FAKE_MARKETPLACES, startFakeMarketplace, type FakeMarketplace } from './fake-marketplaces/index';

const { values } = parseArgs({ options: { port: { type: 'string', default: '4100' }, 'no-orders': { type: 'boolean', default: false } } });
const firstPort = Number(values.port);
if (!Number.isInteger(firstPort) || firstPort < 0 || firstPort > 65_530) {
  console.error('--port must be a port number (0 for free ports)');
  process.exit(2);
}

const fakes: FakeMarketplace[] = [];
for (const [index, name] of FAKE_MARKETPLACES.entries()) {
  fakes.push(await startFakeMarketplace(name, { port: firstPort === 0 ? 0 : firstPort + index, seedOrders: !values['no-orders'] }));
}
for (const fake of fakes) {
  const { sellerId } = FAKE_CREDENTIALS[fake.name] as { sellerId?: string };
  console.log(`${fake.name.padEnd(12)} ${fake.baseUrl}${sellerId ? `  (seller id ${sellerId})` : ''}`);
}
console.log('Admin: GET /__fake/received, GET /__fake/state, POST /__fake/behaviour on each. Ctrl-C stops them.');

const stop = async () => {
  await Promise.all(fakes.map((fake) => fake.close()));
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
