import { declareIncident } from '../app/declare-incident.js';
import { channelNameFor } from '../domain/channel-name.js';
import type { Incident } from '../domain/incident.js';
import type { Visibility } from '../domain/visibility.js';
import { looksLikeSeverity } from '../domain/vocabulary.js';
import { WardenError } from '../../../platform/errors.js';
import { declareModal } from './blocks/declare-modal.js';
import { escapeMrkdwn } from '../../../adapters/slack/escape.js';
import { parseIncidentType, severityParser } from './incident-args.js';
import { afterAck, reply, type Verb } from '../../../adapters/slack/commands/registry.js';

const FLAGS = ['--drill', '--private', '--public'];

/** `/incident declare [severity] [--type <type>] [--drill] [--private|--public] <title>`; no text opens the form. */
export const declare: Verb = {
  name: 'declare',
  help: { usage: 'declare [severity] [--type <type>] [--drill] [--private|--public] <title>', summary: 'declare an incident (no text opens a form)', inChannel: false },
  // With text it opens no form, and a second delivery finds the incident its request key made: nothing to record.
  repeatSafe: (args) => args.trim() !== '',
  run(ctx) {
    const { words, drill, type, visibility } = declareOptions(ctx.args);
    if (words.length === 0 && !drill && !type && !visibility) {
      const view = declareModal(ctx.deps.policy.severities, ctx.deps.policy.privateTypes);
      return afterAck(async (slack) => {
        await slack.views.open({ trigger_id: ctx.triggerId, view });
        return null;
      });
    }
    const ids = ctx.deps.policy.severities.map((s) => s.id);
    // A first word shaped like a severity is one: an unconfigured `sev1` is refused, not made part of the title.
    const severity = looksLikeSeverity(words[0] ?? '', ids)
      ? severityParser(ids, `/incident declare [${ids.join('|')}] <title>`)(words.shift())
      : ctx.deps.policy.defaultSeverity;
    const input = { title: words.join(' '), severity, drill, type: type ?? (drill ? 'drill' : 'security'), requestKey: ctx.requestKey, ...(visibility ? { visibility } : {}) } as const;
    const { incident, duplicate } = declareIncident(ctx.deps, { userId: ctx.userId }, input);
    const name = incident.channelName ?? channelNameFor(incident, ctx.deps.policy.timeZone);
    if (duplicate) return reply(`You already declared *${incident.id}* (${escapeMrkdwn(incident.title)}) moments ago: #${name}. Nothing new was created.`);
    const declared = `:rotating_light: Declared *${incident.id}* (${facts(incident)}): ${escapeMrkdwn(incident.title)}. You are the commander; #${name} is being set up and you will be invited.`;
    return reply([declared, ...declareNotes(ctx.deps, incident)].join('\n'));
  },
};

/** What a new incident gets that the declarer should know: the other features' lines, and a drill's exclusion. */
function declareNotes(deps: { declareNotes?: ReadonlyArray<(incident: Incident) => string | null> }, incident: Incident): string[] {
  const notes = (deps.declareNotes ?? []).map((note) => note(incident)).filter((n): n is string => n !== null);
  return incident.drill ? [...notes, DRILL_NOTE] : notes;
}

/** Told once, where the drill is declared, so nobody wonders why the dashboards did not move. */
const DRILL_NOTE = ':performing_arts: This is a drill: it is left out of every metric (`warden_incidents_open`, response times on `/metrics` and in `warden metrics`, the digests\' open counts) and pages nobody.';

function facts(incident: Incident): string {
  const lock = incident.private ? ', private: only its members see it' : '';
  // A drill of type drill reads "sev1, drill", not "sev1, drill, drill".
  return `${incident.severity}${incident.drill && incident.type !== 'drill' ? ', drill' : ''}, ${incident.type}${lock}`;
}

/** `--drill`, `--private`, `--public` and `--type <type>` anywhere in the declare text; the other words are severity and title. */
function declareOptions(args: string) {
  const words = args.split(/\s+/).filter(Boolean);
  const at = words.indexOf('--type');
  const type = at === -1 ? undefined : parseIncidentType(words[at + 1]);
  const wantsPrivate = words.includes('--private');
  const wantsPublic = words.includes('--public');
  if (wantsPrivate && wantsPublic) throw new WardenError('bad_input', 'An incident is either `--private` or `--public`, not both.');
  const visibility: Visibility | undefined = wantsPrivate ? 'private' : wantsPublic ? 'public' : undefined;
  const rest = words.filter((w, i) => !FLAGS.includes(w) && (at === -1 || (i !== at && i !== at + 1)));
  return { words: rest, drill: words.includes('--drill'), type, visibility };
}
