import { buildCatalogTables } from './catalog';
import { buildCustomersTables } from './customers';
import { buildOrdersTables } from './orders';
import { buildSettingsTables } from './settings';
import { buildUsersTables } from './users';

/**
 * OpenCart 3.0.x tables, column for column as in the 3.0.4.1 install SQL (3.0.3.8 is identical for these).
 * OpenCart declares no foreign keys and 3.0 keeps these tables in MyISAM, so none are declared here either.
 */
export function buildOpenCart3Tables(prefix: string) {
  return {
    ...buildCatalogTables(prefix),
    ...buildOrdersTables(prefix),
    ...buildCustomersTables(prefix),
    ...buildSettingsTables(prefix),
    ...buildUsersTables(prefix),
  };
}
