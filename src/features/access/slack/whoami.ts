import type { AppDeps } from '../../incidents/index.js';
import { reply, type Verb } from '../../../adapters/slack/commands/registry.js';
import { PERMISSIONS, type PermissionRule } from '../domain/permissions.js';
import type { HeldRole } from '../app/access-control.js';

const heldText = (r: HeldRole) => (r.via ? `${r.role} (through <!subteam^${r.via}>)` : r.role);

/** `/warden whoami`: the person's Warden roles and how they hold them, their incident roles, and what the table lets them do. */
export const whoami: Verb = {
  name: 'whoami',
  help: { usage: 'whoami', summary: 'your Slack id, your Warden roles and what they let you do', inChannel: false },
  async run(ctx) {
    const { userId, deps } = ctx;
    const held = deps.access.rolesOf(userId);
    const roles = held.length ? `Warden roles: ${held.map(heldText).join(', ')}.` : 'You hold no Warden role.';
    const lines = [`You are <@${userId}> (\`${userId}\`). ${roles}`, incidentRolesLine(deps, userId), ...mayDo(deps, userId)];
    return reply(lines.join('\n'));
  },
};

/** Incident roles shown at most; the rest are in App Home and `/incident list`. */
const ROLES_SHOWN = 20;

/** The person's roles in open incidents, newest incident first, read through the role index (what they hold, not what is open). */
function incidentRolesLine(deps: AppDeps, userId: string): string {
  const mine = deps.store.incidents.openRolesOf(userId, ROLES_SHOWN + 1);
  if (mine.length === 0) return 'Roles in open incidents: none.';
  const shown = mine.slice(0, ROLES_SHOWN).map((r) => `${r.incidentId} ${r.role}`).join(', ');
  return `Roles in open incidents: ${shown}${mine.length > ROLES_SHOWN ? ' …and more (App Home lists your incidents)' : ''}.`;
}

/** The acts of the permission table, grouped: what the person may do, what a commander may also do, what they may not. */
function mayDo(deps: AppDeps, userId: string): string[] {
  const rows = Object.values(PERMISSIONS) as PermissionRule[];
  const acts = (keep: (r: PermissionRule) => boolean) => [...new Set(rows.filter(keep).map((r) => r.act))].join('; ');
  const byRole = (r: PermissionRule) => deps.access.allowsByRole(r.need, userId);
  const out = [`*You may* ${acts(byRole)} (acts on an incident: in its channel).`];
  if (!deps.access.allowsByRole('commander', userId)) out.push(`*As an incident's commander you may also* ${acts((r) => r.need === 'commander')}.`);
  const refused = acts((r) => !byRole(r) && r.need !== 'commander');
  if (refused) out.push(`*You may not* ${refused}.`);
  return out;
}
