import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/lib/db/pool';
import type { OpenCartTables } from '@/lib/db/opencart';
import { ServiceError } from '@/lib/errors/service-error';
import { hashOpenCart3, makeOpenCart3Salt } from '@/lib/auth/opencart-password';
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
 * Adds an OpenCart 3 admin account. The hash is of the password as typed: OpenCart 3's admin
 * login hashes the decoded password, so the shop's own login accepts it too.
 */
export async function addAdminUser(db: Db, oc: OpenCartTables, input: AddAdminUserInput) {
  const data = addAdminUserSchema.parse(input);
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
  const salt = makeOpenCart3Salt();
  const [created] = await db
    .insert(oc.user)
    .values({
      userGroupId: group.id,
      username: encodeOpenCartText(data.username),
      password: hashOpenCart3(data.password, salt),
      salt,
      firstname: encodeOpenCartText(data.firstname),
      lastname: encodeOpenCartText(data.lastname),
      email: data.email,
      image: '',
      code: '',
      ip: '',
      status: 1,
      dateAdded: new Date().toISOString().slice(0, 19).replace('T', ' '),
    })
    .$returningId();
  if (!created) throw new Error('Insert into user returned no id');
  return { userId: created.userId, username: data.username, group: data.group };
}
