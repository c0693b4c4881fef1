// The project's own demo shop. Text is plain here; the insert escapes it the way OpenCart stores it.
// Country, zone, order status and stock status ids are OpenCart's own, so demo rows mean what a real shop's do.

export const SAMPLE_LANGUAGE_ID = 1;
export const SAMPLE_CUSTOMER_GROUP_ID = 1;
export const SAMPLE_DATE = '2025-01-01';
export const SAMPLE_DATETIME = '2025-01-01 09:00:00';
export const TURKEY_COUNTRY_ID = 215;
export const ISTANBUL_ZONE_ID = 3354;
/** OpenCart's sample ids for kilogram and centimetre (weight_class, length_class; not mirrored). */
export const KILOGRAM_WEIGHT_CLASS_ID = 1;
export const CENTIMETRE_LENGTH_CLASS_ID = 1;
/** Shown when a product's quantity drops to 0 or below. */
export const OUT_OF_STOCK_STATUS_ID = 5;
export const PRE_ORDER_STOCK_STATUS_ID = 8;
/** The shop's one tax class: KDV (Turkish VAT) at the general rate, on every product and on shipping. */
export const KDV_TAX_CLASS_ID = 1;

export const SAMPLE_ORDER_STATUSES: ReadonlyArray<readonly [id: number, name: string]> = [
  [1, 'Pending'],
  [2, 'Processing'],
  [3, 'Shipped'],
  [5, 'Complete'],
  [7, 'Canceled'],
  [8, 'Denied'],
  [9, 'Canceled Reversal'],
  [10, 'Failed'],
  [11, 'Refunded'],
  [12, 'Reversed'],
  [13, 'Chargeback'],
  [14, 'Expired'],
  [15, 'Processed'],
  [16, 'Voided'],
];

export const SAMPLE_STOCK_STATUSES: ReadonlyArray<readonly [id: number, name: string]> = [
  [OUT_OF_STOCK_STATUS_ID, 'Out Of Stock'],
  [6, '2-3 Days'],
  [7, 'In Stock'],
  [PRE_ORDER_STOCK_STATUS_ID, 'Pre-Order'],
];

/** Rates are rough demo figures against TRY, the default currency (value 1). */
export const SAMPLE_CURRENCIES = [
  { currencyId: 1, title: 'Türk Lirası', code: 'TRY', symbolLeft: '₺', symbolRight: '', value: 1 },
  { currencyId: 2, title: 'US Dollar', code: 'USD', symbolLeft: '$', symbolRight: '', value: 0.025 },
  { currencyId: 3, title: 'Euro', code: 'EUR', symbolLeft: '', symbolRight: '€', value: 0.0215 },
] as const;

export const SAMPLE_COUNTRIES = [
  { countryId: TURKEY_COUNTRY_ID, name: 'Turkey', isoCode2: 'TR', isoCode3: 'TUR', postcodeRequired: 0 },
  { countryId: 81, name: 'Germany', isoCode2: 'DE', isoCode3: 'DEU', postcodeRequired: 1 },
] as const;

export const SAMPLE_ZONES = [
  { zoneId: ISTANBUL_ZONE_ID, countryId: TURKEY_COUNTRY_ID, name: 'İstanbul', code: 'IST' },
  { zoneId: 3321, countryId: TURKEY_COUNTRY_ID, name: 'Ankara', code: 'ANK' },
  { zoneId: 3355, countryId: TURKEY_COUNTRY_ID, name: 'İzmir', code: 'IZM' },
  { zoneId: 3335, countryId: TURKEY_COUNTRY_ID, name: 'Bursa', code: 'BRS' },
  { zoneId: 3322, countryId: TURKEY_COUNTRY_ID, name: 'Antalya', code: 'ANT' },
  { zoneId: 1256, countryId: 81, name: 'Berlin', code: 'BER' },
  { zoneId: 1255, countryId: 81, name: 'Bayern', code: 'BAY' },
] as const;

/**
 * Store 0's settings, under code `config` unless a third element names the extension that owns them; a list is
 * stored as JSON with serialized = 1. Setting ids follow this order, so new settings go at the end.
 */
export const SAMPLE_STORE_SETTINGS: ReadonlyArray<
  readonly [key: string, value: string | readonly string[], code?: string]
