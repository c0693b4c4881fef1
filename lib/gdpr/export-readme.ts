type ReadmeInput = { shop: string; requestId: number; createdAt: Date; tables: Array<{ table: string; rows: number }> };

/** The export's README, in the request's language: what the files are and where each came from. */
export function exportReadme(language: 'en' | 'tr', input: ReadmeInput): string {
  const list = input.tables.map((t) => `  ${t.table}.json: ${t.rows}`).join('\n');
  const when = input.createdAt.toISOString();
  if (language === 'tr') {
    return [
      `${input.shop}: kişisel verileriniz (talep #${input.requestId}, ${when})`,
      '',
      'Bu arşiv, KVKK madde 11 ve GDPR madde 15 ile 20 kapsamında hakkınızda tuttuğumuz tüm kayıtları içerir.',
      'Her tablo için bir JSON dosyası vardır; sütun adları mağaza veritabanındaki adlardır. Boş dosya, o tabloda',
      'hakkınızda kayıt olmadığını gösterir. Tablolar ve kayıt sayıları:',
      '',
      list,
      '',
      'Siparişler vergi mevzuatı gereği saklanır; silme talebinde ad, e-posta, telefon, adres ve IP bilgileri takma adla değiştirilir.',
      '',
    ].join('\n');
  }
  return [
    `${input.shop}: your personal data (request #${input.requestId}, ${when})`,
    '',
    'This archive holds every record we keep about you (GDPR articles 15 and 20, KVKK article 11).',
    'There is one JSON file per table, with the column names of the shop database. An empty file means that',
    'table holds nothing about you. Tables and row counts:',
    '',
    list,
    '',
    'Orders are kept as tax law requires; on erasure their name, email, phone, addresses and IP are replaced by a pseudonym.',
    '',
  ].join('\n');
}
