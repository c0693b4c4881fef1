import { createHash } from 'node:crypto';
import mysql from 'mysql2/promise';
import { z } from 'zod';
import { parseDatabaseUrl } from '@/lib/db/server';

/** MySQL 8 refuses lock names longer than this. */
const MAX_LOCK_NAME_CHARS = 64;
const LOCK_NAME_PREFIX = 'msc-job:';
const CONNECT_TIMEOUT_MS = 10_000;

/**
 * `msc-job:<job>:<tenant id>@<database>`. GET_LOCK names are global to the server, not to a database,
 * so the main database's name keeps two deployments (or two test databases) on one server apart. A
 * name past MySQL's 64 characters is hashed.
 */
export function jobLockName(mainDatabaseUrl: string, job: string, tenantId: number): string {
  const name = `${LOCK_NAME_PREFIX}${job}:${tenantId}@${parseDatabaseUrl(mainDatabaseUrl).database}`;
  if (name.length <= MAX_LOCK_NAME_CHARS) return name;
  return LOCK_NAME_PREFIX + createHash('sha1').update(name).digest('hex');
}

const lockAnswerSchema = z.array(z.object({ got: z.coerce.number().nullable() }));

/**
 * The lock that lets one run at a time work on a job and tenant, on a connection of its own held for
 * the whole run: the server releases a GET_LOCK when its connection ends, so a process that dies
 * (even by SIGKILL) frees the job for the next run without anyone cleaning up. Pool connections would
 * not do: a pooled connection outlives the run and could carry the lock into someone else's hands.
 */
export class JobLock {
  /** Set when the lock's connection broke: another run may hold the lock now, so this one must stop. */
  lost = false;

  private constructor(
    readonly name: string,
    private readonly connection: mysql.Connection,
  ) {
    connection.on('error', (err: Error) => {
      this.lost = true;
      console.error(`jobs: the connection holding ${name} broke; the run stops at its next step`, err);
    });
  }

  /** The lock, or null when another run holds it. Never waits. */
  static async tryAcquire(mainDatabaseUrl: string, name: string): Promise<JobLock | null> {
    const connection = await mysql.createConnection({ uri: mainDatabaseUrl, connectTimeout: CONNECT_TIMEOUT_MS });
    try {
      const [rows] = await connection.query('SELECT GET_LOCK(?, 0) AS got', [name]);
      const [answer] = lockAnswerSchema.parse(rows);
      if (answer?.got === 1) return new JobLock(name, connection);
    } catch (err) {
      connection.destroy();
      throw err;
    }
    await connection.end();
    return null;
  }

  /** Releases the lock by ending its connection (which also releases it if RELEASE_LOCK cannot be sent). */
  async release(): Promise<void> {
    if (this.lost) {
      this.connection.destroy();
      return;
    }
    try {
      await this.connection.query('SELECT RELEASE_LOCK(?)', [this.name]);
      await this.connection.end();
    } catch (err) {
      console.error(`jobs: releasing ${this.name} failed; closing its connection releases it`, err);
      this.connection.destroy();
    }
  }
}
