import { afterEach, describe, expect, it } from 'vitest';
import { replyText, type Harness } from '../support/warden-harness.js';
import { checklist, startPlaybookHarness } from '../features/playbooks/app/playbook-harness.js';

let h: Harness;
const say = async (text: string, channel: string, user = 'UALICE') => replyText((await h.incident(text, { channel, user })).body);

afterEach(async () => {
  await h.stop();
});

async function declarePlain(text = 'declare sev1 Suspicious logins on the admin console') {
  const reply = replyText((await h.incident(text)).body);
  await h.settle();
  return { reply, channel: h.incidentChannel() };
}

describe('the general security-incident playbook', () => {
  it('when a plain /incident declare sev1 <title> comes in, then the general playbook runs and the reply names it and how to switch', async () => {
    h = await startPlaybookHarness();
    const { reply, channel } = await declarePlain();
    expect(reply).toContain('Declared *INC-2026-0001* (sev1, security)');
    expect(reply).toContain('Playbook: *General security incident* (`general-security-incident`) (the general one: no more specific playbook fits).');
    expect(reply).toContain('`/incident playbook list`; switch with `/incident playbook &lt;id&gt;`');
    expect(checklist(h, channel).map((m) => m.text)).toEqual(['Playbook General security incident: 0 of 14 steps closed']);
    const id = h.warden.store.incidents.byChannel(channel)!.id;
    expect(h.warden.store.timeline.list(id).map((e) => e.text)).toContain('Playbook General security incident attached (general-security-incident)');
  });

  it('when a more specific playbook fits at declaration, then the reply names that one, not the general one', async () => {
    h = await startPlaybookHarness();
    const { reply, channel } = await declarePlain('declare sev2 --type ransomware Files encrypted on the NAS');
    expect(reply).toContain('Playbook: *Ransomware* (`ransomware`). Other playbooks');
    expect(reply).not.toContain('General security incident');
    expect(checklist(h, channel)[0]?.text).toMatch(/^Playbook Ransomware:/);
  });

  it('when a flag later makes a specific playbook fit, then Warden switches from the general one and says so once', async () => {
    h = await startPlaybookHarness();
    const { channel } = await declarePlain();
    await say('flag personal_data on', channel);
    await h.settle();
    const switched = h.slack.messages(channel).filter((m) => m.text.includes('switched the playbook'));
    expect(switched.map((m) => m.text)).toEqual([
      expect.stringContaining('Warden switched the playbook of *INC-2026-0001* from *General security incident* to *Personal data breach*, which fits the new flags.'),
    ]);
    expect(checklist(h, channel).every((m) => m.text.startsWith('Playbook Personal data breach'))).toBe(true);
    await say('flag eu_subjects on', channel);
    await h.settle();
    expect(h.slack.messages(channel).filter((m) => m.text.includes('switched the playbook'))).toHaveLength(1);
  });

  it('when a person chose the general playbook, then a flag does not switch it away', async () => {
    h = await startPlaybookHarness();
    const { channel } = await declarePlain('declare sev2 --type ransomware Files encrypted');
    expect(await say('playbook general-security-incident', channel)).toContain('to playbook *General security incident*');
    await say('flag personal_data on', channel);
    await h.settle();
    expect(checklist(h, channel).every((m) => m.text.startsWith('Playbook General security incident'))).toBe(true);
    expect(h.slack.messages(channel).filter((m) => m.text.includes('Warden switched'))).toHaveLength(0);
  });

  it('when no playbook fits, then the reply says so and how to attach one', async () => {
    h = await startPlaybookHarness({}, undefined, []);
    const { reply } = await declarePlain();
    expect(reply).toContain('No playbook fits a security incident. Other playbooks: `/incident playbook list`; attach one with `/incident playbook &lt;id&gt;`.');
  });
});
