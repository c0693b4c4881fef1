export * from './tenants';
export * from './tenant-grants';
export * from './audit-log';
export * from './login-attempts';
