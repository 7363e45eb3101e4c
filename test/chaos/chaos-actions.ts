/**
 * The chaos run's workload: what a responder does in an incident, each as the requests Slack would send, with
 * what counts as Warden's acknowledgement and what must hold in the database afterwards.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { parse as parseYaml } from 'yaml';
import { repoPath } from '../support/repo-path.js';
import { encodeStepRef } from '../../src/features/playbooks/slack/blocks/playbook-text.js';
import { sendBlockAction, sendSlashCommand, sendViewSubmission, type SlackReply } from '../support/stand-ins/slack/requests/index.js';
import { makeTriggerId, type SlackStandIn } from '../support/stand-ins/slack/index.js';
import { withDb } from './chaos-checks.js';

export const SECRET = 'chaos-run-signing-secret';
export const USERS = ['UALICE', 'UBOB', 'UCAROL'];
/** The one notice approver in the run's warden.yaml. */
export const APPROVER = 'ULEGAL01';

export type Expectation = { what: string; holds: (db: Database.Database) => boolean };

/** Warden's answer to an action: its ack's body, and what it said later through the response_url (null: nothing yet). */
export interface Reply {
  ack: string;
  later: string | null;
}

/** What the workload does: `done` is a checklist tick; notify, approve and submitted are a notice's three steps. */
export const ACTION_KINDS = ['declare', 'note', 'update', 'role', 'clock', 'regime', 'done', 'notify', 'approve', 'submitted'] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];

export interface Action {
  kind: ActionKind;
  user: string;
  channel: string;
  /** Sends the action's request(s) with the response_url Slack would give it; resolves to its ack (or null on failure). */
  send(url: string, responseUrl: string): Promise<SlackReply | null>;
  /** A Done click succeeds silently (the checklist updates); a refusal comes by response_url. */
  silentWhenDone?: boolean;
  acked(reply: Reply): boolean;
  expect: Expectation;
}

type Pick = <T>(xs: readonly T[]) => T;
const said = (r: Reply, text: string) => r.ack.includes(text) || (r.later ?? '').includes(text);

function command(kind: ActionKind, text: string, user: string, channel: string, answer: string | string[], expect: Expectation): Action {
  const answers = Array.isArray(answer) ? answer : [answer];
  return {
    kind, user, channel, expect,
    send: (url, responseUrl) => sendSlashCommand(url, SECRET, { command: '/incident', text, userId: user, channelId: channel, triggerId: makeTriggerId(user), responseUrl }),
    acked: (r) => answers.some((a) => said(r, a)),
  };
}

export function declareAction(n: number, user: string, paged: (title: string) => boolean): Action {
  const title = `Chaos incident ${n}`;
  return command('declare', `declare sev2 ${title}`, user, 'CGENERAL', ':rotating_light: Declared', {
    what: `incident "${title}" and its page`,
    holds: (db) => db.prepare('SELECT 1 FROM incidents WHERE title = ?').get(title) !== undefined && paged(title),
  });
}

/** A note, an update, a role, a regime or a clock event in an incident's channel. */
export function channelCommand(n: number, roll: number, pick: Pick, id: string, channel: string, user: string): Action {
  const row = (sql: string, ...args: unknown[]) => (db: Database.Database) => db.prepare(sql).get(...args) !== undefined;
  if (roll < 0.3) {
    const note = `chaos note ${n}`;
    return command('note', `note ${note}`, user, channel, 'Noted in the timeline.', { what: `note "${note}" of ${id}`, holds: row("SELECT 1 FROM timeline WHERE incident_id = ? AND text LIKE '%' || ? || '%'", id, note) });
  }
  if (roll < 0.55) {
    const text = `chaos update ${n}`;
    return command('update', `update ${text}`, user, channel, 'Update posted.', { what: `update "${text}" of ${id}`, holds: row("SELECT 1 FROM timeline WHERE incident_id = ? AND text LIKE '%' || ? || '%'", id, text) });
  }
  if (roll < 0.7) {
    const who = pick(USERS);
    return command('role', `role scribe <@${who}>`, user, channel, 'Role *scribe* assigned.', { what: `scribe ${who} of ${id}`, holds: row("SELECT 1 FROM timeline WHERE incident_id = ? AND text LIKE '%scribe%'", id) });
  }
  if (roll < 0.85) {
    return command('regime', 'regime add gdpr', user, channel, ['Applied *', 'already applied'], { what: `gdpr applied to ${id}`, holds: row("SELECT 1 FROM incident_regimes WHERE incident_id = ? AND regime_id = 'gdpr'", id) });
  }
  return command('clock', 'clock became_aware', user, channel, ['Recorded `became_aware`', 'already recorded'], { what: `became_aware of ${id}`, holds: row("SELECT 1 FROM clock_events WHERE incident_id = ? AND event = 'became_aware'", id) });
}

