import { getTableColumns, sql } from 'drizzle-orm';
import type { MySqlInsertValue, MySqlTable, MySqlUpdateSetSource } from 'drizzle-orm/mysql-core';
import type { DbOrTx } from '@/lib/db/pool';
import type { OpenCartTables } from '.';
import { encodeOpenCartText } from './html-text';
import * as sample from './sample-catalogue-data';

const STORE_ID = 0;
const LANGUAGE_ID = sample.SAMPLE_LANGUAGE_ID;
const NOW = sample.SAMPLE_DATETIME;

/** PHP's json_encode, as OpenCart writes serialized settings and permissions: it escapes "/" as "\/". */
function phpJsonEncode(value: unknown): string {
  return JSON.stringify(value).replaceAll('/', '\\/');
}

/**
 * Inserts rows whose primary key is not there yet. Every row carries its id, so a rerun after a crash (MyISAM
 * has no transaction to roll back) completes what is missing and changes nothing else. The no-op update,
 * unlike INSERT IGNORE, keeps strict mode's errors for bad values.
 */
async function insertMissingRows<TTable extends MySqlTable>(
  db: DbOrTx,
  table: TTable,
  rows: MySqlInsertValue<TTable>[],
) {
  const [firstKey, firstColumn] = Object.entries(getTableColumns(table))[0] ?? [];
  if (!firstKey || !firstColumn || rows.length === 0) return;
  const noOp = { [firstKey]: sql`${sql.identifier(firstColumn.name)}` } as MySqlUpdateSetSource<TTable>;
  await db.insert(table).values(rows).onDuplicateKeyUpdate({ set: noOp });
}

async function insertLocalisation(db: DbOrTx, oc: OpenCartTables) {
  await insertMissingRows(db, oc.language, [
    {
      languageId: LANGUAGE_ID,
      name: 'English',
      code: 'en-gb',
      locale: 'en-gb,en_GB.UTF-8,en_GB,english',
      image: 'gb.png',
      directory: 'english',
      sortOrder: 1,
      status: 1,
    },
  ]);
  await insertMissingRows(
    db,
    oc.currency,
    sample.SAMPLE_CURRENCIES.map((c) => ({
      ...c,
      title: encodeOpenCartText(c.title),
      decimalPlace: '2',
      status: 1,
      dateModified: NOW,
    })),
  );
  await insertMissingRows(
    db,
    oc.country,
    sample.SAMPLE_COUNTRIES.map((c) => ({ ...c, addressFormat: '', status: 1 })),
  );
  await insertMissingRows(
    db,
    oc.zone,
    sample.SAMPLE_ZONES.map((z) => ({ ...z, name: encodeOpenCartText(z.name), status: 1 })),
  );
  await insertMissingRows(
    db,
    oc.orderStatus,
    sample.SAMPLE_ORDER_STATUSES.map(([orderStatusId, name]) => ({ orderStatusId, languageId: LANGUAGE_ID, name })),
  );
  await insertMissingRows(
    db,
    oc.stockStatus,
    sample.SAMPLE_STOCK_STATUSES.map(([stockStatusId, name]) => ({ stockStatusId, languageId: LANGUAGE_ID, name })),
  );
}

async function insertStoreSettings(db: DbOrTx, oc: OpenCartTables) {
  await insertMissingRows(
    db,
    oc.setting,
    sample.SAMPLE_STORE_SETTINGS.map(([key, value, code = 'config'], i) => ({
      settingId: i + 1,
      storeId: STORE_ID,
      code,
      key,
      value: typeof value === 'string' ? encodeOpenCartText(value) : phpJsonEncode(value),
      serialized: typeof value === 'string' ? 0 : 1,
    })),
  );
}

async function insertTaxes(db: DbOrTx, oc: OpenCartTables) {
  const kdv = sample.SAMPLE_KDV;
  const dated = { dateAdded: NOW, dateModified: NOW };
  await insertMissingRows(db, oc.taxClass, [
    { ...kdv.taxClass, title: encodeOpenCartText(kdv.taxClass.title), description: encodeOpenCartText(kdv.taxClass.description), ...dated },
  ]);
  await insertMissingRows(db, oc.geoZone, [
    { ...kdv.geoZone, name: encodeOpenCartText(kdv.geoZone.name), description: encodeOpenCartText(kdv.geoZone.description), ...dated },
  ]);
  await insertMissingRows(db, oc.zoneToGeoZone, [{ ...kdv.zoneToGeoZone, ...dated }]);
  await insertMissingRows(db, oc.taxRate, [{ ...kdv.taxRate, name: encodeOpenCartText(kdv.taxRate.name), ...dated }]);
  await insertMissingRows(db, oc.taxRateToCustomerGroup, [
    { taxRateId: kdv.taxRate.taxRateId, customerGroupId: sample.SAMPLE_CUSTOMER_GROUP_ID },
  ]);
  await insertMissingRows(db, oc.taxRule, [kdv.taxRule]);
}