> = [
  ['config_name', 'MesChain Demo Mağaza'],
  ['config_owner', 'MesChain Demo Ticaret A.Ş.'],
  ['config_address', 'Büyükdere Cad. No: 1, Şişli / İstanbul'],
  ['config_email', 'magaza@meschain.example'],
  ['config_telephone', '+90 212 000 00 00'],
  ['config_meta_title', 'MesChain Demo Mağaza'],
  ['config_country_id', String(TURKEY_COUNTRY_ID)],
  ['config_zone_id', String(ISTANBUL_ZONE_ID)],
  ['config_language', 'en-gb'],
  ['config_admin_language', 'en-gb'],
  ['config_currency', 'TRY'],
  ['config_currency_auto', '0'],
  ['config_timezone', 'UTC'],
  ['config_length_class_id', String(CENTIMETRE_LENGTH_CLASS_ID)],
  ['config_weight_class_id', String(KILOGRAM_WEIGHT_CLASS_ID)],
  ['config_customer_group_id', String(SAMPLE_CUSTOMER_GROUP_ID)],
  ['config_customer_group_display', [String(SAMPLE_CUSTOMER_GROUP_ID)]],
  ['config_order_status_id', '1'],
  ['config_processing_status', ['5', '1', '2', '12', '3']],
  ['config_complete_status', ['5', '3']],
  ['config_return_status_id', '2'],
  ['config_invoice_prefix', 'INV-2025-00'],
  ['config_stock_display', '0'],
  ['config_stock_warning', '0'],
  ['config_stock_checkout', '0'],
  ['config_review_status', '1'],
  ['config_login_attempts', '5'],
  ['shipping_flat_cost', '49.90', 'shipping_flat'],
  ['shipping_flat_tax_class_id', String(KDV_TAX_CLASS_ID), 'shipping_flat'],
  ['shipping_flat_geo_zone_id', '0', 'shipping_flat'],
  ['shipping_flat_status', '1', 'shipping_flat'],
  ['shipping_flat_sort_order', '1', 'shipping_flat'],
];

/**
 * KDV at 20% for shipping addresses in Turkey, for the default customer group. Based on the shipping address, so
 * an order shipped abroad (an export) carries none.
 */
export const SAMPLE_KDV = {
  taxClass: { taxClassId: KDV_TAX_CLASS_ID, title: 'KDV %20', description: 'Katma Değer Vergisi, genel oran' },
  geoZone: { geoZoneId: 1, name: 'Türkiye', description: 'KDV uygulanan adresler' },
  zoneToGeoZone: { zoneToGeoZoneId: 1, countryId: TURKEY_COUNTRY_ID, zoneId: 0, geoZoneId: 1 },
  taxRate: { taxRateId: 1, geoZoneId: 1, name: 'KDV (%20)', rate: '20.0000', type: 'P' },
  taxRule: { taxRuleId: 1, taxClassId: KDV_TAX_CLASS_ID, taxRateId: 1, based: 'shipping', priority: 1 },
} as const;

/** Admin routes the demo user groups may open; the Demonstration group may not change anything. */
export const SAMPLE_ADMIN_ROUTES = [
  'catalog/category',
  'catalog/manufacturer',
  'catalog/product',
  'catalog/review',
  'customer/customer',
  'customer/customer_group',
  'localisation/currency',
  'localisation/order_status',
  'sale/order',
  'sale/return',
  'setting/setting',
  'user/user',
  'user/user_permission',
] as const;

export const SAMPLE_MANUFACTURERS = [
  { manufacturerId: 1, name: 'Anadolu Tekstil' },
  { manufacturerId: 2, name: 'Boğaziçi Elektronik' },
  { manufacturerId: 3, name: 'Ege Home & Living' },
  { manufacturerId: 4, name: 'Kaçkar Outdoor' },
] as const;

export const SAMPLE_CATEGORIES = [
  { categoryId: 1, parentId: 0, name: 'Giyim', sortOrder: 1 },
  { categoryId: 2, parentId: 0, name: 'Elektronik', sortOrder: 2 },
  { categoryId: 3, parentId: 2, name: 'Telefon Aksesuarları', sortOrder: 1 },
  { categoryId: 4, parentId: 0, name: 'Ev & Yaşam', sortOrder: 3 },
  { categoryId: 5, parentId: 0, name: 'Spor & Outdoor', sortOrder: 4 },
] as const;

export type SampleProduct = {
  productId: number;
  model: string;
  sku: string;
  /** GS1 prefix 200 (restricted circulation) with a valid check digit: never a real product's barcode. */
  ean: string;
  name: string;
  /** TRY before KDV, as OpenCart's decimal(15,4) text: OpenCart adds the product's tax class when it shows it. */
  price: string;
  quantity: number;
  weightKg: string;
  manufacturerId: number;
  categoryIds: readonly number[];
  stockStatusId?: number;
};