/** Steps a Done click closes at once (no evidence asked for), by playbook id, from the shipped playbooks. */
const CLICKABLE: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  readdirSync(repoPath('playbooks'))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => parseYaml(readFileSync(join(repoPath('playbooks'), f), 'utf8')) as { id: string; phases: Record<string, { id: string; evidence?: string; when?: unknown }[]> })
    .map((pb) => [pb.id, new Set(Object.values(pb.phases).flat().filter((st) => st.evidence !== 'required' && st.when === undefined).map((st) => st.id))]),
);

/**
 * A click on Done of an open step that a click closes at once, by the declarer (a member of the channel: Warden
 * refuses a tick from anyone else), or null when the incident has none.
 */
export function tickAction(dbPath: string, pick: Pick, id: string, channel: string): Action | null {
  const user = withDb(dbPath, (db) => db.prepare<[string], string>('SELECT declared_by FROM incidents WHERE id = ?').pluck().get(id))!;
  const stepId = withDb(dbPath, (db) => {
    const playbook = db.prepare<[string], string>('SELECT playbook_id FROM incident_playbooks WHERE incident_id = ?').pluck().get(id);
    if (!playbook) return null;
    const closed = new Set(db.prepare<[string], string>("SELECT step_id FROM playbook_steps WHERE incident_id = ? AND status <> 'open'").pluck().all(id));
    const open = [...(CLICKABLE.get(playbook) ?? [])].filter((st) => !closed.has(st));
    return open.length > 0 ? pick(open) : null;
  });
  if (!stepId) return null;
  const value = encodeStepRef({ incidentId: id, stepId });
  return {
    kind: 'done', user, channel, silentWhenDone: true,
    send: (url, responseUrl) => sendBlockAction(url, SECRET, { actionId: 'playbook.done', value, userId: user, channelId: channel, messageTs: '1.0', responseUrl }),
    // Success says nothing (the checklist message changes); a refusal (not a member, not a step) answers by response_url.
    acked: (r) => r.later === null,
    expect: { what: `step ${stepId} of ${id} done`, holds: (db) => db.prepare("SELECT 1 FROM playbook_steps WHERE incident_id = ? AND step_id = ? AND status = 'done'").get(id, stepId) !== undefined },
  };
}

interface OpenedView {
  callback_id: string;
  private_metadata: string;
  blocks: { block_id?: string; element?: { initial_value?: string; initial_option?: unknown } }[];
}

/**
 * The approver records an approved GDPR notice of any open incident as submitted, overriding what the chaos draft
 * left to complete; null when no approved one waits.
 */
export function submittedAction(n: number, dbPath: string): Action | null {
  const waiting = withDb(dbPath, (db) => db.prepare<[], { id: string; channel: string }>(`SELECT i.id, i.channel_id AS channel FROM notices n JOIN incidents i ON i.id = n.incident_id
    WHERE n.status = 'approved' AND n.regime_id = 'gdpr' AND n.stage_id = 'supervisory_authority' AND i.status <> 'closed' AND i.channel_id IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM stage_submissions s WHERE s.incident_id = n.incident_id AND s.regime_id = 'gdpr' AND s.stage_id = 'supervisory_authority') LIMIT 1`).get());
  if (!waiting) return null;
  const { id, channel } = waiting;
  const reference = `CHAOS-${n}`;
  return command('submitted', `submitted gdpr:supervisory_authority ${reference} --override "the chaos run's drafts keep their placeholders"`, APPROVER, channel, 'as submitted (reference', {
    what: `gdpr:supervisory_authority of ${id} submitted as ${reference}`,
    holds: (db) => db.prepare("SELECT 1 FROM stage_submissions WHERE incident_id = ? AND regime_id = 'gdpr' AND stage_id = 'supervisory_authority' AND reference = ?").get(id, reference) !== undefined,
  });
}

