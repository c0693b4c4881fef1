import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import type { BackupStore, PendingBackupFile } from './backup-store';

/** Suffix of a file still being written: a crash leaves one of these, never a file that looks finished. */
export const PARTIAL_SUFFIX = '.partial';
const SAFE_NAME = /^[A-Za-z0-9_-]+(\/[A-Za-z0-9_.-]+)?$/;

function checkedName(name: string): string {
  if (!SAFE_NAME.test(name) || name.includes('..') || name.endsWith(PARTIAL_SUFFIX)) throw new Error(`Not a backup file name: ${name}`);
  return name;
}

/** Backup files in a directory (BACKUP_DIR), one folder per tenant. */
export function localBackupStore(dir: string): BackupStore {
  const full = (name: string) => path.join(dir, checkedName(name));
  return {
    async create(name) {
      const target = full(name);
      const temp = target + PARTIAL_SUFFIX;
      await mkdir(path.dirname(target), { recursive: true });
      const stream = createWriteStream(temp);
      const file: PendingBackupFile = {
        stream,
        async commit() {
          if (!stream.writableFinished) await finished(stream);
          const handle = await open(temp, 'r+');
          try {
            await handle.sync();
          } finally {
            await handle.close();
          }
          await rename(temp, target);
          return (await stat(target)).size;
        },
        async discard() {
          stream.destroy();
          await rm(temp, { force: true });
        },
      };
      return file;
    },
    async openRead(name): Promise<Readable> {
      const target = full(name);
      await stat(target);
      return createReadStream(target, { highWaterMark: 1024 * 1024 });
    },
    async size(name) {
      return (await stat(full(name))).size;
    },
    async remove(name) {
      await rm(full(name), { force: true });
    },
    async removeIncomplete(folder) {
      const dirPath = path.join(dir, checkedName(folder));
      const leftovers = (await readdir(dirPath).catch(() => [] as string[])).filter((f) => f.endsWith(PARTIAL_SUFFIX));
      await Promise.all(leftovers.map((f) => rm(path.join(dirPath, f), { force: true })));
      return leftovers.length;
    },
    async list() {
      const names: string[] = [];
      const tenants = await readdir(dir, { withFileTypes: true }).catch(() => []);
      for (const entry of tenants) {
        if (!entry.isDirectory()) continue;
        for (const file of await readdir(path.join(dir, entry.name))) {
          if (!file.endsWith(PARTIAL_SUFFIX)) names.push(`${entry.name}/${file}`);
        }
      }
      return names;
    },
  };
}
