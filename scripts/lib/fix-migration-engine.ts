import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

// drizzle-kit writes CREATE TABLE without an engine; companion tables must be InnoDB utf8mb4
// (transactions, SKIP LOCKED, emoji) whatever the server's defaults are.
const TABLE_END = /\n\);(\n|$)/g;
const ENGINE = '\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;$1';
const folder = path.resolve(import.meta.dirname, '../../drizzle');

for (const file of readdirSync(folder).filter((f) => f.endsWith('.sql'))) {
  const full = path.join(folder, file);
  const text = readFileSync(full, 'utf8');
  const fixed = text.replace(TABLE_END, ENGINE);
  if (fixed !== text) {
    writeFileSync(full, fixed);
    console.log(`${file}: tables set to InnoDB utf8mb4`);
  }
}
