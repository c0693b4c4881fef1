import type { Messages } from '@/lib/i18n';

/** The backups page's texts, passed from the server component to the client ones. */
export type BackupsLabels = Messages['backups'];
