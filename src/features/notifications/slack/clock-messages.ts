/** Renders the clocks module's queued messages. User text is escaped here, the last step before Slack. */
import type { KnownBlock } from '@slack/types';
import type { ClockCatalog } from '../app/clocks/clock-catalog.js';
import type { ClockMessage } from '../app/clocks/clock-outbox.js';
import { formatTimeLeft } from '../domain/deadlines/format-instant.js';
import type { Incident } from '../../incidents/index.js';
import type { SlackMessage } from '../../incidents/index.js';
import { channelLink, escapeMrkdwn, mention, truncate } from '../../../adapters/slack/escape.js';
import { applyLabel, dueText } from './clock-text.js';

export const SUGGESTION_ACTIONS = { apply: 'clocks.apply_regime' } as const;

const section = (text: string): KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text: truncate(text, 3000) } });

export function renderClockMessage(catalog: ClockCatalog, incident: Incident, m: ClockMessage): SlackMessage {
  const name = (regimeId: string) => escapeMrkdwn(catalog.entries.get(regimeId)?.regime.name ?? regimeId);
  const stage = (regimeId: string, stageId: string) => `*${name(regimeId)} · ${escapeMrkdwn(stageId)}*`;
  const where = incident.channelId ? channelLink(incident.channelId) : incident.id;
  // A tabletop drill rehearses the clocks too; whoever reads a reminder must see at once it is an exercise.
  const drill = incident.drill ? ':performing_arts: *DRILL, not a real incident.* ' : '';
  const text = ((): string => {
    switch (m.type) {
      case 'regime_suggested':
        return `:scales: The flags of *${incident.id}* suggest *${name(m.regimeId)}* (\`${m.regimeId}\`): ${escapeMrkdwn(m.why)}. Only a suggestion: apply it if it fits, after checking with legal.`;
      case 'regime_applied':
        return `:scales: ${mention(m.by)} applied *${name(m.regimeId)}* (\`${m.regimeId}\`)${m.viaSuggestion ? ', confirming the suggestion' : ''}. Its deadlines are on the pinned board (\`/incident deadlines\`).`;
      case 'regime_removed':
        return `:scales: ${mention(m.by)} removed *${name(m.regimeId)}* (\`${m.regimeId}\`) from ${incident.id}.`;
      case 'deadline_reminder':
        return drill + reminderText(m, stage(m.regimeId, m.stageId), incident, where, catalog);
      case 'deadline_overdue':
        return `${drill}:red_circle: *${incident.id}* (${where}): ${stage(m.regimeId, m.stageId)} is *overdue* (${formatTimeLeft(m.timeLeftMs)}), was due ${dueText(new Date(m.due), m.zone ?? zoneOf(catalog, m.regimeId))}. Comms lead: ${mention(m.commsLead)}.`;
      case 'not_notifiable':
        return `:heavy_minus_sign: ${mention(m.by)} recorded ${stage(m.regimeId, m.stageId)} as *not notifiable*. Rationale: ${escapeMrkdwn(m.reason)}`;
      case 'backstop_unknown':
        return `${drill}:warning: *${incident.id}* (${where}): ${stage(m.regimeId, m.stageId)} runs, but \`${escapeMrkdwn(m.missing)}\` is not recorded, so its ${escapeMrkdwn(m.offset)} backstop from \`${escapeMrkdwn(m.missing)}\` is unknown and may be earlier than the due time shown. ${mention(m.commsLead)}, when did it happen? Record it: \`/incident clock ${escapeMrkdwn(m.missing)} &lt;time&gt;\``;
      case 'submitted':
        return `:large_green_circle: ${mention(m.by)} recorded ${stage(m.regimeId, m.stageId)} as *submitted*, reference ${escapeMrkdwn(m.reference)}${m.noticeId ? ` (notice #${m.noticeId})` : ''}${m.late ? '. It went out after its due time: keep the reasons for the delay on record.' : '.'}`;
    }
  })();
  const blocks: KnownBlock[] = [section(text)];
  if (m.type === 'regime_suggested') {
    blocks.push({
      type: 'actions',
      elements: [{ type: 'button', action_id: SUGGESTION_ACTIONS.apply, style: 'primary', text: { type: 'plain_text', text: applyLabel(m.regimeId) }, value: `${incident.id}|${m.regimeId}` }],
    });
  }
  return { text: truncate(text, 3000), blocks };
}

const zoneOf = (catalog: ClockCatalog, regimeId: string): string => catalog.entries.get(regimeId)?.regime.jurisdiction.zone ?? 'UTC';

function reminderText(m: Extract<ClockMessage, { type: 'deadline_reminder' }>, stage: string, incident: Incident, where: string, catalog: ClockCatalog): string {
  const ref = `${m.regimeId}:${m.stageId}`;
  const due = dueText(new Date(m.due), m.zone ?? zoneOf(catalog, m.regimeId));
  const head =
    m.timeLeftMs < 0
      ? `:red_circle: ${stage} for *${incident.id}* (${where}) is *overdue*: ${formatTimeLeft(m.timeLeftMs)}, was due ${due}.`
      : `:alarm_clock: ${stage} for *${incident.id}* (${where}) is due ${due}: ${formatTimeLeft(m.timeLeftMs)}.`;
  const internal = m.dueKind === 'internal' ? ' (an internal target, not a legal deadline)' : '';
  return [
    `${head}${internal}`,
    `• Draft it: \`/incident notify &lt;template&gt;\``,
    `• Sent it: \`/incident submitted ${ref} &lt;reference&gt;\``,
    `• It does not apply: \`/incident notnotifiable ${ref} &lt;rationale&gt;\` (an approver decides)`,
  ].join('\n');
}
