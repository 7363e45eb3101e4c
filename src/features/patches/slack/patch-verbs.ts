import { WardenError } from '../../../platform/errors.js';
import { parseUserRef, wordParser } from '../../../adapters/slack/commands/args.js';
import { reply, type CommandContext, type Verb } from '../../../adapters/slack/commands/registry.js';
import { escapeMrkdwn, mention, slackDate } from '../../../adapters/slack/escape.js';
import { requestAcceptance } from '../app/accept-risk.js';
import { addFinding } from '../app/add-finding.js';
import { changeOwner, changeSeverity, completeFinding, requireFinding } from '../app/change-finding.js';
import type { PatchDeps } from '../app/deps.js';
import { isOverdue } from '../domain/finding.js';
import { PATCH_SEVERITIES } from '../domain/patch-severity.js';
import { basisText } from '../domain/sla.js';
import { findingDetail, findingLine, listMessage } from './patch-texts.js';

const USAGE = {
  add: 'add <id> <critical|high|medium|low> @owner <asset> [description] [--discovered YYYY-MM-DD]',
  list: 'list [mine|overdue|all]',
  show: 'show <id>',
  done: 'done <id> <evidence>',
  severity: 'severity <id> <critical|high|medium|low> <reason>',
  owner: 'owner <id> @person',
  accept: 'accept <id> <until YYYY-MM-DD> <reason>',
} as const;
type Sub = keyof typeof USAGE;
const usage = (sub: Sub) => `/patch ${USAGE[sub]}`;
const words = (args: string) => args.split(/\s+/).filter(Boolean);
const LIST_LIMIT = 100;

function needId(word: string | undefined, sub: Sub): string {
  if (!word) throw new WardenError('bad_input', `Name the finding. Usage: \`${usage(sub)}\``);
  return word;
}

/** `--discovered DATE` taken out of the words, wherever it is. */
function takeDiscovered(ws: string[]): string | null {
  const at = ws.findIndex((w) => w === '--discovered' || w.startsWith('--discovered='));
  if (at === -1) return null;
  const [flag] = ws.splice(at, 1) as [string];
  if (flag.includes('=')) return flag.slice(flag.indexOf('=') + 1);
  const value = ws.splice(at, 1)[0];
  if (!value) throw new WardenError('bad_input', `\`--discovered\` takes a date YYYY-MM-DD. Usage: \`${usage('add')}\``);
  return value;
}

type Run = (deps: PatchDeps, ctx: CommandContext) => ReturnType<typeof reply>;

const RUNS: Record<Sub, Run> = {
  add(deps, ctx) {
    const ws = words(ctx.args);
    const discovered = takeDiscovered(ws);
    const [id, sev, owner, asset, ...rest] = ws;
    const severity = wordParser(PATCH_SEVERITIES, 'severity', usage('add'))(sev);
    if (!owner) throw new WardenError('bad_input', `An owner is required: mention them with @. Usage: \`${usage('add')}\``);
    const ownerId = parseUserRef(owner, usage('add'));
    if (!asset) throw new WardenError('bad_input', `Name the asset (a host, an image, a repository). Usage: \`${usage('add')}\``);
    const f = addFinding(deps, ctx.userId, { id: needId(id, 'add'), severity, owner: ownerId, asset, description: rest.join(' '), discovered });
    const why = basisText(f.dueBasis);
    return reply(`Added *${escapeMrkdwn(f.id)}* (${f.severity}) on ${escapeMrkdwn(f.asset)} for ${mention(f.owner)}, due ${slackDate(f.dueAt)}${why ? ` (${escapeMrkdwn(why)})` : ''}. Reminders go to ${mention(f.owner)} by DM.`);
  },
  list(deps, ctx) {
    const which = wordParser(['mine', 'overdue', 'all'] as const, 'list', usage('list'))(words(ctx.args)[0] ?? 'mine');
    const now = deps.clock.now();
    const found = which === 'mine' ? deps.patches.openOwnedBy(ctx.userId, LIST_LIMIT) : which === 'overdue' ? deps.patches.overdue(now, LIST_LIMIT) : deps.patches.open(LIST_LIMIT);
    const title = { mine: 'Your open findings', overdue: 'Overdue findings', all: 'Open findings' }[which];
    if (found.length === 0) return reply(`${title}: none.`);
    const overdue = found.filter((f) => isOverdue(f, now)).length;
    return listMessage(`*${title}* (${found.length}${found.length === LIST_LIMIT ? '+' : ''}, ${overdue} overdue)`, found.map((f) => findingLine(f, now)));
  },
  show(deps, ctx) {
    const f = requireFinding(deps, needId(words(ctx.args)[0], 'show'));
    return findingDetail(f, deps.patches.acceptancesOf(f.id), deps.clock.now());
  },
  done(deps, ctx) {
    const [id, ...evidence] = words(ctx.args);
    const f = completeFinding(deps, ctx.userId, needId(id, 'done'), evidence.join(' '));
    return reply(`:white_check_mark: *${escapeMrkdwn(f.id)}* is done, ${f.closedWithinSla ? 'within' : 'after'} its SLA (due ${slackDate(f.dueAt)}).`);
  },
  severity(deps, ctx) {
    const [id, sev, ...reason] = words(ctx.args);
    const severity = wordParser(PATCH_SEVERITIES, 'severity', usage('severity'))(sev);
    const f = changeSeverity(deps, ctx.userId, needId(id, 'severity'), severity, reason.join(' '));
    return reply(`*${escapeMrkdwn(f.id)}* is now ${f.severity}, due ${slackDate(f.dueAt)} (counted from its discovery ${slackDate(f.discoveredAt)}).`);
  },
  owner(deps, ctx) {
    const [id, person, ...extra] = words(ctx.args);
    if (!person || extra.length) throw new WardenError('bad_input', `Name one person. Usage: \`${usage('owner')}\``);
    const f = changeOwner(deps, ctx.userId, needId(id, 'owner'), parseUserRef(person, usage('owner')));
    return reply(`*${escapeMrkdwn(f.id)}* is now ${mention(f.owner)}'s, due ${slackDate(f.dueAt)}; reminders go to them.`);
  },
  accept(deps, ctx) {
    const [id, until, ...reason] = words(ctx.args);
    if (!until) throw new WardenError('bad_input', `Say until when. Usage: \`${usage('accept')}\``);
    const a = requestAcceptance(deps, ctx.userId, needId(id, 'accept'), until, reason.join(' '));
    return reply(`Asked the approvers for risk acceptance #${a.id} of *${escapeMrkdwn(a.findingId)}* until ${slackDate(a.until)}. Reminders continue until it is approved.`);
  },
};

const SUMMARY: Record<Sub, string> = {
  add: 'record a finding; due from its severity’s SLA',
  list: 'open findings: yours (default), overdue, or all',
  show: 'one finding, its due basis and acceptances',
  done: 'close a finding with evidence',
  severity: 'change the severity (managers); due recomputed from discovery',
  owner: 'give a finding to someone else',
  accept: 'ask an approver to accept the risk until a date',
};

/** The `/patch` verbs: parse, call one use case, reply (ephemeral). */
export function patchVerbs(deps: PatchDeps): Verb[] {
  return (Object.keys(RUNS) as Sub[]).map((name) => ({
    name,
    help: { usage: USAGE[name], summary: SUMMARY[name], inChannel: false },
    run: (ctx) => RUNS[name](deps, ctx),
  }));
}
