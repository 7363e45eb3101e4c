import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditReport } from '../support/audit-report.js';
import { plainTextValue, usersSelectValue } from '../support/slack-requests.js';
import { replyText, type Harness } from '../support/warden-harness.js';
import { blocksText, checklist, click, declareTyped, responseAt, startPlaybookHarness } from '../features/playbooks/app/playbook-harness.js';

let h: Harness;
let id: string;
let channel: string;
const step = (stepId: string) => ({ incidentId: id, stepId, channel });
const stepState = (stepId: string) => h.db.prepare('SELECT * FROM playbook_steps WHERE incident_id = ? AND step_id = ?').all(id, stepId);

beforeEach(async () => {
  h = await startPlaybookHarness();
  ({ id, channel } = await declareTyped(h, 'outage', 'Checkout down'));
  await h.event(h.slack.joinChannel(channel, 'UBOB')); // a responder joins the channel on their own
});
afterEach(async () => {
  await h.stop();
});

describe('the checklist on declaration', () => {
  it('when a fan-out job queued by an earlier version is still pending after the upgrade, then its subscribers run and nothing is attached twice', async () => {
    const now = h.clock.now();
    // What versions before domain events queued for every declaration.
    h.warden.store.jobs.enqueue({ kind: 'incident.declared', dueAt: now, payload: { incidentId: id }, incidentId: id }, now);
    await h.settle();
    expect(checklist(h, channel)).toHaveLength(1);
    expect(h.warden.store.timeline.list(id).filter((e) => e.text.includes('attached'))).toHaveLength(1);
    expect(h.warden.store.jobs.failedCount()).toBe(0);
  });

  it('when an outage is declared, then the service-outage checklist is posted once in its channel, after the card', async () => {
    const posted = checklist(h, channel);
    expect(posted).toHaveLength(1);
    expect(posted[0]?.text).toBe('Playbook Service outage: 0 of 10 steps closed');
    expect(blocksText(posted[0])).toContain('Confirm the impact from the user');
    const timeline = h.warden.store.timeline.list(id).map((e) => e.text);
    expect(timeline).toContain('Playbook Service outage attached (service-outage)');
    await h.settle();
    expect(checklist(h, channel)).toHaveLength(1);
  });

  it('when /incident playbook is asked, then it names the playbook, the progress and the open step ids', async () => {
    const text = replyText((await h.incident('playbook', { channel })).body);
    expect(text).toContain('*Service outage* (`service-outage`) runs for');
    expect(text).toContain('0/10 closed');
    expect(text).toContain('`confirm-impact`');
  });

  it('when /incident playbook list is asked, then every shipped playbook is listed and the running one marked', async () => {
    const text = replyText((await h.incident('playbook list', { channel })).body);
    for (const pb of ['credential-leak', 'ddos', 'personal-data-breach', 'ransomware', 'tabletop-drill', 'third-party-compromise']) expect(text).toContain(`\`${pb}\``);
    expect(text).toContain('(outage; 15 steps) ← running');
  });
});

