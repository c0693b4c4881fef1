// Companion tables for backups; filled in by that feature.
export {};
