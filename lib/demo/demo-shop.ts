import { openCart4Tables, openCartTables, type OpenCart4Tables, type OpenCartTables, type OpenCartVersion } from '@/lib/db/opencart';
import type { Db } from '@/lib/db/pool';
import { detectOpenCartVersion } from '@/lib/opencart-version/detect-opencart-version';
import { DemoSetupError } from './store-context';

/**
 * The shop the demo writes into. `oc` is the 3.0 mirror: the columns both lines share (every column the
 * demo reads, and the ids and e-mails it deletes by) work on either line through it. A 4.0 shop also has
 * `oc4`, 4.0's shapes for the rows it gets (customer, address, order and its lines and totals).
 */
export type DemoShop = { version: '3.0'; oc: OpenCartTables } | { version: '4.0'; oc: OpenCartTables; oc4: OpenCart4Tables };

/** Where the demo writes: the shop's table prefix, with its line detected from its tables unless `version` is given. */
export type DemoShopInput = { prefix: string; version?: OpenCartVersion };

async function detectLine(db: Db, prefix: string): Promise<OpenCartVersion> {
  const { version, found } = await detectOpenCartVersion(db, prefix);
  if (!version) {
    throw new DemoSetupError(
      `The tables with prefix "${prefix}" fit neither OpenCart 3.0 nor 4.0 (found: ${found.join(', ') || 'none'}): ` +
        'is --prefix right, and is OpenCart loaded?',
    );
  }
  return version;
}

export async function openDemoShop(db: Db, input: DemoShopInput): Promise<DemoShop> {
  const version = input.version ?? (await detectLine(db, input.prefix));
  const oc = openCartTables(input.prefix);
  return version === '4.0' ? { version, oc, oc4: openCart4Tables(input.prefix) } : { version, oc };
}
