import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { INCIDENT_FLAGS } from '../../src/features/incidents/domain/incident-model.js';
import { replyText, type Harness } from '../support/warden-harness.js';
import { blocksText, checklist, declareTyped, SHIPPED, startPlaybookHarness } from '../features/playbooks/app/playbook-harness.js';
import { aPlaybook, aStep } from '../features/playbooks/domain/builders.js';

let h: Harness;
let channel: string;
const say = async (text: string, user = 'UALICE') => replyText((await h.incident(text, { channel, user })).body);
const notices = () => h.slack.messages(channel).filter((m) => m.text.includes('changed with the incident'));
const gdprSteps = ['Decide whether to notify the supervisory authority', 'File the notification with the lead supervisory authority'];

// These start from a security incident no playbook fits yet: the shipped ones without the general fallback
// (the fallback's own flow is in playbooks-fallback.test.ts).
const SPECIFIC = SHIPPED.filter((p) => !p.fallback);

beforeEach(async () => {
  h = await startPlaybookHarness({}, undefined, SPECIFIC);
  await h.incident('declare sev2 Customer export on a public bucket');
  await h.settle();
  channel = h.incidentChannel();
});
afterEach(async () => {
  await h.stop();
});

describe('flags', () => {
  it('when /incident flag is asked, then each flag is listed on or off; bad input gets a clear answer', async () => {
    const list = await say('flag');
    for (const f of INCIDENT_FLAGS) expect(list).toContain(`\`${f}\` off`);
    expect(await say('flag pii on')).toContain('Unknown flag `pii`. Flags: personal_data');
    expect(await say('flag phi maybe')).toContain('Say `on` or `off`');
    expect(await say('flag phi off')).toContain('Flag `phi` is already off');
  });

  it('when a flag makes a playbook fit, then it is attached, announced once, and its checklist posted', async () => {
    expect(checklist(h, channel)).toHaveLength(0);
    expect(await say('flag personal_data on')).toContain('Flag `personal_data` is now *on*');
    await h.settle();
    const posted = h.slack.messages(channel).filter((m) => m.text.includes('Playbook *Personal data breach* now runs'));
    expect(posted).toHaveLength(1);
    expect(checklist(h, channel).length).toBeGreaterThan(0);
    const id = h.warden.store.incidents.byChannel(channel)!.id;
    expect(h.warden.store.incidents.get(id)?.flags).toEqual(['personal_data']);
    expect(h.warden.store.timeline.list(id).map((e) => e.text)).toEqual(expect.arrayContaining(['Flags: personal_data on', 'Playbook Personal data breach attached (personal-data-breach)']));
    expect(h.warden.store.audit.forIncident(id).map((e) => e.action)).toContain('incident.flags_changed');
    expect(JSON.stringify(h.slack.calls('chat.update').at(-1)?.args.blocks)).toContain('flags: personal_data');
  });

  it('when a flag makes steps appear and then leave, then each change is announced once and the same checklist message is updated', async () => {
    await say('flag personal_data on');
    await h.settle();
    const [first] = checklist(h, channel);
    const totalBefore = first?.text;
    await say('flag eu_subjects on');
    await h.settle();
    expect(notices()).toHaveLength(1);
    expect(notices()[0]?.text).toMatch(/\+\d+ \/ -0 steps/);
    for (const title of gdprSteps) expect(JSON.stringify(notices()[0]?.blocks)).toContain(title);
    const [after] = checklist(h, channel);
    expect(after?.ts).toBe(first?.ts);
    expect(after?.text).not.toBe(totalBefore);
    expect(h.slack.calls('chat.update').some((c) => c.args.ts === first?.ts)).toBe(true);
    expect(checklist(h, channel).map((m) => blocksText(m)).join()).toContain(gdprSteps[0]);

    await say('flag eu_subjects off');
    await h.settle();
    expect(notices()).toHaveLength(2);
    expect(notices()[1]?.text).toMatch(/\+0 \/ -\d+ steps/);
    expect(checklist(h, channel).map((m) => blocksText(m)).join()).not.toContain(gdprSteps[0]);
    expect(checklist(h, channel)[0]?.text).toBe(totalBefore);
  });

  it('when a flag changes nothing in the checklist, then nothing is announced', async () => {
    await say('flag personal_data on');
    await h.settle();
    const before = h.slack.messages(channel).length;
    await say('flag public_company on');
    await h.settle();
    expect(notices()).toHaveLength(0);
    expect(h.slack.messages(channel)).toHaveLength(before);
  });

  it('when every flag is on, then the longest shipped checklists still fit Slack (the stand-in refuses violations)', async () => {
    for (const f of INCIDENT_FLAGS) await say(`flag ${f} on`);
    await h.settle();
    const pdb = checklist(h, channel);
    expect(pdb.map((m) => m.text)).toEqual(['Playbook Personal data breach: 0 of 22 steps closed']);
    expect(pdb[0]?.blocks).toHaveLength(50);
    await say('playbook ransomware');
    await h.settle();
    const ransomware = checklist(h, channel);
    expect(ransomware.map((m) => [m.text, m.blocks?.length])).toEqual([['Playbook Ransomware: 0 of 22 steps closed', 50]]);
    const failed = h.slack.calls().filter((c) => !c.ok);
    expect(failed).toEqual([]);
    expect(h.warden.store.jobs.failedCount()).toBe(0);
  });
});

