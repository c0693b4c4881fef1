import { JobLock, jobLockName } from '@/lib/jobs/job-lock';
import { ServiceError } from '@/lib/errors/service-error';

/**
 * One backup or restore at a time per shop. The lock lives on a connection of its own, so a process
 * that dies (even by SIGKILL) frees it, and the next backup can tell its 'running' row was abandoned.
 */
export async function takeBackupLock(mainDatabaseUrl: string, tenantId: number): Promise<JobLock> {
  const lock = await JobLock.tryAcquire(mainDatabaseUrl, jobLockName(mainDatabaseUrl, 'backup-file', tenantId));
  if (!lock) throw new ServiceError('CONFLICT', 'A backup or restore of this shop is already running; try again when it has finished.');
  return lock;
}