async function insertGroups(db: DbOrTx, oc: OpenCartTables) {
  await insertMissingRows(db, oc.customerGroup, [
    { customerGroupId: sample.SAMPLE_CUSTOMER_GROUP_ID, approval: 0, sortOrder: 1 },
  ]);
  await insertMissingRows(db, oc.customerGroupDescription, [
    { customerGroupId: sample.SAMPLE_CUSTOMER_GROUP_ID, languageId: LANGUAGE_ID, name: 'Default', description: '' },
  ]);
  const routes = [...sample.SAMPLE_ADMIN_ROUTES];
  await insertMissingRows(db, oc.userGroup, [
    { userGroupId: 1, name: 'Administrator', permission: phpJsonEncode({ access: routes, modify: routes }) },
    { userGroupId: 10, name: 'Demonstration', permission: phpJsonEncode({ access: routes, modify: [] }) },
  ]);
}

async function insertCategories(db: DbOrTx, oc: OpenCartTables) {
  const categories = sample.SAMPLE_CATEGORIES;
  await insertMissingRows(
    db,
    oc.category,
    categories.map(({ categoryId, parentId, sortOrder }) => ({
      categoryId,
      image: '',
      parentId,
      top: parentId === 0 ? 1 : 0,
      column: 1,
      sortOrder,
      status: 1,
      dateAdded: NOW,
      dateModified: NOW,
    })),
  );
  await insertMissingRows(
    db,
    oc.categoryDescription,
    categories.map(({ categoryId, name }) => ({
      categoryId,
      languageId: LANGUAGE_ID,
      name: encodeOpenCartText(name),
      description: '',
      metaTitle: encodeOpenCartText(name),
      metaDescription: '',
      metaKeyword: '',
    })),
  );
  // OpenCart keeps each category's ancestors, itself included, in category_path with their depth.
  const parentOf = new Map<number, number>(categories.map((c) => [c.categoryId, c.parentId]));
  const paths = categories.flatMap(({ categoryId }) => {
    const ancestry: number[] = [];
    for (let id: number = categoryId; id !== 0; id = parentOf.get(id) ?? 0) ancestry.unshift(id);
    return ancestry.map((pathId, level) => ({ categoryId, pathId, level }));
  });
  await insertMissingRows(db, oc.categoryPath, paths);
  await insertMissingRows(
    db,
    oc.categoryToStore,
    categories.map(({ categoryId }) => ({ categoryId, storeId: STORE_ID })),
  );
}

async function insertProducts(db: DbOrTx, oc: OpenCartTables) {
  await insertMissingRows(
    db,
    oc.manufacturer,
    sample.SAMPLE_MANUFACTURERS.map((m, i) => ({ ...m, name: encodeOpenCartText(m.name), image: '', sortOrder: i + 1 })),
  );
  const products = sample.SAMPLE_PRODUCTS;
  await insertMissingRows(
    db,
    oc.product,
    products.map((p) => ({
      productId: p.productId,
      model: encodeOpenCartText(p.model),
      sku: encodeOpenCartText(p.sku),
      upc: '',
      ean: p.ean,
      jan: '',
      isbn: '',
      mpn: '',
      location: '',
      quantity: p.quantity,
      stockStatusId: p.stockStatusId ?? sample.OUT_OF_STOCK_STATUS_ID,
      image: '',
      manufacturerId: p.manufacturerId,
      shipping: 1,
      price: p.price,
      points: 0,
      taxClassId: sample.KDV_TAX_CLASS_ID,
      dateAvailable: sample.SAMPLE_DATE,
      weight: p.weightKg,
      weightClassId: sample.KILOGRAM_WEIGHT_CLASS_ID,
      length: '0',
      width: '0',
      height: '0',
      lengthClassId: sample.CENTIMETRE_LENGTH_CLASS_ID,
      subtract: 1,
      minimum: 1,
      sortOrder: 0,
      status: 1,
      viewed: 0,
      dateAdded: NOW,
      dateModified: NOW,
    })),
  );
  await insertMissingRows(
    db,
    oc.productDescription,
    products.map((p) => ({
      productId: p.productId,
      languageId: LANGUAGE_ID,
      name: encodeOpenCartText(p.name),
      description: encodeOpenCartText(`<p>${p.name}</p>`),
      tag: '',
      metaTitle: encodeOpenCartText(p.name),
      metaDescription: '',
      metaKeyword: '',
    })),
  );
  await insertMissingRows(
    db,
    oc.productToStore,
    products.map((p) => ({ productId: p.productId, storeId: STORE_ID })),
  );
  await insertMissingRows(
    db,
    oc.productToCategory,
    products.flatMap((p) => p.categoryIds.map((categoryId) => ({ productId: p.productId, categoryId }))),
  );
}

/**
 * The project's small demo catalogue for store 0, language 1: localisation, store settings, KDV, groups,
 * 5 categories, 4 manufacturers and 20 products. Meant for tables made by createOpenCartTables; rows carry fixed ids, so a rerun
 * adds only what is missing and never touches rows that are there.
 */
export async function insertSampleCatalogue(db: DbOrTx, oc: OpenCartTables): Promise<void> {
  await insertLocalisation(db, oc);
  await insertStoreSettings(db, oc);
  await insertTaxes(db, oc);
  await insertGroups(db, oc);
  await insertCategories(db, oc);
  await insertProducts(db, oc);
}