describe('switching playbooks', () => {
  it('when another playbook is chosen, then it is announced once, the old checklist says it was replaced, and the new one is posted', async () => {
    await say('flag personal_data on');
    await h.settle();
    const old = checklist(h, channel).map((m) => m.ts);
    expect(await say('playbook ransomware', 'UBOB')).toContain('Switched from *Personal data breach* to playbook *Ransomware*');
    await h.settle();
    const announced = h.slack.messages(channel).filter((m) => m.text.includes('switched the playbook'));
    expect(announced).toHaveLength(1);
    expect(announced[0]?.text).toContain('<@UBOB> switched the playbook of');
    for (const ts of old) expect(h.slack.messages(channel).find((m) => m.ts === ts)?.text).toContain('This checklist was replaced');
    expect(checklist(h, channel).every((m) => m.text.startsWith('Playbook Ransomware'))).toBe(true);
    expect(await say('playbook')).toContain('*Ransomware* (`ransomware`)');
    expect(await say('playbook ransomware')).toContain('already runs playbook *Ransomware*');
    expect(await say('playbook nope')).toContain('No playbook `nope`. Available: `credential-leak`');
    await h.settle();
    expect(h.slack.messages(channel).filter((m) => m.text.includes('switched the playbook'))).toHaveLength(1);
  });
});

describe('a checklist longer than one Slack message', () => {
  it('when a company playbook has 40 steps, then it is posted in parts and a tick updates only the parts it changed', async () => {
    await h.stop();
    const steps = Array.from({ length: 40 }, (_, i) => aStep({ id: `s${i}`, phase: i < 30 ? 'containment' : 'post_incident' }));
    h = await startPlaybookHarness({}, undefined, [...SHIPPED, aPlaybook({ id: 'long', name: 'Long', appliesTo: { types: ['ddos'], severities: [], flags: [] }, priority: 99, steps })]);
    const { id, channel: ch } = await declareTyped(h, 'ddos', 'Flood');
    const parts = checklist(h, ch);
    expect(parts.map((m) => m.text)).toEqual(['Playbook Long: 0 of 40 steps closed (part 1 of 2)', 'Playbook Long: 0 of 40 steps closed (part 2 of 2)']);
    const lastPart = parts[1];
    const calls = h.slack.calls().length;
    await h.action({ actionId: 'playbook.done', value: JSON.stringify({ i: id, s: 's39' }), userId: 'UALICE', channelId: ch, messageTs: lastPart?.ts ?? '' });
    await h.settle();
    const tick = h.slack.calls().slice(calls);
    expect(tick.map((c) => [c.method, c.args.ts])).toEqual([['chat.update', parts[0]?.ts], ['chat.update', lastPart?.ts]]);
    expect(checklist(h, ch).map((m) => m.ts)).toEqual(parts.map((m) => m.ts));
  });
});
