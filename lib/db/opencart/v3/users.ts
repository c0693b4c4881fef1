import { datetime, int, mysqlTable, text, tinyint, varchar } from 'drizzle-orm/mysql-core';

// Columns OpenCart 4.0 shares with 3.0 are defined once, here; v4/ reshapes these with its differences.
export const userColumns = () => ({
  userId: int('user_id').autoincrement().primaryKey(),
  userGroupId: int('user_group_id').notNull(),
  username: varchar('username', { length: 20 }).notNull(),
  // sha1(salt . sha1(salt . sha1(password))), or a legacy md5 (OpenCart 3.0).
  password: varchar('password', { length: 40 }).notNull(),
  salt: varchar('salt', { length: 9 }).notNull(),
  firstname: varchar('firstname', { length: 32 }).notNull(),
  lastname: varchar('lastname', { length: 32 }).notNull(),
  email: varchar('email', { length: 96 }).notNull(),
  image: varchar('image', { length: 255 }).notNull(),
  code: varchar('code', { length: 40 }).notNull(),
  ip: varchar('ip', { length: 40 }).notNull(),
  status: tinyint('status').notNull(),
  dateAdded: datetime('date_added', { mode: 'string' }).notNull(),
});

export function buildUsersTables(prefix: string) {
  const user = mysqlTable(`${prefix}user`, userColumns());

  const userGroup = mysqlTable(`${prefix}user_group`, {
    userGroupId: int('user_group_id').autoincrement().primaryKey(),
    name: varchar('name', { length: 64 }).notNull(),
    permission: text('permission').notNull(),
  });

  return { user, userGroup };
}
