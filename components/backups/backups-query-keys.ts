/** TanStack Query keys of the backups page. */
export const backupsQueryKeys = {
  all: ['backups'] as const,
  page: (page: number) => ['backups', 'page', page] as const,
};

/** While a backup or restore runs, the list is re-read this often (ms), so its progress bar moves. */
export const BACKUPS_ACTIVE_REFRESH_MS = 1_500;
