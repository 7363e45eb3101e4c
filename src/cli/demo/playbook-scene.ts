import { PLAYBOOK_ACTIONS } from '../../features/playbooks/slack/blocks/playbook-checklist.js';
import { encodeStepRef } from '../../features/playbooks/slack/blocks/playbook-text.js';
import type { DemoContext, DemoIncident } from './script.js';

/**
 * The playbook part of the demo: attach the outage playbook, tick steps off (evidence asked for where the
 * playbook requires it), let a flag add the customer-facing steps, and show the progress. Runs inside
 * the incident channel after the roles are given.
 */
export async function playbookScene(d: DemoContext, incident: DemoIncident): Promise<void> {
  const channel = incident.channelId;
  d.say('\n— playbooks: the checklist that walks the responders through the response —');
  await d.command('UALICE', 'playbook list', channel);
  await d.command('UALICE', 'playbook service-outage', channel);
  const checklist = d.slack.messages(channel).find((m) => m.text.startsWith('Playbook '));
  await d.action(
    { actionId: PLAYBOOK_ACTIONS.done, value: encodeStepRef({ incidentId: incident.id, stepId: 'assign-roles' }), userId: 'UALICE', channelId: channel, messageTs: checklist?.ts ?? '' },
    '@alice clicks Done on "Assign commander, comms and ops leads" in the checklist',
  );
  await d.command('UCAROL', 'playbook done mitigate', channel);
  await d.command('UCAROL', 'playbook done mitigate Rolled back the 08:55 config push (deploy 4812).', channel);
  await d.command('UBOB', 'flag customer_impact on', channel);
  await d.command('UBOB', 'playbook skip sla-credits Internal API only; no SLA applies.', channel);
  await d.command('UALICE', 'playbook', channel);
}
