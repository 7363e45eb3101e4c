import { escapeMrkdwn } from '../../../adapters/slack/escape.js';
import { selectPlaybook } from '../domain/select.js';
import type { PlaybookDeps } from '../app/deps.js';
import { findPlaybook } from '../app/running.js';
import type { Incident } from '../../incidents/index.js';

const SWITCH = 'Other playbooks: `/incident playbook list`; switch with `/incident playbook <id>`.';

/**
 * The declare reply's line on the playbook: the one attached, or the one the attach job (queued in the same
 * transaction, run after the ack) will attach, chosen by the same rule, so a new user learns which checklist
 * they got and how to change it. Says so when none fits, rather than saying nothing.
 */
export function declarePlaybookNote(deps: PlaybookDeps, incident: Incident): string | null {
  const attached = deps.playbooks.attachment(incident.id);
  const playbook = attached ? findPlaybook(deps, attached.playbookId) : selectPlaybook(deps.catalog, incident);
  if (!playbook) return `:clipboard: No playbook fits a ${incident.type} incident. ${SWITCH.replace('switch', 'attach one')}`;
  const kind = playbook.fallback ? ' (the general one: no more specific playbook fits)' : '';
  return `:clipboard: Playbook: *${escapeMrkdwn(playbook.name)}* (\`${playbook.id}\`)${kind}. ${SWITCH}`;
}
