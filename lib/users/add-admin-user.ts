import { z } from 'zod';
import type { Db } from '@/lib/db/pool';
import { eq } from 'drizzle-orm';
import { openCart4Tables, openCartTables } from '@/lib/db/opencart';
import { detectOpenCartVersion } from '@/lib/opencart-version/detect-opencart-version';
import { ServiceError } from '@/lib/errors/service-error';
import { hashOpenCart3, hashOpenCart4, makeOpenCart3Salt } from '@/lib/auth/opencart-password';
import { encodeOpenCartText } from '@/lib/db/opencart/html-text';
import { ADMINISTRATOR_GROUP } from '@/lib/auth/authenticate-admin';

export const addAdminUserSchema = z.object({
  // oc_user.username is varchar(20).
  username: z.string().trim().min(1).max(20),
  password: z.string().min(8, 'Password must be at least 8 characters').max(128),
  firstname: z.string().max(32).default('Shop'),
  lastname: z.string().max(32).default('Admin'),
  email: z.email().max(96).default('admin@example.com'),
  group: z.string().min(1).max(64).default(ADMINISTRATOR_GROUP),
});
export type AddAdminUserInput = z.input<typeof addAdminUserSchema>;

/**
 * Adds an admin account to the shop whose tables carry `prefix`, the way its OpenCart line stores
 * passwords: 3.0 a salted SHA-1 of the password as typed (its admin login hashes the decoded
 * password), 4.0 PHP's bcrypt (`$2y$`, no salt column). The version is read from the tables themselves.
 */
export async function addAdminUser(db: Db, prefix: string, input: AddAdminUserInput) {
  const data = addAdminUserSchema.parse(input);
  const { version, found } = await detectOpenCartVersion(db, prefix);
  if (!version) throw new ServiceError('BAD_REQUEST', `The tables with prefix "${prefix}" are neither OpenCart 3.0 nor 4.0 (found: ${found.join(', ') || 'none'})`);
  const oc = version === '4.0' ? openCart4Tables(prefix) : openCartTables(prefix);
  const [group] = await db
    .select({ id: oc.userGroup.userGroupId })
    .from(oc.userGroup)
    .where(eq(oc.userGroup.name, data.group))
    .limit(1);
  if (!group) throw new ServiceError('NOT_FOUND', `User group "${data.group}" does not exist in this shop`);
  const [existing] = await db
    .select({ id: oc.user.userId })
    .from(oc.user)
    .where(eq(oc.user.username, data.username))
    .limit(1);
  if (existing) throw new ServiceError('CONFLICT', `User "${data.username}" already exists`);
  const common = {
    userGroupId: group.id,
    username: encodeOpenCartText(data.username),
    firstname: encodeOpenCartText(data.firstname),
    lastname: encodeOpenCartText(data.lastname),
    email: data.email,
    image: '',
    code: '',
    ip: '',
    status: 1,
    dateAdded: new Date().toISOString().slice(0, 19).replace('T', ' '),
  };
  let userId: number | undefined;
  if (version === '4.0') {
    [{ userId } = { userId: undefined }] = await db.insert(openCart4Tables(prefix).user).values({ ...common, password: hashOpenCart4(data.password) }).$returningId();
  } else {
    const salt = makeOpenCart3Salt();
    [{ userId } = { userId: undefined }] = await db.insert(openCartTables(prefix).user).values({ ...common, password: hashOpenCart3(data.password, salt), salt }).$returningId();
  }
  if (!userId) throw new Error('Insert into user returned no id');
  return { userId, username: data.username, group: data.group, version };
}
