import type { DemoContext } from './script.js';

/**
 * The playbook part of the demo: attach the outage playbook, tick steps off (evidence asked for where the
 * playbook requires it), let a flag add the customer-facing steps, and show the progress. Runs inside
 * the incident channel after the roles are given.
 */
export async function playbookScene(d: DemoContext): Promise<void> {
  const incident = d.warden.store.incidents.listOpen()[0];
  const channel = incident?.channelId;
  if (!incident || !channel) throw new Error('the demo incident has no channel');
  d.say('\n— playbooks: the checklist that walks the responders through the response —');
  await d.command('UALICE', 'playbook list', channel);
  await d.command('UALICE', 'playbook service-outage', channel);
  await d.command('UALICE', 'playbook done assign-roles', channel);
  await d.command('UCAROL', 'playbook done mitigate', channel);
  await d.command('UCAROL', 'playbook done mitigate Rolled back the 08:55 config push (deploy 4812).', channel);
  await d.command('UBOB', 'flag customer_impact on', channel);
  await d.command('UBOB', 'playbook skip sla-credits Internal API only; no SLA applies.', channel);
  await d.command('UALICE', 'playbook', channel);
}
