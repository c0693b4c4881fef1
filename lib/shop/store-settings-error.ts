export type StoreSettingsErrorCode = 'setting_missing' | 'setting_invalid' | 'language_not_found';

/** The shop's `oc_setting` rows do not describe a usable store (a broken or half-installed shop). */
export class StoreSettingsError extends Error {
  readonly code: StoreSettingsErrorCode;

  constructor(code: StoreSettingsErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreSettingsError';
    this.code = code;
  }
}