export const SAMPLE_PRODUCTS: readonly SampleProduct[] = [
  { productId: 1, model: 'GYM-TS-001', sku: 'AT-TSHIRT-BYZ-M', ean: '2000000010014', name: 'Pamuklu Basic Tişört - Beyaz', price: '249.9000', quantity: 120, weightKg: '0.20', manufacturerId: 1, categoryIds: [1] },
  { productId: 2, model: 'GYM-SW-002', sku: 'AT-SWEAT-GRI-L', ean: '2000000010021', name: 'Oversize Kapüşonlu Sweatshirt', price: '649.9000', quantity: 45, weightKg: '0.60', manufacturerId: 1, categoryIds: [1] },
  { productId: 3, model: 'GYM-JN-003', sku: 'AT-JEAN-LAC-32', ean: '2000000010038', name: 'Slim Fit Kot Pantolon', price: '899.0000', quantity: 30, weightKg: '0.70', manufacturerId: 1, categoryIds: [1] },
  { productId: 4, model: 'GYM-GM-004', sku: 'AT-GOMLEK-BEJ-M', ean: '2000000010045', name: 'Keten Gömlek - Bej', price: '749.5000', quantity: 3, weightKg: '0.35', manufacturerId: 1, categoryIds: [1] },
  { productId: 5, model: 'GYM-AB-005', sku: 'AT-ATKI-BERE-SET', ean: '2000000010052', name: 'Yün Atkı & Bere Seti', price: '399.0000', quantity: 0, weightKg: '0.30', manufacturerId: 1, categoryIds: [1] },
  { productId: 6, model: 'ELK-KL-006', sku: 'BE-KULAKLIK-TWS', ean: '2000000010069', name: 'Kablosuz Kulak İçi Kulaklık', price: '1299.0000', quantity: 60, weightKg: '0.15', manufacturerId: 2, categoryIds: [2] },
  { productId: 7, model: 'ELK-SA-007', sku: 'BE-SAAT-PRO-46', ean: '2000000010076', name: 'Akıllı Saat Pro 46mm', price: '4499.0000', quantity: 12, weightKg: '0.12', manufacturerId: 2, categoryIds: [2] },
  { productId: 8, model: 'ELK-HP-008', sku: 'BE-HOPARLOR-20W', ean: '2000000010083', name: 'Bluetooth Hoparlör 20W', price: '1899.9000', quantity: 25, weightKg: '0.55', manufacturerId: 2, categoryIds: [2] },
  { productId: 9, model: 'ELK-CN-009', sku: 'BE-CANTA-156', ean: '2000000010090', name: 'Laptop Sırt Çantası 15.6"', price: '1149.0000', quantity: 18, weightKg: '0.90', manufacturerId: 2, categoryIds: [2] },
  { productId: 10, model: 'ELK-SA-010', sku: 'BE-SARJ-65W', ean: '2000000010106', name: '65W GaN Hızlı Şarj Adaptörü', price: '899.9000', quantity: 80, weightKg: '0.14', manufacturerId: 2, categoryIds: [2, 3] },
  { productId: 11, model: 'ELK-KB-011', sku: 'BE-KABLO-USBC-1M', ean: '2000000010113', name: 'USB-C Şarj Kablosu 1m', price: '349.9000', quantity: 150, weightKg: '0.05', manufacturerId: 2, categoryIds: [2, 3] },
  { productId: 12, model: 'ELK-KF-012', sku: 'BE-KILIF-SILIKON', ean: '2000000010120', name: 'Manyetik Silikon Telefon Kılıfı', price: '299.9000', quantity: 0, weightKg: '0.04', manufacturerId: 2, categoryIds: [2, 3] },
  { productId: 13, model: 'ELK-EK-013', sku: 'BE-CAM-2LI', ean: '2000000010137', name: 'Temperli Cam Ekran Koruyucu (2 Adet)', price: '199.9000', quantity: 200, weightKg: '0.03', manufacturerId: 2, categoryIds: [2, 3] },
  { productId: 14, model: 'EV-FT-014', sku: 'EH-FINCAN-6LI', ean: '2000000010144', name: 'Türk Kahvesi Fincan Takımı (6 Kişilik)', price: '1249.0000', quantity: 22, weightKg: '1.20', manufacturerId: 3, categoryIds: [4] },
  { productId: 15, model: 'EV-KT-015', sku: 'EH-TAHTA-BAMBU', ean: '2000000010151', name: 'Bambu Kesme Tahtası Seti', price: '429.9000', quantity: 40, weightKg: '1.50', manufacturerId: 3, categoryIds: [4] },
  { productId: 16, model: 'EV-NV-016', sku: 'EH-NEVRESIM-CK', ean: '2000000010168', name: 'Pamuklu Nevresim Takımı - Çift Kişilik', price: '1799.0000', quantity: 15, weightKg: '2.10', manufacturerId: 3, categoryIds: [4] },
  { productId: 17, model: 'EV-CK-017', sku: 'EH-CATAL-KASIK-24', ean: '2000000010175', name: 'Çatal & Kaşık Seti (24 Parça)', price: '1099.0000', quantity: 4, weightKg: '1.80', manufacturerId: 3, categoryIds: [4] },
  { productId: 18, model: 'SPR-YM-018', sku: 'KO-YOGA-MAT-MOR', ean: '2000000010182', name: 'Yoga Matı 6mm - Mor', price: '549.9000', quantity: 35, weightKg: '1.00', manufacturerId: 4, categoryIds: [5] },
  { productId: 19, model: 'SPR-CD-019', sku: 'KO-CADIR-3K', ean: '2000000010199', name: 'Kamp Çadırı 3 Kişilik', price: '3299.0000', quantity: 0, weightKg: '3.40', manufacturerId: 4, categoryIds: [5], stockStatusId: PRE_ORDER_STOCK_STATUS_ID },
  { productId: 20, model: 'SPR-TR-020', sku: 'KO-TERMOS-750', ean: '2000000010205', name: 'Paslanmaz Çelik Termos 750ml', price: '699.9000', quantity: 50, weightKg: '0.45', manufacturerId: 4, categoryIds: [5] },
];