describe('ticking steps off', () => {
  it('when several steps are ticked before the checklist is updated, then one chat.update shows them all', async () => {
    await h.warden.runner.stop();
    for (const s of ['assign-roles', 'confirm-impact', 'mitigate']) expect((await click(h, 'playbook.done', step(s), 'UALICE').sent).status).toBe(200);
    expect(h.warden.store.jobs.pendingFor(id).filter((j) => j.kind === 'playbook.sync')).toHaveLength(1);
    const callsBefore = h.slack.calls().length;
    h.warden.runner.start();
    await h.settle();
    expect(h.slack.calls().slice(callsBefore).filter((c) => c.method === 'chat.update')).toHaveLength(1);
    const closed = (h.db.prepare("SELECT count(*) AS n FROM playbook_steps WHERE incident_id = ? AND status = 'done'").get(id) as { n: number }).n;
    expect(closed).toBeGreaterThanOrEqual(2);
    expect(checklist(h, channel)[0]?.text).toBe(`Playbook Service outage: ${closed} of 10 steps closed`);
  });

  it('when Done is clicked on a step without required evidence, then it is done at once, in the timeline and audit chain, and the same message is updated', async () => {
    const [before] = checklist(h, channel);
    const { sent } = click(h, 'playbook.done', step('assign-roles'), 'UALICE');
    const res = await sent;
    expect(res.status).toBe(200);
    const callsBefore = h.slack.calls().length;
    await h.settle();
    const tickCalls = h.slack.calls().slice(callsBefore).map((c) => c.method);
    expect(tickCalls).toEqual(['chat.update']);
    const [after] = checklist(h, channel);
    expect(after?.ts).toBe(before?.ts);
    expect(after?.text).toBe('Playbook Service outage: 1 of 10 steps closed');
    expect(blocksText(after)).toContain('Done by <@UALICE>');
    expect(h.warden.store.timeline.list(id).some((e) => e.kind === 'playbook' && e.actor === 'UALICE' && e.text === 'Step done: Assign commander, comms and ops leads')).toBe(true);
    expect(h.warden.store.audit.forIncident(id).map((e) => e.action)).toContain('playbook.step_done');
    expect((await auditReport(h.db)).problems).toEqual([]);
    expect(res.elapsedMs).toBeLessThan(3_000);
  });

  it('when Done is clicked on a step that needs evidence, then the modal opens; empty evidence is a field error; evidence completes it', async () => {
    const { sent } = click(h, 'playbook.done', step('mitigate'));
    await sent;
    const modal = h.slack.calls('views.open').at(-1)?.args.view as { callback_id: string; private_metadata: string };
    expect(modal.callback_id).toBe('playbook.evidence');
    const submit = (evidence: string | null) =>
      h.submit({ callbackId: 'playbook.evidence', privateMetadata: modal.private_metadata, values: { evidence: { evidence_value: plainTextValue(evidence) } }, userId: 'UALICE' });
    const empty = await submit('  ');
    expect(empty.body).toMatchObject({ response_action: 'errors', errors: { evidence: expect.stringContaining('needs evidence') } });
    expect(stepState('mitigate')).toHaveLength(0);
    const ok = await submit('Rolled back deploy 4812: https://ci.example.com/4812');
    expect(ok.status).toBe(200);
    expect(ok.body).toBe('');
    expect((await submit('Rolled back deploy 4812: https://ci.example.com/4812')).body).toBe(''); // a retry or double submit
    expect(h.warden.store.audit.forIncident(id).filter((e) => e.action === 'playbook.step_done')).toHaveLength(1);
    await h.settle();
    expect(blocksText(checklist(h, channel)[0])).toContain('Evidence: Rolled back deploy 4812: https://ci.example.com/4812');
    expect(h.warden.store.audit.forIncident(id).find((e) => e.action === 'playbook.step_done')?.details).toMatchObject({ stepId: 'mitigate', evidence: 'Rolled back deploy 4812: https://ci.example.com/4812' });
  });

  it('when Skip is submitted without a reason, then a field error; with one, the step is skipped with who and why', async () => {
    await click(h, 'playbook.skip', step('recent-changes')).sent;
    const modal = h.slack.calls('views.open').at(-1)?.args.view as { callback_id: string; private_metadata: string };
    expect(modal.callback_id).toBe('playbook.skip_reason');
    const submit = (reason: string | null) =>
      h.submit({ callbackId: 'playbook.skip_reason', privateMetadata: modal.private_metadata, values: { reason: { reason_value: plainTextValue(reason) } }, userId: 'UBOB' });
    expect((await submit('')).body).toEqual({ response_action: 'errors', errors: { reason: 'Say why the step is skipped.' } });
    expect((await submit('No changes in the last day <!here>')).status).toBe(200);
    await h.settle();
    const text = blocksText(checklist(h, channel)[0]);
    expect(text).toContain('Skipped by <@UBOB>');
    expect(text).toContain('Reason: No changes in the last day &amp;lt;!here&amp;gt;'.replaceAll('&amp;', '&'));
    expect(h.warden.store.audit.forIncident(id).map((e) => e.action)).toContain('playbook.step_skipped');
  });

  it('when a step is assigned, then the checklist shows the person and they get a DM', async () => {
    await click(h, 'playbook.assign', step('confirm-impact')).sent;
    const modal = h.slack.calls('views.open').at(-1)?.args.view as { private_metadata: string };
    expect((await h.submit({ callbackId: 'playbook.assign_user', privateMetadata: modal.private_metadata, values: { assignee: { assignee_value: usersSelectValue(null) } }, userId: 'UALICE' })).body)
      .toEqual({ response_action: 'errors', errors: { assignee: 'Pick a person.' } });
    await h.submit({ callbackId: 'playbook.assign_user', privateMetadata: modal.private_metadata, values: { assignee: { assignee_value: usersSelectValue('UCAROL') } }, userId: 'UALICE' });
    await h.settle();
    expect(blocksText(checklist(h, channel)[0])).toContain('· <@UCAROL>');
    const dm = h.slack.calls('chat.postMessage').find((c) => String(c.args.text).includes('assigned you *Confirm the impact'));
    expect(dm).toBeDefined();
    expect(h.warden.store.timeline.list(id).some((e) => e.text === 'Step assigned: Confirm the impact from the user\'s side → <@UCAROL>')).toBe(true);
  });
});

