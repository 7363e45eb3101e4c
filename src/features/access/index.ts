/** Who may do what: Warden roles (people and user groups), the permission table, and refusals. */
export { createAccessControl, type AccessControl, type HeldRole } from './app/access-control.js';
export type { GroupLookup } from './app/group-cache.js';
export { PERMISSIONS, NEEDS, verbRule, isPermission, type Need, type Permission, type PermissionRule } from './domain/permissions.js';
export { ADMIN, APPROVER, decide, type IncidentView, type Subject, type Verdict } from './domain/decide.js';
export { AccessDenied, isAccessDenied, type DenialFacts } from './domain/denied.js';
export { permissionsSection, type PermissionsConfig, type RoleGrant } from './config/sections.js';
export { accessFeature } from './slack/access-feature.js';
