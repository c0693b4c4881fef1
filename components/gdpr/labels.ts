import type { Messages } from '@/lib/i18n';
import type { ActionResult } from '@/lib/auth/tenant-action';

export type GdprLabels = Messages['gdpr'];

export type GdprAction<I, T extends object = object> = (input: I) => Promise<ActionResult<T>>;
