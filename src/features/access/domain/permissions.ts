/**
 * What each verb, button and decision needs, as data: one row per act a person can ask Warden for. The
 * command dispatcher checks a verb's own row before the verb runs; use cases check the rows of the acts
 * whose need depends on the incident's state (closing, reopening, taking a role someone holds, approving).
 * A verb with no row is refused (deny by default), and a test fails for every registered verb without one.
 */

/**
 * - `anyone`: any person in the workspace (Slack's signature already proved the workspace).
 * - `member`: a member of the incident's channel (a command typed there, or a recorded member).
 * - `commander`: the incident's current commander, or a Warden admin.
 * - `approver`: a Warden approver; with none configured, a Warden admin (never the commander by default).
 * - `manager`: a Warden manager (role `manager`, for the work between incidents) or a Warden admin.
 * - `admin`: a Warden admin.
 */
export const NEEDS = ['anyone', 'member', 'commander', 'approver', 'manager', 'admin'] as const;
export type Need = (typeof NEEDS)[number];

export interface PermissionRule {
  need: Need;
  /** What the act is, in the words a refusal uses: "close an incident". */
  act: string;
}

const rule = (need: Need, act: string): PermissionRule => ({ need, act });

export const PERMISSIONS = {
  '/incident declare': rule('anyone', 'declare an incident'),
  '/incident list': rule('anyone', 'list open incidents'),
  '/incident status': rule('member', 'show or move the status'),
  '/incident status:close': rule('commander', 'close an incident'),
  '/incident status:reopen': rule('commander', 'reopen an incident'),
  '/incident sev': rule('commander', 'change the severity'),
  '/incident role': rule('member', 'take a free role'),
  '/incident role:held': rule('commander', 'give a role someone else holds'),
  '/incident role:commander': rule('commander', 'change the commander'),
  '/incident update': rule('member', 'post a status update'),
  '/incident note': rule('member', 'add a note to the timeline'),
  '/incident resolve': rule('member', 'resolve an incident'),
  '/incident close': rule('commander', 'close an incident'),
  '/incident visibility': rule('member', 'change who can see an incident'),
  '/incident visibility:public': rule('commander', 'make a private incident public'),
  '/incident playbook': rule('member', 'attach, switch or show the playbook'),
  '/incident flag': rule('member', 'set or clear incident flags'),
  '/incident clock': rule('member', 'record a clock event'),
  '/incident regime': rule('member', 'list or apply notification regimes'),
  '/incident regime:remove': rule('approver', 'remove an applied notification regime'),
  '/incident deadlines': rule('member', 'show the deadline board'),
  '/incident entity': rule('member', 'show which legal entity the deadlines are computed for'),
  '/incident entity:set': rule('approver', 'choose the legal entity an incident\'s deadlines are computed for'),
  '/incident notify': rule('member', 'draft a regulator or customer notice'),
  '/incident submitted': rule('member', 'record that an approved notice was submitted'),
  '/incident notnotifiable': rule('approver', 'record that a notification is not required'),
  'notice:approve': rule('approver', 'approve a notice'),
  'notice:changes': rule('approver', 'send a notice back for changes'),
  'playbook:step': rule('member', 'tick, skip or assign a playbook step'),
  '/incident page': rule('member', 'page the on-call of a PagerDuty service'),
  '/incident oncall': rule('anyone', 'see who is on call'),
  '/incident timeline': rule('member', 'read the timeline'),
  '/incident pir': rule('member', 'see or draft the post-incident review'),
  '/incident pir:schedule': rule('commander', 'schedule the post-incident review'),
  '/incident pir:owner': rule('commander', 'give the post-incident review to someone else'),
  '/incident pir:done': rule('commander', 'record the post-incident review as done'),
  '/incident pir:waive': rule('approver', 'waive a post-incident review'),
  '/incident action': rule('member', 'add or list action items'),
  '/incident action:others': rule('commander', "change someone else's action item"),
  '/warden whoami': rule('anyone', 'see your Warden roles'),
  '/warden digest': rule('manager', "see the managers' digest"),
  '/patch add': rule('anyone', 'record a finding to patch'),
  '/patch list': rule('anyone', 'list findings'),
  '/patch show': rule('anyone', 'see a finding'),
  '/patch done': rule('anyone', 'close a finding with evidence'),
  '/patch owner': rule('anyone', 'give a finding to someone else'),
  '/patch severity': rule('manager', "change a finding's severity"),
  '/patch accept': rule('anyone', 'ask for a risk acceptance'),
  '/patch import': rule('manager', 'import scanner findings'),
  'patch:others': rule('manager', "change someone else's finding"),
  'patch:approve': rule('approver', 'approve or refuse a risk acceptance'),
  '/access-review list': rule('anyone', 'list access reviews and controls'),
  '/access-review add': rule('manager', 'add a system or control to review'),
  '/access-review done': rule('anyone', 'record a review or control as done'),
  '/access-review owner': rule('manager', 'give a review or control to someone else'),
  'access-review:others': rule('manager', "record someone else's review as done"),
} as const satisfies Record<string, PermissionRule>;

export type Permission = keyof typeof PERMISSIONS;

export const isPermission = (key: string): key is Permission => Object.hasOwn(PERMISSIONS, key);

/** The row of a root command's verb, or null when the table has none (the verb is then refused). */
export function verbRule(root: string, verb: string): PermissionRule | null {
  const key = `${root} ${verb}`;
  return isPermission(key) ? PERMISSIONS[key] : null;
}
