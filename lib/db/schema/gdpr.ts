// Companion tables for gdpr; filled in by that feature.
export {};
