import type { Need } from './permissions.js';

/** The Warden-wide roles with a meaning in the permission table; others (manager, responder ...) are configurable grants. */
export const ADMIN = 'admin';
export const APPROVER = 'approver';
export const MANAGER = 'manager';

/** Who asks, as the decision sees them: their Warden roles already resolved (user groups included). */
export interface Subject {
  userId: string;
  roles: ReadonlySet<string>;
}

/** The incident an act is about, as far as the decision needs it. */
export interface IncidentView {
  id: string;
  commander: string | undefined;
  /** The person is a member of the incident's channel. */
  member: boolean;
}

export interface Holders {
  /** Who holds each role, as Slack mentions (`<@U…>`, `<!subteam^S…>`). */
  admins: readonly string[];
  approvers: readonly string[];
  managers: readonly string[];
  /** Some approver is configured (a user or a group); with none, approvals fall to admins. */
  approversConfigured: boolean;
}

/** A refusal names who would be allowed (`needs`) and, where the rule is not obvious, why (`why`). */
export type Verdict = { allowed: true } | { allowed: false; needs: string; why?: string };

const ALLOWED: Verdict = { allowed: true };
const named = (what: string, who: readonly string[]) => (who.length ? `${what} (${who.join(', ')})` : `${what} (none is configured)`);

/** Whether `subject` may do an act that needs `need`; a refusal says who would be allowed. Pure. */
export function decide(need: Need, subject: Subject, holders: Holders, incident?: IncidentView): Verdict {
  const admin = subject.roles.has(ADMIN);
  switch (need) {
    case 'anyone':
      return ALLOWED;
    case 'member':
      return incident?.member || admin ? ALLOWED : { allowed: false, needs: `a member of ${incident ? `${incident.id}'s channel` : 'the incident channel'}` };
    case 'commander':
      if (admin || (incident?.commander !== undefined && incident.commander === subject.userId)) return ALLOWED;
      return { allowed: false, needs: `the commander${incident?.commander ? ` (<@${incident.commander}>)` : ''} or ${named('a Warden admin', holders.admins)}` };
    case 'approver':
      if (holders.approversConfigured) return subject.roles.has(APPROVER) ? ALLOWED : { allowed: false, needs: named('a Warden approver', holders.approvers) };
      return admin ? ALLOWED : { allowed: false, needs: named('a Warden admin', holders.admins), why: 'No approver is configured in warden.yaml, so approvals fall to Warden admins (never to the commander).' };
    case 'manager':
      return admin || subject.roles.has(MANAGER) ? ALLOWED : { allowed: false, needs: `${named('a Warden manager', holders.managers)} or ${named('an admin', holders.admins)}` };
    case 'admin':
      return admin ? ALLOWED : { allowed: false, needs: named('a Warden admin', holders.admins) };
  }
}
