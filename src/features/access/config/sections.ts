import { z } from 'zod';
import { durationField, strictObject, userIdField } from '../../../platform/config/fields.js';
import { ADMIN, APPROVER } from '../domain/decide.js';

/** The access feature's section of warden.yaml: `permissions` (Warden roles granted to people and user groups). */

const USERGROUP_ID = /^S[A-Z0-9]{2,}$/;
const ROLE_ID = /^[a-z][a-z0-9_-]{0,23}$/;
const userList = z.array(userIdField, { error: 'expected a list of Slack user IDs' }).default([]);
const groupList = z
  .array(z.string({ error: 'expected a Slack user group ID like S0123ABCD' }).regex(USERGROUP_ID, 'expected a Slack user group ID like S0123ABCD (not a @handle)'), {
    error: 'expected a list of Slack user group IDs',
  })
  .default([]);

const grant = strictObject({ users: userList, groups: groupList }).prefault({});
export type RoleGrant = z.infer<typeof grant>;

const roleKey = z.string().regex(ROLE_ID, 'expected a role id: a lowercase letter, then lowercase letters, digits, - or _ (at most 24)');

export const permissionsSection = strictObject({
  /** Shorthand for `roles.approver.users`. */
  approvers: userList,
  /** Shorthand for `roles.admin.users`. */
  admins: userList,
  roles: z.record(roleKey, grant, { error: 'expected a map of Warden roles: admin: {users: [U...], groups: [S...]}' }).default({}),
  /** How long a user group's members are trusted before Warden asks Slack again. */
  groupCacheTtl: durationField.prefault('5m'),
})
  .prefault({})
  .transform((p) => ({ ...p, roles: withShorthands(p.roles, p.admins, p.approvers) }));

export type PermissionsConfig = z.infer<typeof permissionsSection>;

function withShorthands(roles: Record<string, RoleGrant>, admins: string[], approvers: string[]): Record<string, RoleGrant> {
  const merged: Record<string, RoleGrant> = { ...roles };
  const add = (role: string, users: string[]) => {
    const was = merged[role] ?? { users: [], groups: [] };
    merged[role] = { users: [...new Set([...was.users, ...users])], groups: was.groups };
  };
  add(ADMIN, admins);
  add(APPROVER, approvers);
  return merged;
}