/** A pending notice of any open incident approved by the approver (never their own draft), or null when none waits. */
export function approveAction(dbPath: string, pick: Pick): Action | null {
  const pending = withDb(dbPath, (db) => db.prepare<[string], { id: number; ts: string; incident: string; channel: string }>(`SELECT n.id, n.message_ts AS ts, i.id AS incident, i.channel_id AS channel FROM notices n JOIN incidents i ON i.id = n.incident_id
    WHERE n.status = 'pending' AND n.message_ts IS NOT NULL AND n.drafted_by <> ? AND i.status <> 'closed' AND i.channel_id IS NOT NULL`).all(APPROVER));
  if (pending.length === 0) return null;
  const notice = pick(pending);
  return {
    kind: 'approve', user: APPROVER, channel: notice.channel,
    send: (url, responseUrl) => sendBlockAction(url, SECRET, { actionId: 'clocks.notice_approve', value: String(notice.id), userId: APPROVER, channelId: notice.channel, messageTs: notice.ts, responseUrl }),
    acked: (r) => said(r, `Notice #${notice.id} approved.`),
    expect: { what: `notice #${notice.id} of ${notice.incident} approved`, holds: (db) => db.prepare("SELECT 1 FROM notices WHERE id = ? AND status = 'approved'").get(notice.id) !== undefined },
  };
}

/** An open incident under GDPR with no supervisory-authority notice drafted yet, so the notice steps reach GDPR's. */
export function gdprDraftTarget(dbPath: string): { id: string; channel: string } | null {
  return withDb(dbPath, (db) => db.prepare<[], { id: string; channel: string }>(`SELECT i.id, i.channel_id AS channel FROM incident_regimes r JOIN incidents i ON i.id = r.incident_id
    WHERE r.regime_id = 'gdpr' AND i.status <> 'closed' AND i.channel_id IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM notices n WHERE n.incident_id = i.id AND n.regime_id = 'gdpr' AND n.stage_id = 'supervisory_authority') LIMIT 1`).get() ?? null);
}

/** `/incident notify` (the GDPR stage's template once GDPR applies), then its modal submitted with a mark in its text. */
export function notifyAction(n: number, slack: SlackStandIn, dbPath: string, id: string, channel: string, user: string): Action {
  const gdpr = withDb(dbPath, (db) => db.prepare("SELECT 1 FROM incident_regimes WHERE incident_id = ? AND regime_id = 'gdpr'").get(id) !== undefined);
  const what = gdpr ? 'gdpr:supervisory_authority' : 'customer-initial';
  const mark = `[chaos ${n}]`;
  const send = async (url: string, responseUrl: string): Promise<SlackReply | null> => {
    const before = slack.calls('views.open').length;
    const typed = await sendSlashCommand(url, SECRET, { command: '/incident', text: `notify ${what}`, userId: user, channelId: channel, triggerId: makeTriggerId(user), responseUrl });
    if (typed.status !== 200) return null;
    const view = await openedView(slack, before);
    if (!view) return null;
    const text = `${view.blocks.find((b) => b.block_id === 'text')?.element?.initial_value ?? ''}\n${mark}`;
    // Slack sends a select's initial option as its selected one when the person leaves it.
    const stage = view.blocks.find((b) => b.block_id === 'stage')?.element?.initial_option ?? null;
    const values = { text: { text: { type: 'plain_text_input', value: text } }, stage: { stage: { type: 'static_select', selected_option: stage } } };
    return sendViewSubmission(url, SECRET, { callbackId: view.callback_id, privateMetadata: view.private_metadata, values, userId: user });
  };
  return {
    kind: 'notify', user, channel, send,
    // A view submission's ack is empty when accepted, `{"response_action":"errors",...}` when refused.
    acked: (r) => !r.ack.includes('"errors"'),
    expect: { what: `notice ${mark} (${what}) of ${id}`, holds: (db) => db.prepare("SELECT 1 FROM notices WHERE incident_id = ? AND text LIKE '%' || ? || '%'").get(id, mark) !== undefined },
  };
}

async function openedView(slack: SlackStandIn, before: number): Promise<OpenedView | undefined> {
  for (let i = 0; i < 40; i++) {
    const view = slack.calls('views.open').slice(before).find((c) => c.ok)?.args.view as OpenedView | undefined;
    if (view) return view;
    await new Promise((r) => setTimeout(r, 50));
  }
  return undefined;
}
