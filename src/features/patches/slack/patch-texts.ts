/** What Warden says about findings: list lines, the detail view, DMs, the managers' posts. Pure builders; user text escaped. */
import type { KnownBlock } from '@slack/types';
import { escapeMrkdwn, mention, slackDate, truncate } from '../../../adapters/slack/escape.js';
import type { Acceptance } from '../domain/acceptance.js';
import { isAccepted, isOverdue, type Finding } from '../domain/finding.js';
import { basisText } from '../domain/sla.js';
import type { DmPayload } from '../app/payloads.js';

export const ACCEPTANCE_ACTIONS = { approve: 'patch.acceptance_approve', refuse: 'patch.acceptance_refuse' } as const;

type Message = { text: string; blocks: KnownBlock[] };
const section = (text: string): KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text: truncate(text, 3000) } });
const message = (text: string): Message => ({ text: truncate(text, 3000), blocks: [section(text)] });

/** How late, in whole days past a day, else hours, else minutes. */
function late(ms: number): string {
  const [n, unit] = ms >= 86_400_000 ? [Math.floor(ms / 86_400_000), 'day'] : ms >= 3_600_000 ? [Math.floor(ms / 3_600_000), 'hour'] : [Math.max(1, Math.floor(ms / 60_000)), 'minute'];
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

const kevNote = (f: Finding): string => {
  const why = basisText(f.dueBasis);
  return why ? ` · :fire: ${escapeMrkdwn(why)}` : '';
};

/** The state in a few words: done, accepted until, overdue by, or due. */
export function stateOf(f: Finding, now: Date): string {
  if (f.status === 'done') return `:white_check_mark: done by ${mention(f.doneBy ?? f.owner)}${f.closedWithinSla ? ' within its SLA' : ' after its SLA'}`;
  if (isAccepted(f, now)) return `:pause_button: risk accepted until ${slackDate(f.acceptedUntil as Date)}`;
  if (isOverdue(f, now)) return `:warning: *overdue by ${late(now.getTime() - f.dueAt.getTime())}* (due ${slackDate(f.dueAt)})`;
  return `due ${slackDate(f.dueAt)}`;
}

/** One line per finding. */
export const findingLine = (f: Finding, now: Date): string =>
  `• *${escapeMrkdwn(f.id)}* ${f.severity} · ${escapeMrkdwn(truncate(f.asset, 80))} · ${mention(f.owner)} · ${stateOf(f, now)}${kevNote(f)}`;

/** A list as sections of at most 3,000 characters, at most 40 of them. */
export function listMessage(title: string, lines: readonly string[]): Message {
  const chunks = lines.reduce<string[]>((acc, line) => {
    const tail = acc.at(-1) as string;
    return tail.length + line.length + 1 > 3000 ? [...acc, line] : [...acc.slice(0, -1), `${tail}\n${line}`];
  }, [title]);
  return { text: title, blocks: chunks.slice(0, 40).map(section) };
}

/** `/patch show`: everything about one finding, its acceptances included. */
export function findingDetail(f: Finding, acceptances: readonly Acceptance[], now: Date): Message {
  const lines = [
    `*${escapeMrkdwn(f.id)}* (${f.severity}) on *${escapeMrkdwn(f.asset)}*${f.package ? `, package \`${escapeMrkdwn(f.package)}\`` : ''}`,
    f.description ? escapeMrkdwn(f.description) : null,
    `Owner ${mention(f.owner)} · discovered ${slackDate(f.discoveredAt)} · ${stateOf(f, now)}`,
    basisText(f.dueBasis) ? `:fire: ${escapeMrkdwn(basisText(f.dueBasis) as string)}, due ${slackDate(f.dueAt)}` : null,
    f.cves.length ? `CVEs: ${f.cves.map(escapeMrkdwn).join(', ')}` : null,
    f.evidence ? `Evidence: ${escapeMrkdwn(truncate(f.evidence, 500))}` : null,
    ...acceptances.map((a) => `Acceptance #${a.id} (${a.status}) until ${slackDate(a.until)}, asked by ${mention(a.requestedBy)}${a.decidedBy ? `, decided by ${mention(a.decidedBy)}` : ''}: ${escapeMrkdwn(truncate(a.reason, 300))}`),
  ];
  return message(lines.filter((l): l is string => l !== null).join('\n'));
}

