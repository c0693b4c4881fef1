import { env } from '@/lib/env';
import { ensureServer, parseDatabaseUrl } from '@/lib/db/server';

/** Exits non-zero with a sentence saying what is missing when MariaDB/MySQL cannot be reached. */
const url = process.env.TEST_DATABASE_URL ?? env().DATABASE_URL;
ensureServer(url)
  .then((version) => {
    const { host, port } = parseDatabaseUrl(url);
    console.log(`Database server ${version} answers on ${host}:${port}.`);
  })
  .catch((err: Error) => {
    console.error(err.message);
    process.exit(1);
  });
