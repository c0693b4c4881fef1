// Companion tables for pricing; filled in by that feature.
export {};