describe('two people, one step', () => {
  it('when someone who has not joined the channel clicks Done, then it is refused, audited, and the step stays open', async () => {
    const c = click(h, 'playbook.done', step('assign-roles'), 'UCAROL');
    await c.sent;
    expect(await responseAt(h, c.id)).toBe(`:no_entry: Only a member of ${id}'s channel may tick, skip or assign a playbook step.`);
    expect(stepState('assign-roles')).toEqual([]); // no row: nobody closed it
    const denied = h.warden.store.audit.forIncident(id).filter((e) => e.action === 'access.denied');
    expect(denied.map((e) => [e.actor, e.details.permission])).toEqual([['UCAROL', 'playbook:step']]);
  });

  it('when someone leaves the channel, then their clicks are refused from then on', async () => {
    await h.event(h.slack.leaveChannel(channel, 'UBOB'));
    const c = click(h, 'playbook.done', step('assign-roles'), 'UBOB');
    await c.sent;
    expect(await responseAt(h, c.id)).toContain(':no_entry: Only a member of');
  });

  it('when two responders click Done at the same moment, then one record, and the second is told who was first', async () => {
    const a = click(h, 'playbook.done', step('assign-roles'), 'UALICE');
    const b = click(h, 'playbook.done', step('assign-roles'), 'UBOB');
    await Promise.all([a.sent, b.sent]);
    const first = await Promise.race([responseAt(h, a.id), responseAt(h, b.id)]);
    const answers = [first, await responseAt(h, a.id, 100), await responseAt(h, b.id, 100)].slice(1);
    const loser = answers.find((t) => t.startsWith('Already done by'));
    expect(answers.filter(Boolean)).toHaveLength(1);
    expect(loser).toMatch(/^Already done by <@(UALICE|UBOB)> at <!date\^\d+\^/);
    expect(stepState('assign-roles')).toHaveLength(1);
    expect(h.warden.store.audit.forIncident(id).filter((e) => e.action === 'playbook.step_done')).toHaveLength(1);
    expect(h.slack.ephemerals(channel).some((e) => e.text.startsWith('Already done by'))).toBe(true);
  });

  it('when an evidence modal is submitted after someone else closed the step, then the modal says who was first', async () => {
    await click(h, 'playbook.done', step('mitigate'), 'UBOB').sent;
    const modal = h.slack.calls('views.open').at(-1)?.args.view as { private_metadata: string };
    await h.incident('playbook skip mitigate Provider fixed it on their side', { channel, user: 'UALICE' });
    const res = await h.submit({ callbackId: 'playbook.evidence', privateMetadata: modal.private_metadata, values: { evidence: { evidence_value: plainTextValue('done') } }, userId: 'UBOB' });
    expect(res.body).toMatchObject({ response_action: 'update', view: { title: { text: 'Already closed' } } });
    expect(JSON.stringify(res.body)).toContain('Already skipped by <@UALICE>');
    expect(h.warden.store.audit.forIncident(id).filter((e) => e.action.startsWith('playbook.step_'))).toHaveLength(1);
  });
});

describe('buttons Warden did not make', () => {
  it('when the step id is unknown, then a clear ephemeral error and nothing stored', async () => {
    const { id: r, sent } = click(h, 'playbook.done', step('no-such-step'));
    await sent;
    expect(await responseAt(h, r)).toContain('has no step `no-such-step`');
    expect(h.db.prepare('SELECT count(*) AS n FROM playbook_steps').get()).toEqual({ n: 0 });
  });

  it('when the value is forged, or points at another channel, then a clear ephemeral error and nothing stored', async () => {
    const forged = click(h, 'playbook.done', step('assign-roles'), 'UBOB', '{"i":"<!channel>","s":"x"}');
    await forged.sent;
    expect(await responseAt(h, forged.id)).toContain('not one Warden made');
    const elsewhere = click(h, 'playbook.done', { ...step('assign-roles'), channel: 'CGENERAL' }, 'UBOB');
    await elsewhere.sent;
    expect(await responseAt(h, elsewhere.id)).toContain('not one Warden made');
    const garbage = click(h, 'playbook.skip', step('x'), 'UBOB', 'not json');
    await garbage.sent;
    expect(await responseAt(h, garbage.id)).toContain('not one Warden made');
    expect(h.db.prepare('SELECT count(*) AS n FROM playbook_steps').get()).toEqual({ n: 0 });
    expect(h.slack.calls('views.open')).toHaveLength(0);
  });
});

describe('choosing the playbook from the declare command', () => {
  it('when declared with --type outage, then the service-outage checklist is posted', async () => {
    await h.incident('declare sev2 --type outage Search is down');
    await h.settle();
    const incident = h.warden.store.incidents.listOpen().find((i) => i.title === 'Search is down');
    expect(incident?.type).toBe('outage');
    expect(checklist(h, incident?.channelId ?? '')[0]?.text).toMatch(/^Playbook Service outage/);
  });

  it('when declared with --drill, then it is a drill and the tabletop-drill checklist is posted', async () => {
    await h.incident('declare sev3 --drill Ransomware tabletop');
    await h.settle();
    const incident = h.warden.store.incidents.listOpen().find((i) => i.title === 'Ransomware tabletop');
    expect(incident).toMatchObject({ drill: true, type: 'drill' });
    expect(checklist(h, incident?.channelId ?? '')[0]?.text).toMatch(/^Playbook Tabletop drill/);
  });
});

