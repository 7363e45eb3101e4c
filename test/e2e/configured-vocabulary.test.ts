// Severities and roles are configuration: a warden.yaml with its own severities (p1, p2, p3) and an extra
// role (legal) drives the slash commands, the card and the declare form, through signed requests.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { replyText, startHarness, type Harness } from '../support/warden-harness.js';

const CONFIG = {
  severities: {
    p1: { name: 'Critical', description: 'Everyone is affected.', updateEvery: '15m' },
    p2: { description: 'Many are affected.', updateEvery: '1h' },
    p3: { description: 'Few are affected.', updateEvery: '1d' },
  },
  roles: {
    commander: null,
    comms: null,
    legal: { name: 'Legal counsel', duty: 'Advises on notification duties and privilege.' },
  },
};

let h: Harness;
beforeEach(async () => {
  h = await startHarness({ config: CONFIG });
});
afterEach(async () => {
  await h.stop();
});

const body = (res: { body: unknown }) => res.body as { response_type?: string };
const cardBlocks = () => JSON.stringify(h.slack.calls('chat.update').at(-1)?.args.blocks);

describe('configured severities and roles', () => {
  it('when warden.yaml sets p1-p3 and a legal role, then declare, sev and role use them and the card shows them', async () => {
    const declared = await h.incident('declare p1 Card data exposed');
    expect(replyText(declared.body)).toContain('Declared *INC-2026-0001* (p1, security)');
    await h.settle();
    const channel = h.incidentChannel();
    expect(JSON.stringify(h.slack.messages(channel)[0]?.blocks)).toContain('*Severity*\\np1 (Critical)');

    const sev = await h.incident('sev p2', { channel });
    expect(replyText(sev.body)).toContain('INC-2026-0001 is now *p2* (lowered).');
    const role = await h.incident('role legal <@UCAROL|carol>', { channel });
    expect(replyText(role.body)).toContain('Role *legal* assigned.');
    await h.settle();

    expect(h.warden.store.incidents.listOpen()[0]).toMatchObject({ severity: 'p2', roles: { commander: 'UALICE', legal: 'UCAROL' } });
    expect(cardBlocks()).toContain('*Severity*\\np2');
    expect(cardBlocks()).toContain('*Legal counsel*: <@UCAROL>');
    expect(cardBlocks()).not.toContain('scribe');
    const dm = h.slack.calls('chat.postMessage').find((c) => String(c.args.text).includes('You are now *legal*'));
    expect(dm?.args.text).toContain('Advises on notification duties and privilege.');
  });

  it('when someone types a severity that is not configured, then a clear ephemeral error lists the configured ones and nothing is declared', async () => {
    const res = await h.incident('declare sev1 Payments down');
    expect(body(res).response_type).toBe('ephemeral');
    expect(replyText(res.body)).toContain('Unknown severity `sev1`. Use one of: p1, p2, p3.');
    expect(replyText((await h.incident('declare p7 Payments down')).body)).toContain('Unknown severity `p7`. Use one of: p1, p2, p3.');
    expect(h.warden.store.incidents.listOpen()).toHaveLength(0);

    await h.incident('declare p3 Minor glitch');
    await h.settle();
    const channel = h.incidentChannel();
    expect(replyText((await h.incident('sev sev2', { channel })).body)).toContain('Unknown severity `sev2`. Use one of: p1, p2, p3.');
    expect(replyText((await h.incident('role scribe <@UCAROL>', { channel })).body)).toContain('Unknown role `scribe`. Use one of: commander, comms, legal.');
    expect(h.warden.store.incidents.listOpen()[0]).toMatchObject({ severity: 'p3', roles: { commander: 'UALICE' } });
  });

  it('when a declaration names no severity, then it gets the least severe configured one', async () => {
    const res = await h.incident('declare Printer on fire');
    expect(replyText(res.body)).toContain('(p3, security): Printer on fire');
  });

  it('when the declare form opens, then its severity options are the configured ones, most severe first', async () => {
    await h.incident('declare');
    const view = JSON.stringify(h.slack.calls('views.open')[0]?.args.view);
    expect(view).toContain('"value":"p1"');
    expect(view.indexOf('"value":"p1"')).toBeLessThan(view.indexOf('"value":"p2"'));
    expect(view.indexOf('"value":"p2"')).toBeLessThan(view.indexOf('"value":"p3"'));
    expect(view).not.toContain('"value":"sev1"');
  });

  it('when an incident has a severity and a role no longer configured, then they show with a note and the severity can still change', async () => {
    await h.incident('declare p2 Old incident');
    await h.settle();
    const channel = h.incidentChannel();
    const { id } = h.warden.store.incidents.listOpen()[0]!;
    // As stored under an earlier warden.yaml that had sev1 and scribe.
    h.warden.store.incidents.update(id, { severity: 'sev1' });
    h.warden.store.incidents.setRole(id, 'scribe', 'UBOB', 'UALICE', h.clock.now());

    expect(replyText((await h.incident('list')).body)).toContain('sev1 (no longer configured)');
    expect(replyText((await h.incident('sev p1', { channel })).body)).toContain(`${id} is now *p1*.`);
    await h.settle();
    expect(cardBlocks()).toContain('*Severity*\\np1 (Critical)');
    expect(cardBlocks()).toContain('*scribe (no longer configured)*: <@UBOB>');
    expect(h.slack.messages(channel).some((m) => m.text.includes('from sev1 to *p1*'))).toBe(true);
  });
});