/** The owner's reminder: the finding, its due time, which reminder of how many, and how to close it. */
export function reminderDm(f: Finding, p: Extract<DmPayload, { type: 'reminder' }>, now: Date): Message {
  const when = p.kind === 'overdue' ? `It is *overdue by ${late(now.getTime() - f.dueAt.getTime())}* (it was due ${slackDate(f.dueAt)}).` : p.kind === 'due' ? `It is due *now* (${slackDate(f.dueAt)}).` : `It is due ${slackDate(f.dueAt)}.`;
  return message(
    [`:alarm_clock: Your ${f.severity} finding *${escapeMrkdwn(f.id)}* on ${escapeMrkdwn(f.asset)}: ${escapeMrkdwn(truncate(f.description, 300))}`, `${when} Reminder ${p.n + 1} of ${p.total}.${kevNote(f)}`, `When it is patched: \`/patch done ${escapeMrkdwn(f.id)} &lt;evidence&gt;\``].join('\n'),
  );
}

/** What the requester (approved, refused) or the owner (expired) is told of an acceptance. */
export function acceptanceDm(a: Acceptance, f: Finding, outcome: 'approved' | 'refused' | 'expired', now: Date): Message {
  if (outcome === 'approved') return message(`:white_check_mark: Risk acceptance #${a.id} of *${escapeMrkdwn(f.id)}* was approved by ${mention(a.decidedBy ?? '')}: no reminders until ${slackDate(a.until)}.`);
  if (outcome === 'refused') return message(`:no_entry: Risk acceptance #${a.id} of *${escapeMrkdwn(f.id)}* was refused by ${mention(a.decidedBy ?? '')}: it stays ${stateOf(f, now)}.`);
  return message(`:hourglass: Risk acceptance #${a.id} of *${escapeMrkdwn(f.id)}* has ended: the finding is ${stateOf(f, now)} again. Reminders resume.`);
}

/** The approvers' request in the managers' channel: Approve / Refuse while pending, the decision once taken. */
export function acceptanceRequest(a: Acceptance, f: Finding, approvers: { names: readonly string[]; configured: boolean }): Message {
  const head = `:scales: *Risk acceptance #${a.id}* of *${escapeMrkdwn(f.id)}* (${f.severity}, ${escapeMrkdwn(f.asset)}), owner ${mention(f.owner)}\nAsked by ${mention(a.requestedBy)} until ${slackDate(a.until)}: ${escapeMrkdwn(truncate(a.reason, 500))}`;
  if (a.status !== 'pending') return message(`${head}\n*${a.status}*${a.decidedBy ? ` by ${mention(a.decidedBy)}` : ''}.`);
  const who = approvers.configured
    ? `Approvers: ${approvers.names.join(', ')}; never the one who asked.`
    : `No approver is configured in warden.yaml, so Warden admins decide (${approvers.names.join(', ') || 'none configured'}); never the one who asked.`;
  const buttons: KnownBlock = {
    type: 'actions',
    block_id: `patch-acceptance-${a.id}`,
    elements: [
      { type: 'button', action_id: ACCEPTANCE_ACTIONS.approve, style: 'primary', text: { type: 'plain_text', text: 'Approve' }, value: String(a.id) },
      { type: 'button', action_id: ACCEPTANCE_ACTIONS.refuse, style: 'danger', text: { type: 'plain_text', text: 'Refuse' }, value: String(a.id) },
    ],
  };
  return { text: truncate(head, 3000), blocks: [section(head), { type: 'context', elements: [{ type: 'mrkdwn', text: truncate(who, 3000) }] }, buttons] };
}

/** The managers' channel hears of a finding still open after `escalateAfter`. */
export const escalationMessage = (f: Finding, now: Date): Message =>
  message(`:rotating_light: ${f.severity} finding *${escapeMrkdwn(f.id)}* on ${escapeMrkdwn(f.asset)} is *overdue by ${late(now.getTime() - f.dueAt.getTime())}*\nOwner: ${mention(f.owner)}, due ${slackDate(f.dueAt)}.${kevNote(f)}`);
