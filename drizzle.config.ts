import { defineConfig } from 'drizzle-kit';

// drizzle-kit only ever sees the companion tables: OpenCart's own tables are never migrated.
export default defineConfig({
  dialect: 'mysql',
  schema: './lib/db/schema/index.ts',
  out: './drizzle',
  tablesFilter: ['msc_*'],
  dbCredentials: { url: process.env.DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/meschain_demo' },
});
