import type { Clock } from '../../../platform/clock.js';
import type { RoleGrant } from '../config/sections.js';
import { ADMIN, APPROVER, MANAGER, decide, type Holders, type IncidentView, type Subject, type Verdict } from '../domain/decide.js';
import { AccessDenied, type DenialFacts } from '../domain/denied.js';
import { PERMISSIONS, type Need, type Permission } from '../domain/permissions.js';
import { createGroupCache, type GroupLookup } from './group-cache.js';

export interface AccessOptions {
  /** Warden role → the users and user groups granted it (warden.yaml `permissions.roles`). */
  roles: Readonly<Record<string, RoleGrant>>;
  clock: Clock;
  groupCacheTtlMs: number;
  /** Writes a refusal to the audit chain (`access.denied`), in its own transaction. */
  recordDenial(facts: DenialFacts, at: Date): void;
}

/** One Warden role a person holds, and how: directly or through a user group. */
export interface HeldRole {
  role: string;
  via: string | null;
}

const groupMention = (g: string) => `<!subteam^${g}>`;

/**
 * Warden-wide roles and the permission table, applied. `warm` (async, before a request is decided) makes
 * sure the user groups are read; every check after it is synchronous, so use cases call it inside their
 * transactions. A refusal throws `AccessDenied`, which the edge shows and writes to the audit chain.
 */
export function createAccessControl(opts: AccessOptions) {
  const groups = createGroupCache({ clock: opts.clock, ttlMs: opts.groupCacheTtlMs });
  const grants = Object.entries(opts.roles);
  const allGroups = grants.flatMap(([, g]) => g.groups);

  function rolesOf(userId: string): HeldRole[] {
    const held: HeldRole[] = [];
    for (const [role, g] of grants) {
      if (g.users.includes(userId)) held.push({ role, via: null });
      else {
        const group = g.groups.find((s) => groups.has(s, userId));
        if (group) held.push({ role, via: group });
      }
    }
    return held;
  }

  const subject = (userId: string): Subject => ({ userId, roles: new Set(rolesOf(userId).map((r) => r.role)) });

  function holdersOf(role: string): string[] {
    const g = opts.roles[role];
    if (!g) return [];
    const broken = g.groups.filter((s) => groups.problem(s) !== null);
    return [...g.users.map((u) => `<@${u}>`), ...g.groups.map((s) => (broken.includes(s) ? `${groupMention(s)} (unreadable right now)` : groupMention(s)))];
  }

  const holders = (): Holders => {
    const approver = opts.roles[APPROVER];
    return { admins: holdersOf(ADMIN), approvers: holdersOf(APPROVER), managers: holdersOf(MANAGER), approversConfigured: !!approver && approver.users.length + approver.groups.length > 0 };
  };

  function check(permission: Permission, userId: string, incident?: IncidentView): Verdict {
    return decide(PERMISSIONS[permission].need, subject(userId), holders(), incident);
  }

  return {
    useLookup: (lookup: GroupLookup) => groups.useLookup(lookup),
    /** Reads the user groups that grant roles, where their members are no longer trusted. */
    warm: () => groups.refresh(allGroups),
    /** Slack said a group's members changed. */
    groupChanged: (groupId: string) => (allGroups.includes(groupId) ? groups.changed(groupId) : Promise.resolve()),
    rolesOf,
    check,
    /** Whether `need` is met by the person's Warden roles alone (members and commanders: in their incidents). */
    allowsByRole: (need: Need, userId: string) => need === 'anyone' || need === 'member' || decide(need, subject(userId), holders()).allowed,
    /** @throws AccessDenied naming the act, what it needs and who holds that. */
    require(permission: Permission, userId: string, incident?: IncidentView): void {
      const verdict = check(permission, userId, incident);
      if (verdict.allowed) return;
      const facts = { permission, userId, incidentId: incident?.id ?? null, needs: verdict.needs };
      throw new AccessDenied(facts, `Only ${verdict.needs} may ${PERMISSIONS[permission].act}.${verdict.why ? ` ${verdict.why}` : ''}`);
    },
    /**
     * Four eyes: nobody approves what they asked for themselves.
     * @throws AccessDenied when `userId` is the one who asked.
     */
    requireSecondPerson(permission: Permission, userId: string, requestedBy: string, incidentId: string, refusal: string): void {
      if (userId !== requestedBy) return;
      throw new AccessDenied({ permission, userId, incidentId, needs: 'someone other than who asked for it' }, refusal);
    },
    holders,
    /** The edge calls this for every refusal it shows, after the refused change rolled back. */
    recordDenial: (facts: DenialFacts) => opts.recordDenial(facts, opts.clock.now()),
  };
}

export type AccessControl = ReturnType<typeof createAccessControl>;
